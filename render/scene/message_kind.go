package scene

import (
	pb "go.etcd.io/raft/v3/raftpb"

	"raftplay/raftsim"
)

// MsgKind groups raft message types the way the picture tells them apart: a
// request and its response share a kind (and so a colour and a shape) and
// differ only in being filled or hollow.
type MsgKind int

// The kinds of messages, in legend order.
const (
	KindApp MsgKind = iota
	KindHeartbeat
	KindVote
	KindPreVote
	KindSnap
	KindProp
	KindTimeoutNow
	KindOther
	msgKinds
)

// Shape is the outline a message is drawn with, so its kind reads without colour.
type Shape int

// The shapes of messages.
const (
	ShapeSquare Shape = iota
	ShapeCircle
	ShapeDiamond
	ShapeTriangle
	ShapeHexagon
	ShapePentagon
	ShapeStar
)

var kindInfo = [msgKinds]struct {
	name  string
	shape Shape
}{
	KindApp:        {"append", ShapeSquare},
	KindHeartbeat:  {"heartbeat", ShapeCircle},
	KindVote:       {"vote", ShapeDiamond},
	KindPreVote:    {"pre-vote", ShapeTriangle},
	KindSnap:       {"snapshot", ShapeHexagon},
	KindProp:       {"proposal", ShapePentagon},
	KindTimeoutNow: {"timeout-now", ShapeStar},
	KindOther:      {"other", ShapeCircle},
}

// KindOf returns the kind of a raft message type: a request and its
// response have the same.
func KindOf(t raftsim.MsgType) MsgKind {
	switch t.Raft() {
	case pb.MsgApp, pb.MsgAppResp:
		return KindApp
	case pb.MsgHeartbeat, pb.MsgHeartbeatResp:
		return KindHeartbeat
	case pb.MsgVote, pb.MsgVoteResp:
		return KindVote
	case pb.MsgPreVote, pb.MsgPreVoteResp:
		return KindPreVote
	case pb.MsgSnap, pb.MsgSnapStatus:
		return KindSnap
	case pb.MsgProp:
		return KindProp
	case pb.MsgTimeoutNow:
		return KindTimeoutNow
	}
	return KindOther
}

// Name is the kind's name in the legend.
func (k MsgKind) Name() string { return kindInfo[k].name }

// Shape is the outline the kind is drawn with.
func (k MsgKind) Shape() Shape { return kindInfo[k].shape }

// LegendKinds lists the kinds the legend explains.
var LegendKinds = []MsgKind{KindApp, KindHeartbeat, KindVote, KindPreVote, KindSnap, KindProp, KindTimeoutNow}
