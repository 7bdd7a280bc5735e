package v3store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// apply runs requests on a fresh store and returns it with the last answer.
func apply(t *testing.T, reqs ...Request) (*Store, Response) {
	t.Helper()
	s := NewStore(2)
	var r Response
	for _, req := range reqs {
		r = s.Apply(req)
	}
	return s, r
}

func put(k, v string) Request { return Request{Kind: Put, Key: k, Value: v} }
func del(k, end string) Request {
	return Request{Kind: DeleteRange, Key: k, End: end}
}

// kvs is a range's answer in short: "key=value@create/mod/version".
func kvs(r Response) string {
	var out []string
	for _, kv := range r.KVs {
		out = append(out, fmt.Sprintf("%s=%s@%d/%d/%d", kv.Key, kv.Value, kv.CreateRevision, kv.ModRevision, kv.Version))
	}
	return strings.Join(out, " ")
}

func TestRevisions(t *testing.T) {
	tests := []struct {
		name  string
		reqs  []Request
		read  Request
		want  string
		rev   int64
		keys  int
		errIs error
		count int64
		more  bool
	}{
		{name: "first write is revision 2", reqs: []Request{put("foo", "bar")}, read: Request{Kind: Range, Key: "foo"},
			want: "foo=bar@2/2/1", rev: 2, keys: 1, count: 1},
		{name: "overwrite keeps create, raises mod and version", reqs: []Request{put("foo", "a"), put("x", "1"), put("foo", "b")},
			read: Request{Kind: Range, Key: "foo"}, want: "foo=b@2/4/2", rev: 4, keys: 2, count: 1},
		{name: "delete leaves nothing; a put after it creates anew", reqs: []Request{put("foo", "a"), del("foo", ""), put("foo", "c")},
			read: Request{Kind: Range, Key: "foo"}, want: "foo=c@4/4/1", rev: 4, keys: 1, count: 1},
		{name: "deleting nothing raises no revision", reqs: []Request{put("foo", "a"), del("nope", "")},
			read: Request{Kind: Range, Key: "nope"}, want: "", rev: 2, keys: 1},
		{name: "read at a past revision", reqs: []Request{put("foo", "a"), put("foo", "b"), del("foo", "")},
			read: Request{Kind: Range, Key: "foo", Rev: 3}, want: "foo=b@2/3/2", rev: 4, count: 1},
		{name: "prefix", reqs: []Request{put("a", "1"), put("ab", "2"), put("abc", "3"), put("b", "4")},
			read: Request{Kind: Range, Key: "ab", End: PrefixEnd("ab")}, want: "ab=2@3/3/1 abc=3@4/4/1", rev: 5, keys: 4, count: 2},
		{name: "from key", reqs: []Request{put("a", "1"), put("b", "2"), put("c", "3")},
			read: Request{Kind: Range, Key: "b", End: FromKey}, want: "b=2@3/3/1 c=3@4/4/1", rev: 4, keys: 3, count: 2},
		{name: "range end excluded", reqs: []Request{put("a", "1"), put("b", "2"), put("c", "3")},
			read: Request{Kind: Range, Key: "a", End: "c"}, want: "a=1@2/2/1 b=2@3/3/1", rev: 4, keys: 3, count: 2},
		{name: "limit counts all, says more", reqs: []Request{put("a", "1"), put("b", "2"), put("c", "3")},
			read: Request{Kind: Range, Key: "a", End: FromKey, Limit: 2}, want: "a=1@2/2/1 b=2@3/3/1", rev: 4, keys: 3, count: 3, more: true},
		{name: "sort by value descending, then limit", reqs: []Request{put("a", "2"), put("b", "3"), put("c", "1")},
			read: Request{Kind: Range, Key: "a", End: FromKey, Order: SortDescend, Target: ByValue, Limit: 2}, want: "b=3@3/3/1 a=2@2/2/1", rev: 4, keys: 3, count: 3, more: true},
		{name: "a target without an order sorts ascending", reqs: []Request{put("a", "x"), put("b", "y"), put("a", "z")},
			read: Request{Kind: Range, Key: "a", End: FromKey, Target: ByMod}, want: "b=y@3/3/1 a=z@2/4/2", rev: 4, keys: 2, count: 2},
		{name: "keys only", reqs: []Request{put("a", "x")},
			read: Request{Kind: Range, Key: "a", KeysOnly: true}, want: "a=@2/2/1", rev: 2, keys: 1, count: 1},
		{name: "count only", reqs: []Request{put("a", "x"), put("b", "y")},
			read: Request{Kind: Range, Key: "a", End: FromKey, CountOnly: true}, want: "", rev: 3, keys: 2, count: 2},
		{name: "future revision", reqs: []Request{put("a", "x")},
			read: Request{Kind: Range, Key: "a", Rev: 3}, rev: 2, keys: 1, errIs: ErrFutureRev},
		{name: "compacted revision", reqs: []Request{put("a", "x"), put("a", "y"), {Kind: Compaction, Rev: 3}},
			read: Request{Kind: Range, Key: "a", Rev: 2}, rev: 3, keys: 1, errIs: ErrCompacted},
		{name: "the compacted revision itself is still read", reqs: []Request{put("a", "x"), put("a", "y"), put("a", "z"), {Kind: Compaction, Rev: 3}},
			read: Request{Kind: Range, Key: "a", Rev: 3}, want: "a=y@2/3/2", rev: 4, keys: 1, count: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := apply(t, tt.reqs...)
			r := s.Read(tt.read)
			if !errors.Is(r.Err, tt.errIs) {
				t.Fatalf("error %v, want %v", r.Err, tt.errIs)
			}
			if got := kvs(r); got != tt.want || r.Count != tt.count || r.More != tt.more {
				t.Errorf("got %q count %d more %v, want %q count %d more %v", got, r.Count, r.More, tt.want, tt.count, tt.more)
			}
			if s.Rev() != tt.rev || (tt.keys != 0 && s.Keys() != tt.keys) {
				t.Errorf("store at revision %d with %d keys, want %d with %d", s.Rev(), s.Keys(), tt.rev, tt.keys)
			}
		})
	}
}

