package clients

import (
	"fmt"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// Workloads are clients that keep calling: stress (etcd-play's Stress button:
// writes, continuously) and the checking clients (a mix of writes, reads and
// compare-and-swaps on a few keys, whose history the linearizability checker
// judges). Each runs in a closed loop: its next call goes out a short, seeded
// think time after the previous one is answered.

// workloadKind says what a workload client calls.
type workloadKind uint8

const (
	stressWrites workloadKind = iota + 1
	mixedOps
)

// workloadKeys is how many keys a checking client spreads over: few, so
// operations on one key overlap and the check has something to judge.
const workloadKeys = 3

// workloader is a client that keeps calling.
type workloader struct {
	c      *client
	kind   workloadKind
	active bool
	// v3 makes the client call through etcd's v3 API.
	v3 bool
	// looping is set while a call is in flight or the next one is
	// scheduled: turning the workload on again must not start a second loop.
	looping bool
	n       int // calls made, for unique values
}

// startWorkload adds count clients of kind, spread round the nodes, calling
// through etcd's v3 API when v3 is set.
func (cs *Clients) startWorkload(kind workloadKind, count int, read v2store.ReadMode, v3 bool) {
	for i := 0; i < count; i++ {
		name := fmt.Sprintf("client-%d", len(cs.workload)+1)
		if kind == stressWrites {
			name = fmt.Sprintf("stress-%d", len(cs.workload)+1)
		}
		ids := cs.sim.NodeIDs()
		via := ids[len(cs.workload)%len(ids)]
		w := &workloader{c: cs.addClient(name, via, read, 3), kind: kind, active: true, v3: v3}
		cs.workload = append(cs.workload, w)
		cs.nextCall(w)
	}
}

// stress turns the stress writers on or off; they are created on first use,
// and write through etcd's v3 API when v3 is set (v2's otherwise).
func (cs *Clients) stress(on, v3 bool) error {
	if on == cs.stressing {
		return fmt.Errorf("stress is already %s", map[bool]string{true: "on", false: "off"}[on])
	}
	cs.stressing = on
	any := false
	for _, w := range cs.workload {
		if w.kind == stressWrites {
			any = true
			if on && !w.looping {
				cs.nextCall(w)
			}
			w.active = on
			w.v3 = v3
		}
	}
	if on && !any {
		cs.startWorkload(stressWrites, 3, v2store.ReadLinearizable, v3)
	}
	return nil
}

// nextCall schedules the client's next call after a think time.
func (cs *Clients) nextCall(w *workloader) {
	w.looping = true
	think := 5 + cs.sim.Rand().Int64N(20)
	cs.sim.After(think, raftsim.AppTimer{Kind: timerWorkload, ID: w.c.id})
}

// call makes the workload client's next call, when it is still active.
func (cs *Clients) workloadCall(clientID uint64) {
	var w *workloader
	for _, x := range cs.workload {
		if x.c.id == clientID {
			w = x
		}
	}
	if w == nil {
		return
	}
	if !w.active {
		w.looping = false
		return
	}
	w.n++
	value := fmt.Sprintf("%s.%d", w.c.name, w.n)
	switch {
	case w.v3 && w.kind == stressWrites:
		cs.stressV3(w, value)
		return
	case w.v3:
		cs.mixedV3(w, value)
		return
	}
	var op v2store.Op
	switch {
	case w.kind == stressWrites:
		op = v2store.Op{Kind: v2store.OpSet, Key: fmt.Sprintf("/stress/k%d", cs.sim.Rand().IntN(10)), Value: value}
	default:
		key := fmt.Sprintf("/k%d", cs.sim.Rand().IntN(workloadKeys))
		switch r := cs.sim.Rand().IntN(10); {
		case r < 4:
			op = v2store.Op{Kind: v2store.OpSet, Key: key, Value: value}
		case r < 8:
			op = v2store.Op{Kind: v2store.OpGet, Key: key, Read: w.c.read}
		default:
			// Compare with a value some client may have written there.
			prev := fmt.Sprintf("client-%d.%d", 1+cs.sim.Rand().IntN(max(1, len(cs.workload))), max(1, w.n-cs.sim.Rand().IntN(3)))
			op = v2store.Op{Kind: v2store.OpCAS, Key: key, Value: value, PrevValue: prev}
		}
	}
	via := w.c.via
	if !cs.sim.Up(via) {
		via = cs.nextUp(via)
	}
	cs.invoke(w.c, via, op, func(*v2store.Result) { cs.called(w) })
}

// called goes on with the client's loop after an answer, unless it stopped.
func (cs *Clients) called(w *workloader) {
	if w.active {
		cs.nextCall(w)
	} else {
		w.looping = false
	}
}

// stressV3 makes a stress writer's next put, through etcd's v3 API. A put
// that gets no answer in etcdctl's command time-out is given up.
func (cs *Clients) stressV3(w *workloader, value string) {
	via := w.c.via
	if !cs.sim.Up(via) {
		via = cs.nextUp(via)
	}
	req := v3store.Request{Kind: v3store.Put, Key: fmt.Sprintf("stress/k%d", cs.sim.Rand().IntN(10)), Value: value}
	cs.callV3(via, req, false, func(v3store.Response, error) { cs.called(w) })
}

// recentMs is how far back opsPerSecond looks for calls that returned in the
// last second: as far as a call with all its retries can take.
func (cs *Clients) recentMs() int64 { return 10 * cs.sim.Config().ClientTimeoutMs }

// opsPerSecond counts the calls answered successfully in the last virtual second.
func (cs *Clients) opsPerSecond() int {
	ops, now := cs.history.ops, cs.sim.Now()
	k := 0
	for i := len(ops) - 1; i >= 0 && ops[i].CallMs >= now-cs.recentMs(); i-- {
		if r := ops[i].Result; r != nil && r.OK() && !ops[i].Pending && ops[i].ReturnMs > now-1000 {
			k++
		}
	}
	return k + len(cs.v3.answered) - cs.v3answeredBefore(now-1000)
}
