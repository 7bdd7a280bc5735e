package scene

import (
	"fmt"

	"raftplay/raftsim"
)

// In manual mode (raftsim's manual.go) the user is the network: every
// message waits on its link, drawn as a queue with the oldest nearest its
// receiver; a click on one delivers it, its panel (m, or a click on its
// arrow in the diagram) delivers, duplicates or drops it, and a node's menu
// ticks it or hands its Ready over.

// Where a queue sits along its link: its head (the oldest message) at
// queueHead, the rest behind it queueGap apart, squeezed to fit between
// queueHead and queueTail.
const (
	queueHead = 0.8
	queueTail = 0.2
	queueGap  = 0.12
)

// linkQueues counts the messages waiting on each link, so each can be
// placed at its rank in its link's queue.
type linkQueues struct {
	links []linkQueue
}

type linkQueue struct {
	from, to    uint64
	total, seen int
}

// count tallies msgs (in ID order, so send order) per link.
func (q *linkQueues) count(msgs []raftsim.MessageView) {
	for i := range msgs {
		q.of(&msgs[i]).total++
	}
}

func (q *linkQueues) of(m *raftsim.MessageView) *linkQueue {
	for i := range q.links {
		if l := &q.links[i]; l.from == m.From && l.to == m.To {
			return l
		}
	}
	q.links = append(q.links, linkQueue{from: m.From, to: m.To})
	return &q.links[len(q.links)-1]
}

// place returns how far along its link message m is drawn: the next of its
// link's queue, called in ID order.
func (q *linkQueues) place(m *raftsim.MessageView) float64 {
	l := q.of(m)
	gap := queueGap
	if l.total > 1 {
		gap = min(gap, (queueHead-queueTail)/float64(l.total-1))
	}
	t := queueHead - float64(l.seen)*gap
	l.seen++
	return t
}

// manualMessageButtons are the inspected message's buttons in manual mode,
// before Drop and Close.
func manualMessageButtons(gone bool) []Button {
	return []Button{
		{Cmd: CmdDeliver, Label: "Deliver it", Key: "Enter", Disabled: gone},
		{Cmd: CmdDuplicate, Label: "Duplicate it (beyond TCP)", Key: "*", Disabled: gone},
	}
}

// tickToTimeout is the node menu's tick: a leader up to its heartbeat, any
// other node up to its election timeout.
func tickToTimeout(nv *raftsim.NodeView, _ []uint64) raftsim.Action {
	until := raftsim.UntilElection
	if nv.Role == raftsim.RoleLeader {
		until = raftsim.UntilHeartbeat
	}
	return raftsim.Action{Op: raftsim.ActTick, Node: nv.ID, Until: until}
}

// deliver delivers message id, or the inspected one for 0, closing its
// panel.
func (c *Controller) deliver(id uint64, snap *raftsim.Snapshot) ([]raftsim.Action, string) {
	if !snap.Manual {
		return nil, "messages are delivered by hand only in manual mode (/)"
	}
	if id == 0 {
		if c.Message == 0 {
			return nil, "select a message first: click one, or press m"
		}
		id = c.Message
	}
	if id == c.Message {
		c.Message = 0
	}
	return []raftsim.Action{raftsim.Action{Op: raftsim.ActDeliver, Message: id}}, ""
}

// duplicate puts a copy of the inspected message on its link.
func (c *Controller) duplicate(snap *raftsim.Snapshot) ([]raftsim.Action, string) {
	switch {
	case !snap.Manual:
		return nil, "messages are duplicated only in manual mode (/)"
	case c.Message == 0:
		return nil, "select a message first: press m"
	case c.MessageGone:
		return nil, fmt.Sprintf("message #%d is no longer in flight", c.Message)
	}
	return []raftsim.Action{raftsim.Action{Op: raftsim.ActDuplicate, Message: c.Message}}, ""
}

// handedMaxRows bounds the lines of the handed Ready a node's details show.
const handedMaxRows = 8

// handedRows are a node's details' rows for the Ready it handed over last
// in manual mode: raft.DescribeReady's lines.
func handedRows(n *raftsim.NodeView) []DetailRow {
	if n.Handed == nil {
		return nil
	}
	var rows []DetailRow
	for i, line := range n.Handed.Text {
		if i == handedMaxRows {
			rows = append(rows, DetailRow{"", fmt.Sprintf("… %d lines more", len(n.Handed.Text)-i)})
			break
		}
		key := ""
		if i == 0 {
			key = "handed"
		}
		rows = append(rows, DetailRow{key, line})
	}
	return rows
}
