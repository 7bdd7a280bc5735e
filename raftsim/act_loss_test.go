package raftsim

import "testing"

func TestLoss(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "one link", js: `{"op":"loss","from":2,"to":3,"rate":0.5}`},
		{name: "cleared", setup: []string{`{"op":"loss","rate":0.3}`}, js: `{"op":"loss","rate":0}`},
		{name: "no rate", js: `{"op":"loss","from":2}`, want: `loss needs "rate"`},
		{name: "a rate above 1", js: `{"op":"loss","rate":1.5}`, want: `loss needs "rate"`},
		{name: "an unknown node", js: `{"op":"loss","from":8,"rate":0.1}`, want: "loss: unknown node 8"},
	})
}
