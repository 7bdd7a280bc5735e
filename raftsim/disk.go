package raftsim

import (
	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// disk is a node's storage. What raft reads is the embedded MemoryStorage:
// the disk as the node sees it. An honest disk only acknowledges a write
// once it is synced, so what the node sees is what survives a crash.
//
// A lying disk acknowledges writes at once and makes them durable later, as
// a write-back cache does: what it acknowledged is written back together
// writeBackMs after the first write that found the cache clean. A crash in
// between loses writes the node has already acted on (sent votes and append
// responses for). It then keeps the durable image apart from what the node
// sees, with the acknowledged writes queued between them.
type disk struct {
	*raft.MemoryStorage
	// voters is the cluster's initial membership. The cluster starts from an
	// empty log with this configuration, as if bootstrapped by a snapshot at
	// index 0, so the first entry anyone proposes is index 1.
	voters []uint64

	durable *raft.MemoryStorage // nil while the disk has never lied
	queue   []diskWrite         // acknowledged, not yet durable
	// writeBackDue is set while a write-back of the queue is scheduled.
	writeBackDue bool
}

// writeBackMs is how long a lying disk's cache holds what it acknowledged:
// the window in which a crash loses acknowledged writes. Linux's flusher
// writes dirty pages back every 5 s (vm.dirty_writeback_centisecs = 500).
const writeBackMs = 5000

// diskWrite is the persistent part of one Ready, or a snapshot the node
// saved of its own state machine with the compaction after it.
type diskWrite struct {
	snap    *pb.Snapshot
	entries []*pb.Entry
	hs      *pb.HardState

	saved     *pb.Snapshot
	compactTo uint64
}

func newDisk(voters []uint64) *disk {
	return &disk{MemoryStorage: raft.NewMemoryStorage(), voters: voters}
}

// InitialState implements raft.Storage.
func (d *disk) InitialState() (*pb.HardState, *pb.ConfState, error) {
	hs, cs, err := d.MemoryStorage.InitialState()
	if err == nil && len(cs.GetVoters()) == 0 {
		cs = &pb.ConfState{Voters: d.voters}
	}
	return hs, cs, err
}

// write makes a Ready's persistent parts visible to the node and, for an
// honest disk, durable. A lying disk queues them; flush makes them durable.
func (d *disk) write(w diskWrite, lying bool) error {
	if err := writeTo(d.MemoryStorage, w); err != nil {
		return err
	}
	switch {
	case lying && w.persists():
		d.queue = append(d.queue, w)
	case lying:
	case d.durable != nil:
		// An honest sync also carries everything queued before it.
		d.writeBack()
		return writeTo(d.durable, w)
	}
	return nil
}

// persists reports whether the write holds anything for the disk.
func (w diskWrite) persists() bool {
	return len(w.entries) > 0 || !raft.IsEmptyHardState(w.hs) || !raft.IsEmptySnap(w.snap)
}

// startLying keeps the durable image apart from now on.
func (d *disk) startLying() {
	if d.durable == nil {
		d.durable = cloneStorage(d.MemoryStorage)
	}
}

// writeBack makes every acknowledged write durable, oldest first.
func (d *disk) writeBack() {
	for _, w := range d.queue {
		// The cache accepted this write; the durable image, an older state
		// of the same log, accepts it too.
		_ = writeTo(d.durable, w)
	}
	d.queue = nil
	d.writeBackDue = false
}

// saved brings a snapshot the node saved of its state machine, and the
// compaction after it, to the durable image once the writes it covers are
// durable: without it, a disk that ever lied would keep its whole log.
func (d *disk) saved(snap *pb.Snapshot, compactTo uint64) {
	w := diskWrite{saved: snap, compactTo: compactTo}
	switch {
	case d.durable == nil:
	case len(d.queue) > 0:
		d.queue = append(d.queue, w)
	default:
		_ = writeTo(d.durable, w)
	}
}

// crash throws away what the disk acknowledged but had not made durable.
func (d *disk) crash() {
	if d.durable == nil {
		return
	}
	d.MemoryStorage = cloneStorage(d.durable)
	d.queue = nil
	d.writeBackDue = false
}

// writeTo persists a Ready's parts in the order etcd's raft node does:
// snapshot, then entries, then hard state.
func writeTo(ms *raft.MemoryStorage, w diskWrite) error {
	if !raft.IsEmptySnap(w.snap) {
		if err := ms.ApplySnapshot(w.snap); err != nil {
			return err
		}
	}
	if len(w.entries) > 0 {
		if err := ms.Append(w.entries); err != nil {
			return err
		}
	}
	if !raft.IsEmptyHardState(w.hs) {
		if err := ms.SetHardState(w.hs); err != nil {
			return err
		}
	}
	if w.saved != nil {
		return saveSnapshot(ms, w.saved, w.compactTo)
	}
	return nil
}

// saveSnapshot stores a snapshot the node took and compacts the log up to
// compactTo, as the node's own storage did when it took it.
func saveSnapshot(ms *raft.MemoryStorage, snap *pb.Snapshot, compactTo uint64) error {
	md := snap.GetMetadata()
	if last, _ := ms.LastIndex(); md.GetIndex() > last {
		// Only entries on this disk can be covered; MemoryStorage panics otherwise.
		return nil
	}
	if _, err := ms.CreateSnapshot(md.GetIndex(), md.GetConfState(), snap.GetData()); err != nil && err != raft.ErrSnapOutOfDate {
		return err
	}
	if first, _ := ms.FirstIndex(); compactTo >= first {
		return ms.Compact(compactTo)
	}
	return nil
}

// cloneStorage copies ms.
func cloneStorage(ms *raft.MemoryStorage) *raft.MemoryStorage {
	c := raft.NewMemoryStorage()
	if snap, err := ms.Snapshot(); err == nil && !raft.IsEmptySnap(snap) {
		_ = c.ApplySnapshot(snap)
	}
	if hs, _, err := ms.InitialState(); err == nil && !raft.IsEmptyHardState(hs) {
		_ = c.SetHardState(hs)
	}
	first, _ := ms.FirstIndex()
	last, _ := ms.LastIndex()
	if last >= first {
		if ents, err := ms.Entries(first, last+1, ^uint64(0)); err == nil {
			_ = c.Append(ents)
		}
	}
	return c
}

// entries returns the log the node sees from index lo to the end.
func (d *disk) entries(lo uint64) []*pb.Entry {
	last, _ := d.LastIndex()
	if first, _ := d.FirstIndex(); lo < first {
		lo = first
	}
	if lo > last {
		return nil
	}
	ents, err := d.Entries(lo, last+1, ^uint64(0))
	if err != nil {
		return nil
	}
	return ents
}
