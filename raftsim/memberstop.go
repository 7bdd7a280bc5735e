package raftsim

// How a removed member stops. etcd's server does not stop the moment it
// applies its own removal: in etcd v3.7.3's etcdserver/server.go,
// applyEntries calls apply, whose applyConfChange returns shouldStop for the
// removal of the member itself, and then
//
//	go s.stopWithDelay(10*100*time.Millisecond, fmt.Errorf("the member has been permanently removed from the cluster"))
//
// a fixed second later: ten of its default 100 ms ticks, ten ticks here.
// Meanwhile the removed node's raft keeps running, a removed leader leading
// on (etcd leaves StepDownOnRemoval off): the commit of the change reaches
// the others, and a vote the remaining voters still need from it in a joint
// configuration is granted.

// removedStopTicks is how many ticks a removed member runs on.
const removedStopTicks = 10

// retire takes node id out of the cluster once a configuration without it
// is applied: actions on it are refused from now on, and it stops
// removedStopTicks later (at once when it is down already).
func (s *Sim) retire(id uint64) {
	n := s.node(id)
	if n == nil || n.removed {
		return
	}
	n.removed = true
	if !n.up() {
		s.stopRemoved(n, s.name(id)+" removed, stopped")
		return
	}
	// No epoch: the stop is due whatever befalls the node meanwhile.
	s.clock.schedule(timer{at: s.clock.now + removedStopTicks*s.cfg.TickMs, kind: timerStopRemoved, node: id})
}

// stopRemoved stops node n for good, out of the cluster; text says why.
func (s *Sim) stopRemoved(n *node, text string) {
	if n.stopped {
		return
	}
	n.removed, n.stopped = true, true
	if n.up() {
		n.crash()
	}
	s.emit(Event{Kind: EvMember, Node: n.id, Member: n.id, Change: ChangeStopped, Text: text})
	s.linkStreams()
}
