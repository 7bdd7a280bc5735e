package clients

import (
	"fmt"
	"strconv"
	"strings"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// curl runs a curl request to a node's /v2/keys or to its v3 gateway from
// the console: the URL's host names the node (n1 … n5), which answers with
// etcd's JSON.
func (cs *Clients) curl(line string) error {
	c, err := v2store.ParseCurl(line)
	if err != nil {
		return err
	}
	id := nodeOfHost(c.Host, cs.sim.NodeIDs())
	cs.consoleLine(id, raftsim.ConsoleCommand, "$ "+strings.Join(strings.Fields(line), " "))
	switch {
	case c.Printed != nil:
		cs.printed(id, *c.Printed)
	case id == 0:
		cs.consoleLine(0, raftsim.ConsoleError, "curl: (6) Could not resolve host: "+c.Host)
	case c.Port != "2379" || !cs.sim.Up(id):
		cs.consoleLine(id, raftsim.ConsoleError, fmt.Sprintf("curl: (7) Failed to connect to %s port %s after 0 ms: Couldn't connect to server", c.Host, c.Port))
	case c.V3 != nil:
		cs.curlV3(id, *c.V3)
	default:
		op := c.Op
		op.StampTTL(cs.sim.Now())
		client := cs.curler
		if op.Kind == v2store.OpWatch {
			client = cs.watcher
		}
		timeout := cs.sim.Config().ClientTimeoutMs
		cs.invoke(client, id, op, func(r *v2store.Result) {
			if r == nil {
				cs.consoleLine(id, raftsim.ConsoleError, fmt.Sprintf("curl: (28) Operation timed out after %d milliseconds with 0 bytes received", timeout))
				return
			}
			cs.consoleLine(id, raftsim.ConsoleAnswer, r.JSON())
		})
	}
	return nil
}

// nodeOfHost finds the node a URL's host names, "n3", or 0.
func nodeOfHost(host string, ids []uint64) uint64 {
	n, err := strconv.ParseUint(strings.TrimPrefix(host, "n"), 10, 64)
	if err != nil || !strings.HasPrefix(host, "n") {
		return 0
	}
	for _, id := range ids {
		if id == n {
			return id
		}
	}
	return 0
}

// curlV3 sends a request to node id's v3 gateway and prints its JSON.
func (cs *Clients) curlV3(id uint64, g v2store.GatewayCall) {
	req, text, err := v3store.GatewayRequest(g.Method, g.Path, g.Body)
	switch {
	case text != "":
		cs.consoleLine(id, raftsim.ConsoleAnswer, text)
		return
	case err != nil:
		cs.consoleLine(id, raftsim.ConsoleAnswer, v3store.GatewayError(err))
		return
	}
	if req.Kind == v3store.LeaseGrant && req.ID == 0 {
		req.ID = cs.leaseID(id)
	}
	cs.callV3(id, req, false, func(r v3store.Response, err error) {
		if err != nil {
			cs.consoleLine(id, raftsim.ConsoleAnswer, v3store.GatewayError(err))
			return
		}
		cs.consoleLine(id, raftsim.ConsoleAnswer, v3store.GatewayAnswer(cs.header(id, r.Revision), r))
	})
}
