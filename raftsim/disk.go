package raftsim

import (
	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// disk is a node's durable storage: what survives a crash, as etcd's WAL and
// snapshot do. Only synced writes reach it; a RawNode built after a restart
// reads its state from here.
type disk struct {
	*raft.MemoryStorage
	// voters is the cluster's initial membership. The cluster starts from an
	// empty log with this configuration, as if bootstrapped by a snapshot at
	// index 0, so the first entry anyone proposes is index 1.
	voters []uint64
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

// write makes a Ready's persistent parts durable, in the order etcd's raft
// node does: snapshot, then entries, then hard state.
func (d *disk) write(snap *pb.Snapshot, entries []*pb.Entry, hs *pb.HardState) error {
	if !raft.IsEmptySnap(snap) {
		if err := d.ApplySnapshot(snap); err != nil {
			return err
		}
	}
	if len(entries) > 0 {
		if err := d.Append(entries); err != nil {
			return err
		}
	}
	if !raft.IsEmptyHardState(hs) {
		return d.SetHardState(hs)
	}
	return nil
}

// entries returns the durable log from index lo to the end.
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
