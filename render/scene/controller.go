package scene

import (
	"fmt"
	"slices"

	"raftplay/raftsim"
)

// Controller is the state of the controls (which node's menu is open, which
// message is inspected, the partition being edited, the help) and turns
// intents into simulator actions.
type Controller struct {
	// Selected is the node whose menu is open, or 0.
	Selected uint64
	// Message is the message whose details are open, or 0. MessageView is its
	// latest view; MessageGone is set once it has left the network.
	Message     uint64
	MessageView raftsim.MessageView
	MessageGone bool
	// Edit is the partition being edited, or nil.
	Edit *PartitionEdit
	Help bool
	// writes counts client writes, to pick the next word.
	writes int
}

// Handle applies intent in to the controls' state at snapshot snap and
// returns the actions to do, and a hint to show when the intent cannot be
// carried out as asked.
func (c *Controller) Handle(in Intent, snap *raftsim.Snapshot) ([]raftsim.Action, string) {
	ids := MemberIDs(snap)
	switch in.Cmd {
	case CmdPlayPause:
		if snap.Paused {
			return []raftsim.Action{raftsim.Action{Op: raftsim.ActPlay}}, ""
		}
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActPause}}, ""
	case CmdStep:
		return append(c.pause(snap), raftsim.Action{Op: raftsim.ActStep}), ""
	case CmdSlower:
		if x, ok := Slower(snap.Speed); ok {
			return []raftsim.Action{raftsim.Action{Op: raftsim.ActSpeed, X: x}}, ""
		}
		return nil, "already at the slowest speed, " + FormatSpeed(snap.Speed)
	case CmdFaster:
		if x, ok := Faster(snap.Speed); ok {
			return []raftsim.Action{raftsim.Action{Op: raftsim.ActSpeed, X: x}}, ""
		}
		return nil, "already at the fastest speed, " + FormatSpeed(snap.Speed)
	case CmdReset:
		c.Reset()
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActReset, Seed: snap.Seed + 1}}, ""
	case CmdWrite:
		w := Word(c.writes)
		c.writes++
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActPut, Key: w, Value: w, Via: c.Selected}}, ""
	case CmdPartition:
		if c.Edit != nil {
			c.Edit = nil
			return nil, "partition editing cancelled"
		}
		c.Selected, c.Message = 0, 0
		c.Edit = newPartitionEdit(ids, snap.Partition)
		return nil, ""
	case CmdApply:
		if c.Edit == nil && snap.Manual && c.Message != 0 {
			return c.deliver(0, snap) // Enter delivers the inspected message
		}
		if c.Edit == nil {
			return nil, ""
		}
		groups, err := c.Edit.Groups()
		if err != nil {
			return nil, err.Error()
		}
		c.Edit = nil
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActPartition, Groups: groups}}, ""
	case CmdHeal:
		c.Edit = nil
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActHeal}}, ""
	case CmdKillAll:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActCrashAll}}, ""
	case CmdRestartAll:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActRestartAll}}, ""
	case CmdHelp:
		c.Help = !c.Help
		return nil, ""
	case CmdNextMessage:
		return c.nextMessage(snap)
	case CmdSelectMessage:
		return c.selectMessage(in.Message, snap)
	case CmdDrop:
		return c.drop()
	case CmdClose:
		c.closeTop()
		return nil, ""
	case CmdDismiss:
		c.Selected, c.Message = 0, 0
		return nil, ""
	case CmdSelectNode:
		return c.selectNode(in.Node, ids)
	case CmdJoinGroup:
		if c.Edit != nil {
			c.Edit.Join(in.Node, in.Other)
		}
		return nil, ""
	case CmdNodeAction:
		return c.nodeAction(in.Op, ids, snap)
	case CmdManual:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActManual, On: !snap.Manual}}, ""
	case CmdDeliver:
		return c.deliver(in.Message, snap)
	case CmdDuplicate:
		return c.duplicate(snap)
	}
	return nil, ""
}

// pause returns a pause action when the run is playing.
func (c *Controller) pause(snap *raftsim.Snapshot) []raftsim.Action {
	if snap.Paused {
		return nil
	}
	return []raftsim.Action{raftsim.Action{Op: raftsim.ActPause}}
}

