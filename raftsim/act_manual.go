package raftsim

// ActManual holds the clock and the network, or gives the run back to the
// clock (manual.go).
const ActManual ActionOp = "manual"

func init() {
	register(&actionKind{
		op: ActManual, fields: "{on}", help: "hold the clock and the network: nothing fires by itself, you deliver, tick and hand over Readys; off gives the run back to the clock",
		parse: func(r *fieldReader, a *Action) { a.On = r.onOff() },
		zero:  []string{`"on":false`},
		apply: func(s *Sim, a *Action) error { return s.setManual(a.On) },
	})
}
