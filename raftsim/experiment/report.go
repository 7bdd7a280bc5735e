package experiment

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// onOff names a raft option's state.
func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// WriteTable prints the results as the table `cmd/sim -experiment election`
// shows: the calibration, then one row per setting with the paper's figures
// beside it where the paper gives them.
func WriteTable(w io.Writer, e Experiment, results []Result) {
	c := e.Calibration
	var hb, vote float64
	for _, r := range results {
		hb += r.HeartbeatRTTMs
		vote += r.VoteRTTMs
	}
	if n := float64(len(results)); n > 0 {
		hb, vote = hb/n, vote/n
	}
	fmt.Fprintf(w, "election experiment (Raft paper §9.3, Figure 16): 5 servers, %d trials per setting, seed %d\n", e.Trials, e.Seed)
	etcdTiming := slices.ContainsFunc(results, func(r Result) bool { return r.EtcdTiming })
	clock := "tick 1 ms; heartbeat every half the minimum timeout"
	if etcdTiming {
		clock += " (but †)"
	}
	fmt.Fprintf(w, "calibration: %s; one-way latency %d-%d ms; disk sync %d-%d ms\n",
		clock, c.LatencyMinMs, c.LatencyMaxMs, c.DiskMinMs, c.DiskMaxMs)
	fmt.Fprintf(w, "measured: vote round trip (network + voter's disk: the broadcast time; the paper states ~15 ms) %.1f ms; heartbeat round trip %.1f ms\n", vote, hb)
	fmt.Fprintf(w, "time without a leader = leader crash -> the new leader's first message lands at a follower (ms)\n\n")
	width := 11 // "150-300 ms*"
	if etcdTiming {
		width = 14 // "1000-2000 ms†"
	}
	fmt.Fprintf(w, "%-*s %-7s %-11s %6s %7s %6s %6s %6s %6s  %-8s %s\n",
		width, "timeout", "prevote", "checkquorum", "trials", "mean", "median", "p90", "p99", "max", "elected", "paper")
	whatIf := false
	for _, r := range results {
		name := fmt.Sprintf("%d-%d ms", r.RangeMs[0], r.RangeMs[1])
		if r.WhatIf {
			name += "*"
		}
		if r.EtcdTiming {
			name += "†"
		}
		fmt.Fprintf(w, "%-*s %-7s %-11s %6d %7.1f %6d %6d %6d %6d  %-8.1f %s\n",
			width, name, onOff(r.PreVote), onOff(r.CheckQuorum),
			r.Trials, r.MeanMs, r.MedianMs, r.P90Ms, r.P99Ms, r.MaxMs, r.ElectedMeanMs, paperColumn(r))
		if r.TimedOut > 0 {
			fmt.Fprintf(w, "  %d trials had no leader within %d ms\n", r.TimedOut, LimitMs)
		}
		whatIf = whatIf || r.WhatIf
	}
	if etcdTiming {
		fmt.Fprintf(w, "\n† etcd's timing: a tick every 100 ms (--heartbeat-interval), a heartbeat every tick, the timeout drawn\n"+
			"  in whole ticks from [ElectionTick, 2*ElectionTick) (--election-timeout 1000 ms: ElectionTick 10).\n")
	}
	if whatIf {
		fmt.Fprintf(w, "\n* what-if, not etcd: etcd raft always draws the timeout from [min, 2*min); for these ranges the\n"+
			"  simulator serves raft's draws from the narrower range (Config.TimeoutSpreadTicks).\n")
	}
}

// paperColumn is the paper's figures for r's range, and how far r is from
// them, when the paper gives any (for the paper's own settings only).
func paperColumn(r Result) string {
	p, ok := Paper[r.RangeMs]
	if !ok || r.PreVote || r.CheckQuorum {
		return ""
	}
	var parts []string
	if p.MeanMs > 0 {
		parts = append(parts, fmt.Sprintf("mean %d (%+.0f%%)", p.MeanMs, 100*(r.MeanMs-float64(p.MeanMs))/float64(p.MeanMs)))
	}
	if p.MedianMs > 0 {
		parts = append(parts, fmt.Sprintf("median %d (%+.0f%%)", p.MedianMs, 100*float64(r.MedianMs-p.MedianMs)/float64(p.MedianMs)))
	}
	if p.MaxMs > 0 {
		parts = append(parts, fmt.Sprintf("max %d", p.MaxMs))
	}
	if p.Note != "" {
		parts = append(parts, p.Note)
	}
	return strings.Join(parts, ", ")
}

// WriteJSON prints the results as one JSON array, one object per setting.
func WriteJSON(w io.Writer, results []Result) error {
	b, err := json.Marshal(results)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
