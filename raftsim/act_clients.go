package raftsim

import (
	"github.com/tidwall/gjson"

	"raftplay/raftsim/v2store"
)

// ActClients adds the App's checking clients.
const ActClients ActionOp = "clients"

func init() {
	register(&actionKind{
		op: ActClients, fields: "{count, read?: linearizable/lease/serializable, api?}", help: "add checking clients, 1 to 16, reading in one mode, on etcd's v2 API or, with api 3, its v3 API",
		parse: func(r *fieldReader, a *Action) {
			n := r.get("count")
			if n.Type != gjson.Number || n.Num < 1 || n.Num > 16 || float64(n.Int()) != n.Num {
				r.fail(`clients needs "count", 1 to 16`)
				return
			}
			a.Count = int(n.Int())
			a.Read = v2store.ReadLinearizable.String()
			if read := r.get("read"); read.Exists() {
				if _, err := v2store.ParseReadMode(read.String()); err != nil || read.Type != gjson.String {
					r.fail(`clients: "read" is linearizable, lease or serializable`)
					return
				}
				a.Read = read.String()
			}
			a.API = r.api()
		},
	})
}
