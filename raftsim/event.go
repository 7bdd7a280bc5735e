package raftsim

import (
	"fmt"
	"slices"
)

// EventKind names what an Event reports.
type EventKind string

// The kinds of events in the event stream.
const (
	EvRole      EventKind = "role"      // a node changed role (follower, candidate, ...)
	EvElected   EventKind = "elected"   // a node became leader of a term
	EvSent      EventKind = "sent"      // a message left its sender
	EvDelivered EventKind = "delivered" // a message reached its receiver
	EvDropped   EventKind = "dropped"   // a message was lost: cut link, crashed node, loss, user
	EvCommit    EventKind = "commit"    // a node's commit index advanced
	EvApply     EventKind = "apply"     // a node applied an entry to its state machine
	EvCrash     EventKind = "crash"     // a node went down
	EvRestart   EventKind = "restart"   // a node came back from its durable storage
	EvHalt      EventKind = "halt"      // raft panicked on a node; the node was stopped
	EvSnapshot  EventKind = "snapshot"  // a node saved a snapshot and compacted its log
	EvRestore   EventKind = "restore"   // a node's state machine was rebuilt from the leader's snapshot
	EvClient    EventKind = "client"    // a client request was applied, dropped or timed out
	EvViolation EventKind = "violation" // a safety property broke
	EvAction    EventKind = "action"    // an action was applied
	EvConsole   EventKind = "console"   // a line of the etcdctl console, typed or answered
	EvMember    EventKind = "member"    // a membership change was proposed or applied, or a removed node stopped
	EvReady     EventKind = "ready"     // a node's Ready was handed over by hand (manual mode)
)

// Event is one entry of the event stream. Its fields carry what happened;
// Text is a readable one-line description made from them, in the manner of
// etcd raft's Describe* helpers. Readers use the fields, never the text.
type Event struct {
	Seq  uint64    `json:"seq"`
	AtMs int64     `json:"at_ms"`
	Kind EventKind `json:"kind"`
	// Node is the node the event happened on (0 for cluster-wide events):
	// the sender of a sent or dropped message, the receiver of a delivered one.
	Node uint64 `json:"node,omitempty"`
	// From, To, Message and MsgType (e.g. "MsgHeartbeat") describe the
	// message of a sent, delivered or dropped event.
	From    uint64  `json:"from,omitempty"`
	To      uint64  `json:"to,omitempty"`
	Message uint64  `json:"message,omitempty"`
	MsgType MsgType `json:"msg_type,omitempty"`
	// Stream is the way the message travels (rafthttp.go).
	Stream Stream `json:"stream,omitempty"`
	Term   uint64 `json:"term,omitempty"`
	Index  uint64 `json:"index,omitempty"`
	// Role is the node's new role, for role events.
	Role Role `json:"role,omitempty"`
	// Reason is why a dropped message was lost.
	Reason DropReason `json:"reason,omitempty"`
	// Op is the op of an action event.
	Op ActionOp `json:"op,omitempty"`
	// Line says what a console event's line is.
	Line ConsoleLine `json:"line,omitempty"`
	// Change is what a member event reports, and Member the node the
	// change concerns (none for leaving joint consensus).
	Change MemberChange `json:"change,omitempty"`
	Member uint64       `json:"member,omitempty"`
	Text   string       `json:"text"`
	// MsgText is a message event's message in one line (describe: its
	// number, ends, type, term, index, entries), without what became of
	// it, which Text adds. It is filled in with Text.
	MsgText string `json:"-"`

	// Message events describe their message only when someone reads them:
	// formatting every message of a long batch run would dominate its cost.
	flight *flight
}

// DropReason says why a message died on the way.
type DropReason string

// The ways a message is lost.
const (
	DropLost      DropReason = "lost"      // the link's loss rate drew it
	DropPartition DropReason = "partition" // the partition separates its ends
	DropNodeDown  DropReason = "node down" // its receiver was down when it arrived
	DropByUser    DropReason = "by user"   // the drop action took it out of the air
	// DropStreamFull: its stream held streamBufSize messages already.
	DropStreamFull DropReason = "stream full"
)

