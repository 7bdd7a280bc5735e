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
	// v3: the cluster, the member that answered and its raft term in a
	// response header, and lease IDs (below), which etcd draws from the
	// member ID and the clock. Revisions compare as they are.
	{regexp.MustCompile(`"(cluster_id|member_id|raft_term|leader|raftTerm)":\d+`), `"$1":N`},
	{regexp.MustCompile(`"(cluster_id|member_id|raft_term)":"\d+"`), `"$1":"N"`},
	{regexp.MustCompile(`"(ClusterID|MemberID|RaftTerm)" : \d+`), `"$1" : N`},
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
	// Members: IDs and URLs (both sides call them m1, m2, …). A table's
	// columns are as wide as the IDs make them.
	{regexp.MustCompile(`^out: [0-9a-f]+, `), `out: ID, `},
	{regexp.MustCompile(`^out: \| [0-9a-f]+ \|`), `out: | ID |`},
	{regexp.MustCompile(`member [0-9a-f]+ is`), `member ID is`},
	{regexp.MustCompile(`Member +[0-9a-f]+ (added to|promoted in|removed from) cluster +[0-9a-f]+`), `Member ID $1 cluster CLUSTER`},
	{regexp.MustCompile(`http://[0-9a-z.]+:\d+`), `URL`},
	{regexp.MustCompile(`^out: URL, [0-9a-f]+, `), `out: URL, ID, `},
	{regexp.MustCompile(`^out: \| URL \| [0-9a-f]+ \|`), `out: | URL | ID |`},
	{regexp.MustCompile(`\b[0-9a-f]{16}\b`), `LEASE`},
	{regexp.MustCompile(`"(ID|id|lease)":\d+`), `"$1":LEASE`},
	{regexp.MustCompile(`"ID":"\d+"`), `"ID":"LEASE"`},
	{regexp.MustCompile(`"(Lease|PrevLease)" : [1-9]\d*`), `"$1" : LEASE`},
	// The time a health check took.
	{regexp.MustCompile(`took = \S+`), `took = T`},
	{regexp.MustCompile(`"took":"[^"]*"`), `"took":T`},
	{regexp.MustCompile(`^out: \| URL \| (true|false) \| [^|]+ \|`), `out: | URL | $1 | T |`},
}

func normalizeAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = normalize(l)
	}
	return out
}

// tableRuns are the runs of spaces and dashes that pad a table's columns.
var tableRuns = regexp.MustCompile(`( |-)+`)

func normalize(line string) string {
	if strings.Contains(line, "\t") {
		// etcdctl's v3 help aligns its columns with tabs; the console
		// prints them expanded, as a terminal shows them.
		line = line[:5] + expandTabs(line[5:])
	}
	if rest, ok := strings.CutPrefix(line, "out: {"); ok {
		line = "out: " + sortNodes("{"+rest)
	}
	if strings.HasPrefix(line, "out: |") || strings.HasPrefix(line, "out: +") {
		line = tableRuns.ReplaceAllString(line, "$1")
	}
	if rest, ok := strings.CutPrefix(line, `out: ETCD_INITIAL_CLUSTER="`); ok {
		// Members in ID order, and IDs differ.
		members := strings.Split(strings.TrimSuffix(rest, `"`), ",")
		slices.Sort(members)
		line = `out: ETCD_INITIAL_CLUSTER="` + strings.Join(members, ",") + `"`
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

// expandTabs replaces each tab with the spaces up to the next multiple of 8.
func expandTabs(s string) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
