package runcodec

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// A shared run, encoded and decoded, reproduces the same state byte for byte.
func TestRunRoundTripReproducesState(t *testing.T) {
	sim := played(t, 21, 400, 333, `{"op":"put","value":"much"}`, `{"op":"partition","groups":[[1,2],[3,4,5]]}`, `{"op":"crash","node":4}`)
	link := Encode(sim.Run())
	if len(link) > 600 {
		t.Errorf("encoded run is %d characters; want a compact link", len(link))
	}
	r, err := Decode(link)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := clients.New(raftsim.DefaultConfig())
	if refused, err := other.Replay(r); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	if a, b := sim.SnapshotJSON(), other.SnapshotJSON(); !bytes.Equal(a, b) {
		t.Fatalf("replayed state differs:\n%s\n%s", a, b)
	}
}

// A run with a paused node, resumed, travels in a link and replays to the
// same state.
func TestPausedNodeRunRoundTrip(t *testing.T) {
	sim := played(t, 23, 400, 600, `{"op":"pause-node","node":2}`, `{"op":"put","value":"much"}`, `{"op":"resume-node","node":2}`, `{"op":"pause-node","node":3}`)
	r, err := Decode(Encode(sim.Run()))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := clients.New(raftsim.DefaultConfig())
	if refused, err := other.Replay(r); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	if a, b := sim.SnapshotJSON(), other.SnapshotJSON(); !bytes.Equal(a, b) || !sim.Snapshot().Node(3).Paused {
		t.Fatalf("replayed state differs:\n%s\n%s", a, b)
	}
}

func TestDecodeRejectsBrokenLinks(t *testing.T) {
	good := Encode(raftsim.Run{Config: raftsim.DefaultConfig(), NowMs: 5})
	for s, want := range map[string]string{
		"!!!":              "not base64url",
		"aGVsbG8":          "cannot inflate",
		good[:len(good)/2]: "damaged",
		Encode(raftsim.Run{Config: raftsim.Config{Nodes: 40}}): "nodes must be 3 to 9",
	} {
		if _, err := Decode(s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", s, err, want)
		}
	}
}

// A run that changed the membership travels in a link and replays to the
// same state: the added nodes, their names, the removed one.
func TestMembershipRunRoundTrip(t *testing.T) {
	sim := played(t, 22, 1000, 700, `{"op":"add-member","as":"learner","name":"F"}`, `{"op":"put","value":"much"}`, `{"op":"promote","node":6}`)
	if err := sim.DoJSON(fmt.Sprintf(`{"op":"remove-member","node":%d}`, sim.Leader())); err != nil {
		t.Fatal(err)
	}
	sim.Advance(700)
	r, err := Decode(Encode(sim.Run()))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := clients.New(raftsim.DefaultConfig())
	if refused, err := other.Replay(r); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	a, b := sim.Snapshot(), other.Snapshot()
	if !bytes.Equal(a.JSON(), b.JSON()) {
		t.Fatalf("replayed state differs:\n%s\n%s", a.JSON(), b.JSON())
	}
	if b.NodeName(6) != "F" || b.Node(6).Member != raftsim.MemberVoter || !slices.Contains(b.NodeIDs(), 6) {
		t.Errorf("after the link's replay n6 is %q, a %q", b.NodeName(6), b.Node(6).Member)
	}
}

// played is a run of seed with clients: the actions js, the first after
// first ms and each followed by every ms.
func played(t *testing.T, seed, first, every int64, js ...string) *raftsim.Sim {
	t.Helper()
	cfg := raftsim.DefaultConfig()
	cfg.Seed = seed
	sim, err := clients.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sim.Advance(first)
	for _, a := range js {
		if err := sim.DoJSON(a); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		sim.Advance(every)
	}
	return sim
}

// A run played by hand in manual mode, still held, travels in a link and
// replays to the same state: the same messages waiting, the same Readys
// handed over.
func TestManualRunRoundTrip(t *testing.T) {
	sim := played(t, 5, 0, 0, `{"op":"manual","on":true}`, `{"op":"tick","node":2,"until":"election"}`,
		`{"op":"ready","node":2}`, `{"op":"deliver","to":1}`, `{"op":"ready","node":1}`, `{"op":"tick","node":3,"n":2}`)
	msgs := sim.Snapshot().Messages
	for _, js := range []string{fmt.Sprintf(`{"op":"duplicate","message":%d}`, msgs[0].ID), fmt.Sprintf(`{"op":"deliver","message":%d}`, msgs[len(msgs)-1].ID)} {
		if err := sim.DoJSON(js); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
	}
	r, err := Decode(Encode(sim.Run()))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := clients.New(raftsim.DefaultConfig())
	if refused, err := other.Replay(r); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	if a, b := sim.SnapshotJSON(), other.SnapshotJSON(); !bytes.Equal(a, b) || !other.Snapshot().Manual {
		t.Fatalf("replayed state differs:\n%s\n%s", a, b)
	}
}
