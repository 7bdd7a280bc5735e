package raftsim

import (
	"strings"

	"github.com/tidwall/gjson"
)

// ActConsole is an etcdctl command line, which the App runs.
const ActConsole ActionOp = "console"

func init() {
	register(&actionKind{
		op: ActConsole, fields: "{line, via?}", help: "an etcdctl command line, through the leader or the node via",
		parse: func(r *fieldReader, a *Action) {
			l := r.get("line")
			if l.Type != gjson.String || strings.TrimSpace(l.String()) == "" {
				r.fail(`console needs "line", an etcdctl v2store.Command such as "get /foo"`)
				return
			}
			a.Line = l.String()
			a.Via = r.optionalID("via")
		},
	})
}
