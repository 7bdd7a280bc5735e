package raftsim

import "github.com/tidwall/gjson"

// ActConsole is an etcdctl command line, which the App runs.
const ActConsole ActionOp = "console"

func init() {
	register(&actionKind{
		op: ActConsole, fields: "{line?, via?}", help: "an etcdctl command line, through the leader or the node via",
		parse: func(r *fieldReader, a *Action) {
			l := r.get("line")
			// A blank line (no "line": the action log leaves it out) is a
			// txn's separator; alone it does nothing, as a shell's empty
			// prompt.
			if l.Exists() && l.Type != gjson.String {
				r.fail(`console needs "line", an etcdctl command such as "get foo"`)
				return
			}
			a.Line = l.String()
			a.Via = r.optionalID("via")
		},
	})
}
