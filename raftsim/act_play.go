package raftsim

// ActPlay runs the virtual clock.
const ActPlay ActionOp = "play"

func init() {
	register(&actionKind{
		op: ActPlay, help: "run the virtual clock",
		apply: func(s *Sim, _ *Action) error {
			s.paused = false
			return nil
		},
	})
}
