package raftsim

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// TestNamesReadAndChecked: a config may name its nodes; a wrong list is
// refused with the field named, and no name is half-used.
func TestNamesReadAndChecked(t *testing.T) {
	c, err := ParseConfig(gjson.Parse(`{"names":["A","B","C","D","E"]}`), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if got := c.NodeName(3); got != "C" {
		t.Errorf("node 3 is called %q, want C", got)
	}
	if got := DefaultConfig().NodeName(3); got != "n3" {
		t.Errorf("unnamed node 3 is called %q, want n3", got)
	}
	for js, want := range map[string]string{
		`{"names":["A","B","C"]}`:           "names must name all 5 nodes",
		`{"names":["A","B","C","D","A"]}`:   `"A" names two nodes`,
		`{"names":["A","B","n1","D","E"]}`:  "another node's default name",
		`{"names":["A","B","C D","D","E"]}`: "letters or digits",
		`{"names":"ABCDE"}`:                 "config.names: need an array",
		`{"names":["A",2,"C","D","E"]}`:     "need a name as a string",
	} {
		if _, err := ParseConfig(gjson.Parse(js), DefaultConfig()); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error saying %q", js, err, want)
		}
	}
}

// TestNamesInEventsAndErrors: a run whose nodes are named calls them so in
// its events, the console and its refusals, never n1..n5.
func TestNamesInEventsAndErrors(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Names = []string{"A", "B", "C", "D", "E"}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	AttachClients(s)
	h := &harness{t: t, sim: s}
	lead := h.leader(5000).ID
	h.do(`{"op":"crash","node":2}`)
	if err := s.DoJSON(`{"op":"crash","node":2}`); err == nil || err.Error() != "B is down" {
		t.Errorf("crashing B twice: got %v, want \"B is down\"", err)
	}
	h.do(`{"op":"console","line":"member list","via":1}`)
	h.run(200)
	var text []string
	memberList := false
	for _, e := range s.Events(0) {
		if strings.Contains(e.Text, ", started, ") { // URLs hold addresses, not names, as in etcd
			memberList = memberList || strings.Contains(e.Text, ", started, C, ")
			continue
		}
		text = append(text, e.Text)
	}
	all := strings.Join(text, "\n")
	if !memberList {
		t.Error("member list does not call node 3 C")
	}
	for _, want := range []string{cfg.NodeName(lead) + " won the election", "B crashed", "(via A)", "→"} {
		if !strings.Contains(all, want) {
			t.Errorf("no event says %q", want)
		}
	}
	for _, id := range []string{"n1", "n2", "n3", "n4", "n5"} {
		if strings.Contains(all, id) {
			t.Errorf("an event still says %s:\n%s", id, all)
			break
		}
	}
}
