package raftsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

// Fuzz targets for what comes from outside: actions (clicks, host pages,
// files) and console lines; share links have theirs in raftsim/runcodec.
// Their seed corpora (the f.Add calls and testdata/fuzz) run as ordinary
// tests; make fuzz explores further.
// Properties: no panic; a refused input changes nothing (the snapshot before
// and after are equal); an accepted one round-trips through its JSON form.

// fuzzSim is a small cluster with a leader, some writes in flight and a
// partition to heal: enough state for most actions to mean something.
func fuzzSim(t *testing.T) *Sim {
	cfg := DefaultConfig()
	cfg.Nodes = 3
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	AttachClients(s)
	s.Advance(600)
	for _, js := range []string{`{"op":"put","key":"/a","value":"x"}`, `{"op":"partition","groups":[[1],[2,3]]}`} {
		if err := s.DoJSON(js); err != nil {
			t.Fatal(err)
		}
	}
	s.Advance(5)
	return s
}

// doOrNothing does a, checking that a refusal left the snapshot as it was.
func doOrNothing(t *testing.T, s *Sim, a Action) error {
	before := s.Snapshot().JSON()
	err := s.Do(a)
	if err != nil {
		if after := s.Snapshot().JSON(); !bytes.Equal(before, after) {
			t.Fatalf("%+v was refused (%v) but changed the snapshot:\n%s\n%s", a, err, before, after)
		}
	}
	return err
}

// roundTrip checks that an accepted action reads back from its JSON form as
// the same action.
func roundTrip(t *testing.T, a Action) {
	js, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("%+v does not encode: %v", a, err)
	}
	back, err := ParseAction(string(js))
	if err != nil {
		t.Fatalf("%+v encodes as %s, which is refused: %v", a, js, err)
	}
	if !reflect.DeepEqual(back, a) {
		t.Fatalf("%s reads back as %+v, not %+v", js, back, a)
	}
}

func FuzzParseAction(f *testing.F) {
	for _, js := range []string{
		`{"op":"crash","node":2}`, `{"op":"restart","node":1}`, `{"op":"crash-all"}`, `{"op":"restart-all"}`,
		`{"op":"partition","groups":[[1,2],[3]]}`, `{"op":"heal"}`, `{"op":"put","key":"k","value":"much","via":3}`,
		`{"op":"timeout","node":3}`, `{"op":"transfer","to":2}`, `{"op":"drop","message":4}`,
		`{"op":"loss","rate":0.2}`, `{"op":"loss","from":1,"to":2,"rate":0}`, `{"op":"console","line":"get /a"}`,
		`{"op":"stress","on":false}`, `{"op":"clients","count":2,"read":"lease"}`, `{"op":"lying-disk","node":1,"on":true}`,
		`{"op":"pause"}`, `{"op":"play"}`, `{"op":"step"}`, `{"op":"speed","x":0.5}`, `{"op":"reset","seed":9}`, `{"op":"reset","config":{"pre_vote":false,"loss_rate":0.1,"seed":3}}`, `{"op":"reset","config":{"heartbeat_ticks":99}}`,
		`{"op":"add-member","as":"learner"}`, `{"op":"add-member","as":"voter","name":"F"}`, `{"op":"promote","node":2}`,
		`{"op":"remove-member","node":3}`, `{"op":"add-member","as":"boss"}`, `{"op":"add-member","as":"learner","name":"n7"}`,
		`{"op":"crash","node":1e300}`, "{\"op\":\"put\",\"value\":\"\xd9\"}", `{"op":"partition","groups":[[],[1]]}`, `{"op":"partition","groups":[[1],[1]]}`, `{"op":"crash","node":"2"}`, `[]`, `{`,
	} {
		f.Add(js)
	}
	// Every registered action on a node, whichever fields it takes.
	for _, op := range Ops {
		f.Add(fmt.Sprintf(`{"op":%q,"node":2}`, op))
	}
	f.Fuzz(func(t *testing.T, js string) {
		a, err := ParseAction(js)
		if err != nil {
			return
		}
		roundTrip(t, a)
		doOrNothing(t, fuzzSim(t), a)
	})
}

func FuzzConsoleLine(f *testing.F) {
	for _, l := range []string{
		"get /a", "etcdctl set /a b", "set --swap-with-value x /a y", "set --swap-with-index 3 /a y", "mk /b 1",
		"rm /a", "ls /", "ls --recursive /", "watch /a", "watch --recursive /", "member list", "get --quorum /a",
		"", "   ", "set", "set /a", "set --swap-with-index", "rm --dir /", "bogus /x",
		"mkdir /d", "rm -r /d", "set --ttl 1 /t x", "watch --after-index 1 /a", "cluster-health", "set '/a", "curl-forms on",
		"curl -L http://n1:2379/v2/keys/a -XPUT -d value=1", "curl -L 'http://n2:2379/v2/keys/?wait=true&recursive=true'",
		"curl", "curl -L http://n9:2379/v2/keys/a", "curl -L 'http://n1:2379/v2/keys/a?ttl=x' -XPUT", "curl -XFOO n1:2379/v2/keys",
		"put a b", "get a --prefix --sort-by VALUE -w json", "del a --from-key --prev-kv", "txn\nvalue(\"a\") = \"b\"\n\nput a c\n\nget a\n",
		"txn -i", "lease grant 1", "lease timetolive 1 --keys", "watch a --rev 1 --prev-kv", "compaction 1", "endpoint status -w table",
		"ETCDCTL_API=2 get /a", "export ETCDCTL_API=2", "get a --limit=x", "put --lease=zz a b",
		`curl -L http://n1:2379/v3/kv/txn -X POST -d '{"compare":[{"key":"YQ=="}],"success":[{"requestTxn":{}}]}'`,
	} {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, line string) {
		a, err := ParseAction(mustJSON(t, Action{Op: "console", Line: line}))
		if err != nil {
			t.Fatalf("line %q: %v", line, err) // every line is an action; a blank one does nothing
		}
		roundTrip(t, a)
		s := fuzzSim(t)
		if doOrNothing(t, s, a) == nil {
			// Accepted lines run as calls that end; the run goes on.
			s.Advance(2500)
		}
	})
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
