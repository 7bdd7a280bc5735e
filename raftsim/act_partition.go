package raftsim

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// ActPartition splits the network into groups that cannot reach each other.
const ActPartition ActionOp = "partition"

func init() {
	register(&actionKind{
		op: ActPartition, fields: "{groups}", help: "split the network into groups that cannot reach each other, e.g. [[1,2],[3,4,5]]",
		parse: func(r *fieldReader, a *Action) {
			groups, err := parseGroups(r.get("groups"))
			a.Groups = groups
			if err != nil {
				r.fail("%v", err)
			}
		},
		apply: func(s *Sim, a *Action) error {
			if err := s.partition(a.Groups); err != nil {
				return err
			}
			s.linkStreams()
			return nil
		},
		faults: []Fault{{Op: ActPartition, Weight: 3, Draw: drawPartition}},
	})
}

func parseGroups(g gjson.Result) ([][]uint64, error) {
	if !g.IsArray() || len(g.Array()) == 0 {
		return nil, fmt.Errorf(`partition needs "groups", an array of arrays of node IDs, e.g. [[1,2],[3,4,5]]`)
	}
	var groups [][]uint64
	var err error
	g.ForEach(func(i, grp gjson.Result) bool {
		if !grp.IsArray() {
			err = fmt.Errorf("partition: groups[%d] must be an array of node IDs", i.Int())
			return false
		}
		if len(grp.Array()) == 0 {
			err = fmt.Errorf("partition: groups[%d] is empty", i.Int())
			return false
		}
		var ids []uint64
		grp.ForEach(func(j, id gjson.Result) bool {
			if id.Type != gjson.Number || id.Num < 1 || float64(id.Uint()) != id.Num {
				err = fmt.Errorf("partition: groups[%d][%d] must be a node ID", i.Int(), j.Int())
				return false
			}
			ids = append(ids, id.Uint())
			return true
		})
		groups = append(groups, ids)
		return err == nil
	})
	return groups, err
}

// drawPartition splits the members, shuffled, into two to four groups.
func drawPartition(d *FaultDraw) Action {
	ids := d.MemberIDs()
	n := len(ids)
	if n < 2 {
		return Action{Op: ActHeal}
	}
	d.Rand.Shuffle(n, func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	k := min(2+d.Rand.IntN(3), n)
	// k-1 distinct cut points in 1..n-1, in order.
	cuts := d.Rand.Perm(n - 1)[:k-1]
	inCut := make([]bool, n)
	for _, c := range cuts {
		inCut[c+1] = true
	}
	var groups [][]uint64
	start := 0
	for i := 1; i <= n; i++ {
		if i == n || inCut[i] {
			groups = append(groups, ids[start:i])
			start = i
		}
	}
	return Action{Op: ActPartition, Groups: groups}
}
