package scene

import (
	"fmt"
	"strings"

	"raftplay/raftsim"
)

// nodeAction is one entry of a node's menu and its key: a simulator action
// on the selected node, bound by the name the action registered
// (raftsim.ActionOp), or a command the page carries out itself.
type nodeAction struct {
	op  raftsim.ActionOp // the action; "" for a command
	cmd Command          // the command, when op is ""
	// label is the menu's text ("%s" is the node's name); alt replaces it
	// while on says the node's state is on (a lying disk).
	label, alt string
	on         func(nv *raftsim.NodeView) bool
	// key does the entry on the selected node. Entries may share a key:
	// it does the first of them that applies to the node.
	key rune
	// hint names the entry in the help overlay; "" leaves it out (a key
	// the help lists elsewhere, or one an entry above shares).
	hint string
	// applies says whether the entry makes sense for the node now; the
	// simulator would refuse the others. Nil: while the node runs.
	applies func(nv *raftsim.NodeView, snap *raftsim.Snapshot) bool
	// action is the action done on node nv among the members ids; nil:
	// {op, node}.
	action func(nv *raftsim.NodeView, ids []uint64) raftsim.Action
	// manual marks an entry of manual mode, which the menu leaves out of
	// a run the clock plays.
	manual bool
}

// nodeActions is the node menu, top to bottom, and the keys that act on the
// selected node: the one table that binds the page's menus and keys to the
// simulator's actions.
var nodeActions = []nodeAction{
	{op: raftsim.ActCrash, label: "Crash", key: 'c', hint: "crash"},
	{op: raftsim.ActRestart, label: "Restart", key: 'u', hint: "restart (up)", applies: isDown},
	{op: raftsim.ActTimeout, label: "Time out now (campaign)", key: 't', hint: "campaign now",
		applies: func(nv *raftsim.NodeView, _ *raftsim.Snapshot) bool {
			return runs(nv) && IsVoter(nv) // raft ignores a non-voter's campaign; a paused process none
		}},
	{op: raftsim.ActTransfer, label: "Transfer leadership here", key: 'l', hint: "take leadership",
		applies: func(nv *raftsim.NodeView, snap *raftsim.Snapshot) bool {
			lead := snap.Leader()
			return runs(nv) && IsVoter(nv) && lead != 0 && lead != nv.ID
		},
		action: func(nv *raftsim.NodeView, _ []uint64) raftsim.Action {
			return raftsim.Action{Op: raftsim.ActTransfer, To: nv.ID}
		}},
	{cmd: CmdWrite, label: "Client write via %s", key: 'w', applies: isRunning},
	{op: raftsim.ActPartition, label: "Isolate", key: 'i', hint: "isolate",
		applies: func(nv *raftsim.NodeView, snap *raftsim.Snapshot) bool {
			g := GroupOf(snap.Partition, nv.ID)
			return g < 0 || len(snap.Partition[g]) > 1 || len(snap.Partition) > 2
		},
		action: func(nv *raftsim.NodeView, ids []uint64) raftsim.Action {
			return raftsim.Action{Op: raftsim.ActPartition, Groups: Isolate(nv.ID, ids)}
		}},
	{op: raftsim.ActPauseNode, label: "Pause (as SIGSTOP)", key: ',', hint: "pause-resume", applies: isRunning},
	{op: raftsim.ActResumeNode, label: "Resume", key: ',',
		applies: func(nv *raftsim.NodeView, _ *raftsim.Snapshot) bool { return nv.Paused }},
	{op: raftsim.ActTick, label: "Tick to its timeout", key: '\'', // the help's line on manual mode lists it
		applies: func(nv *raftsim.NodeView, snap *raftsim.Snapshot) bool { return snap.Manual && runs(nv) },
		action:  tickToTimeout, manual: true},
	{op: raftsim.ActReady, label: "Hand over its Ready", key: '!',
		applies: func(nv *raftsim.NodeView, snap *raftsim.Snapshot) bool { return snap.Manual && runs(nv) && nv.HasReady },
		manual:  true},
	{op: raftsim.ActLyingDisk, label: "Lying disk on", alt: "Lying disk off", key: 'f', hint: "lying disk on-off",
		on:      func(nv *raftsim.NodeView) bool { return nv.LyingDisk },
		applies: always, // a crashed node's disk lies from its restart on
		action: func(nv *raftsim.NodeView, _ []uint64) raftsim.Action {
			return raftsim.Action{Op: raftsim.ActLyingDisk, Node: nv.ID, On: !nv.LyingDisk}
		}},
	{op: raftsim.ActPromote, label: "Promote to voter",
		applies: func(nv *raftsim.NodeView, _ *raftsim.Snapshot) bool { return runs(nv) && IsLearner(nv) }},
	{op: raftsim.ActRemoveMember, label: "Remove from cluster", applies: always},    // a crashed member is removed as a running one is
	{cmd: CmdDetails, label: "Details", key: 'j', hint: "details", applies: always}, // a crashed node's details show its disk
}

