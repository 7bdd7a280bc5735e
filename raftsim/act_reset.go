package raftsim

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// ActReset starts a new run, with a seed or the same one.
const ActReset ActionOp = "reset"

func init() {
	register(&actionKind{
		op: ActReset, fields: "{seed?, config?}", help: "start a new run: config gives knobs over raftplay's defaults, the seed kept unless given",
		parse: parseReset,
		apply: func(s *Sim, a *Action) error {
			cfg := s.cfg
			if s.bare {
				// A script's cluster is its commands' (add-nodes), no
				// config's: a reset starts raftplay's own run.
				cfg = DefaultConfig()
			}
			if a.Config != nil {
				cfg = *a.Config
				cfg.Seed = s.cfg.Seed
			}
			if a.Seed != 0 {
				cfg.Seed = a.Seed
			}
			// An action built in Go has not been through ParseAction.
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("reset: %v", err)
			}
			s.init(cfg)
			return nil
		},
	})
}

func parseReset(r *fieldReader, a *Action) {
	if seed := r.get("seed"); seed.Exists() {
		if seed.Type != gjson.Number || float64(seed.Int()) != seed.Num {
			r.fail(`reset: "seed" must be a whole number`)
			return
		}
		a.Seed = seed.Int()
	}
	if c := r.get("config"); c.Exists() {
		cfg, err := ParseConfig(c, DefaultConfig())
		if err != nil {
			r.fail("reset: %v", err)
			return
		}
		if !c.Get("seed").Exists() {
			// The default seed is no choice of the user's: the reset
			// keeps the run's seed (or takes "seed"), and the action
			// written out must read back as the same action.
			cfg.Seed = 0
		} else if a.Seed == 0 {
			a.Seed = cfg.Seed
		}
		a.Config = &cfg
	}
}
