package raftsim

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// ActPut is a client write, through the leader or a named node.
const ActPut ActionOp = "put"

func init() {
	register(&actionKind{
		op: ActPut, fields: "{value, key?, via?}", help: "a client write, through the leader or the node via",
		parse: func(r *fieldReader, a *Action) {
			val := r.get("value")
			if val.Type != gjson.String || val.String() == "" {
				r.fail(`put needs a non-empty string "value"`)
				return
			}
			a.Value = val.String()
			if k := r.get("key"); k.Exists() {
				if k.Type != gjson.String || k.String() == "" {
					r.fail(`put: "key" must be a non-empty string`)
					return
				}
				a.Key = k.String()
			}
			a.Via = r.optionalID("via")
		},
		faults: []Fault{{Op: ActPut, Weight: 1, Draw: drawPut}},
	})
}

// drawPut is a single write through a node, as the playground's write
// button does.
func drawPut(d *FaultDraw) Action {
	return Action{Op: ActPut, Key: fmt.Sprintf("/k%d", d.Rand.IntN(5)), Value: fmt.Sprintf("v%d", d.Snap.NowMs), Via: d.Member()}
}
