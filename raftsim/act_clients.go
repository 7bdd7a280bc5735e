package raftsim

import (
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim/v2store"
)

// ActClients adds the App's checking clients.
const ActClients ActionOp = "clients"

func init() {
	register(&actionKind{
		op: ActClients, fields: "{count, read?: " + strings.Join(v2store.ReadModeNames(), "/") + ", api?}", help: "add checking clients, 1 to 16, reading in one mode, on etcd's v2 API or, with api 3, its v3 API",
		parse: func(r *fieldReader, a *Action) {
			n := r.get("count")
			if n.Type != gjson.Number || n.Num < 1 || n.Num > 16 || float64(n.Int()) != n.Num {
				r.fail(`clients needs "count", 1 to 16`)
				return
			}
			a.Count = int(n.Int())
			a.Read = v2store.ReadLinearizable
			if read := r.get("read"); read.Exists() {
				m, err := v2store.ParseReadMode(read.String())
				if err != nil || read.Type != gjson.String {
					r.fail(`clients: "read" is %s`, v2store.ReadModeChoices())
					return
				}
				a.Read = m
			}
			a.API = r.api()
		},
	})
}
