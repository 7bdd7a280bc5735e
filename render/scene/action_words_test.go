package scene

import (
	"testing"

	"raftplay/raftsim"
)

// The event list says actions in words, with the run's node names, where
// the simulator writes their JSON.
func TestEventTextSaysActionsInWords(t *testing.T) {
	names := &raftsim.Snapshot{Config: raftsim.Config{Names: []string{"A", "B", "C", "D", "E"}}}
	for _, tc := range []struct{ json, want string }{
		{`{"op":"speed","x":0.03}`, "speed set to 0.03×"},
		{`{"op":"pause"}`, "paused"},
		{`{"op":"crash","node":2}`, "crash B"},
		{`{"op":"partition","groups":[[1,2],[3,4,5]]}`, "partition the network: {A B} | {C D E}"},
		{`{"op":"put","key":"k","value":"much","via":3}`, "client write k = much via C"},
		{`{"op":"transfer","to":5}`, "transfer leadership to E"},
		{`{"op":"stress","on":true}`, "stress writers on"},
		{`{"op":"console","line":"set /foo bar"}`, "etcdctl set /foo bar"},
		{`{"op":"loss","rate":0.1,"from":1}`, "lose 10% of messages from A"},
	} {
		a, err := raftsim.ParseAction(tc.json)
		if err != nil {
			t.Fatalf("%s: %v", tc.json, err)
		}
		e := raftsim.Event{Kind: raftsim.EvAction, Op: a.Op, Text: "action " + a.String()}
		if got := EventText(&e, names); got != tc.want {
			t.Errorf("%s is listed as %q; want %q", tc.json, got, tc.want)
		}
	}
	other := raftsim.Event{Kind: raftsim.EvElected, Text: "A became leader in term 2"}
	if got := EventText(&other, names); got != other.Text {
		t.Errorf("an election is listed as %q; want the simulator's words", got)
	}
}
