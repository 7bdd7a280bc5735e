package clients

import (
	"fmt"
	"strings"

	"github.com/google/shlex"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// The console's etcdctl v3, etcdctl 3.4's default API: key commands as
// v3 requests through the node the console talks to, lease commands, txn
// reading the lines that follow, watches that print each change as the node
// applies it, endpoint status and health, and the member commands.

// pendingTxn is a txn command reading its lines.
type pendingTxn struct {
	e      v3store.Etcdctl
	via    uint64
	reader v3store.TxnReader
}

// consoleV3 runs one etcdctl v3 command line through node via.
func (cs *Clients) consoleV3(line string, via uint64) error {
	words, err := shlex.Split(line)
	if err != nil {
		return fmt.Errorf("cannot read %q: %v", line, err)
	}
	if len(words) > 0 && words[0] == "etcdctl" {
		words = words[1:]
	}
	e := v3store.ParseEtcdctl(words)
	cs.consoleLine(via, raftsim.ConsoleCommand, fmt.Sprintf("$ etcdctl %s   (via %s)", strings.Join(words, " "), cs.name(via)))
	switch {
	case e.Printed != nil:
		cs.printedV3(via, *e.Printed)
	case e.Name == "member":
		m, err := v2store.ParseEtcdctl(strings.Join(append([]string{"member"}, quoteAll(e.MemberArgs)...), " "))
		switch {
		case err != nil:
			return err
		case m.Printed != nil:
			cs.printed(via, *m.Printed)
		default:
			cs.member(m.Member, via)
		}
	case e.Name == "txn":
		cs.txn = &pendingTxn{e: e, via: via, reader: v3store.TxnReader{Interactive: e.Interactive}}
		cs.txnPrompt()
	case e.Name == "watch":
		cs.watchV3(via, e.Req.Key, e.Req.End, e.Req.Rev, e.Req.PrevKV, func(evs []v3store.Event) {
			cs.printedV3(via, v3store.Printed{Stdout: e.WatchEvents(evs)})
		}, func(err error) {
			cs.printedV3(via, v3store.Printed{Stderr: []string{fmt.Sprintf("watch was canceled (%v)", err), "Error: watch is canceled by the server"}})
		})
	case strings.HasPrefix(e.Name, "lease "):
		cs.lease(e, via)
	case strings.HasPrefix(e.Name, "endpoint "):
		cs.endpoint(e, via)
	default:
		cs.callV3(via, e.Req, e.Serializable, func(r v3store.Response, err error) {
			if err != nil {
				cs.printedV3(via, v3store.Printed{Stderr: []string{"Error: " + err.Error()}})
				return
			}
			cs.printedV3(via, e.Answer(cs.header(via, r.Revision), r))
		})
	}
	return nil
}

// quoteAll quotes words so that splitting them again gives them back.
func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return out
}

// txnLine gives a line to the txn reading its input; the txn is sent once
// it has all three parts.
func (cs *Clients) txnLine(line string) {
	t := cs.txn
	cs.consoleLine(t.via, raftsim.ConsoleCommand, line)
	next := t.reader.Line(line)
	if !t.reader.Done() {
		if next {
			cs.txnPrompt()
		}
		return
	}
	cs.txn = nil
	if err := t.reader.Err; err != "" {
		if !strings.HasPrefix(err, "panic: ") {
			err = "Error: " + err
		}
		cs.printedV3(t.via, v3store.Printed{Stderr: []string{err}})
		return
	}
	txn := t.reader.Request()
	if err := v3store.CheckTxn(txn); err != nil {
		cs.printedV3(t.via, v3store.Printed{Stderr: []string{"Error: " + err.Error()}})
		return
	}
	cs.callV3(t.via, txn, false, func(r v3store.Response, err error) {
		if err != nil {
			cs.printedV3(t.via, v3store.Printed{Stderr: []string{"Error: " + err.Error()}})
			return
		}
		cs.printedV3(t.via, t.e.Answer(cs.header(t.via, r.Revision), r))
	})
}

func (cs *Clients) txnPrompt() {
	if p := cs.txn.reader.Prompt(); p != "" {
		cs.consoleLine(cs.txn.via, raftsim.ConsoleAnswer, p)
	}
}

// header is the response header node via gives with revision rev.
func (cs *Clients) header(via uint64, rev int64) v3store.Header {
	snap := cs.sim.Snapshot()
	h := v3store.Header{ClusterID: clusterID(snap.Config.Nodes), MemberID: via, Revision: rev}
	if n := snap.Node(via); n != nil {
		h.RaftTerm = n.Term
	}
	return h
}

func (cs *Clients) printedV3(via uint64, p v3store.Printed) {
	cs.printed(via, v2store.Printed{Stdout: p.Stdout, Stderr: p.Stderr})
}
