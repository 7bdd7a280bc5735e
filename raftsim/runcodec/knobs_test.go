package runcodec

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// TestKnobsRoundTripAndReplay: a run with every knob turned, its nodes named, travels through
// a share link and replays byte for byte.
func TestKnobsRoundTripAndReplay(t *testing.T) {
	cfg, err := raftsim.ParseConfig(gjson.Parse(`{"seed":4,"nodes":3,"pre_vote":false,"check_quorum":false,"tick_ms":5,
		"election_ticks":20,"heartbeat_ticks":2,"latency_min_ms":2,"latency_max_ms":30,"disk_min_ms":0,"disk_max_ms":9,
		"loss_rate":0.05,"timeout_spread_ticks":3,"names":["A","B","C"],"conf_change":"joint"}`), raftsim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := clients.New(cfg)
	a.Do(raftsim.Action{Op: "put", Key: "k", Value: "much"})
	a.Advance(3000)
	r, err := Decode(Encode(a.Run()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Config, cfg) {
		t.Fatalf("config changed on the way through a link:\n got %+v\nwant %+v", r.Config, cfg)
	}
	b, _ := clients.New(raftsim.DefaultConfig())
	if refused, err := b.Replay(r); err != nil || len(refused) > 0 {
		t.Fatal(err, refused)
	}
	if !bytes.Equal(a.SnapshotJSON(), b.SnapshotJSON()) {
		t.Fatal("the replay of the link differs from the run")
	}
	lost := false
	for _, e := range a.Events(0) {
		lost = lost || (e.Kind == raftsim.EvDropped && e.Reason == raftsim.DropLost)
	}
	if !lost {
		t.Error("loss_rate 0.05: no message was lost in the last few hundred events")
	}
}

// TestJointActionTravels: a membership change that asks for raft's joint
// consensus keeps asking for it through a share link, and replays the same.
func TestJointActionTravels(t *testing.T) {
	a, _ := clients.New(raftsim.DefaultConfig())
	a.Advance(1000)
	if err := a.DoJSON(`{"op":"add-member","as":"learner","joint":true}`); err != nil {
		t.Fatal(err)
	}
	a.Advance(1000)
	r, err := Decode(Encode(a.Run()))
	if err != nil {
		t.Fatal(err)
	}
	if acts := r.Actions; len(acts) != 1 || !acts[0].Joint {
		t.Fatalf("the link's actions: %+v", acts)
	}
	b, _ := clients.New(raftsim.DefaultConfig())
	if refused, err := b.Replay(r); err != nil || len(refused) > 0 {
		t.Fatal(err, refused)
	}
	if !bytes.Equal(a.SnapshotJSON(), b.SnapshotJSON()) {
		t.Fatal("the replay of the link differs from the run")
	}
}
