package raftsim

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
	"go.etcd.io/raft/v3/tracker"
	"google.golang.org/protobuf/proto"
)

// ScriptEnv plays raft's interaction scripts (the language of raft's
// rafttest package and of the 28 scripts in raft v3.7.0's testdata) on
// raftplay's own nodes, disks and network, held in manual mode: add-nodes
// starts raftplay nodes, process-ready hands their Readys over, the
// messages wait on raftplay's links until deliver-msgs or stabilize
// delivers them. Each command's output is in the scripts' format, with the
// lines raft logs on these nodes and its descriptions of their messages
// and Readys.
//
// The nodes are bare (Sim.bare): an entry applied is only applied, as
// rafttest's nodes do, with no key space, membership bookkeeping or
// snapshots of raftplay's own around it.
type ScriptEnv struct {
	s   *Sim
	log *scriptLog
	// work holds, by node ID - 1, the storage work raft handed a node
	// that writes asynchronously (AsyncStorageWrites): the messages for
	// its append and apply threads, which the script steps by hand.
	work []storageWork
}

// storageWork is what waits for one node's storage threads.
type storageWork struct {
	append, apply []*pb.Message
}

// NewScriptEnv is an empty cluster, held in manual mode, for a script.
func NewScriptEnv() *ScriptEnv { return (&Sim{speed: 1}).startScript() }

// startScript starts a new run on s for a script: an empty cluster of bare
// nodes, held in manual mode, the same whatever the run before it was.
func (s *Sim) startScript() *ScriptEnv {
	cfg := DefaultConfig()
	cfg.Nodes, cfg.SnapshotCount = 0, 0
	s.init(cfg)
	s.manual, s.bare = true, true
	return &ScriptEnv{s: s, log: &scriptLog{}}
}

// Run does one command of a script, with its arguments and its input
// lines, and returns what it prints ("ok" when nothing).
func (env *ScriptEnv) Run(c ScriptCommand) string {
	env.log.b.Reset()
	err := env.run(c)
	if err != nil {
		if env.log.quiet() {
			return err.Error()
		}
		env.log.write(err.Error())
	}
	if env.log.b.Len() == 0 {
		return "ok"
	}
	return env.log.b.String()
}

func (env *ScriptEnv) run(c ScriptCommand) error {
	switch c.Cmd {
	case "_breakpoint":
		return nil
	case "add-nodes":
		return env.addNodes(c)
	case "log-level":
		return env.log.setLevel(c.first())
	case "raft-state":
		return env.raftState()
	case "stabilize":
		return env.stabilize(c)
	case "process-ready":
		return env.eachNode(c, "handling Ready", env.processReady)
	case "process-append-thread":
		return env.eachNode(c, "processing append thread", env.processAppendThread)
	case "process-apply-thread":
		return env.eachNode(c, "processing apply thread", env.processApplyThread)
	case "deliver-msgs":
		return env.deliverMsgs(c)
	case "transfer-leadership":
		from, to := c.uintArg("from"), c.uintArg("to")
		n, err := env.node(from)
		if err != nil {
			return err
		}
		return env.call(n, func() error { n.rn.TransferLeader(to); return nil })
	}
	// The rest act on the node the first argument names.
	id, err := strconv.ParseUint(c.first(), 10, 64)
	if err != nil {
		return fmt.Errorf("unknown command")
	}
	n, err := env.node(id)
	if err != nil {
		return err
	}
	switch c.Cmd {
	case "campaign":
		return env.call(n, n.rn.Campaign)
	case "propose":
		return env.call(n, func() error { return n.rn.Propose([]byte(c.key(1))) })
	case "propose-conf-change":
		cc, err := c.confChange()
		if err != nil {
			return err
		}
		return env.call(n, func() error { return n.rn.ProposeConfChange(cc) })
	case "tick-election":
		return env.tick(n, env.ticks(n, true))
	case "tick-heartbeat":
		return env.tick(n, env.ticks(n, false))
	case "raft-log":
		return env.raftLog(n)
	case "status":
		var st raft.Status
		_ = env.call(n, func() error { st = n.rn.Status(); return nil })
		m := tracker.ProgressMap{}
		for id, pr := range st.Progress {
			m[id] = &pr
		}
		env.log.write(fmt.Sprint(m))
		return nil
	case "compact":
		to, err := strconv.ParseUint(c.key(1), 10, 64)
		if err != nil {
			return err
		}
		if err := n.disk.Compact(to); err != nil {
			return err
		}
		return env.raftLog(n)
	case "forget-leader":
		return env.call(n, func() error { n.rn.ForgetLeader(); return nil })
	case "report-unreachable":
		to, err := strconv.ParseUint(c.key(1), 10, 64)
		if err != nil {
			return fmt.Errorf("must specify exactly two node indexes: node on which to report, and reported node")
		}
		return env.call(n, func() error { n.rn.ReportUnreachable(to); return nil })
	case "send-snapshot":
		return env.sendSnapshot(n, c)
	case "set-randomized-election-timeout":
		timeout := int(c.uintArg("timeout"))
		if timeout <= 0 {
			return fmt.Errorf("set-randomized-election-timeout needs timeout=N above 0")
		}
		writeRandomizedElectionTimeout(n.rn, timeout)
		return nil
	}
	return fmt.Errorf("unknown command")
}

