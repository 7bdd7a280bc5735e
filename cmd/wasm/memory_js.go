package main

import (
	"encoding/json"
	"runtime"
	"syscall/js"
)

// memoryUse is what memory() tells: the bytes the Go runtime took from the
// wasm's linear memory (which never gives memory back, so this is the
// module's memory as the browser holds it), the heap's bytes in objects,
// and those still reachable once a collection has run; and where the
// module's memory went: the heap's spans, those of them holding no object
// now, the goroutines' stacks, and the collector's and the runtime's own
// records; and the run's virtual time, which is what fills the timeline,
// the diagram and the stores.
type memoryUse struct {
	NowMs        int64  `json:"now_ms"`
	WasmBytes    uint64 `json:"wasm_bytes"`
	HeapBytes    uint64 `json:"heap_bytes"`
	LiveBytes    uint64 `json:"live_bytes"`
	HeapSpans    uint64 `json:"heap_spans"`
	HeapIdle     uint64 `json:"heap_idle"`
	StackBytes   uint64 `json:"stack_bytes"`
	RuntimeBytes uint64 `json:"runtime_bytes"`
}

// publishMemory adds memory() to api, for the memory benchmark
// (cmd/serve): it collects garbage first, so live_bytes is what the
// playground holds.
func (a *app) publishMemory(api js.Value) {
	api.Set("memory", a.jsFunc("memory()", func([]js.Value) any {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		use := memoryUse{NowMs: a.sim.Now(), WasmBytes: m.Sys, HeapBytes: m.HeapAlloc, HeapSpans: m.HeapSys, HeapIdle: m.HeapIdle,
			StackBytes: m.StackSys, RuntimeBytes: m.GCSys + m.MSpanSys + m.MCacheSys + m.BuckHashSys + m.OtherSys}
		runtime.GC()
		runtime.ReadMemStats(&m)
		use.LiveBytes = m.HeapAlloc
		b, _ := json.Marshal(use) // plain numbers: cannot fail
		return string(b)
	}))
}
