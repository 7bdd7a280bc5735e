// Command wasmsize prints where a wasm module's bytes go: the size of each
// section, and the code's bytes summed by Go package, largest first. It reads
// the function names from the module's name section, so it needs a build
// that keeps them (without -ldflags=-s):
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/raftplay.wasm ./cmd/wasm
//	go run ./scripts/wasmsize [-top 40] /tmp/raftplay.wasm
//
// make wasm-size does both, with the flags make wasm builds with.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	top := flag.Int("top", 40, "how many `packages` to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top n] FILE.wasm")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		var m module
		if m, err = parse(data); err == nil {
			m.print(os.Stdout, *top)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

// module is what wasmsize reads from a module: each section's size, each
// defined function's body size and the names of the functions.
type module struct {
	sections map[string]int
	// imported is how many functions the module imports: the defined ones
	// are numbered after them.
	imported int
	bodies   []int
	names    map[int]string
}

// sectionNames are the standard sections by id.
var sectionNames = []string{"custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"}

// reader reads a module's LEB128 numbers and names.
type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || r.pos >= len(r.b) {
		r.err = errors.New("the module ends early")
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) uint() int {
	v, shift := 0, 0
	for {
		c := r.byte()
		v |= int(c&0x7f) << shift
		if c&0x80 == 0 || r.err != nil {
			return v
		}
		shift += 7
	}
}

func (r *reader) name() string {
	n := r.uint()
	if r.err != nil || r.pos+n > len(r.b) {
		r.err = errors.New("the module ends early")
		return ""
	}
	s := string(r.b[r.pos : r.pos+n])
	r.pos += n
	return s
}

// parse reads data, a wasm module.
func parse(data []byte) (module, error) {
	m := module{sections: map[string]int{}, names: map[int]string{}}
	if len(data) < 8 || string(data[:4]) != "\x00asm" {
		return m, errors.New("not a wasm module")
	}
	r := &reader{b: data, pos: 8}
	for r.pos < len(data) && r.err == nil {
		id := int(r.byte())
		size := r.uint()
		body := &reader{b: data[:min(r.pos+size, len(data))], pos: r.pos}
		r.pos += size
		name := fmt.Sprintf("section %d", id)
		if id < len(sectionNames) {
			name = sectionNames[id]
		}
		switch id {
		case 0:
			custom := body.name()
			name = "custom " + custom
			if custom == "name" {
				m.readNames(body)
			}
		case 2:
			m.readImports(body)
		case 10:
			for range body.uint() {
				n := body.uint()
				m.bodies = append(m.bodies, n)
				body.pos += n
			}
		}
		m.sections[name] += size
		if body.err != nil {
			return m, body.err
		}
	}
	return m, r.err
}

// readImports counts the imported functions.
func (m *module) readImports(r *reader) {
	for range r.uint() {
		r.name()
		r.name()
		switch r.byte() {
		case 0: // a function: its type
			r.uint()
			m.imported++
		case 1: // a table: its element type and limits
			r.byte()
			r.limits()
		case 2: // a memory: its limits
			r.limits()
		case 3: // a global: its type and mutability
			r.byte()
			r.byte()
		}
	}
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.uint()
	}
	r.uint()
}

// readNames reads the function names of the name section.
func (m *module) readNames(r *reader) {
	for r.pos < len(r.b) && r.err == nil {
		sub := r.byte()
		end := r.uint() + r.pos
		if sub == 1 {
			for range r.uint() {
				i := r.uint()
				m.names[i] = r.name()
			}
		}
		r.pos = end
	}
}

// goPackage is the package of a function as Go names it in wasm: the import
// path with "/" written "_", a dot, and the function, e.g.
// "go.etcd.io_raft_v3.stepLeader" or "raftplay_raftsim.(*Sim).Advance".
// Only the path's first element may hold dots (a host name).
func goPackage(name string) string {
	under, dot := strings.IndexByte(name, '_'), strings.IndexByte(name, '.')
	if under >= 0 && dot >= 0 && dot < under {
		if d := strings.IndexByte(name[under:], '.'); d >= 0 {
			return name[:under+d]
		}
		return name
	}
	if dot >= 0 {
		return name[:dot]
	}
	return name
}

// print writes the sections and the top packages by code bytes.
func (m module) print(w *os.File, top int) {
	type row struct {
		name  string
		bytes int
	}
	sorted := func(sums map[string]int) []row {
		var rows []row
		for k, v := range sums {
			rows = append(rows, row{k, v})
		}
		slices.SortFunc(rows, func(a, b row) int { return cmp.Or(b.bytes-a.bytes, strings.Compare(a.name, b.name)) })
		return rows
	}
	fmt.Fprintln(w, "| section | bytes |\n|---|---|")
	for _, r := range sorted(m.sections) {
		fmt.Fprintf(w, "| %s | %d |\n", r.name, r.bytes)
	}
	if len(m.names) == 0 {
		fmt.Fprintln(w, "\nThe module has no function names (built with -ldflags=-s): no packages to list.")
		return
	}
	packages := map[string]int{}
	total := 0
	for i, n := range m.bodies {
		packages[goPackage(m.names[m.imported+i])] += n
		total += n
	}
	fmt.Fprintf(w, "\n| package | code bytes | share |\n|---|---|---|\n")
	for i, r := range sorted(packages) {
		if i == top {
			break
		}
		fmt.Fprintf(w, "| %s | %d | %.1f%% |\n", r.name, r.bytes, 100*float64(r.bytes)/float64(total))
	}
}