// node returns the script's node id.
func (env *ScriptEnv) node(id uint64) (*node, error) {
	n := env.s.node(id)
	if n == nil || !n.up() {
		return nil, fmt.Errorf("no node %d", id)
	}
	return n, nil
}

// call runs f inside raft's guard on node n (raftcall.go).
func (env *ScriptEnv) call(n *node, f func() error) (err error) {
	n.enterRaft()
	defer n.leaveRaft()
	return f()
}

// workOf is what waits for node n's storage threads; nothing, for a node
// the script did not add (the console's).
func (env *ScriptEnv) workOf(n *node) *storageWork {
	if i := int(n.id) - 1; i < len(env.work) {
		return &env.work[i]
	}
	return &storageWork{}
}

// ticks is node n's election (or heartbeat) timeout in ticks: the script's
// option, or the run's for a node the script did not add.
func (env *ScriptEnv) ticks(n *node, election bool) int {
	switch {
	case n.raftConfig != nil && election:
		return n.raftConfig.ElectionTick
	case n.raftConfig != nil:
		return n.raftConfig.HeartbeatTick
	case election:
		return env.s.cfg.ElectionTicks
	}
	return env.s.cfg.HeartbeatTicks
}

func (env *ScriptEnv) tick(n *node, k int) error {
	for range k {
		n.raftTick()
	}
	return nil
}

// eachNode runs f on every node the command names, under a header when it
// names more than one.
func (env *ScriptEnv) eachNode(c ScriptCommand, what string, f func(*node) error) error {
	ids := c.nodeIDs()
	for _, id := range ids {
		n, err := env.node(id)
		if err != nil {
			return err
		}
		if len(ids) == 1 {
			if err := f(n); err != nil {
				return err
			}
			continue
		}
		env.log.write(fmt.Sprintf("> %d %s\n", id, what))
		if err := env.indent(func() error { return f(n) }); err != nil {
			return err
		}
	}
	return nil
}

// indent runs f with what it prints indented by two spaces, as rafttest's
// withIndent does.
func (env *ScriptEnv) indent(f func() error) error {
	outer := env.log.b.String()
	env.log.b.Reset()
	err := f()
	inner := env.log.b.String()
	env.log.b.Reset()
	env.log.b.WriteString(outer)
	for line := range strings.Lines(inner) {
		env.log.b.WriteString("  " + strings.TrimSuffix(line, "\n") + "\n")
	}
	return err
}

