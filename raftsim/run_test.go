package raftsim

import (
	"bytes"
	"strings"
	"testing"
)

// A shared run, encoded and decoded, reproduces the same state byte for byte.
func TestRunRoundTripReproducesState(t *testing.T) {
	h := newHarness(t, 21)
	h.run(400)
	h.do(`{"op":"put","value":"much"}`)
	h.run(100)
	h.do(`{"op":"partition","groups":[[1,2],[3,4,5]]}`)
	h.run(600)
	h.do(`{"op":"crash","node":4}`)
	h.run(333)
	link := h.sim.Run().Encode()
	if len(link) > 600 {
		t.Errorf("encoded run is %d characters; want a compact link", len(link))
	}
	r, err := DecodeRun(link)
	if err != nil {
		t.Fatal(err)
	}
	other := newHarness(t, 1)
	if refused, err := other.sim.Replay(r); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	if a, b := h.sim.SnapshotJSON(), other.sim.SnapshotJSON(); !bytes.Equal(a, b) {
		t.Fatalf("replayed state differs:\n%s\n%s", a, b)
	}
}

func TestDecodeRunRejectsBrokenLinks(t *testing.T) {
	good := Run{Config: DefaultConfig(), NowMs: 5}.Encode()
	for s, want := range map[string]string{
		"!!!":                                   "not base64url",
		"aGVsbG8":                               "cannot inflate",
		good[:len(good)/2]:                      "damaged",
		Run{Config: Config{Nodes: 40}}.Encode(): "nodes must be 3 to 9",
	} {
		if _, err := DecodeRun(s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", s, err, want)
		}
	}
}
