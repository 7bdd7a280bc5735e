package experiment

import (
	"slices"
)

// Result summarizes one setting's trials. Its JSON form is one object of
// `cmd/sim -experiment election -json`, for plotting.
type Result struct {
	RangeMs     [2]int64 `json:"range_ms"`
	PreVote     bool     `json:"prevote"`
	CheckQuorum bool     `json:"checkquorum"`
	// WhatIf marks a range etcd raft cannot be configured for.
	WhatIf bool `json:"whatif,omitempty"`
	// EtcdTiming marks a setting run on etcd's clock (100 ms ticks, a
	// heartbeat every tick) rather than the paper's.
	EtcdTiming bool `json:"etcd_timing,omitempty"`
	Trials     int  `json:"trials"`
	// The time without a leader: crash → the new leader's first message
	// lands at a follower.
	MeanMs   float64 `json:"mean_ms"`
	MedianMs int64   `json:"median_ms"`
	P90Ms    int64   `json:"p90_ms"`
	P99Ms    int64   `json:"p99_ms"`
	MaxMs    int64   `json:"max_ms"`
	// CDF is the cumulative distribution: [ms, fraction of trials with a
	// leader by then], one point per distinct time.
	CDF [][2]float64 `json:"cdf"`
	// ElectedMeanMs and ElectedMaxMs are the same up to the moment the
	// election was won.
	ElectedMeanMs float64 `json:"elected_mean_ms"`
	ElectedMaxMs  int64   `json:"elected_max_ms"`
	// TimedOut counts trials that had no leader within LimitMs.
	TimedOut int `json:"timed_out"`
	// The calibration as measured: mean round trips of heartbeats and votes.
	HeartbeatRTTMs float64 `json:"heartbeat_rtt_ms"`
	VoteRTTMs      float64 `json:"vote_rtt_ms"`
}

// Summarize turns one setting's trials into its Result.
func Summarize(set Setting, trials []Trial) Result {
	r := Result{RangeMs: set.RangeMs(), PreVote: set.PreVote, CheckQuorum: set.CheckQuorum, WhatIf: set.WhatIf(), EtcdTiming: set.EtcdTiming, Trials: len(trials)}
	if len(trials) == 0 {
		return r
	}
	leader := make([]int64, len(trials))
	elected := make([]int64, len(trials))
	var hb, vote Mean
	for i, t := range trials {
		leader[i], elected[i] = t.LeaderMs, t.ElectedMs
		hb.merge(t.HeartbeatRTT)
		vote.merge(t.VoteRTT)
		if t.TimedOut {
			r.TimedOut++
		}
	}
	slices.Sort(leader)
	slices.Sort(elected)
	r.MeanMs, r.MaxMs = mean(leader), leader[len(leader)-1]
	r.MedianMs, r.P90Ms, r.P99Ms = quantile(leader, 0.5), quantile(leader, 0.9), quantile(leader, 0.99)
	r.ElectedMeanMs, r.ElectedMaxMs = mean(elected), elected[len(elected)-1]
	r.CDF = cdf(leader)
	r.HeartbeatRTTMs, r.VoteRTTMs = hb.Value(), vote.Value()
	return r
}

func mean(sorted []int64) float64 {
	var sum int64
	for _, v := range sorted {
		sum += v
	}
	return float64(sum) / float64(len(sorted))
}

// quantile is the nearest-rank q-quantile of sorted values.
func quantile(sorted []int64, q float64) int64 {
	rank := int(q*float64(len(sorted))+0.999999999) - 1
	return sorted[max(0, min(rank, len(sorted)-1))]
}

// cdf gives, for each distinct value, the fraction of values at or below it.
func cdf(sorted []int64) [][2]float64 {
	var out [][2]float64
	for i, v := range sorted {
		if i+1 < len(sorted) && sorted[i+1] == v {
			continue
		}
		out = append(out, [2]float64{float64(v), float64(i+1) / float64(len(sorted))})
	}
	return out
}