// addNodes starts new nodes with the next IDs, bootstrapped from the
// snapshot the arguments describe, with the raft options they set over
// rafttest's defaults.
func (env *ScriptEnv) addNodes(c ScriptCommand) error {
	k, err := strconv.Atoi(c.first())
	if err != nil {
		return err
	}
	rc := raft.Config{ElectionTick: 3, HeartbeatTick: 1, MaxSizePerMsg: math.MaxUint64, MaxInflightMsgs: math.MaxInt32, Logger: env.log}
	snap := &pb.Snapshot{Metadata: &pb.SnapshotMetadata{ConfState: &pb.ConfState{}}}
	for _, a := range c.Args[1:] {
		for _, v := range a.Vals {
			if err := scriptOption(&rc, snap, a.Key, v); err != nil {
				return err
			}
		}
	}
	bootstrap := !proto.Equal(snap, &pb.Snapshot{Metadata: &pb.SnapshotMetadata{ConfState: &pb.ConfState{}}})
	if bootstrap {
		if snap.GetMetadata().GetIndex() <= 1 {
			return fmt.Errorf("index must be specified as > 1 due to bootstrap")
		}
		snap.Metadata.Term = proto.Uint64(1)
		rc.Applied = snap.GetMetadata().GetIndex()
		env.s.checker.startAt(snap.GetMetadata().GetIndex(), 1)
	}
	s := env.s
	for range k {
		n := &node{id: uint64(len(s.nodes) + 1), sim: s, disk: newDisk(nil), raftConfig: &rc}
		if bootstrap {
			if err := n.disk.ApplySnapshot(proto.Clone(snap).(*pb.Snapshot)); err != nil {
				return err
			}
		}
		s.nodes = append(s.nodes, n)
		env.work = append(env.work, storageWork{})
		if err := n.start(); err != nil {
			return err
		}
	}
	return nil
}

// scriptOption sets one add-nodes option.
func scriptOption(rc *raft.Config, snap *pb.Snapshot, key, v string) error {
	u := func() uint64 { x, _ := strconv.ParseUint(v, 10, 64); return x }
	b := func() bool { x, _ := strconv.ParseBool(v); return x }
	cs := snap.Metadata.ConfState
	switch key {
	case "voters":
		cs.Voters = append(cs.Voters, u())
	case "learners":
		cs.Learners = append(cs.Learners, u())
	case "inflight":
		rc.MaxInflightMsgs = int(u())
	case "index":
		snap.Metadata.Index = proto.Uint64(u())
	case "content":
		snap.Data = []byte(v)
	case "async-storage-writes":
		rc.AsyncStorageWrites = b()
	case "prevote":
		rc.PreVote = b()
	case "checkquorum":
		rc.CheckQuorum = b()
	case "max-committed-size-per-ready":
		rc.MaxCommittedSizePerReady = u()
	case "disable-conf-change-validation":
		rc.DisableConfChangeValidation = b()
	case "step-down-on-removal":
		rc.StepDownOnRemoval = b()
	case "read-only":
		switch v {
		case "safe":
			rc.ReadOnlyOption = raft.ReadOnlySafe
		case "lease-based":
			rc.ReadOnlyOption = raft.ReadOnlyLeaseBased
		default:
			return fmt.Errorf("invalid read-only option %q", v)
		}
	}
	return nil
}

// processReady hands node n's Ready over, as rafttest's ProcessReady
// prints it: raft's description of it, then it is persisted, applied and
// sent, and raft advanced.
func (env *ScriptEnv) processReady(n *node) error {
	rd, ok := n.raftReady()
	if !ok {
		rd = raft.Ready{} // rafttest describes an empty Ready too
	}
	env.log.write(raft.DescribeReady(rd, scriptEntryText))
	if !ok || !n.up() {
		return nil
	}
	env.s.observeReady(n, &rd)
	if n.raftConfig == nil || !n.raftConfig.AsyncStorageWrites {
		n.finish(&rd)
		return nil
	}
	// Raft hands the storage's work to its threads as messages; the rest
	// go on the wire. It takes no Advance in this mode.
	w := env.workOf(n)
	for _, m := range rd.Messages {
		switch {
		case m.GetTo() == raft.LocalAppendThread:
			w.append = append(w.append, m)
		case m.GetTo() == raft.LocalApplyThread:
			w.apply = append(w.apply, m)
		default:
			env.s.send(n, m)
		}
	}
	return nil
}

