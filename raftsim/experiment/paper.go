package experiment

// PaperFigure is what the Raft paper's text reports for one timeout range
// (§9.3); the graphs give the rest only as curves.
type PaperFigure struct {
	MeanMs, MedianMs, MaxMs int64 // 0 where the paper gives none
}

// Paper holds the paper's reported figures by minimum timeout, for the
// ranges etcd raft can be configured for: "an election timeout of 12–24 ms
// ... takes 35 ms on average to elect a leader (the longest trial took
// 152 ms)".
var Paper = map[int64]PaperFigure{
	12: {MeanMs: 35, MaxMs: 152},
}
