package raftsim

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// ActSpeed sets virtual milliseconds per wall millisecond.
const ActSpeed ActionOp = "speed"

func init() {
	register(&actionKind{
		op: ActSpeed, fields: "{x}", help: "set virtual milliseconds per wall millisecond, in (0, 1000]",
		parse: func(r *fieldReader, a *Action) {
			x := r.get("x")
			if x.Type != gjson.Number || x.Num <= 0 || x.Num > 1000 {
				r.fail(`speed needs "x", a number in (0, 1000]`)
				return
			}
			a.X = x.Num
		},
		apply: func(s *Sim, a *Action) error {
			if a.X <= 0 || a.X > 1000 {
				return fmt.Errorf("speed must be in (0, 1000], got %g", a.X)
			}
			s.speed = a.X
			return nil
		},
	})
}
