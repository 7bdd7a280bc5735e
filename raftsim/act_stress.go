package raftsim

// ActStress turns the App's stress writers on or off.
const ActStress ActionOp = "stress"

func init() {
	register(&actionKind{
		op: ActStress, fields: "{on, api?}", help: "stress writers on or off, writing through etcd's v2 API or, with api 3, its v3 API",
		parse: func(r *fieldReader, a *Action) { a.On = r.onOff(); a.API = r.api() },
		zero:  []string{`"on":false`},
		faults: []Fault{{Op: ActStress, Weight: 1, Draw: func(d *FaultDraw) Action {
			return Action{Op: ActStress, On: !d.Snap.Clients.Stress}
		}}},
	})
}