// processAppendThread does the oldest write waiting for node n's append
// thread and sends the responses raft attached to it, as rafttest's
// ProcessAppendThread does.
func (env *ScriptEnv) processAppendThread(n *node) error {
	w := env.workOf(n)
	if len(w.append) == 0 {
		env.log.write("no append work to perform")
		return nil
	}
	m := w.append[0]
	w.append = w.append[1:]
	resps := m.GetResponses()
	m.Responses = nil
	env.log.write("Processing:\n" + raft.DescribeMessage(m, scriptEntryText) + "\n")
	hs := &pb.HardState{Term: proto.Uint64(m.GetTerm()), Vote: proto.Uint64(m.GetVote()), Commit: proto.Uint64(m.GetCommit())}
	snap := m.GetSnapshot()
	if snap != nil {
		snap = proto.Clone(snap).(*pb.Snapshot)
	}
	if !raft.IsEmptySnap(snap) && len(m.GetEntries()) > 0 {
		return fmt.Errorf("can't apply snapshot and entries at the same time")
	}
	if err := n.disk.write(diskWrite{snap: snap, entries: m.GetEntries(), hs: hs}, false); err != nil {
		return err
	}
	env.s.observePersisted(n, &raft.Ready{HardState: hs, Entries: m.GetEntries()})
	if !raft.IsEmptySnap(snap) {
		n.restore(snap)
	}
	env.sendResponses(n, resps)
	return nil
}

// processApplyThread applies the oldest entries waiting for node n's apply
// thread and sends the responses raft attached to them.
func (env *ScriptEnv) processApplyThread(n *node) error {
	w := env.workOf(n)
	if len(w.apply) == 0 {
		env.log.write("no apply work to perform")
		return nil
	}
	m := w.apply[0]
	w.apply = w.apply[1:]
	resps := m.GetResponses()
	m.Responses = nil
	env.log.write("Processing:\n" + raft.DescribeMessage(m, scriptEntryText) + "\n")
	n.applyBare(m.GetEntries())
	env.sendResponses(n, resps)
	return nil
}

func (env *ScriptEnv) sendResponses(n *node, resps []*pb.Message) {
	env.log.write("Responses:\n")
	for _, r := range resps {
		env.log.write(raft.DescribeMessage(r, scriptEntryText) + "\n")
		env.s.send(n, r)
	}
}

// finishBare completes a Ready as rafttest's nodes do: persist, apply
// (configuration changes to raft, nothing else), send, advance.
func (n *node) finishBare(rd *raft.Ready) {
	n.handling = true
	defer func() { n.handling = false }()
	if err := n.disk.write(diskWrite{snap: rd.Snapshot, entries: rd.Entries, hs: rd.HardState}, false); err != nil {
		n.sim.halt(n, "disk write failed: "+err.Error())
		return
	}
	n.sim.observePersisted(n, rd)
	if !raft.IsEmptySnap(rd.Snapshot) {
		n.restore(rd.Snapshot)
	}
	if !n.applyBare(rd.CommittedEntries) {
		return
	}
	for _, m := range rd.Messages {
		n.sim.send(n, m)
	}
	n.raftAdvance(rd)
}

