package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The memory benchmark plays the run at memorySpeed under stress, drawing
// every frame as a reader's tab would, and reads the memory every
// memorySampleEvery until memoryRunMs of virtual time have passed (ten
// minutes at 10×) or the tab's time is nearly up: a faster clock than 10×
// covers the same virtual time, which is what fills the timeline, the
// diagram and the stores, in less wall time. The table shows where the
// memory levels off.
const (
	memoryRunMs       = 10 * 60 * 1000 * 10
	memorySpeed       = 100
	memorySampleEvery = 20 * time.Second
	memoryWallBudget  = 4 * time.Minute
)

// memoryUse is what raftplay.memory() reports (cmd/wasm/memory_js.go).
type memoryUse struct {
	NowMs        int64   `json:"now_ms"`
	WasmBytes    float64 `json:"wasm_bytes"`
	HeapBytes    float64 `json:"heap_bytes"`
	LiveBytes    float64 `json:"live_bytes"`
	HeapSpans    float64 `json:"heap_spans"`
	HeapIdle     float64 `json:"heap_idle"`
	StackBytes   float64 `json:"stack_bytes"`
	RuntimeBytes float64 `json:"runtime_bytes"`
}

// BenchmarkBrowserMemory reports what one playground costs in memory: the
// Chromium processes' PSS it adds (goal: at most 100 MB), and its wasm
// memory under stress as virtual time passes (goal: at most 60 MB after ten
// minutes of 10×), with the heap's bytes, its live bytes and the rest of the
// module's memory beside it. It takes memoryWallBudget.
func BenchmarkBrowserMemory(b *testing.B) {
	requireBrowser(b)
	for b.Loop() {
		before := chromiumPSS(b)
		start := time.Now()
		url := browser.server.URL + fmt.Sprintf("/?seed=1&speed=%d", memorySpeed)
		tab := openPageWithin(b, url, ownAPI, defaultView, memoryWallBudget+time.Minute)
		tab.waitFirstFrame(url)
		tab.until("a leader", budgetMs, electionStepMs, hasLeader)
		tab.do(`{"op":"stress","on":true}`)
		var table strings.Builder
		fmt.Fprintf(&table, "\n| virtual time under stress | wasm memory MB | heap MB | live heap MB | heap spans MB | of them idle MB | stacks MB | runtime MB | Chromium PSS added MB |\n|---|---|---|---|---|---|---|---|---|\n")
		var use memoryUse
		var pss float64
		for nowMs := int64(0); nowMs < memoryRunMs && time.Since(start)+memorySampleEvery < memoryWallBudget; {
			time.Sleep(memorySampleEvery)
			use = eval[memoryUse](tab, `JSON.parse(`+tab.api+`.memory())`)
			nowMs = use.NowMs
			pss = chromiumPSS(b) - before
			fmt.Fprintf(&table, "| %.0f s (%.0f s at 10×) | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |\n", float64(nowMs)/1000, float64(nowMs)/10/1000,
				use.WasmBytes/1e6, use.HeapBytes/1e6, use.LiveBytes/1e6, use.HeapSpans/1e6, use.HeapIdle/1e6, use.StackBytes/1e6, use.RuntimeBytes/1e6, pss/1e6)
		}
		tab.close()
		b.Logf("%s\nPSS the playground adds to Chromium: %.0f MB (goal: at most 100 MB)\nwasm memory at the end: %.1f MB (goal: at most 60 MB after ten minutes of 10× stress)",
			table.String(), pss/1e6, use.WasmBytes/1e6)
		b.ReportMetric(pss/1e6, "MB-PSS")
		b.ReportMetric(use.WasmBytes/1e6, "MB-wasm")
		b.ReportMetric(use.LiveBytes/1e6, "MB-live")
	}
	b.ReportMetric(0, "ns/op")
}

// chromiumPSS sums the proportional set size of the test's Chromium and its
// renderer, GPU and utility processes.
func chromiumPSS(b *testing.B) float64 {
	b.Helper()
	procs := chromiumProcesses()
	if len(procs) == 0 {
		b.Skip("no /proc to read the browser's memory from")
	}
	var total float64
	for _, p := range procs {
		total += pssOf(p.pid)
	}
	return total
}

// pssOf is a process's PSS in bytes, or 0 once it has gone.
func pssOf(pid int) float64 {
	rollup, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "smaps_rollup"))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(rollup), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "Pss:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb * 1024
		}
	}
	return 0
}
