package raftsim

// ActDuplicate puts a second copy of a waiting message on its link (manual
// mode).
const ActDuplicate ActionOp = "duplicate"

func init() {
	register(&actionKind{
		op: ActDuplicate, fields: "{message}", help: "manual mode: put a second copy of a waiting message on its link (a fault beyond what TCP does)",
		parse: func(r *fieldReader, a *Action) { a.Message = r.id("message") },
		apply: func(s *Sim, a *Action) error {
			if err := s.needManual(ActDuplicate); err != nil {
				return err
			}
			return s.duplicate(a.Message)
		},
	})
}