// applyBare applies entries as rafttest's nodes do: configuration changes
// to raft, and every entry's data to the appender state machine. It
// reports false when the node stopped on the way.
func (n *node) applyBare(ents []*pb.Entry) bool {
	for _, e := range ents {
		n.applied = e.GetIndex()
		update := e.GetData()
		var cc pb.ConfChangeI
		switch e.GetType() {
		case pb.EntryConfChange:
			v1 := &pb.ConfChange{}
			if err := proto.Unmarshal(e.GetData(), v1); err == nil {
				cc, update = v1, v1.GetContext()
			}
		case pb.EntryConfChangeV2:
			v2 := &pb.ConfChangeV2{}
			if err := proto.Unmarshal(e.GetData(), v2); err == nil {
				cc, update = v2, v2.GetContext()
			}
		}
		if cc != nil {
			n.confState = n.raftApplyConfChange(cc.AsV2())
		}
		if !n.up() {
			return false
		}
		// The state as of this entry is the snapshot a leader sends, as
		// etcd sends one of its applied state (createMergedSnapshotMessage).
		n.appended = append(n.appended[:len(n.appended):len(n.appended)], update...)
		_, _ = n.disk.CreateSnapshot(e.GetIndex(), n.confState, n.appended)
	}
	return true
}

// deliverMsgs delivers, or drops, the messages waiting for the nodes the
// command names, of one type when it says so.
func (env *ScriptEnv) deliverMsgs(c ScriptCommand) error {
	typ := pb.MessageType(-1)
	var to []uint64
	var drop []bool
	for _, a := range c.Args {
		if len(a.Vals) == 0 {
			id, err := strconv.ParseUint(a.Key, 10, 64)
			if err != nil {
				return err
			}
			to, drop = append(to, id), append(drop, false)
		}
		for _, v := range a.Vals {
			switch a.Key {
			case "drop":
				id, err := strconv.ParseUint(v, 10, 64)
				if err != nil {
					return err
				}
				to, drop = append(to, id), append(drop, true)
			case "type":
				t, ok := pb.MessageType_value[v]
				if !ok {
					return fmt.Errorf("unknown message type %s", v)
				}
				typ = pb.MessageType(t)
			}
		}
	}
	k := 0
	for i, id := range to {
		k += env.deliverTo(id, typ, drop[i])
	}
	if k == 0 {
		env.log.write("no messages\n")
	}
	return nil
}

// deliverTo delivers (or drops) every message waiting for node id, of type
// typ unless it is -1, in the order they were sent, and counts them.
func (env *ScriptEnv) deliverTo(id uint64, typ pb.MessageType, drop bool) int {
	s := env.s
	var ids []uint64
	for _, f := range s.net.inflight {
		m := f.msg
		local := m.GetFrom() == m.GetTo() || raft.IsLocalMsgTarget(m.GetFrom()) || raft.IsLocalMsgTarget(m.GetTo())
		if m.GetTo() == id && !(drop && local) && (typ < 0 || m.GetType() == typ) {
			ids = append(ids, f.id)
		}
	}
	for _, fid := range ids {
		f := s.net.take(fid)
		if drop {
			env.log.write("dropped: ")
		}
		env.log.write(raft.DescribeMessage(f.msg, scriptEntryText) + "\n")
		if drop {
			s.dropped(f, DropByUser)
			continue
		}
		if !s.bare {
			// The console's nodes: the network delivers as any delivery
			// by hand does (a cut link or a paused receiver included).
			s.deliverFlight(f)
			continue
		}
		dst := s.node(id)
		if dst == nil || !dst.up() {
			s.dropped(f, DropNodeDown)
			continue
		}
		s.emit(messageEvent(EvDelivered, id, f))
		s.observeVote(f.msg)
		if err := dst.raftStep(f.msg); err != nil {
			env.log.write(err.Error() + "\n")
		}
	}
	return len(ids)
}

