package timeline

import (
	"bytes"
	"testing"
)

// A seek in slices, as the playground settles on a moment between frames,
// gives StateAt's bytes; a seek overtaken by a later one says so rather
// than give the later one's moment.
func TestSeekInSlicesIsStateAt(t *testing.T) {
	_, other := played(t, 7, 30000)
	want, err := other.StateAt(21017)
	if err != nil {
		t.Fatal(err)
	}
	_, tl := played(t, 7, 30000)
	sk, err := tl.StartSeek(21017)
	if err != nil {
		t.Fatal(err)
	}
	slices := 0
	for !sk.Continue(500) {
		slices++
		if p := sk.Progress(); p <= 0 || p >= 1 {
			t.Fatalf("progress %g after %d slices", p, slices)
		}
	}
	got, err := sk.State()
	if err != nil {
		t.Fatal(err)
	}
	if slices < 40 || !bytes.Equal(got.JSON(), want.JSON()) {
		t.Errorf("after %d slices the seek differs from StateAt:\n got %.300s\nwant %.300s", slices, got.JSON(), want.JSON())
	}

	old, err := tl.StartSeek(5000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tl.StateAt(9000); err != nil {
		t.Fatal(err)
	}
	if !old.Continue(100) {
		t.Error("a stale seek goes on")
	}
	if s, err := old.State(); err == nil {
		t.Errorf("a seek to 5000 ms overtaken by one to 9000 ms gives a state at %d ms", s.NowMs)
	}
	if _, err := tl.StartSeek(30001); err == nil {
		t.Error("a seek past the run's present was not refused")
	}
}
