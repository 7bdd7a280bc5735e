package scenario

import (
	"testing"

	"raftplay/raftsim/clients"
)

// play runs a built-in story headless and returns its player.
func play(t *testing.T, name string) (*Player, []StepResult) {
	t.Helper()
	sc, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := clients.New(sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPlayer(sim, sc)
	if err != nil {
		t.Fatal(err)
	}
	return p, p.RunAll()
}

func TestBuiltinTitleIsTheStorysTitle(t *testing.T) {
	for _, name := range Builtins {
		sc, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := BuiltinTitle(name); got != sc.Title || got == "" {
			t.Errorf("BuiltinTitle(%q) = %q, want the parsed story's title %q", name, got, sc.Title)
		}
	}
	if got := BuiltinTitle("no-such-story"); got != "" {
		t.Errorf(`BuiltinTitle("no-such-story") = %q, want ""`, got)
	}
}

func TestBuiltinStoriesPass(t *testing.T) {
	for _, name := range Builtins {
		t.Run(name, func(t *testing.T) {
			_, results := play(t, name)
			for _, r := range results {
				for _, f := range r.Failures {
					t.Errorf("step %d (ended at %d ms): %s", r.Step+1, r.EndMs, f)
				}
			}
		})
	}
}
