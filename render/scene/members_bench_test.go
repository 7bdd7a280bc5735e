package scene

import (
	"testing"

	"raftplay/raftsim"
)

// BenchmarkFrameWithMembers is a frame's scene work (Observe, and the
// joint-consensus caption the drawing asks for) for a plain five-node
// cluster, the baseline, and for nine members with learners in joint
// consensus, so that what membership adds to a frame shows beside it.
func BenchmarkFrameWithMembers(b *testing.B) {
	joint := withMembers(cluster(10), append([]uint64{1, 2}, ids(4, 8)...), []uint64{9, 10})
	joint.Membership.VotersOutgoing = ids(1, 8)
	for _, bc := range []struct {
		name string
		snap *raftsim.Snapshot
	}{
		{"five voters", withMembers(cluster(5), ids(1, 5), []uint64{})},
		{"nine members, joint", joint},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := newScene(bc.snap)
			b.ReportAllocs()
			for b.Loop() {
				s.Observe(bc.snap, nil)
				s.JointCaption()
			}
		})
	}
}
