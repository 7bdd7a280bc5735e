package raftsim

// ActPause stops the virtual clock.
const ActPause ActionOp = "pause"

func init() {
	register(&actionKind{
		op: ActPause, help: "stop the virtual clock",
		apply: func(s *Sim, _ *Action) error {
			s.paused = true
			return nil
		},
	})
}
