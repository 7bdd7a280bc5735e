package raftsim

// ActDeliver hands a waiting message, or every message waiting for a node,
// to its receiver (manual mode).
const ActDeliver ActionOp = "deliver"

func init() {
	register(&actionKind{
		op: ActDeliver, fields: "{message} or {to}", help: "manual mode: deliver one waiting message, or every message waiting for a node (a later one may go first, which rafthttp's streams would not do)",
		parse: func(r *fieldReader, a *Action) {
			a.Message, a.To = r.optionalID("message"), r.optionalID("to")
			if r.err == nil && (a.Message == 0) == (a.To == 0) {
				r.fail(`deliver needs "message" or "to", one of them`)
			}
		},
		apply: func(s *Sim, a *Action) error {
			if err := s.needManual(ActDeliver); err != nil {
				return err
			}
			if a.To != 0 {
				return s.deliverAllTo(a.To)
			}
			return s.deliverByHand(a.Message)
		},
	})
}
