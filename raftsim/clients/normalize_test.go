//go:build linux

package clients

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// What must differ between a real etcd and the simulated one, and how the
// differential test makes it alike: each pattern and its replacement.
var normalizations = []struct {
	re   *regexp.Regexp
	with string
}{
	// Indices: raftplay's store index is the raft index of the entry;
	// etcd's counts its own writes, after those it makes when starting.
	{regexp.MustCompile(`"(modifiedIndex|createdIndex|index)":\d+`), `"$1":N`},
	{regexp.MustCompile(`\[\d+\]`), `[N]`},
	{regexp.MustCompile(`\[(\d+) != (\d+)\]`), `[N != N]`},
	{regexp.MustCompile(`cleared \[\d+/\d+\]`), `cleared [N/N]`},
	// In-order keys are named by their index.
	{regexp.MustCompile(`\d{20}`), `IN-ORDER`},
	// Expiry times are wall-clock times in one, virtual in the other; the
	// seconds left depend on how long the real commands took, which a
	// loaded machine stretches (v2store's tests pin how TTLs count down).
	{regexp.MustCompile(`"expiration":"[^"]*"`), `"expiration":T`},
	{regexp.MustCompile(`"ttl":\d+`), `"ttl":T`},
	// Members: IDs, names and URLs.
	{regexp.MustCompile(`^out: [0-9a-f]+: name=\S+`), `out: ID: name=NAME`},
	{regexp.MustCompile(`member [0-9a-f]+ is`), `member ID is`},
	{regexp.MustCompile(`http://[0-9a-z.]+:\d+`), `URL`},
}

func normalizeAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = normalize(l)
	}
	return out
}

func normalize(line string) string {
	if rest, ok := strings.CutPrefix(line, "out: {"); ok {
		line = "out: " + sortNodes("{"+rest)
	}
	for _, n := range normalizations {
		line = n.re.ReplaceAllString(line, n.with)
	}
	return line
}

// sortNodes puts the children etcd lists in a JSON answer ("nodes") in key
// order, at every level, keeping everything else as it was written.
func sortNodes(raw string) string {
	r := gjson.Parse(raw)
	if !r.IsObject() {
		return raw
	}
	var b strings.Builder
	b.WriteByte('{')
	first := true
	r.ForEach(func(k, v gjson.Result) bool {
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(k.Raw + ":")
		switch {
		case k.String() == "nodes" && v.IsArray():
			var elems []string
			for _, e := range v.Array() {
				elems = append(elems, sortNodes(e.Raw))
			}
			slices.SortFunc(elems, func(a, b string) int {
				return strings.Compare(gjson.Get(a, "key").String(), gjson.Get(b, "key").String())
			})
			b.WriteString("[" + strings.Join(elems, ",") + "]")
		case v.IsObject():
			b.WriteString(sortNodes(v.Raw))
		default:
			b.WriteString(v.Raw)
		}
		return true
	})
	b.WriteByte('}')
	return b.String()
}
