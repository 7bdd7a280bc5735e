package raftsim

import (
	"fmt"
	"strings"

	"raftplay/raftsim/v2store"
)

// The console takes etcdctl (v2) command lines and answers them as etcdctl
// does. Its commands are actions ({"op":"console","line":"get /foo"}), so a
// run's console session is in its action log and replays with it.

// console runs a command line through node via, writing the answer as
// console events when it comes.
func (s *Sim) console(line string, via uint64) error {
	op, err := v2store.ParseEtcdctl(line)
	if err != nil {
		return err
	}
	s.emit(Event{Kind: EvConsole, Node: via, Line: ConsoleCommand, Text: fmt.Sprintf("$ etcdctl %s   (via %s)", strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "etcdctl")), " "), s.name(via))})
	if op.Kind == v2store.OpMemberList {
		for _, n := range s.nodes {
			s.consoleLine(via, ConsoleAnswer, fmt.Sprintf("%x: name=%s peerURLs=http://n%d:2380 clientURLs=http://n%d:2379 isLeader=%v",
				n.id, s.name(n.id), n.id, n.id, n.up() && n.role == RoleLeader))
		}
		return nil
	}
	c := s.etcdctl
	if op.Kind == v2store.OpWatch {
		c = s.watcher
	}
	s.invoke(c, via, op, func(r *v2store.Result) {
		if r == nil {
			s.consoleLine(via, ConsoleError, "Error: client: etcd cluster is unavailable or misconfigured; error #0: timed out")
			return
		}
		kind := ConsoleAnswer
		if !r.OK() {
			kind = ConsoleError
		}
		for _, l := range v2store.EtcdctlOutput(op, r) {
			s.consoleLine(via, kind, l)
		}
	})
	return nil
}

func (s *Sim) consoleLine(via uint64, kind ConsoleLine, text string) {
	s.emit(Event{Kind: EvConsole, Node: via, Line: kind, Text: text})
}
