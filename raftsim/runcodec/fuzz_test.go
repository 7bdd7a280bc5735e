package runcodec

import (
	"reflect"
	"testing"

	"raftplay/raftsim"
)

// A share link is input from anywhere. Its seed corpus (the f.Add calls and
// testdata/fuzz) runs as an ordinary test; make fuzz explores further.
// Properties: no panic; a link that decodes re-encodes to one that decodes to
// the same run.
func FuzzDecodeRun(f *testing.F) {
	f.Add(Encode(raftsim.Run{Config: raftsim.DefaultConfig(), NowMs: 0}))
	f.Add(Encode(raftsim.Run{Config: raftsim.DefaultConfig(), Actions: []raftsim.ActionRecord{
		{AtMs: 100, Action: raftsim.Action{Op: raftsim.ActCrash, Node: 2}},
		{AtMs: 900, Action: raftsim.Action{Op: raftsim.ActLoss, Rate: 0}},
		{AtMs: 1200, Action: raftsim.Action{Op: raftsim.ActStress, On: false}},
		{AtMs: 1500, Action: raftsim.Action{Op: raftsim.ActAddMember, As: raftsim.MemberLearner, Name: "F"}},
		{AtMs: 2000, Action: raftsim.Action{Op: raftsim.ActPromote, Node: 6}},
		{AtMs: 2500, Action: raftsim.Action{Op: raftsim.ActRemoveMember, Node: 1}},
	}, NowMs: 3000}))
	f.Add("")
	f.Add("not base64!")
	f.Add("q1YqSy0qzszPU7JSMtQzUNJRKs7MLUjNKVGyUqpWqs3MS0nNS4xPLQYA")
	f.Fuzz(func(t *testing.T, link string) {
		r, err := Decode(link)
		if err != nil {
			return
		}
		back, err := Decode(Encode(r))
		if err != nil {
			t.Fatalf("%+v re-encodes to a link that is refused: %v", r, err)
		}
		if !reflect.DeepEqual(back, r) {
			t.Fatalf("the run changed on its way round:\n%+v\n%+v", r, back)
		}
	})
}
