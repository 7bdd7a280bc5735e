package raftsim

import (
	"reflect"
	"testing"
)

func TestPartition(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "two groups", js: `{"op":"partition","groups":[[1,2],[3,4,5]]}`, check: func(t *testing.T, h *harness) {
			if got := h.sim.Snapshot().Partition; !reflect.DeepEqual(got, [][]uint64{{1, 2}, {3, 4, 5}}) {
				t.Fatalf("partition %v", got)
			}
		}},
		{name: "a node twice", js: `{"op":"partition","groups":[[1,2],[2,3,4,5]]}`, want: "node 2 appears twice"},
		{name: "a node left out", js: `{"op":"partition","groups":[[1,2],[3,4]]}`, want: "nodes [5] are in no group"},
		{name: "one group", js: `{"op":"partition","groups":[[1,2,3,4,5]]}`, want: "at least two groups"},
		{name: "an unknown node", js: `{"op":"partition","groups":[[1,2],[3,4,9]]}`, want: "unknown node 9"},
		{name: "no groups", js: `{"op":"partition"}`, want: `needs "groups"`},
		{name: "an empty group", js: `{"op":"partition","groups":[[1,2,3,4,5],[]]}`, want: "groups[1] is empty"},
		{name: "a group of text", js: `{"op":"partition","groups":[[1,2],["x"]]}`, want: "groups[1][0] must be a node ID"},
	})
}
