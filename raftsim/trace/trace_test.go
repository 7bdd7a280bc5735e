package trace_test

import (
	"bufio"
	"bytes"
	"fmt"
	"testing"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/trace"
)

// window is a stretch of time in which the streams between node and its
// peers are down: from a break until a tick after the cause is gone. A
// message sent in the very millisecond of the break may have gone before it.
type window struct {
	node     uint64 // 0: every pair
	from, to int64
}

// streamsDown reports whether the streams between a and b were down at t.
func streamsDown(ws []window, a, b uint64, t int64) bool {
	for _, w := range ws {
		if (w.node == 0 || w.node == a || w.node == b) && t > w.from && t < w.to {
			return true
		}
	}
	return false
}

// redialling reports whether t falls in the last tick of a window of a or
// b: the streams could carry messages again, but are not redialled yet.
func redialling(ws []window, a, b uint64, t, tick int64) bool {
	for _, w := range ws {
		if (w.node == 0 || w.node == a || w.node == b) && t >= w.to-tick && t < w.to {
			return true
		}
	}
	return false
}

// progressState is the leader's progress state of member id.
func progressState(t *testing.T, s *raftsim.Sim, leader, id uint64) string {
	t.Helper()
	n := s.Snapshot().Node(leader)
	if n == nil || n.Role != raftsim.RoleLeader {
		t.Fatalf("at %d ms n%d no longer leads; the test needs it to", s.Now(), leader)
	}
	for _, p := range n.Progress {
		if p.ID == id {
			return p.State
		}
	}
	t.Fatalf("the leader has no progress of n%d", id)
	return ""
}

// A run with stress, a partition and a heal, a crash and a restart, loss,
// and a follower caught up by a snapshot, traced: every stream delivers in
// the order it was given its messages, a snapshot goes on the pipeline, an
// append goes on msgappv2 exactly when the streams are up, and a broken
// stream tells the leader, whose progress of that follower drops to probe.
func TestMessagesTravelAsRafthttpCarriesThem(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	cfg.Seed = 3
	s, err := raftsim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	clients.Attach(s)
	var buf bytes.Buffer
	rec := trace.Record(s, &buf)
	do := func(js string) {
		t.Helper()
		if err := s.DoJSON(js); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
	}
	do(`{"op":"stress","on":true}`)
	s.AdvanceTo(1000)
	leader := s.Snapshot().Leader()
	if leader == 0 {
		t.Fatal("no leader after 1 s")
	}
	var followers []uint64
	for _, id := range s.Snapshot().NodeIDs() {
		if id != leader {
			followers = append(followers, id)
		}
	}
	cut, crashed := followers[0], followers[1]
	tick := cfg.TickMs
	windows := []window{{0, 0, tick}}

	s.AdvanceTo(2000)
	if st := progressState(t, s, leader, cut); st != "replicate" {
		t.Fatalf("before the partition the leader's progress of n%d is %s, want replicate", cut, st)
	}
	var rest []string
	for _, id := range s.Snapshot().NodeIDs() {
		if id != cut {
			rest = append(rest, fmt.Sprint(id))
		}
	}
	do(fmt.Sprintf(`{"op":"partition","groups":[[%d],[%s]]}`, cut, joinIDs(rest)))
	if st := progressState(t, s, leader, cut); st != "probe" {
		t.Errorf("right after the partition the leader's progress of n%d is %s, want probe: raft was not told the peer is unreachable", cut, st)
	}
	s.AdvanceTo(4000)
	do(`{"op":"heal"}`)
	// The node cut off campaigns at once: its pre-votes leave while the
	// streams are still being redialled.
	do(fmt.Sprintf(`{"op":"timeout","node":%d}`, cut))
	windows = append(windows, window{cut, 2000, 4000 + tick})

	s.AdvanceTo(5000)
	if st := progressState(t, s, leader, crashed); st != "replicate" {
		t.Fatalf("before the crash the leader's progress of n%d is %s, want replicate", crashed, st)
	}
	do(fmt.Sprintf(`{"op":"crash","node":%d}`, crashed))
	if st := progressState(t, s, leader, crashed); st != "probe" {
		t.Errorf("right after n%d crashed the leader's progress of it is %s, want probe", crashed, st)
	}
	s.AdvanceTo(8000)
	do(fmt.Sprintf(`{"op":"restart","node":%d}`, crashed))
	windows = append(windows, window{crashed, 5000, 8000 + tick})

	s.AdvanceTo(9000)
	do(`{"op":"loss","rate":0.05}`)
	s.AdvanceTo(11000)
	do(`{"op":"loss","rate":0}`)
	s.AdvanceTo(13000)
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}

	type streamKey struct {
		from, to uint64
		stream   string
	}
	lastID := map[streamKey]uint64{}
	count := map[string]int{}
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		l := gjson.Parse(sc.Text())
		id, from, to := l.Get("id").Uint(), l.Get("from").Uint(), l.Get("to").Uint()
		typ, stream, fate := l.Get("type").String(), l.Get("stream").String(), l.Get("fate").String()
		sent := l.Get("sent_ms").Int()
		count[fate+" "+l.Get("reason").String()]++
		if stream != "pipeline" && fate == "delivered" {
			k := streamKey{from, to, stream}
			if id < lastID[k] {
				t.Errorf("%s: on the %s stream n%d→n%d message %d arrived after %d, which was sent later", sc.Text(), stream, from, to, id, lastID[k])
			}
			lastID[k] = id
			count["stream delivery"]++
		}
		switch {
		case typ == "MsgSnap":
			if stream != "pipeline" {
				t.Errorf("%s: a snapshot not on the pipeline", sc.Text())
			}
			if fate == "delivered" && to == crashed {
				count["snapshot to the restarted node"]++
			}
		case streamsDown(windows, from, to, sent):
			if stream != "pipeline" {
				t.Errorf("%s: sent while the streams n%d→n%d were down, yet on %s, not the pipeline", sc.Text(), from, to, stream)
			}
			count[typ+" on the pipeline"]++
			if redialling(windows, from, to, sent, tick) {
				count["sent while redialling"]++
			}
		case typ == "MsgApp":
			if stream != "msgappv2" {
				t.Errorf("%s: sent while the streams n%d→n%d were up, yet on %s, not msgappv2", sc.Text(), from, to, stream)
			}
		case stream != "message":
			t.Errorf("%s: sent while the streams were up, yet on %s, not the message stream", sc.Text(), stream)
		}
	}
	// The run must have shown what the test claims about it.
	for _, what := range []string{"stream delivery", "snapshot to the restarted node", "MsgApp on the pipeline",
		"MsgHeartbeat on the pipeline", "sent while redialling",
		"dropped lost", "dropped partition", "dropped node down", "delivered "} {
		if count[what] == 0 {
			t.Errorf("the run has no %q; the faults should have made some (%v)", what, count)
		}
	}
}

func joinIDs(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += ","
		}
		out += id
	}
	return out
}