func TestCompactionErrors(t *testing.T) {
	s, _ := apply(t, put("a", "1"), put("a", "2"), put("b", "3"), del("b", ""))
	for _, tt := range []struct {
		rev  int64
		want error
	}{{6, ErrFutureRev}, {3, nil}, {3, ErrCompacted}, {2, ErrCompacted}, {5, nil}} {
		if r := s.Apply(Request{Kind: Compaction, Rev: tt.rev}); !errors.Is(r.Err, tt.want) {
			t.Errorf("compaction at %d: %v, want %v", tt.rev, r.Err, tt.want)
		}
	}
	if s.CompactRev() != 5 || s.Rev() != 5 {
		t.Errorf("compacted at %d, revision %d; want 5 and 5", s.CompactRev(), s.Rev())
	}
	// b's delete was the newest write at or below 5: b is forgotten whole.
	if s.history("b") != nil || len(s.history("a").records) != 1 {
		t.Errorf("history after compaction: b %v, a %v", s.history("b"), s.history("a"))
	}
	if _, err := s.Events("a", "", 4, false); !errors.Is(err, ErrCompacted) {
		t.Errorf("watch from a compacted revision: %v", err)
	}
}

func TestTxn(t *testing.T) {
	base := []Request{put("k", "v"), {Kind: LeaseGrant, ID: 7, TTL: 10}, {Kind: Put, Key: "l", Value: "x", Lease: 7}}
	// k: create 2, mod 2, version 1; l: create 3, lease 7; revision 3.
	tests := []struct {
		name    string
		cmp     Compare
		succeed bool
	}{
		{"value equal", Compare{Key: "k", Target: CmpValue, Result: Equal, Value: "v"}, true},
		{"value of a missing key never holds", Compare{Key: "none", Target: CmpValue, Result: NotEqual, Value: "v"}, false},
		{"version greater", Compare{Key: "k", Target: CmpVersion, Result: Greater, Number: 0}, true},
		{"missing key has version 0", Compare{Key: "none", Target: CmpVersion, Result: Equal, Number: 0}, true},
		{"create less", Compare{Key: "k", Target: CmpCreate, Result: Less, Number: 2}, false},
		{"mod equal", Compare{Key: "k", Target: CmpMod, Result: Equal, Number: 2}, true},
		{"lease equal", Compare{Key: "l", Target: CmpLease, Result: Equal, Number: 7}, true},
		{"every key of a range", Compare{Key: "k", End: FromKey, Target: CmpVersion, Result: Equal, Number: 1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := apply(t, base...)
			r := s.Apply(Request{Kind: Txn, Compare: []Compare{tt.cmp},
				Success: []Request{put("ok", "yes")}, Failure: []Request{{Kind: Range, Key: "k"}}})
			if r.Succeeded != tt.succeed {
				t.Fatalf("succeeded %v, want %v", r.Succeeded, tt.succeed)
			}
			wantRev := int64(3)
			if tt.succeed {
				wantRev = 4
			}
			if r.Revision != wantRev || s.Rev() != wantRev {
				t.Errorf("revision %d (store %d), want %d", r.Revision, s.Rev(), wantRev)
			}
		})
	}
}

