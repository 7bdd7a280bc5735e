package clients

import (
	"fmt"
	"slices"
	"strings"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// The console's member commands, answered as etcdctl 3.4 (v3) answers them.
// etcd takes a member request on the member etcdctl reached, proposes the
// change through raft and answers once that member has applied it; so here a
// command does the core's membership action and its answer waits until the
// node it went through runs with the new configuration. etcdctl gives up
// after its --command-timeout (5 s).

// commandTimeoutMs is etcdctl's --command-timeout default.
const commandTimeoutMs = 5000

// memberPollMs is how often a member command looks whether its change has
// been applied on the node it went through.
const memberPollMs = 10

// memberWait is a member command whose answer waits for its change.
type memberWait struct {
	cmd   *v2store.MemberCommand
	via   uint64
	id    uint64 // the member changed (the new one, for add)
	endMs int64
}

// member runs a member subcommand through node via.
func (cs *Clients) member(m *v2store.MemberCommand, via uint64) {
	snap := cs.sim.Snapshot()
	if m.Sub == "list" {
		cs.printed(via, v2store.Printed{Stdout: memberList(snap, m.Table)})
		return
	}
	id, err := cs.changeMembers(m, snap)
	if err != nil {
		cs.consoleLine(via, raftsim.ConsoleError, "Error: "+err.Error())
		return
	}
	cs.memberSeq++
	cs.memberWaits[cs.memberSeq] = &memberWait{cmd: m, via: via, id: id, endMs: cs.sim.Now() + commandTimeoutMs}
	cs.memberCheck(cs.memberSeq)
}

// changeMembers refuses what etcd refuses before it proposes anything (an
// unknown member, promoting a voter), and otherwise does the core's action.
// It returns the member changed.
func (cs *Clients) changeMembers(m *v2store.MemberCommand, snap *raftsim.Snapshot) (uint64, error) {
	if m.Sub != "add" {
		n := snap.Node(m.ID)
		switch {
		case n == nil || (n.Member != raftsim.MemberVoter && n.Member != raftsim.MemberLearner):
			// Removed, or added and not yet in force: etcd's member
			// list does not hold it.
			return 0, fmt.Errorf("etcdserver: member not found")
		case m.Sub == "promote" && n.Member != raftsim.MemberLearner:
			return 0, fmt.Errorf("etcdserver: can only promote a learner member")
		}
	}
	ids := snap.NodeIDs()
	next := ids[len(ids)-1] + 1 // the ID the core gives a new node
	a := raftsim.Action{Op: raftsim.ActRemoveMember, Node: m.ID}
	switch m.Sub {
	case "add":
		a = raftsim.Action{Op: raftsim.ActAddMember, As: raftsim.MemberVoter, Name: m.Name}
		if m.Learner {
			a.As = raftsim.MemberLearner
		}
		if m.Name == snap.Config.NodeName(next) {
			// The name it has anyway (n6 for node 6): the core keeps
			// names apart from the defaults of other nodes.
			a.Name = ""
		}
	case "promote":
		a.Op = raftsim.ActPromote
	}
	if err := cs.sim.ChangeMembers(&a); err != nil {
		return 0, etcdError(err)
	}
	if m.Sub == "add" {
		return next, nil
	}
	return a.Node, nil
}

// etcdErrors are etcd's words for the refusals the core makes; the core
// says them after "etcdserver: ", with its own details after them, which
// etcdctl would not print.
var etcdErrors = []string{
	"can only promote a learner member which is in sync with leader",
	"can only promote a learner member",
	"re-configuration failed due to not enough started members",
	"member not found",
	"no leader",
}

// etcdError is a refusal of the core as etcdctl prints it: etcd's own
// message where it has one, the core's words otherwise.
func etcdError(err error) error {
	_, said, ok := strings.Cut(err.Error(), "etcdserver: ")
	if !ok {
		return err
	}
	for _, e := range etcdErrors {
		if strings.HasPrefix(said, e) {
			return fmt.Errorf("etcdserver: %s", e)
		}
	}
	return fmt.Errorf("etcdserver: %s", said)
}

// memberCheck answers the member command waiting under seq once the node it
// went through has applied its change, or gives up at etcdctl's time-out.
func (cs *Clients) memberCheck(seq uint64) {
	w := cs.memberWaits[seq]
	if w == nil {
		return
	}
	snap := cs.sim.Snapshot()
	switch {
	case applied(snap.Node(w.via), w):
		delete(cs.memberWaits, seq)
		cs.printed(w.via, v2store.Printed{Stdout: memberAnswer(snap, w)})
	case cs.sim.Now() >= w.endMs:
		delete(cs.memberWaits, seq)
		cs.consoleLine(w.via, raftsim.ConsoleError, "Error: context deadline exceeded")
	default:
		cs.sim.After(memberPollMs, raftsim.AppTimer{Kind: timerMember, ID: seq})
	}
}

// applied reports whether node n runs with w's change in its configuration.
func applied(n *raftsim.NodeView, w *memberWait) bool {
	if n == nil || !n.Up || n.Conf == nil {
		return false
	}
	c := n.Conf
	voter, learner := slices.Contains(c.Voters, w.id), slices.Contains(c.Learners, w.id)
	switch {
	case w.cmd.Sub == "remove":
		return !voter && !learner && !slices.Contains(c.VotersOutgoing, w.id)
	case w.cmd.Sub == "add" && w.cmd.Learner:
		return learner
	}
	return voter
}

// memberAnswer is what etcdctl prints once the change is made.
func memberAnswer(snap *raftsim.Snapshot, w *memberWait) []string {
	cluster := clusterID(snap.Config.Nodes)
	switch w.cmd.Sub {
	case "promote":
		return []string{fmt.Sprintf("Member %16x promoted in cluster %16x", w.id, cluster)}
	case "remove":
		return []string{fmt.Sprintf("Member %16x removed from cluster %16x", w.id, cluster)}
	}
	var initial []string
	for _, n := range snap.Members() {
		initial = append(initial, snap.NodeName(n.ID)+"="+peerURL(n.ID))
	}
	return []string{
		fmt.Sprintf("Member %16x added to cluster %16x", w.id, cluster),
		"",
		fmt.Sprintf("ETCD_NAME=%q", w.cmd.Name),
		fmt.Sprintf("ETCD_INITIAL_CLUSTER=%q", strings.Join(initial, ",")),
		fmt.Sprintf("ETCD_INITIAL_ADVERTISE_PEER_URLS=%q", peerURL(w.id)),
		`ETCD_INITIAL_CLUSTER_STATE="existing"`,
	}
}

// A member's URLs: raftplay's network reaches a node by its ID, so its
// peers and clients find it at nID.
func peerURL(id uint64) string   { return fmt.Sprintf("http://n%d:2380", id) }
func clientURL(id uint64) string { return fmt.Sprintf("http://n%d:2379", id) }

// memberList is etcdctl member list's simple or table output.
func memberList(snap *raftsim.Snapshot, table bool) []string {
	header := []string{"ID", "STATUS", "NAME", "PEER ADDRS", "CLIENT ADDRS", "IS LEARNER"}
	var rows [][]string
	for _, n := range snap.Members() {
		// Every member here runs from the moment it is added, so each has
		// published its name: etcd calls it started, up or down.
		rows = append(rows, []string{fmt.Sprintf("%x", n.ID), "started", snap.NodeName(n.ID), peerURL(n.ID), clientURL(n.ID),
			fmt.Sprint(n.Member == raftsim.MemberLearner)})
	}
	if table {
		return drawTable(header, rows)
	}
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, ", "))
	}
	return out
}
