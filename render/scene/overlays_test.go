package scene

import (
	"slices"
	"testing"
)

// A host page finds a panel by its name in layout(): two panels of one
// name would leave it guessing which is which.
func TestOverlaysHaveDistinctNames(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range newOverlays().list {
		name := o.placeName()
		if name != "" && seen[name] {
			t.Errorf("two panels are called %q in the placement", name)
		}
		seen[name] = true
	}
}

// Panels open together stack in the registry's order, and the placement
// names them in that order: the members menu opened over a node's menu is
// the one a click lands on.
func TestOverlaysStackInRegistryOrder(t *testing.T) {
	s := newScene(cluster(3))
	s.Controller.Selected = 2
	panelOf[*membersPanel](s).open = true
	s.layPanels()
	var names []string
	for _, p := range s.Placement().Panels {
		if p.Name == "menu" || p.Name == "members" {
			names = append(names, p.Name)
		}
	}
	if !slices.Equal(names, []string{"menu", "members"}) {
		t.Errorf("placement names the open panels %v, want [menu members]", names)
	}
	open := s.OpenPanels()
	if len(open) != 2 || open[1] != laidOf[*membersPanel](s) {
		t.Fatalf("open stack %v, want the node's menu under the members menu", open)
	}
}

// Esc closes the panel drawn on top first: a node's details over the
// verdict, then the verdict.
func TestEscClosesTheTopmostPanelFirst(t *testing.T) {
	s := newScene(cluster(3))
	s.handle(Intent{Cmd: CmdVerdict})
	s.handle(Intent{Cmd: CmdDetails, Arg: 2})
	if open := s.OpenPanels(); len(open) != 2 || open[1] != laidOf[*detailsPanel](s) {
		t.Fatalf("open stack %v, want n2's details over the verdict", open)
	}
	s.Key(KeyEscape)
	if s.Details() != 0 || !panelOf[*verdictPanel](s).open {
		t.Errorf("the first Esc left details of %d open and the verdict open %v; want the details closed and the verdict still open", s.Details(), panelOf[*verdictPanel](s).open)
	}
	s.Key(KeyEscape)
	if panelOf[*verdictPanel](s).open {
		t.Error("the second Esc left the verdict open")
	}
}

// Each scene has panels of its own: a menu opened in one picture stays
// closed in another drawn by the same process (an embedding page's second
// playground, a test beside the page).
func TestPanelsBelongToTheirScene(t *testing.T) {
	a, b := newScene(cluster(3)), newScene(cluster(3))
	a.Key('q')
	if !panelOf[*membersPanel](a).open {
		t.Fatal("q left the members menu closed")
	}
	if panelOf[*membersPanel](b).open || len(b.OpenPanels()) != 0 {
		t.Errorf("opening the members menu in one scene opened %d panels in another", len(b.OpenPanels()))
	}
}