// stabilize hands over Readys and delivers messages until there are none,
// on the nodes named (every node when none is).
func (env *ScriptEnv) stabilize(c ScriptCommand) error {
	for _, a := range c.Args {
		if a.Key == "log-level" && len(a.Vals) == 1 {
			defer func(old int) { env.log.level = old }(env.log.level)
			if err := env.log.setLevel(a.Vals[0]); err != nil {
				return err
			}
		}
	}
	nodes := env.s.nodes
	if ids := c.nodeIDs(); len(ids) > 0 {
		nodes = nil
		for _, id := range ids {
			n, err := env.node(id)
			if err != nil {
				return err
			}
			nodes = append(nodes, n)
		}
	}
	for {
		done := true
		for _, n := range nodes {
			if n.up() && n.raftHasReady() {
				env.log.write(fmt.Sprintf("> %d handling Ready\n", n.id))
				if err := env.indent(func() error { return env.processReady(n) }); err != nil {
					return err
				}
				done = false
			}
		}
		for _, n := range nodes {
			if env.waiting(n.id) {
				env.log.write(fmt.Sprintf("> %d receiving messages\n", n.id))
				_ = env.indent(func() error { env.deliverTo(n.id, -1, false); return nil })
				done = false
			}
		}
		for _, n := range nodes {
			if w := env.workOf(n); len(w.append) > 0 {
				env.log.write(fmt.Sprintf("> %d processing append thread\n", n.id))
				for len(w.append) > 0 {
					if err := env.indent(func() error { return env.processAppendThread(n) }); err != nil {
						return err
					}
				}
				done = false
			}
		}
		for _, n := range nodes {
			if w := env.workOf(n); len(w.apply) > 0 {
				env.log.write(fmt.Sprintf("> %d processing apply thread\n", n.id))
				for len(w.apply) > 0 {
					_ = env.indent(func() error { return env.processApplyThread(n) })
				}
				done = false
			}
		}
		if done {
			return nil
		}
	}
}

// waiting reports whether a message waits for node id.
func (env *ScriptEnv) waiting(id uint64) bool {
	for _, f := range env.s.net.inflight {
		if f.msg.GetTo() == id {
			return true
		}
	}
	return false
}

func (env *ScriptEnv) raftState() error {
	for _, n := range env.s.nodes {
		var st raft.Status
		_ = env.call(n, func() error { st = n.rn.Status(); return nil })
		voter := "(Non-Voter)"
		if _, ok := st.Config.Voters.IDs()[n.id]; ok {
			voter = "(Voter)"
		}
		env.log.write(fmt.Sprintf("%d: %s %s Term:%d Lead:%d\n", n.id, st.RaftState, voter, st.GetTerm(), st.Lead))
	}
	return nil
}

func (env *ScriptEnv) raftLog(n *node) error {
	fi, _ := n.disk.FirstIndex()
	li, _ := n.disk.LastIndex()
	if li < fi {
		env.log.write(fmt.Sprintf("log is empty: first index=%d, last index=%d", fi, li))
		return nil
	}
	ents, err := n.disk.Entries(fi, li+1, math.MaxUint64)
	if err != nil {
		return err
	}
	env.log.write(raft.DescribeEntries(ents, scriptEntryText))
	return nil
}

// sendSnapshot puts node n's snapshot on the wire to the node the second
// argument names, as rafttest's SendSnapshot does.
func (env *ScriptEnv) sendSnapshot(n *node, c ScriptCommand) error {
	to, err := strconv.ParseUint(c.key(1), 10, 64)
	if err != nil {
		return err
	}
	snap, err := n.disk.Snapshot()
	if err != nil {
		return err
	}
	m := &pb.Message{Type: pb.MsgSnap.Enum(), Term: proto.Uint64(n.raftStatus().GetTerm()), From: proto.Uint64(n.id), To: proto.Uint64(to), Snapshot: snap}
	env.s.send(n, m)
	env.log.write(raft.DescribeMessage(m, nil))
	return nil
}

// scriptEntryText is rafttest's entry formatter: the data, quoted.
func scriptEntryText(b []byte) string { return fmt.Sprintf("%q", b) }

