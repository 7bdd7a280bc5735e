package v2store

import (
	"strings"
	"testing"
)

// answer is a result as etcdctl would show it: the error, the value, or the
// listed keys.
func answer(r Result) string {
	switch {
	case !r.OK():
		return r.Error()
	case r.Dir:
		var keys []string
		for _, n := range r.Nodes {
			keys = append(keys, n.Key)
		}
		return "dir:" + strings.Join(keys, " ")
	}
	return r.Value
}

// The v2 key space answers as etcd does: directories are nodes that outlive
// their keys, and each error has etcd's code and cause.
func TestStoreAnswersLikeEtcdV2(t *testing.T) {
	s := NewStore(func() int64 { return 0 })
	index := uint64(0)
	w := func(op Op) Result { index++; return s.Apply(index, Command{Op: op}) }
	get := func(key string) Result { return s.Read(Op{Kind: OpGet, Key: key}) }
	steps := []struct {
		name string
		got  func() Result
		want string
	}{
		{"set makes its directory", func() Result { return w(Op{Kind: OpSet, Key: "/nosql/foo", Value: "bar"}) }, "bar"},
		{"set another", func() Result { return w(Op{Kind: OpSet, Key: "foo/", Value: "one"}) }, "one"},
		{"rm the only key", func() Result { return w(Op{Kind: OpDelete, Key: "/nosql/foo"}) }, ""},
		{"the directory stays", func() Result { return get("/") }, "dir:/foo /nosql"},
		{"mkdir", func() Result { return w(Op{Kind: OpCreate, Key: "/dir", Dir: true}) }, "dir:"},
		{"mkdir again", func() Result { return w(Op{Kind: OpCreate, Key: "/dir", Dir: true}) }, "Error:  105: Key already exists (/dir) [5]"},
		{"set on a directory", func() Result { return w(Op{Kind: OpSet, Key: "/dir", Value: "x"}) }, "Error:  102: Not a file (/dir) [6]"},
		{"mk an existing key", func() Result { return w(Op{Kind: OpCreate, Key: "/foo", Value: "again"}) }, "Error:  105: Key already exists (/foo) [7]"},
		{"update a missing key", func() Result { return w(Op{Kind: OpUpdate, Key: "/nokey", Value: "v"}) }, "Error:  100: Key not found (/nokey) [8]"},
		{"update", func() Result { return w(Op{Kind: OpUpdate, Key: "/foo", Value: "two"}) }, "two"},
		{"cas on the wrong value", func() Result { return w(Op{Kind: OpCAS, Key: "/foo", Value: "3", PrevValue: "one"}) }, "Error:  101: Compare failed ([one != two]) [10]"},
		{"cas on both wrong", func() Result { return w(Op{Kind: OpCAS, Key: "/foo", Value: "3", PrevValue: "x", PrevIndex: 1}) }, "Error:  101: Compare failed ([x != two] [1 != 9]) [11]"},
		{"cas on the right index", func() Result { return w(Op{Kind: OpCAS, Key: "/foo", Value: "3", PrevIndex: 9}) }, "3"},
		{"set below a file", func() Result { return w(Op{Kind: OpSet, Key: "/foo/bar", Value: "x"}) }, "Error:  104: Not a directory (/foo) [13]"},
		{"rm a directory", func() Result { return w(Op{Kind: OpDelete, Key: "/dir"}) }, "Error:  102: Not a file (/dir) [14]"},
		{"rm the root", func() Result { return w(Op{Kind: OpDelete, Key: "/", Recursive: true}) }, "Error:  107: Root is read only (/) [15]"},
		{"fill a directory", func() Result { return w(Op{Kind: OpSet, Key: "/dir/a/b", Value: "x"}) }, "x"},
		{"rm --dir a full one", func() Result { return w(Op{Kind: OpDelete, Key: "/dir", Dir: true}) }, "Error:  108: Directory not empty (/dir) [17]"},
		{"rm --recursive", func() Result { return w(Op{Kind: OpDelete, Key: "/dir", Recursive: true}) }, "dir:"},
		{"gone with all below", func() Result { return get("/dir/a/b") }, "Error:  100: Key not found (/dir) [18]"},
		{"in-order keys", func() Result { return w(Op{Kind: OpCreate, Key: "/q", Value: "job", Unique: true}) }, "job"},
		{"named by their index", func() Result { return get("/q/00000000000000000019") }, "job"},
	}
	for _, st := range steps {
		if got := answer(st.got()); got != st.want {
			t.Errorf("%s: got %q, want %q", st.name, got, st.want)
		}
	}
	if s.Keys() != 2 {
		t.Errorf("%d keys hold values, want 2 (/foo and the in-order one)", s.Keys())
	}
}