func TestTxnIsOneRevision(t *testing.T) {
	s, r := apply(t, put("a", "0"), Request{Kind: Txn, Success: []Request{
		put("a", "1"), put("a", "2"), del("b", ""), {Kind: Range, Key: "a"},
		{Kind: Txn, Compare: []Compare{{Key: "a", Target: CmpValue, Value: "2"}}, Success: []Request{put("c", "3")}},
	}})
	if !r.Succeeded || r.Revision != 3 || s.Rev() != 3 {
		t.Fatalf("txn: succeeded %v at %d (store %d), want true at 3", r.Succeeded, r.Revision, s.Rev())
	}
	// The range inside sees the txn's own writes; the nested txn too.
	if got := kvs(r.Responses[3]); got != "a=2@2/3/3" {
		t.Errorf("range inside the txn: %q", got)
	}
	if !r.Responses[4].Succeeded || kvs(s.Read(Request{Kind: Range, Key: "c"})) != "c=3@3/3/1" {
		t.Errorf("nested txn: %+v", r.Responses[4])
	}
	evs, _ := s.Events("a", FromKey, 3, false)
	if len(evs) != 3 || evs[0].KV.Value != "1" || evs[1].KV.Value != "2" || evs[2].KV.Key != "c" {
		t.Errorf("events of the txn, in order: %+v", evs)
	}
}

func TestTxnRefusedWhole(t *testing.T) {
	s, r := apply(t, put("a", "1"), Request{Kind: Txn, Success: []Request{put("b", "2"), {Kind: Put, Key: "c", Lease: 99}}})
	if !errors.Is(r.Err, ErrLeaseNotFound) || s.Rev() != 2 || s.Keys() != 1 {
		t.Errorf("txn with an unknown lease: %v, revision %d, %d keys", r.Err, s.Rev(), s.Keys())
	}
	_, r = apply(t, put("a", "1"), Request{Kind: Txn, Success: []Request{{Kind: Range, Key: "a", Rev: 9}}})
	if !errors.Is(r.Err, ErrFutureRev) {
		t.Errorf("txn reading a future revision: %v", r.Err)
	}
}

func TestLeases(t *testing.T) {
	s, r := apply(t, Request{Kind: LeaseGrant, ID: 5, TTL: 1})
	if r.TTL != 2 {
		t.Errorf("a TTL below the minimum: granted %d, want 2", r.TTL)
	}
	if r := s.Apply(Request{Kind: LeaseGrant, ID: 5, TTL: 10}); !errors.Is(r.Err, ErrLeaseExist) {
		t.Errorf("granting an ID twice: %v", r.Err)
	}
	s.Apply(Request{Kind: Put, Key: "a", Value: "1", Lease: 5})
	s.Apply(Request{Kind: Put, Key: "b", Value: "2", Lease: 5})
	s.Apply(Request{Kind: Put, Key: "c", Value: "3", Lease: 5})
	s.Apply(put("c", "4")) // detaches c
	s.Apply(del("b", ""))  // detaches b
	if l, _ := s.Lease(5); !slices.Equal(l.Keys, []string{"a"}) {
		t.Errorf("attached keys %v, want [a]", l.Keys)
	}
	before := s.Rev()
	r = s.Apply(Request{Kind: LeaseRevoke, ID: 5})
	if r.Err != nil || s.Rev() != before+1 || s.Keys() != 1 {
		t.Errorf("revoke: %v, revision %d (was %d), %d keys left", r.Err, s.Rev(), before, s.Keys())
	}
	if r := s.Apply(Request{Kind: LeaseRevoke, ID: 5}); !errors.Is(r.Err, ErrLeaseNotFound) {
		t.Errorf("revoking twice: %v", r.Err)
	}
	if len(s.Leases()) != 0 {
		t.Errorf("leases left: %v", s.Leases())
	}
}

