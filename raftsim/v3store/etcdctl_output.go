package v3store

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// What etcdctl 3.4 prints for an answer, in its simple, json and fields
// formats (etcdctl's printer_simple.go, printer_json.go, printer_fields.go).

// Header is a response header as etcdctl prints it: the cluster, the member
// that answered, the store's revision and the member's raft term.
type Header struct {
	ClusterID, MemberID uint64
	Revision            int64
	RaftTerm            uint64
}

// Answer is what the command prints for the answer r.
func (e Etcdctl) Answer(h Header, r Response) Printed {
	switch e.Out.Format {
	case JSON:
		return Printed{Stdout: []string{e.json(h, r)}}
	case Fields:
		return Printed{Stdout: e.fields(h, r)}
	}
	var out []string
	switch e.Name {
	case "compaction":
		out = []string{fmt.Sprintf("compacted revision %d", e.Req.Rev)}
	default:
		out = e.Out.simple(r)
	}
	return Printed{Stdout: out}
}

// simple is an answer in etcdctl's simple format.
func (o Output) simple(r Response) []string {
	var out []string
	switch r.Kind {
	case Put:
		out = append(out, "OK")
		for _, kv := range r.PrevKVs {
			out = o.kv(out, kv)
		}
	case Range:
		for _, kv := range r.KVs {
			out = o.kv(out, kv)
		}
	case DeleteRange:
		out = append(out, strconv.FormatInt(r.Deleted, 10))
		for _, kv := range r.PrevKVs {
			out = o.kv(out, kv)
		}
	case Txn:
		out = append(out, map[bool]string{true: "SUCCESS", false: "FAILURE"}[r.Succeeded])
		for _, sub := range r.Responses {
			out = append(out, "")
			out = append(out, o.simple(sub)...)
		}
	}
	return out
}

// kv prints a key and its value, as etcdctl's printKV.
func (o Output) kv(out []string, kv KeyValue) []string {
	k, v := kv.Key, kv.Value
	if o.Hex {
		k, v = hexString(k), hexString(v)
	}
	if !o.ValueOnly {
		out = append(out, k)
	}
	return append(out, strings.Split(v, "\n")...)
}

func hexString(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		fmt.Fprintf(&b, "\\x%02x", s[i])
	}
	return b.String()
}

// jsonObject writes a JSON object field by field, leaving out empty ones
// as etcd's protobuf types' omitempty tags do.
type jsonObject struct {
	fields []string
	// quoteInts writes numbers as strings, as the v3 gateway writes int64s.
	quoteInts bool
}

func (j *jsonObject) raw(name, v string) { j.fields = append(j.fields, strconv.Quote(name)+":"+v) }

func (j *jsonObject) int(name string, v int64) {
	if v != 0 {
		j.raw(name, strconvInt(v, j.quoteInts))
	}
}

func (j *jsonObject) uint(name string, v uint64) {
	if v != 0 {
		s := strconv.FormatUint(v, 10)
		if j.quoteInts {
			s = strconv.Quote(s)
		}
		j.raw(name, s)
	}
}

func (j *jsonObject) bytes(name, v string) {
	if v != "" {
		j.raw(name, strconv.Quote(base64.StdEncoding.EncodeToString([]byte(v))))
	}
}

func (j *jsonObject) bool(name string, v bool) {
	if v {
		j.raw(name, "true")
	}
}

func (j *jsonObject) String() string { return "{" + strings.Join(j.fields, ",") + "}" }

func (h Header) jsonFields(j *jsonObject) {
	j.uint("cluster_id", h.ClusterID)
	j.uint("member_id", h.MemberID)
	j.int("revision", h.Revision)
	j.uint("raft_term", h.RaftTerm)
}

func (h Header) json() string {
	j := &jsonObject{}
	h.jsonFields(j)
	return j.String()
}

func kvJSON(kv KeyValue) string { return kvJSONWith(kv, false) }