// A key with a TTL expires when a sync carrying a late enough time applies,
// not before, and a watch sees the expiry.
func TestTTLExpiresThroughSync(t *testing.T) {
	now := int64(1000)
	s := NewStore(func() int64 { return now })
	op := Op{Kind: OpSet, Key: "/t", Value: "x", TTL: 5}
	op.StampTTL(now)
	r := s.Apply(1, Command{Op: op})
	if r.TTL != 5 || r.Expire != 6000 || !s.HasTTL() {
		t.Fatalf("set --ttl 5: ttl %d, expire %d, HasTTL %v", r.TTL, r.Expire, s.HasTTL())
	}
	now = 3500
	if got := s.Read(Op{Kind: OpGet, Key: "/t"}); got.TTL != 3 {
		t.Errorf("2.5 s later the TTL shows %d, want 3 (rounded up)", got.TTL)
	}
	s.Apply(2, Command{Op: Op{Kind: OpSync, Time: 5999}})
	if !s.Read(Op{Kind: OpGet, Key: "/t"}).OK() {
		t.Fatal("expired before its time")
	}
	s.Apply(3, Command{Op: Op{Kind: OpSync, Time: 6000}})
	if got := answer(s.Read(Op{Kind: OpGet, Key: "/t"})); got != "Error:  100: Key not found (/t) [3]" {
		t.Errorf("after the sync: %s", got)
	}
	if ch := s.Changes(); len(ch) != 1 || ch[0].Action != "expire" || ch[0].Key != "/t" || s.HasTTL() {
		t.Errorf("changes of the sync: %+v", ch)
	}
	if w, ok := s.Watched(Op{Kind: OpWatch, Key: "/t", AfterIndex: 2}); !ok || w.Action != "expire" || w.Index != 3 {
		t.Errorf("watch from index 2: %+v %v", w, ok)
	}
}

// A watch with an index answers from history: the first change at or after
// that index it sees, below the key too when recursive.
func TestWatchFromHistory(t *testing.T) {
	s := NewStore(func() int64 { return 0 })
	s.Apply(1, Command{Op: Op{Kind: OpSet, Key: "/a/x", Value: "1"}})
	s.Apply(2, Command{Op: Op{Kind: OpSet, Key: "/a", Value: "no"}}) // fails: a directory
	s.Apply(3, Command{Op: Op{Kind: OpSet, Key: "/a/x", Value: "2"}})
	for _, tt := range []struct {
		w    Op
		want string
		ok   bool
	}{
		{Op{Key: "/a/x", AfterIndex: 1}, "1", true},
		{Op{Key: "/a/x", AfterIndex: 2}, "2", true},
		{Op{Key: "/a", AfterIndex: 1}, "", false},
		{Op{Key: "/a", AfterIndex: 1, Recursive: true}, "1", true},
		{Op{Key: "/a/x", AfterIndex: 4}, "", false},
	} {
		r, ok := s.Watched(tt.w)
		if ok != tt.ok || ok && r.Value != tt.want {
			t.Errorf("watch %+v: got %q %v, want %q %v", tt.w, r.Value, ok, tt.want, tt.ok)
		}
	}
}

// A write retried with the same (client, seq) is applied once and answered
// with the first result.
func TestRetriedWriteIsAppliedOnce(t *testing.T) {
	s := NewStore(func() int64 { return 0 })
	cas := Command{Client: 7, Seq: 1, Op: Op{Kind: OpCAS, Key: "/x", Value: "2", PrevValue: "1"}}
	s.Apply(1, Command{Op: Op{Kind: OpSet, Key: "/x", Value: "1"}})
	first := s.Apply(2, cas)
	again := s.Apply(3, cas) // applied twice, the compare would now fail
	if !first.OK() || !again.OK() || again.Index != 2 || answer(s.Read(Op{Kind: OpGet, Key: "/x"})) != "2" {
		t.Fatalf("first %+v, retry %+v", first, again)
	}
}

func TestHashDoesNotDependOnOrder(t *testing.T) {
	zero := func() int64 { return 0 }
	a, b := NewStore(zero), NewStore(zero)
	set := func(s *Store, i uint64, k, v string) { s.Apply(i, Command{Op: Op{Kind: OpSet, Key: k, Value: v}}) }
	set(a, 1, "/x", "1")
	set(a, 2, "/y", "2")
	set(b, 1, "/y", "2")
	set(b, 2, "/x", "0")
	set(b, 3, "/x", "1")
	if a.Hash() != b.Hash() {
		t.Fatalf("same contents, hashes %s and %s", a.Hash(), b.Hash())
	}
	b.Apply(4, Command{Op: Op{Kind: OpDelete, Key: "/y"}})
	if a.Hash() == b.Hash() {
		t.Fatal("different contents, same hash")
	}
}

// The history keeps the last historySize events; a watch from an index it
// no longer reaches gets error 401, one it reaches its event.
func TestWatchHistoryIsBounded(t *testing.T) {
	s := NewStore(func() int64 { return 0 })
	for i := uint64(1); i <= historySize+10; i++ {
		s.Apply(i, Command{Op: Op{Kind: OpSet, Key: "/k", Value: u64(i)}})
	}
	if r, ok := s.Watched(Op{Key: "/k", AfterIndex: 5}); !ok || r.ErrCode != ErrHistoryCleared {
		t.Errorf("watch from index 5: %+v %v, want error 401", r, ok)
	}
	if r, ok := s.Watched(Op{Key: "/k", AfterIndex: 11}); !ok || r.Value != "11" {
		t.Errorf("watch from index 11, the oldest kept: %+v %v", r, ok)
	}
}
