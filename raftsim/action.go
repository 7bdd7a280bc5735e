package raftsim

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

// Action is one thing done to the simulation: by a click, a key, a URL
// parameter, a host page, a scenario or a test. Its JSON form is the one of
// design.md, e.g. {"op":"crash","node":2}. Fields an op does not use are zero.
type Action struct {
	Op      string     `json:"op"`
	Node    uint64     `json:"node,omitempty"`
	From    uint64     `json:"from,omitempty"`
	To      uint64     `json:"to,omitempty"`
	Via     uint64     `json:"via,omitempty"`
	Message uint64     `json:"message,omitempty"`
	Groups  [][]uint64 `json:"groups,omitempty"`
	Key     string     `json:"key,omitempty"`
	Value   string     `json:"value,omitempty"`
	X       float64    `json:"x,omitempty"`
	Rate    float64    `json:"rate,omitempty"`
	Seed    int64      `json:"seed,omitempty"`
	Line    string     `json:"line,omitempty"`
	On      bool       `json:"on,omitempty"`
	Count   int        `json:"count,omitempty"`
	Read    string     `json:"read,omitempty"`
	// Config is what a reset starts the new run with: the etcd defaults
	// under the fields given. Nil keeps the current run's config.
	Config *Config `json:"config,omitempty"`
}

// ActionRecord is an applied action with the virtual time it was applied at,
// as kept in the action log and read from action files.
type ActionRecord struct {
	AtMs int64 `json:"at_ms"`
	Action
}

// MarshalJSON writes the action in the form ParseAction reads: the fields
// its op does not use are left out, but "on" is written for the ops that
// take it even when it is false, or turning stress off would not replay.
func (a Action) MarshalJSON() ([]byte, error) {
	type fields Action // the same fields, without this method
	b, err := json.Marshal(fields(a))
	if err != nil || a.On || (a.Op != "stress" && a.Op != "lying-disk") {
		return b, err
	}
	return append(b[:len(b)-1], `,"on":false}`...), nil
}

// MarshalJSON writes the record as its action with "at_ms" first.
func (r ActionRecord) MarshalJSON() ([]byte, error) {
	b, err := r.Action.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return append(fmt.Appendf(nil, `{"at_ms":%d,`, r.AtMs), b[1:]...), nil
}

// Ops lists every action the simulator accepts, in the order help texts show them.
var Ops = []string{
	"crash", "restart", "crash-all", "restart-all", "partition", "heal", "put",
	"timeout", "transfer", "drop", "loss", "console", "stress", "clients", "lying-disk", "pause", "play", "step", "speed", "reset",
}

// ParseAction reads one action from JSON. It checks the shape (known op, the
// fields that op needs, their types); whether the action makes sense now (a
// running node to crash, a message still in flight) is checked when it is done.
func ParseAction(js string) (Action, error) {
	if !gjson.Valid(js) {
		return Action{}, fmt.Errorf("action is not valid JSON: %.80q", js)
	}
	return parseAction(gjson.Parse(js))
}

// ParseActionRecords reads a JSON array of actions, each with an "at_ms".
func ParseActionRecords(js string) ([]ActionRecord, error) {
	if !gjson.Valid(js) {
		return nil, fmt.Errorf("actions are not valid JSON")
	}
	root := gjson.Parse(js)
	if !root.IsArray() {
		return nil, fmt.Errorf("actions must be a JSON array, got %s", kindOf(root))
	}
	var recs []ActionRecord
	var err error
	root.ForEach(func(i, v gjson.Result) bool {
		at := v.Get("at_ms")
		if at.Type != gjson.Number || at.Int() < 0 || float64(at.Int()) != at.Num {
			err = fmt.Errorf("actions[%d].at_ms: need a whole number of milliseconds >= 0", i.Int())
			return false
		}
		a, e := parseAction(v)
		if e != nil {
			err = fmt.Errorf("actions[%d]: %v", i.Int(), e)
			return false
		}
		if n := len(recs); n > 0 && at.Int() < recs[n-1].AtMs {
			err = fmt.Errorf("actions[%d].at_ms: %d is before the previous action's %d", i.Int(), at.Int(), recs[n-1].AtMs)
			return false
		}
		recs = append(recs, ActionRecord{AtMs: at.Int(), Action: a})
		return true
	})
	return recs, err
}