// ScriptCommand is one command of a script: its name, arguments and input
// lines (a conf change's), as datadriven reads them.
type ScriptCommand struct {
	Cmd   string
	Args  []ScriptArg
	Input string
}

func (c ScriptCommand) key(i int) string {
	if i < len(c.Args) {
		return c.Args[i].Key
	}
	return ""
}

func (c ScriptCommand) first() string { return c.key(0) }

// uintArg reads the argument key=N.
func (c ScriptCommand) uintArg(key string) uint64 {
	for _, a := range c.Args {
		if a.Key == key && len(a.Vals) == 1 {
			x, _ := strconv.ParseUint(a.Vals[0], 10, 64)
			return x
		}
	}
	return 0
}

// nodeIDs are the arguments that are bare numbers.
func (c ScriptCommand) nodeIDs() []uint64 {
	var ids []uint64
	for _, a := range c.Args {
		if len(a.Vals) == 0 {
			if id, err := strconv.ParseUint(a.Key, 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// confChange reads propose-conf-change's change from its input and options.
func (c ScriptCommand) confChange() (pb.ConfChangeI, error) {
	v1 := false
	tr := pb.ConfChangeTransitionAuto
	for _, a := range c.Args[1:] {
		for _, v := range a.Vals {
			switch a.Key {
			case "v1":
				var err error
				if v1, err = strconv.ParseBool(v); err != nil {
					return nil, err
				}
			case "transition":
				t, ok := map[string]pb.ConfChangeTransition{"auto": pb.ConfChangeTransitionAuto, "implicit": pb.ConfChangeTransitionJointImplicit, "explicit": pb.ConfChangeTransitionJointExplicit}[v]
				if !ok {
					return nil, fmt.Errorf("unknown transition %s", v)
				}
				tr = t
			default:
				return nil, fmt.Errorf("unknown command %s", a.Key)
			}
		}
	}
	ccs, err := pb.ConfChangesFromString(c.Input)
	if err != nil {
		return nil, err
	}
	if v1 {
		if len(ccs) > 1 || tr != pb.ConfChangeTransitionAuto {
			return nil, fmt.Errorf("v1 conf change can only have one operation and no transition")
		}
		return &pb.ConfChange{Type: ccs[0].GetType().Enum(), NodeId: proto.Uint64(ccs[0].GetNodeId())}, nil
	}
	return &pb.ConfChangeV2{Transition: tr.Enum(), Changes: ccs}, nil
}

// consoleScriptCommands are the commands of raft's script language the
// console takes on a run in manual mode: those that act on nodes it has.
var consoleScriptCommands = []string{
	"campaign", "propose", "stabilize", "process-ready", "deliver-msgs", "tick-election", "tick-heartbeat",
	"raft-state", "raft-log", "status", "transfer-leadership", "forget-leader", "report-unreachable",
}

// IsRaftScriptCommand reports whether a console line is a command of raft's
// script language.
func IsRaftScriptCommand(line string) bool {
	cmd, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	return slices.Contains(consoleScriptCommands, cmd)
}

// RaftScriptCommand runs a line of raft's script language on the run's
// nodes, which manual mode holds, and returns what it prints in the
// scripts' format, raft's log lines from the nodes among it.
func (s *Sim) RaftScriptCommand(line string) (string, error) {
	if !s.manual {
		return "", fmt.Errorf("raft's script commands need manual mode (/): the clock and the network held")
	}
	cmd, args, err := parseScriptLine(strings.TrimSpace(line))
	if err != nil {
		return "", err
	}
	if !slices.Contains(consoleScriptCommands, cmd) {
		return "", fmt.Errorf("%s: the console takes %s of raft's script commands", cmd, strings.Join(consoleScriptCommands, ", "))
	}
	env := &ScriptEnv{s: s, log: &scriptLog{}}
	s.raftSink = env.log
	defer func() { s.raftSink = nil }()
	return env.Run(ScriptCommand{Cmd: cmd, Args: args}), nil
}
