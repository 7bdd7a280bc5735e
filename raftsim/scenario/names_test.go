package scenario

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// TestCaptionsUseDeclaredNames: a story's captions call each node what the
// story's config names it, as the picture and the events do. In a story that
// names its nodes no caption says n1..n9 and every capital letter standing
// alone is a declared name; a story that names none speaks of n1..n9 only,
// never of a lone B or C.
func TestCaptionsUseDeclaredNames(t *testing.T) {
	for _, name := range Builtins {
		sc, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		names := sc.Config.Names
		for i, st := range sc.Steps {
			for _, w := range strings.FieldsFunc(st.Caption, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				lone := len(w) == 1 && unicode.IsUpper(rune(w[0]))
				switch {
				case len(names) > 0 && looksDefault(w):
					t.Errorf("%s step %d says %s, but the story calls its nodes %v", name, i+1, w, names)
				case len(names) > 0 && lone && !slices.Contains(names, w):
					t.Errorf("%s step %d says %s, which names no node of %v", name, i+1, w, names)
				case len(names) == 0 && lone && w != "A":
					t.Errorf("%s step %d says %s, but the story names no nodes: call them n1..n%d", name, i+1, w, sc.Config.Nodes)
				}
			}
		}
	}
}

// looksDefault reports whether w is what a run without names calls a node.
func looksDefault(w string) bool {
	var unnamed raftsim.Config
	for id := uint64(1); id <= 9; id++ {
		if w == unnamed.NodeName(id) {
			return true
		}
	}
	return false
}

// A failing claim about a node calls it what the story's config names it,
// as the captions do: "expected C leads", not n3.
func TestFailureReportsUseDeclaredNames(t *testing.T) {
	sc, err := Parse(`{"name":"x","title":"x","config":{"seed":1,"names":["A","B","C","D","E"]},"steps":[
		{"caption":"c","until":{"leader":true},"within_ms":2000,"expect":[{"leader_is":3},{"role":{"node":2,"is":"candidate"}}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	sim, _ := clients.New(sc.Config)
	p, _ := NewPlayer(sim, sc)
	got := strings.Join(p.RunAll()[0].Failures, "\n")
	for _, want := range []string{"steps[0].expect[0]: expected C leads", "steps[0].expect[1]: expected B is candidate"} {
		if !strings.Contains(got, want) {
			t.Errorf("failures %q do not say %q", got, want)
		}
	}
}
