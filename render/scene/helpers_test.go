package scene

import (
	"unicode/utf8"

	"raftplay/raftsim"
)

// measure is a stand-in for the real font: every rune is 0.55 em wide.
func measure(text string, size float64) float64 {
	return float64(utf8.RuneCountInString(text)) * size * 0.55
}

// cluster returns a snapshot of n running nodes, node 1 leading term 2, with
// the given messages in flight, at virtual time 100 ms.
func cluster(n int, msgs ...raftsim.MessageView) *raftsim.Snapshot {
	s := &raftsim.Snapshot{Seed: 7, NowMs: 100, Speed: 0.03, Partition: [][]uint64{}, Messages: msgs,
		Invariants: raftsim.InvariantStatus{OK: true}}
	for i := 1; i <= n; i++ {
		role := raftsim.RoleFollower
		if i == 1 {
			role = raftsim.RoleLeader
		}
		s.Nodes = append(s.Nodes, raftsim.NodeView{ID: uint64(i), Up: true, Role: role, Term: 2, Vote: 1, Lead: 1,
			ElectionElapsedMs: 50, ElectionTimeoutMs: 200})
	}
	return s
}

// msg is a message from one node to another sent at 90 ms and due at 110 ms.
func msg(id, from, to uint64, typ string) raftsim.MessageView {
	return raftsim.MessageView{ID: id, From: from, To: to, Type: msgType(typ), Term: 2, SentMs: 90, DeliverMs: 110}
}

// msgType is the raft message type of that name.
func msgType(name string) raftsim.MsgType {
	var t raftsim.MsgType
	if err := t.UnmarshalText([]byte(name)); err != nil {
		panic(err)
	}
	return t
}

// newScene returns a 1280×800 scene at scale 1 that has observed snap.
func newScene(snap *raftsim.Snapshot) *Scene {
	s := New(&Dark, ControlsFull, measure)
	s.Observe(snap, nil)
	s.Resize(1280, 800, 1)
	return s
}