// ConsoleLine says what a line of the etcdctl console is.
type ConsoleLine string

// The lines the console writes.
const (
	ConsoleCommand ConsoleLine = "command" // a command, echoed with the node it went to
	ConsoleAnswer  ConsoleLine = "answer"  // what etcdctl printed
	ConsoleError   ConsoleLine = "error"   // etcdctl's error
)

// MemberChange says what a member event reports.
type MemberChange string

// The membership changes. The first four are proposed (Node is the leader);
// each change is then applied on every node (Node is the node applying it):
// in one step, as etcd's server makes it, or through joint consensus,
// entering and then leaving it.
const (
	ChangeAddLearner MemberChange = "add learner"
	ChangeAddVoter   MemberChange = "add voter"
	ChangePromote    MemberChange = "promote"
	ChangeRemove     MemberChange = "remove"
	ChangeApplied    MemberChange = "applied" // a single-step change, in force at once
	ChangeEnterJoint MemberChange = "enter joint"
	ChangeLeaveJoint MemberChange = "leave joint"
	ChangeStopped    MemberChange = "stopped" // a removed node stopped for good
)

// messageEvent is an event about message f, with the fields every such event
// carries.
func messageEvent(kind EventKind, node uint64, f *flight) Event {
	m := f.msg
	return Event{Kind: kind, Node: node, From: m.GetFrom(), To: m.GetTo(), Message: f.id, MsgType: MsgType(m.GetType()),
		Stream: f.stream, Term: m.GetTerm(), Index: m.GetIndex(), flight: f}
}

// describeMessage fills in Text for a message event, calling each node what
// name says.
func (e *Event) describeMessage(name func(uint64) string) {
	if e.Text != "" || e.flight == nil {
		return
	}
	e.MsgText = describe(e.flight, name)
	switch e.Kind {
	case EvSent:
		e.Text = "sent " + e.MsgText
		if e.flight.copyOf != 0 {
			e.Text = fmt.Sprintf("duplicated #%d: %s", e.flight.copyOf, e.MsgText)
		}
	case EvDelivered:
		e.Text = "delivered " + e.MsgText
		if e.flight.overtook != 0 {
			e.Text += fmt.Sprintf(", ahead of #%d sent before it on its %s stream, which rafthttp would deliver first", e.flight.overtook, e.flight.stream)
		}
	case EvDropped:
		e.Text = "dropped (" + string(e.Reason) + ") " + e.MsgText
	}
}

// String renders the event as a log line: time, then the description.
func (e Event) String() string {
	return fmt.Sprintf("%8dms %s", e.AtMs, e.Text)
}

// eventRing keeps the latest events for views that show a recent history.
type eventRing struct {
	buf  []Event
	next uint64 // sequence number the next event gets
}

const eventRingSize = 512

func (r *eventRing) add(e Event) Event {
	r.next++
	e.Seq = r.next
	if len(r.buf) < eventRingSize {
		r.buf = append(r.buf, e)
	} else {
		r.buf[(e.Seq-1)%eventRingSize] = e
	}
	return e
}

// since appends to out the kept events with Seq > seq, oldest first, their
// nodes called what name says.
func (r *eventRing) since(out []Event, seq uint64, name func(uint64) string) []Event {
	first := uint64(1)
	if r.next > eventRingSize {
		first = r.next - eventRingSize + 1
	}
	if seq+1 > first {
		first = seq + 1
	}
	if first > r.next {
		return out
	}
	// Made to size: a frame under stress reads hundreds of events.
	out = slices.Grow(out, int(r.next-first+1))
	for s := first; s <= r.next; s++ {
		e := &r.buf[(s-1)%eventRingSize]
		e.describeMessage(name)
		out = append(out, *e)
	}
	return out
}