// closeTop closes the topmost open thing: help, then partition editing, then
// the message panel, then the node menu.
func (c *Controller) closeTop() {
	switch {
	case c.Help:
		c.Help = false
	case c.Edit != nil:
		c.Edit = nil
	case c.Message != 0:
		c.Message = 0
	default:
		c.Selected = 0
	}
}

func (c *Controller) selectNode(id uint64, ids []uint64) ([]raftsim.Action, string) {
	if !slices.Contains(ids, id) {
		return nil, fmt.Sprintf("there is no node n%d (%s)", id, raftsim.DescribeNodeIDs(ids))
	}
	if c.Edit != nil {
		c.Edit.Toggle(id)
		return nil, ""
	}
	c.Message = 0
	if c.Selected == id {
		c.Selected = 0
	} else {
		c.Selected = id
	}
	return nil, ""
}

// selectMessage opens message id's details. A message lives a few hundred
// wall milliseconds at a watching speed, so the run pauses to leave time to
// read it and drop it.
func (c *Controller) selectMessage(id uint64, snap *raftsim.Snapshot) ([]raftsim.Action, string) {
	for i := range snap.Messages {
		if m := &snap.Messages[i]; m.ID == id {
			c.Selected = 0
			c.Message, c.MessageView, c.MessageGone = id, *m, false
			if snap.Paused || snap.Manual {
				return nil, ""
			}
			return c.pause(snap), fmt.Sprintf("paused to inspect message #%d; space resumes", id)
		}
	}
	return nil, fmt.Sprintf("message #%d is no longer in flight", id)
}

// nextMessage selects the message in flight after the selected one, by ID.
func (c *Controller) nextMessage(snap *raftsim.Snapshot) ([]raftsim.Action, string) {
	if len(snap.Messages) == 0 {
		return nil, "no message is in flight"
	}
	next := snap.Messages[0].ID
	for _, m := range snap.Messages {
		if m.ID > c.Message {
			next = m.ID
			break
		}
	}
	return c.selectMessage(next, snap)
}

func (c *Controller) drop() ([]raftsim.Action, string) {
	switch {
	case c.Message == 0:
		return nil, "select a message first: click one, or press m"
	case c.MessageGone:
		return nil, fmt.Sprintf("message #%d is no longer in flight", c.Message)
	}
	id := c.Message
	c.Message = 0
	return []raftsim.Action{raftsim.Action{Op: raftsim.ActDrop, Message: id}}, ""
}

// nodeAction does action op (an entry of nodeActions) on the selected node
// and closes its menu.
func (c *Controller) nodeAction(op raftsim.ActionOp, ids []uint64, snap *raftsim.Snapshot) ([]raftsim.Action, string) {
	nv := snap.Node(c.Selected)
	if nv == nil {
		return nil, selectFirst(ids)
	}
	a := nodeActionFor(op, nv, snap)
	if a == nil {
		return nil, fmt.Sprintf("%q is no action on a node", op)
	}
	c.Selected = 0
	return []raftsim.Action{a.actionFor(nv, ids)}, ""
}

// selectFirst is the hint for a node command with no node selected, among ids.
func selectFirst(ids []uint64) string {
	return fmt.Sprintf("select a node first: click it or press its number (%s)", raftsim.DescribeNodeIDs(ids))
}

// Isolate returns the partition that cuts node id off from the other nodes ids.
func Isolate(id uint64, ids []uint64) [][]uint64 {
	rest := make([]uint64, 0, len(ids))
	for _, other := range ids {
		if other != id {
			rest = append(rest, other)
		}
	}
	return [][]uint64{{id}, rest}
}

// Observe brings the controls up to date with a new snapshot: the inspected
// message's latest view, and selections that no longer exist.
func (c *Controller) Observe(snap *raftsim.Snapshot) {
	if c.Selected != 0 && !slices.Contains(MemberIDs(snap), c.Selected) {
		c.Selected = 0
	}
	if c.Edit != nil && !slices.Equal(c.Edit.IDs, MemberIDs(snap)) {
		c.Edit = nil
	}
	if c.Message == 0 {
		return
	}
	for i := range snap.Messages {
		if snap.Messages[i].ID == c.Message {
			c.MessageView, c.MessageGone = snap.Messages[i], false
			return
		}
	}
	c.MessageGone = true
}

// Reset forgets every selection, for a new run; the word list goes on.
func (c *Controller) Reset() {
	*c = Controller{writes: c.writes}
}
