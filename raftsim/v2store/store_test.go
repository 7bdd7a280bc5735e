package v2store

import (
	"slices"
	"strings"
	"testing"
)

// The v2 key space answers as etcd does, errors included.
func TestStoreAnswersLikeEtcdV2(t *testing.T) {
	s := NewStore()
	w := func(index uint64, op Op) Result { return s.Apply(index, Command{Op: op}) }
	w(1, Op{Kind: OpSet, Key: "/nosql/foo", Value: "bar"})
	w(2, Op{Kind: OpSet, Key: "nosql/baz/", Value: "qux"})
	w(3, Op{Kind: OpSet, Key: "/foo", Value: "one"})
	tests := []struct {
		name string
		got  Result
		want string // error text, or the value / children joined
	}{
		{"get a key", s.Read(Op{Kind: OpGet, Key: "/nosql/foo"}), "bar"},
		{"get a missing key", s.Read(Op{Kind: OpGet, Key: "/nope"}), "Error: 100: Key not found (/nope) [3]"},
		{"ls a directory", s.Read(Op{Kind: OpLs, Key: "/nosql"}), "/nosql/baz /nosql/foo"},
		{"ls the root", s.Read(Op{Kind: OpLs, Key: "/"}), "/foo /nosql"},
		{"cas with the wrong value", w(4, Op{Kind: OpCAS, Key: "/foo", Value: "three", PrevValue: "two"}), "Error: 101: Compare failed ([two != one]) [4]"},
		{"cas with the right value", w(5, Op{Kind: OpCAS, Key: "/foo", Value: "three", PrevValue: "one"}), "three"},
		{"cas with the wrong index", w(6, Op{Kind: OpCAS, Key: "/foo", Value: "x", PrevIndex: 3, HasPrevIndex: true}), "Error: 101: Compare failed ([3 != 5]) [6]"},
		{"cas on a missing key", w(7, Op{Kind: OpCAS, Key: "/zip", Value: "x", PrevValue: "y"}), "Error: 100: Key not found (/zip) [7]"},
		{"set on a directory", w(8, Op{Kind: OpSet, Key: "/nosql", Value: "x"}), "Error: 102: Not a file (/nosql) [8]"},
		{"set below a file", w(9, Op{Kind: OpSet, Key: "/foo/bar", Value: "x"}), "Error: 104: Not a directory (/foo) [9]"},
		{"delete", w(10, Op{Kind: OpDelete, Key: "/nosql/foo"}), ""},
		{"delete a missing key", w(11, Op{Kind: OpDelete, Key: "/nosql/foo"}), "Error: 100: Key not found (/nosql/foo) [11]"},
	}
	for _, tt := range tests {
		got := tt.got.Value
		switch {
		case !tt.got.OK():
			got = tt.got.Error()
		case tt.got.Children != nil:
			got = strings.Join(tt.got.Children, " ")
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if len(s.files) != 2 || !slices.Equal(s.children("/"), []string{"/foo", "/nosql"}) {
		t.Errorf("after the writes: files %v, root %v", s.files, s.children("/"))
	}
}

// A write retried with the same (client, seq) is applied once and answered
// with the first result.
func TestRetriedWriteIsAppliedOnce(t *testing.T) {
	s := NewStore()
	cas := Command{Client: 7, Seq: 1, Op: Op{Kind: OpCAS, Key: "/x", Value: "2", PrevValue: "1"}}
	s.Apply(1, Command{Op: Op{Kind: OpSet, Key: "/x", Value: "1"}})
	first := s.Apply(2, cas)
	again := s.Apply(3, cas) // applied twice, the compare would now fail
	if !first.OK() || !again.OK() || again.Index != 2 || s.files["/x"].value != "2" {
		t.Fatalf("first %+v, retry %+v, value %q", first, again, s.files["/x"].value)
	}
}

func TestHashDoesNotDependOnOrder(t *testing.T) {
	a, b := NewStore(), NewStore()
	a.put("/x", "1", 1)
	a.put("/y", "2", 2)
	b.put("/y", "2", 1)
	b.put("/x", "0", 2)
	b.put("/x", "1", 3)
	if a.Hash() != b.Hash() {
		t.Fatalf("same contents, hashes %s and %s", a.Hash(), b.Hash())
	}
	b.remove("/y")
	if a.Hash() == b.Hash() {
		t.Fatal("different contents, same hash")
	}
}
