package v3store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// What etcdctl 3.4 prints for endpoint status and endpoint health.

// EndpointStatus is one endpoint's status (etcd's StatusResponse).
type EndpointStatus struct {
	Endpoint string
	Header   Header
	Version  string
	// DBSize is the size of the node's stored state, in bytes.
	DBSize                 int
	Leader                 uint64
	Learner                bool
	RaftIndex, RaftApplied uint64
}

// Status prints endpoint status.
func (e Etcdctl) Status(s EndpointStatus) Printed {
	switch e.Out.Format {
	case JSON:
		j := &jsonObject{}
		j.raw("header", s.Header.json())
		j.raw("version", strconv.Quote(s.Version))
		j.int("dbSize", int64(s.DBSize))
		j.uint("leader", s.Leader)
		j.uint("raftIndex", s.RaftIndex)
		j.uint("raftTerm", s.Header.RaftTerm)
		j.uint("raftAppliedIndex", s.RaftApplied)
		j.bool("isLearner", s.Learner)
		j.int("dbSizeInUse", int64(s.DBSize))
		return Printed{Stdout: []string{fmt.Sprintf(`[{"Endpoint":%q,"Status":%s}]`, s.Endpoint, j.String())}}
	}
	row := []string{s.Endpoint, fmt.Sprintf("%x", s.Header.MemberID), s.Version, humanBytes(s.DBSize),
		strconv.FormatBool(s.Leader == s.Header.MemberID), strconv.FormatBool(s.Learner),
		strconv.FormatUint(s.Header.RaftTerm, 10), strconv.FormatUint(s.RaftIndex, 10), strconv.FormatUint(s.RaftApplied, 10), ""}
	if e.Out.Format == Table {
		return Printed{Stdout: table([]string{"ENDPOINT", "ID", "VERSION", "DB SIZE", "IS LEADER", "IS LEARNER", "RAFT TERM", "RAFT INDEX", "RAFT APPLIED INDEX", "ERRORS"}, row)}
	}
	return Printed{Stdout: []string{strings.Join(row, ", ")}}
}

// EndpointHealth is one endpoint's health check: a linearizable read.
type EndpointHealth struct {
	Endpoint string
	Healthy  bool
	TookMs   int64
	Error    string
}

// Health prints endpoint health: the simple form on standard error, as
// etcdctl prints it.
func (e Etcdctl) Health(h EndpointHealth) Printed {
	took := (time.Duration(h.TookMs) * time.Millisecond).String()
	switch e.Out.Format {
	case JSON:
		j := &jsonObject{}
		j.raw("endpoint", strconv.Quote(h.Endpoint))
		j.raw("health", strconv.FormatBool(h.Healthy))
		j.raw("took", strconv.Quote(took))
		if h.Error != "" {
			j.raw("error", strconv.Quote(h.Error))
		}
		return Printed{Stdout: []string{"[" + j.String() + "]"}}
	case Table:
		return Printed{Stdout: table([]string{"ENDPOINT", "HEALTH", "TOOK", "ERROR"}, []string{h.Endpoint, strconv.FormatBool(h.Healthy), took, h.Error})}
	}
	if !h.Healthy {
		return Printed{Stderr: []string{fmt.Sprintf("%s is unhealthy: failed to commit proposal: %s", h.Endpoint, h.Error), "Error: unhealthy cluster"}}
	}
	return Printed{Stderr: []string{fmt.Sprintf("%s is healthy: successfully committed proposal: took = %s", h.Endpoint, took)}}
}

// table lays out one row under a header as etcdctl's tablewriter does:
// headers centred, cells right-aligned.
func table(header, row []string) []string {
	width := make([]int, len(header))
	for i := range header {
		width[i] = max(len(header[i]), len(row[i]))
	}
	var rule, head, cells strings.Builder
	rule.WriteString("+")
	head.WriteString("|")
	cells.WriteString("|")
	for i, w := range width {
		rule.WriteString(strings.Repeat("-", w+2) + "+")
		left := (w - len(header[i])) / 2
		fmt.Fprintf(&head, " %s%s%s |", strings.Repeat(" ", left), header[i], strings.Repeat(" ", w-len(header[i])-left))
		fmt.Fprintf(&cells, " %*s |", w, row[i])
	}
	return []string{rule.String(), head.String(), rule.String(), cells.String(), rule.String()}
}

// humanBytes is a size as go-humanize's Bytes writes it (SI units).
func humanBytes(n int) string {
	if n < 10 {
		return fmt.Sprintf("%d B", n)
	}
	units := []string{"B", "kB", "MB", "GB"}
	v, i := float64(n), 0
	for v >= 1000 && i < len(units)-1 {
		v /= 1000
		i++
	}
	if v < 10 {
		return fmt.Sprintf("%.1f %s", v, units[i])
	}
	return fmt.Sprintf("%.0f %s", v, units[i])
}
