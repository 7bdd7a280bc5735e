package scene

import (
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/scenario"
)

// TestStoryNamesLabelNodes: a story that names its nodes A to E (as The Secret
// Lives of Data does) has the picture call them so: the layout's labels, the
// HUD, a node's menu and its caption; a run without names says n1..n5.
func TestStoryNamesLabelNodes(t *testing.T) {
	sc, err := scenario.Builtin("partition")
	if err != nil {
		t.Fatal(err)
	}
	sim, err := raftsim.New(sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	sim.Advance(600) // A, the seed's first leader, is elected
	snap := sim.Snapshot()
	s := newScene(snap)
	var labels []string
	for _, n := range s.Placement().Nodes {
		labels = append(labels, n.Name)
	}
	if got := strings.Join(labels, " "); got != "A B C D E" {
		t.Errorf("layout labels %q, want A B C D E", got)
	}
	if h := NewHUD(snap, nil); !strings.HasPrefix(h.Cluster, "leader A, term 1") {
		t.Errorf("HUD %q, want it to name the leader A", h.Cluster)
	}
	s.Key('2')
	menu := s.OpenPanels()[0]
	if !strings.HasPrefix(menu.Title, "B  follower, term 1 · voted A") {
		t.Errorf("node 2's menu is titled %q", menu.Title)
	}
	for _, b := range menu.Buttons {
		if b.Cmd == CmdWrite && b.Label != "Client write via B" {
			t.Errorf("write button %q", b.Label)
		}
	}

	plain := newScene(cluster(5))
	if n := plain.Placement().Nodes[2]; n.Name != "n3" {
		t.Errorf("without names node 3 is labelled %q, want n3", n.Name)
	}
}
