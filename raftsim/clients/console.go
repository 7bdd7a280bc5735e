package clients

import (
	"fmt"
	"strings"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// The console takes etcdctl (v2) command lines and answers them as etcdctl
// does. Its commands are actions ({"op":"console","line":"get /foo"}), so a
// run's console session is in its action log and replays with it.

// console runs a command line through node via, writing the answer as
// console events when it comes.
func (cs *Clients) console(line string, via uint64) error {
	op, err := v2store.ParseEtcdctl(line)
	if err != nil {
		return err
	}
	cs.sim.Emit(raftsim.Event{Kind: raftsim.EvConsole, Node: via, Line: raftsim.ConsoleCommand, Text: fmt.Sprintf("$ etcdctl %s   (via n%d)", strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "etcdctl")), " "), via)})
	if op.Kind == v2store.OpMemberList {
		for _, id := range cs.sim.NodeIDs() {
			cs.consoleLine(via, raftsim.ConsoleAnswer, fmt.Sprintf("%x: name=n%d peerURLs=http://n%d:2380 clientURLs=http://n%d:2379 isLeader=%v",
				id, id, id, id, cs.sim.Up(id) && cs.sim.Role(id) == raftsim.RoleLeader))
		}
		return nil
	}
	c := cs.etcdctl
	if op.Kind == v2store.OpWatch {
		c = cs.watcher
	}
	cs.invoke(c, via, op, func(r *v2store.Result) {
		if r == nil {
			cs.consoleLine(via, raftsim.ConsoleError, "Error: client: etcd cluster is unavailable or misconfigured; error #0: timed out")
			return
		}
		kind := raftsim.ConsoleAnswer
		if !r.OK() {
			kind = raftsim.ConsoleError
		}
		for _, l := range v2store.EtcdctlOutput(op, r) {
			cs.consoleLine(via, kind, l)
		}
	})
	return nil
}

func (cs *Clients) consoleLine(via uint64, kind raftsim.ConsoleLine, text string) {
	cs.sim.Emit(raftsim.Event{Kind: raftsim.EvConsole, Node: via, Line: kind, Text: text})
}
