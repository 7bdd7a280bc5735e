package v3store

import (
	"fmt"
	"strconv"
	"strings"
)

// What etcdctl 3.4 prints for the lease commands and for a watch's events.

// LeaseAnswer is what a lease command learned: the lease (ID, its granted
// TTL and the seconds it has left, -1 once it is gone, its keys), or the
// leases (list).
type LeaseAnswer struct {
	ID, TTL, Remaining int64
	Keys               []string
	Leases             []int64
}

// LeaseAnswer prints a lease command's answer.
func (e Etcdctl) LeaseAnswer(h Header, a LeaseAnswer) Printed {
	if e.Out.Format == JSON {
		return Printed{Stdout: []string{e.leaseJSON(h, a)}}
	}
	var out []string
	switch e.Name {
	case "lease grant":
		out = []string{fmt.Sprintf("lease %016x granted with TTL(%ds)", a.ID, a.TTL)}
	case "lease revoke":
		out = []string{fmt.Sprintf("lease %016x revoked", a.ID)}
	case "lease keep-alive":
		out = []string{fmt.Sprintf("lease %016x keepalived with TTL(%d)", a.ID, a.TTL)}
	case "lease list":
		out = []string{fmt.Sprintf("found %d leases", len(a.Leases))}
		for _, id := range a.Leases {
			out = append(out, fmt.Sprintf("%016x", id))
		}
	case "lease timetolive":
		if a.Remaining == -1 {
			return Printed{Stdout: []string{fmt.Sprintf("lease %016x already expired", a.ID)}}
		}
		line := fmt.Sprintf("lease %016x granted with TTL(%ds), remaining(%ds)", a.ID, a.TTL, a.Remaining)
		if e.LeaseKeys {
			line += fmt.Sprintf(", attached keys(%v)", a.Keys)
		}
		out = []string{line}
	}
	return Printed{Stdout: out}
}

// leaseJSON is a lease answer as -w json prints clientv3's lease
// responses: the header's fields inline, then the response's own.
func (e Etcdctl) leaseJSON(h Header, a LeaseAnswer) string {
	j := &jsonObject{}
	h.jsonFields(j)
	switch e.Name {
	case "lease grant":
		j.raw("ID", strconv.FormatInt(a.ID, 10))
		j.raw("TTL", strconv.FormatInt(a.TTL, 10))
		j.raw("Error", `""`)
	case "lease keep-alive":
		j.raw("ID", strconv.FormatInt(a.ID, 10))
		j.raw("TTL", strconv.FormatInt(a.TTL, 10))
	case "lease list":
		var ls []string
		for _, id := range a.Leases {
			ls = append(ls, fmt.Sprintf(`{"id":%d}`, id))
		}
		j.raw("leases", "["+strings.Join(ls, ",")+"]")
	case "lease timetolive":
		j.raw("id", strconv.FormatInt(a.ID, 10))
		j.raw("ttl", strconv.FormatInt(a.Remaining, 10))
		j.raw("granted-ttl", strconv.FormatInt(a.TTL, 10))
		keys := "null"
		if e.LeaseKeys && len(a.Keys) > 0 {
			o := &jsonObject{}
			for _, k := range a.Keys {
				o.bytes("", k)
			}
			var vs []string
			for _, f := range o.fields {
				vs = append(vs, strings.TrimPrefix(f, `"":`))
			}
			keys = "[" + strings.Join(vs, ",") + "]"
		}
		j.raw("keys", keys)
	}
	return j.String()
}

// WatchEvents prints a watch's events as etcdctl watch does: the event's
// type, the previous key and value when asked for, the key and value.
func (e Etcdctl) WatchEvents(evs []Event) []string {
	var out []string
	for _, ev := range evs {
		out = append(out, map[bool]string{false: "PUT", true: "DELETE"}[ev.Delete])
		if ev.PrevKV != nil {
			out = e.Out.kv(out, *ev.PrevKV)
		}
		out = e.Out.kv(out, ev.KV)
	}
	return out
}