func always(*raftsim.NodeView, *raftsim.Snapshot) bool { return true }

func isDown(nv *raftsim.NodeView, _ *raftsim.Snapshot) bool { return !nv.Up }

func isRunning(nv *raftsim.NodeView, _ *raftsim.Snapshot) bool { return runs(nv) }

// runs reports whether node nv's process runs: up, and not paused.
func runs(nv *raftsim.NodeView) bool { return nv.Up && !nv.Paused }

// appliesTo reports whether the entry makes sense for node nv now.
func (a *nodeAction) appliesTo(nv *raftsim.NodeView, snap *raftsim.Snapshot) bool {
	switch {
	case nv == nil:
		return false
	case a.applies == nil:
		return nv.Up // a paused node crashes, and is promoted, as a running one is
	}
	return a.applies(nv, snap)
}

// labelFor is the entry's menu text for node nv, called name.
func (a *nodeAction) labelFor(nv *raftsim.NodeView, name string) string {
	if a.on != nil && nv != nil && a.on(nv) {
		return a.alt
	}
	if strings.Contains(a.label, "%s") {
		return fmt.Sprintf(a.label, name)
	}
	return a.label
}

// actionFor is the entry's action on node nv among the members ids.
func (a *nodeAction) actionFor(nv *raftsim.NodeView, ids []uint64) raftsim.Action {
	if a.action != nil {
		return a.action(nv, ids)
	}
	return raftsim.Action{Op: a.op, Node: nv.ID}
}

// nodeActionFor returns the first entry bound to action op that applies to
// node nv, among those sharing its key; the entry of op itself when none
// does (the simulator then says why), or nil when op has no entry.
func nodeActionFor(op raftsim.ActionOp, nv *raftsim.NodeView, snap *raftsim.Snapshot) *nodeAction {
	var bound *nodeAction
	for i := range nodeActions {
		if a := &nodeActions[i]; a.op == op {
			bound = a
			break
		}
	}
	if bound == nil || bound.key == 0 {
		return bound
	}
	for i := range nodeActions {
		if a := &nodeActions[i]; a.op != "" && a.key == bound.key && a.appliesTo(nv, snap) {
			return a
		}
	}
	return bound
}

// nodeKeyIntent returns what key r asks of the selected node, if an entry
// of nodeActions is bound to it.
func nodeKeyIntent(r rune) (Intent, bool) {
	for _, a := range nodeActions {
		if a.key == r {
			if a.op == "" {
				return Intent{Cmd: a.cmd}, true
			}
			return Intent{Cmd: CmdNodeAction, Op: a.op}, true
		}
	}
	return Intent{}, false
}

// nodeHelpLines are the help overlay's lines for the keys of nodeActions,
// four keys a line.
func nodeHelpLines() []HelpLine {
	var lines []HelpLine
	var keys, hints []string
	flush := func() {
		if len(keys) > 0 {
			lines = append(lines, HelpLine{strings.Join(keys, "  "), "selected node: " + strings.Join(hints, " / ")})
			keys, hints = nil, nil
		}
	}
	for _, a := range nodeActions {
		if a.hint == "" {
			continue
		}
		keys, hints = append(keys, string(a.key)), append(hints, a.hint)
		if len(keys) == 4 {
			flush()
		}
	}
	flush()
	return lines
}
