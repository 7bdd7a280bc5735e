package clients

import (
	"crypto/sha1"
	"encoding/binary"
	"strings"
)

// drawTable lays out rows under header as etcdctl's -w table does (it uses
// olekukonko/tablewriter): each column as wide as its widest cell plus a
// space either side, headers centred, cells right-aligned.
func drawTable(header []string, rows [][]string) []string {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = len(h)
		for _, r := range rows {
			widths[i] = max(widths[i], len(r[i]))
		}
	}
	rule := "+"
	for _, w := range widths {
		rule += strings.Repeat("-", w+2) + "+"
	}
	line := func(cells []string, centre bool) string {
		s := "|"
		for i, c := range cells {
			gap := widths[i] - len(c)
			left := gap
			if centre {
				left = gap / 2
			}
			s += " " + strings.Repeat(" ", left) + c + strings.Repeat(" ", gap-left) + " |"
		}
		return s
	}
	out := []string{rule, line(header, true), rule}
	for _, r := range rows {
		out = append(out, line(r, false))
	}
	return append(out, rule)
}

// clusterID is the ID etcd gives a cluster that starts with members 1 to n:
// the first 8 bytes of the SHA-1 of their IDs, sorted, as 8-byte big-endian
// numbers (etcd's RaftCluster.genID).
func clusterID(n int) uint64 {
	b := make([]byte, 8*n)
	for i := range n {
		binary.BigEndian.PutUint64(b[8*i:], uint64(i+1))
	}
	sum := sha1.Sum(b)
	return binary.BigEndian.Uint64(sum[:8])
}
