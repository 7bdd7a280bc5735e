package experiment

// PaperFigure is what the Raft paper's text reports for one timeout range
// (§9.3); the graphs give the rest only as curves.
type PaperFigure struct {
	MeanMs, MedianMs, MaxMs int64 // 0 where the paper gives none
	Note                    string
}

// Paper holds the paper's reported figures by timeout range [min, max]:
// "an election timeout of 12–24 ms ... takes 35 ms on average (the longest
// trial took 152 ms)"; with 150–155 ms "a median downtime of 287 ms"; with
// 150–200 ms "a worst-case of 513 ms over 1000 trials"; with no randomness
// (150–150 ms) elections "often took longer than 10 seconds".
var Paper = map[[2]int64]PaperFigure{
	{12, 24}:   {MeanMs: 35, MaxMs: 152},
	{150, 155}: {MedianMs: 287},
	{150, 200}: {MaxMs: 513},
	{150, 150}: {Note: "often over 10 s"},
}