func TestWatchEvents(t *testing.T) {
	s, _ := apply(t, put("a", "1"), put("b", "x"), put("a", "2"), del("a", ""), put("a", "3"))
	evs, err := s.Events("a", "", 3, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range evs {
		line := fmt.Sprintf("put %s=%s@%d", e.KV.Key, e.KV.Value, e.KV.ModRevision)
		if e.Delete {
			line = fmt.Sprintf("delete %s@%d", e.KV.Key, e.KV.ModRevision)
		}
		if e.PrevKV != nil {
			line += " prev " + e.PrevKV.Value
		}
		got = append(got, line)
	}
	want := []string{"put a=2@4 prev 1", "delete a@5 prev 2", "put a=3@6"}
	if !slices.Equal(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	s, _ := apply(t, put("a", "1"), Request{Kind: LeaseGrant, ID: 3, TTL: 60}, Request{Kind: Put, Key: "b", Value: "2", Lease: 3},
		put("a", "2"), del("a", ""), put("c", "3"), Request{Kind: Compaction, Rev: 4})
	snap := s.Snapshot()
	r, err := Restore(snap, 2)
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Snapshot()) != string(snap) || r.Hash() != s.Hash() || r.Keys() != s.Keys() || r.Rev() != s.Rev() || r.CompactRev() != 4 {
		t.Errorf("restored store differs: hash %s/%s keys %d/%d rev %d/%d", r.Hash(), s.Hash(), r.Keys(), s.Keys(), r.Rev(), s.Rev())
	}
	// The same write on both keeps them equal; a different one does not.
	s.Apply(put("d", "4"))
	r.Apply(put("d", "4"))
	if r.Hash() != s.Hash() {
		t.Error("hashes differ after the same write")
	}
	r.Apply(put("d", "5"))
	if r.Hash() == s.Hash() {
		t.Error("hashes equal after different writes")
	}
	if _, err := Restore(snap[:len(snap)-1], 2); err == nil {
		t.Error("a cut snapshot was read")
	}
}

func TestRequestEncoding(t *testing.T) {
	req := Request{Kind: Txn, Compare: []Compare{{Key: "a", End: "b", Target: CmpMod, Result: Less, Number: 9, Value: "v"}},
		Success: []Request{{Kind: Put, Key: "k", Value: "v", Lease: 3, PrevKV: true}},
		Failure: []Request{{Kind: Range, Key: "a", End: FromKey, Rev: 2, Limit: 1, Order: SortDescend, Target: ByValue, KeysOnly: true},
			{Kind: Txn, Success: []Request{{Kind: DeleteRange, Key: "x"}}}}}
	cmd := Command{Client: 4, Seq: 300, Req: req}
	data := cmd.Encode()
	got, err := DecodeCommand(data)
	if err != nil || fmt.Sprint(got) != fmt.Sprint(cmd) {
		t.Fatalf("decoded %+v, %v; want %+v", got, err, cmd)
	}
	if _, err := DecodeCommand(data[:len(data)-1]); err == nil {
		t.Error("a cut request was read")
	}
	if IsEntry([]byte{1, 2, 3}) {
		t.Error("v2 data taken for a v3 request")
	}
}

func TestPrefixEnd(t *testing.T) {
	for in, want := range map[string]string{"a": "b", "a\xff": "b", "\xff\xff": FromKey, "": FromKey} {
		if got := PrefixEnd(in); got != want {
			t.Errorf("PrefixEnd(%q) = %q, want %q", in, got, want)
		}
	}
}