func parseAction(v gjson.Result) (Action, error) {
	if !v.IsObject() {
		return Action{}, fmt.Errorf("an action must be a JSON object, got %s", kindOf(v))
	}
	op := v.Get("op")
	if op.Type != gjson.String {
		return Action{}, fmt.Errorf(`action needs "op", one of %s`, strings.Join(Ops, ", "))
	}
	a := Action{Op: op.String()}
	var err error
	need := func(field string) uint64 {
		if err != nil {
			return 0
		}
		var id uint64
		id, err = nodeID(v, field)
		return id
	}
	optional := func(field string) uint64 {
		if !v.Get(field).Exists() {
			return 0
		}
		return need(field)
	}
	switch a.Op {
	case "crash", "restart", "timeout":
		a.Node = need("node")
	case "transfer":
		a.To = need("to")
	case "drop":
		a.Message = need("message")
	case "put":
		val := v.Get("value")
		if val.Type != gjson.String || val.String() == "" {
			return a, fmt.Errorf(`put needs a non-empty string "value"`)
		}
		a.Value = val.String()
		if k := v.Get("key"); k.Exists() {
			if k.Type != gjson.String || k.String() == "" {
				return a, fmt.Errorf(`put: "key" must be a non-empty string`)
			}
			a.Key = k.String()
		}
		a.Via = optional("via")
	case "partition":
		a.Groups, err = parseGroups(v.Get("groups"))
	case "lying-disk":
		a.Node = need("node")
		on := v.Get("on")
		if on.Type != gjson.True && on.Type != gjson.False {
			return a, fmt.Errorf(`lying-disk needs "on": true or false`)
		}
		a.On = on.Bool()
	case "stress":
		on := v.Get("on")
		if on.Type != gjson.True && on.Type != gjson.False {
			return a, fmt.Errorf(`stress needs "on": true or false`)
		}
		a.On = on.Bool()
	case "clients":
		n := v.Get("count")
		if n.Type != gjson.Number || n.Num < 1 || n.Num > 16 || float64(n.Int()) != n.Num {
			return a, fmt.Errorf(`clients needs "count", 1 to 16`)
		}
		a.Count = int(n.Int())
		a.Read = "linearizable"
		if r := v.Get("read"); r.Exists() {
			if _, err := ParseReadMode(r.String()); err != nil || r.Type != gjson.String {
				return a, fmt.Errorf(`clients: "read" is linearizable, lease or serializable`)
			}
			a.Read = r.String()
		}
	case "console":
		l := v.Get("line")
		if l.Type != gjson.String || strings.TrimSpace(l.String()) == "" {
			return a, fmt.Errorf(`console needs "line", an etcdctl command such as "get /foo"`)
		}
		a.Line = l.String()
		a.Via = optional("via")
	case "loss":
		// Without from or to, the rate applies to every link from or to any node.
		a.From, a.To = optional("from"), optional("to")
		r := v.Get("rate")
		if r.Type != gjson.Number || r.Num < 0 || r.Num > 1 {
			return a, fmt.Errorf(`loss needs "rate", a probability from 0 to 1`)
		}
		a.Rate = r.Num
	case "speed":
		x := v.Get("x")
		if x.Type != gjson.Number || x.Num <= 0 || x.Num > 1000 {
			return a, fmt.Errorf(`speed needs "x", a number in (0, 1000]`)
		}
		a.X = x.Num
	case "reset":
		if s := v.Get("seed"); s.Exists() {
			if s.Type != gjson.Number || float64(s.Int()) != s.Num {
				return a, fmt.Errorf(`reset: "seed" must be a whole number`)
			}
			a.Seed = s.Int()
		}
		if c := v.Get("config"); c.Exists() {
			cfg, err := ParseConfig(c, DefaultConfig())
			if err != nil {
				return a, fmt.Errorf("reset: %v", err)
			}
			if a.Seed == 0 && c.Get("seed").Exists() {
				a.Seed = cfg.Seed
			}
			a.Config = &cfg
		}
	case "crash-all", "restart-all", "heal", "pause", "play", "step":
	default:
		return a, fmt.Errorf("unknown op %q; known: %s", a.Op, strings.Join(Ops, ", "))
	}
	return a, err
}

func nodeID(v gjson.Result, field string) (uint64, error) {
	f := v.Get(field)
	if f.Type != gjson.Number || f.Num < 1 || float64(f.Uint()) != f.Num {
		return 0, fmt.Errorf("%s needs %q, a positive whole number", v.Get("op").String(), field)
	}
	return f.Uint(), nil
}

func parseGroups(g gjson.Result) ([][]uint64, error) {
	if !g.IsArray() {
		return nil, fmt.Errorf(`partition needs "groups", an array of arrays of node IDs, e.g. [[1,2],[3,4,5]]`)
	}
	var groups [][]uint64
	var err error
	g.ForEach(func(i, grp gjson.Result) bool {
		if !grp.IsArray() {
			err = fmt.Errorf("partition: groups[%d] must be an array of node IDs", i.Int())
			return false
		}
		var ids []uint64
		grp.ForEach(func(j, id gjson.Result) bool {
			if id.Type != gjson.Number || id.Num < 1 || float64(id.Uint()) != id.Num {
				err = fmt.Errorf("partition: groups[%d][%d] must be a node ID", i.Int(), j.Int())
				return false
			}
			ids = append(ids, id.Uint())
			return true
		})
		groups = append(groups, ids)
		return err == nil
	})
	return groups, err
}

func kindOf(v gjson.Result) string {
	switch {
	case v.IsArray():
		return "an array"
	case v.IsObject():
		return "an object"
	}
	return strings.ToLower(v.Type.String())
}
