package experiment

// Experiment is a batch of trials over settings. Trials are independent
// runs: a batch tool spreads them over worker processes (cmd/sim), a page
// steps them between frames (Runner); either way trial i of a setting has
// the same seed and gives the same Trial.
type Experiment struct {
	Settings    []Setting
	Trials      int
	Seed        int64
	Calibration Calibration
}

// TrialSeed derives trial i's seed from the experiment's seed (SplitMix64),
// so every trial is a run of its own that cmd/sim can replay alone. Trial i
// has the same seed in every setting: the settings differ in their timeouts,
// not in their luck.
func TrialSeed(seed int64, i int) int64 {
	z := uint64(seed)*0x9e3779b97f4a7c15 + uint64(i+1)*0xbf58476d1ce4e5b9
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return int64(z >> 1) // positive
}

// Trial runs trial i of setting set.
func (e Experiment) Trial(set, i int) (Trial, error) {
	return RunTrial(e.Settings[set], e.Calibration, TrialSeed(e.Seed, i))
}

// Summarize turns each setting's trials (trials[s] for e.Settings[s]) into
// its Result.
func (e Experiment) Summarize(trials [][]Trial) []Result {
	out := make([]Result, len(e.Settings))
	for s, set := range e.Settings {
		out[s] = Summarize(set, trials[s])
	}
	return out
}