func kvJSONWith(kv KeyValue, quoteInts bool) string {
	j := &jsonObject{quoteInts: quoteInts}
	j.bytes("key", kv.Key)
	j.int("create_revision", kv.CreateRevision)
	j.int("mod_revision", kv.ModRevision)
	j.int("version", kv.Version)
	j.bytes("value", kv.Value)
	j.int("lease", kv.Lease)
	return j.String()
}

func kvsJSON(kvs []KeyValue) string {
	parts := make([]string, len(kvs))
	for i, kv := range kvs {
		parts[i] = kvJSON(kv)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// json is an answer as etcdctl -w json prints it: the response marshalled
// as Go's encoding/json marshals etcd's protobuf types.
func (e Etcdctl) json(h Header, r Response) string {
	if e.Name == "compaction" {
		return fmt.Sprintf("compacted revision %d", e.Req.Rev)
	}
	return responseJSON(h, r)
}

func responseJSON(h Header, r Response) string {
	j := &jsonObject{}
	j.raw("header", h.json())
	switch r.Kind {
	case Put:
		if len(r.PrevKVs) > 0 {
			j.raw("prev_kv", kvJSON(r.PrevKVs[0]))
		}
	case Range:
		if len(r.KVs) > 0 {
			j.raw("kvs", kvsJSON(r.KVs))
		}
		j.bool("more", r.More)
		j.int("count", r.Count)
	case DeleteRange:
		j.int("deleted", r.Deleted)
		if len(r.PrevKVs) > 0 {
			j.raw("prev_kvs", kvsJSON(r.PrevKVs))
		}
	case Txn:
		j.bool("succeeded", r.Succeeded)
		var subs []string
		for _, sub := range r.Responses {
			subs = append(subs, fmt.Sprintf(`{"Response":{%q:%s}}`, txnResponseNames[sub.Kind], responseJSON(Header{Revision: sub.Revision}, sub)))
		}
		if len(subs) > 0 {
			j.raw("responses", "["+strings.Join(subs, ",")+"]")
		}
	}
	return j.String()
}

// txnResponseNames are the Go names of a txn's response union, as
// encoding/json writes them.
var txnResponseNames = map[Kind]string{Range: "ResponseRange", Put: "ResponsePut", DeleteRange: "ResponseDeleteRange", Txn: "ResponseTxn"}

// fields is an answer as etcdctl -w fields prints it.
func (e Etcdctl) fields(h Header, r Response) []string {
	out := []string{
		fmt.Sprintf(`"ClusterID" : %d`, h.ClusterID), fmt.Sprintf(`"MemberID" : %d`, h.MemberID),
		fmt.Sprintf(`"Revision" : %d`, h.Revision), fmt.Sprintf(`"RaftTerm" : %d`, h.RaftTerm),
	}
	kvFields := func(prefix string, kv KeyValue) {
		out = append(out, fmt.Sprintf(`"%sKey" : %q`, prefix, kv.Key), fmt.Sprintf(`"%sCreateRevision" : %d`, prefix, kv.CreateRevision),
			fmt.Sprintf(`"%sModRevision" : %d`, prefix, kv.ModRevision), fmt.Sprintf(`"%sVersion" : %d`, prefix, kv.Version),
			fmt.Sprintf(`"%sValue" : %q`, prefix, kv.Value), fmt.Sprintf(`"%sLease" : %d`, prefix, kv.Lease))
	}
	switch r.Kind {
	case Put:
		for _, kv := range r.PrevKVs {
			kvFields("Prev", kv)
		}
	case Range:
		for _, kv := range r.KVs {
			kvFields("", kv)
		}
		out = append(out, fmt.Sprintf(`"More" : %v`, r.More), fmt.Sprintf(`"Count" : %d`, r.Count))
	case DeleteRange:
		out = append(out, fmt.Sprintf(`"Deleted" : %d`, r.Deleted))
		for _, kv := range r.PrevKVs {
			kvFields("Prev", kv)
		}
	case Txn:
		out = append(out, fmt.Sprintf(`"Succeeded" : %v`, r.Succeeded))
	}
	return out
}
