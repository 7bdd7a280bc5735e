package clients

import (
	"errors"
	"fmt"
	"strings"

	"raftplay/raftsim"
	"raftplay/raftsim/v3store"
)

// The console's lease and endpoint commands. A grant and a revoke go
// through raft like any write; keep-alive and time-to-live are answered by
// the leader's lessor, which keeps the leases' clocks; list by the node.

// leaseID is the ID a grant proposes, made as etcd's request ID generator
// makes it: the member's ID in the top bits, the time and a count below.
func (cs *Clients) leaseID(via uint64) int64 {
	cs.nextID++
	return int64((via&0xffff)<<48|(uint64(cs.sim.Now())&0xffffffffff)<<8+cs.nextID) & (1<<63 - 1)
}

func (cs *Clients) lease(e v3store.Etcdctl, via uint64) {
	fail := func(err error) { cs.printedV3(via, v3store.Printed{Stderr: []string{"Error: " + err.Error()}}) }
	rev, _ := cs.sim.V3Rev(via)
	switch e.Name {
	case "lease grant", "lease revoke":
		req := e.Req
		if e.Name == "lease grant" {
			req.Kind, req.ID = v3store.LeaseGrant, cs.leaseID(via)
		}
		cs.callV3(via, req, false, func(r v3store.Response, err error) {
			switch {
			case err != nil && e.Name == "lease revoke":
				fail(fmt.Errorf("failed to revoke lease (%v)", err))
			case err != nil:
				fail(err)
			default:
				cs.printedV3(via, e.LeaseAnswer(cs.header(via, r.Revision), v3store.LeaseAnswer{ID: req.ID, TTL: r.TTL}))
			}
		})
	case "lease timetolive":
		l, leftMs, err := cs.sim.LeaseTimeToLive(e.Req.ID)
		a := v3store.LeaseAnswer{ID: e.Req.ID, TTL: l.TTL, Remaining: leftMs / 1000, Keys: l.Keys}
		switch {
		case errors.Is(err, v3store.ErrLeaseNotFound):
			a.Remaining = -1
		case err != nil:
			fail(err)
			return
		}
		cs.printedV3(via, e.LeaseAnswer(cs.header(via, rev), a))
	case "lease keep-alive":
		ttl, err := cs.sim.LeaseKeepAlive(e.Req.ID)
		if err != nil {
			fail(err)
			return
		}
		cs.printedV3(via, e.LeaseAnswer(cs.header(via, rev), v3store.LeaseAnswer{ID: e.Req.ID, TTL: ttl}))
	case "lease list":
		leases, err := cs.sim.LeasesV3(via)
		if err != nil {
			fail(err)
			return
		}
		a := v3store.LeaseAnswer{}
		for _, l := range leases {
			a.Leases = append(a.Leases, l.ID)
		}
		cs.printedV3(via, e.LeaseAnswer(cs.header(via, rev), a))
	}
}

// endpoint answers endpoint status and health for the node the console
// talks to, as etcdctl does for its --endpoints.
func (cs *Clients) endpoint(e v3store.Etcdctl, via uint64) {
	url := fmt.Sprintf("http://%s:2379", cs.name(via))
	if e.Name == "endpoint status" {
		snap := cs.sim.Snapshot()
		n := snap.Node(via)
		rev, _ := cs.sim.V3Rev(via)
		st := v3store.EndpointStatus{Endpoint: url, Header: cs.header(via, rev), Version: "3.4.23", DBSize: cs.sim.StateSize(via),
			Leader: snap.Leader(), Learner: n.Member == raftsim.MemberLearner, RaftIndex: n.Commit, RaftApplied: n.Applied}
		cs.printedV3(via, e.Status(st))
		return
	}
	start := cs.sim.Now()
	cs.callV3(via, v3store.Request{Kind: v3store.Range, Key: "health"}, false, func(_ v3store.Response, err error) {
		h := v3store.EndpointHealth{Endpoint: url, Healthy: err == nil, TookMs: cs.sim.Now() - start}
		if err != nil {
			h.Error = strings.TrimPrefix(err.Error(), "etcdserver: ")
		}
		cs.printedV3(via, e.Health(h))
	})
}
