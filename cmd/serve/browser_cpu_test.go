package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/chromedp/chromedp"
)

// clockTicksPerSecond is Linux's USER_HZ, the unit of the CPU times in
// /proc/PID/stat: 100 on every architecture Chromium runs on here.
const clockTicksPerSecond = 100

// chromiumCPU is CPU time, user and system, in seconds.
type chromiumCPU struct {
	// all is the test browser's and every process it started (GPU,
	// renderers, utilities); gpu the GPU process's alone, where SwiftShader
	// rasterizes what the pages draw.
	all, gpu float64
}

// minus returns the CPU time used between then and c.
func (c chromiumCPU) minus(then chromiumCPU) chromiumCPU {
	return chromiumCPU{all: c.all - then.all, gpu: c.gpu - then.gpu}
}

// chromiumCPUNow returns the CPU time the test browser's processes have
// used so far. A page's cost is the difference over a window in which it is
// the only tab: Chromium spreads one page's work over the renderer, the GPU
// process and the browser process, so any one of them alone misses most of
// it. It returns zeros where /proc is missing.
func chromiumCPUNow() chromiumCPU {
	var all, gpu uint64
	for _, p := range chromiumProcesses() {
		all += p.ticks
		if isGPUProcess(p.pid) {
			gpu += p.ticks
		}
	}
	return chromiumCPU{all: float64(all) / clockTicksPerSecond, gpu: float64(gpu) / clockTicksPerSecond}
}

// chromiumProcess is one of the test browser's processes and the CPU ticks
// it has used so far.
type chromiumProcess struct {
	pid   int
	ticks uint64
}

// chromiumProcesses returns the test browser's process and every process
// it started (GPU, renderers, utilities), in pid order; none where /proc is
// missing or the browser has not started.
func chromiumProcesses() []chromiumProcess {
	c := chromedp.FromContext(browser.ctx)
	if c == nil || c.Browser == nil || c.Browser.Process() == nil {
		return nil
	}
	root := c.Browser.Process().Pid
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	parent := map[int]int{}
	var all []chromiumProcess
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, t, ok := procStat(pid); ok {
			parent[pid] = ppid
			all = append(all, chromiumProcess{pid, t})
		}
	}
	var tree []chromiumProcess
	for _, p := range all {
		if descends(p.pid, root, parent) {
			tree = append(tree, p)
		}
	}
	slices.SortFunc(tree, func(a, b chromiumProcess) int { return a.pid - b.pid })
	return tree
}

// isGPUProcess reports whether pid is Chromium's GPU process, by the
// switch Chromium starts it with.
func isGPUProcess(pid int) bool {
	cmd, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	return err == nil && strings.Contains(string(cmd), "--type=gpu-process")
}

// descends reports whether pid is root or one of its descendants.
func descends(pid, root int, parent map[int]int) bool {
	for range len(parent) + 1 { // a bound, in case /proc changed mid-scan into a loop
		if pid == root {
			return true
		}
		p, ok := parent[pid]
		if !ok || p == pid || p == 0 {
			return false
		}
		pid = p
	}
	return false
}

// procStat reads a process's parent and its user plus system CPU ticks from
// /proc/PID/stat. The command name (field 2) is in parentheses and may hold
// spaces, so the fields are counted from its closing parenthesis.
func procStat(pid int) (ppid int, ticks uint64, ok bool) {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0, 0, false
	}
	s := string(data)
	end := strings.LastIndexByte(s, ')')
	if end < 0 {
		return 0, 0, false
	}
	// After the name: state(3) ppid(4) ... utime(14) stime(15).
	f := strings.Fields(s[end+1:])
	if len(f) < 13 {
		return 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	utime, err2 := strconv.ParseUint(f[11], 10, 64)
	stime, err3 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, 0, false
	}
	return ppid, utime + stime, true
}
