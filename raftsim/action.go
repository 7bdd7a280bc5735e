package raftsim

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"raftplay/raftsim/v2store"
)

// Action is one thing done to the simulation: by a click, a key, a URL
// parameter, a host page, a scenario or a test. Its JSON form is the one the
// README's "Actions" section lists, e.g. {"op":"crash","node":2}. Fields an op
// does not use are zero.
type Action struct {
	Op      ActionOp   `json:"op"`
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
	// API is the etcd API stress writers and checking clients use: 3, or
	// 2 (the default, 0).
	API int `json:"api,omitempty"`
	// As is what add-member adds the new node as: "learner" or "voter".
	As string `json:"as,omitempty"`
	// Name is add-member's name for the new node (etcd's --name); empty
	// calls it "n" and its ID.
	Name string `json:"name,omitempty"`
	// Config is what a reset starts the new run with: the etcd defaults
	// under the fields given. Nil keeps the current run's config. Its Seed
	// is 0 when the config names none: the run's seed is kept.
	Config *Config `json:"config,omitempty"`
}

// ActionRecord is an applied action with the virtual time it was applied at,
// as kept in the action log and read from action files.
type ActionRecord struct {
	AtMs int64 `json:"at_ms"`
	// Fired is how many events the run had processed when the action was
	// done. It tells apart two moments of one millisecond (a story acts at the
	// event that makes its condition hold, before the others due then); 0, as
	// in hand-written files, means after every event due by AtMs.
	Fired uint64 `json:"fired,omitempty"`
	Action
}

// MarshalJSON writes the action in the form ParseAction reads: the fields
// its op does not use are left out, but a field the op needs is written even
// at its zero value ("on" for the ops that take it, "rate" for loss), or
// turning stress off or clearing a loss would not replay.
func (a Action) MarshalJSON() ([]byte, error) {
	type fields Action // the same fields, without this method
	b, err := json.Marshal(fields(a))
	switch {
	case err != nil:
		return b, err
	case !a.On && (a.Op == ActStress || a.Op == ActLyingDisk):
		return append(b[:len(b)-1], `,"on":false}`...), nil
	case a.Rate == 0 && a.Op == ActLoss:
		return append(b[:len(b)-1], `,"rate":0}`...), nil
	}
	return b, nil
}

// MarshalJSON writes the record as its action with "at_ms" (and "fired")
// first.
func (r ActionRecord) MarshalJSON() ([]byte, error) {
	b, err := r.Action.MarshalJSON()
	if err != nil {
		return nil, err
	}
	head := fmt.Appendf(nil, `{"at_ms":%d,`, r.AtMs)
	if r.Fired != 0 {
		head = fmt.Appendf(head, `"fired":%d,`, r.Fired)
	}
	return append(head, b[1:]...), nil
}

// ActionOp names what an action does. Its value is the action's JSON "op":
// each name is written here once, and every caller uses the constants.
type ActionOp string

// The actions the simulator accepts.
const (
	ActCrash      ActionOp = "crash"       // stop a running node; what its disk did not sync is lost
	ActRestart    ActionOp = "restart"     // start a crashed node again from its disk
	ActCrashAll   ActionOp = "crash-all"   // crash every running node
	ActRestartAll ActionOp = "restart-all" // restart every crashed node
	ActPartition  ActionOp = "partition"   // split the network into groups that cannot reach each other
	ActHeal       ActionOp = "heal"        // join the partition's groups again
	ActPut        ActionOp = "put"         // a client write, through the leader or a named node
	ActTimeout    ActionOp = "timeout"     // make a node campaign now, as if its election timer fired
	ActTransfer   ActionOp = "transfer"    // hand leadership to a node
	ActDrop       ActionOp = "drop"        // lose one message in flight
	ActLoss       ActionOp = "loss"        // set the loss rate of links
	ActConsole    ActionOp = "console"     // an etcdctl command line
	ActStress     ActionOp = "stress"      // stress writers on or off
	ActClients    ActionOp = "clients"     // add checking clients
	ActLyingDisk  ActionOp = "lying-disk"  // make a node's disk acknowledge writes before they are durable, or stop
	ActPause      ActionOp = "pause"       // stop the virtual clock
	ActPlay       ActionOp = "play"        // run the virtual clock
	ActStep       ActionOp = "step"        // process exactly one event
	ActSpeed      ActionOp = "speed"       // set virtual milliseconds per wall millisecond
	ActReset      ActionOp = "reset"       // start a new run, with a seed or the same one

	ActAddMember    ActionOp = "add-member"    // a new node joins, as a learner or a voter (membership.go)
	ActPromote      ActionOp = "promote"       // make a learner a voter
	ActRemoveMember ActionOp = "remove-member" // take a member out of the cluster; it stops for good
)

// Ops lists every action the simulator accepts, in the order help texts show them.
var Ops = []ActionOp{
	ActCrash, ActRestart, ActCrashAll, ActRestartAll, ActPartition, ActHeal, ActPut,
	ActTimeout, ActTransfer, ActDrop, ActLoss, ActConsole, ActStress, ActClients,
	ActLyingDisk, ActPause, ActPlay, ActStep, ActSpeed, ActReset,
	ActAddMember, ActPromote, ActRemoveMember,
}

// actionOpNames is Ops as text, for error messages.
func actionOpNames() string {
	names := make([]string, len(Ops))
	for i, op := range Ops {
		names[i] = string(op)
	}
	return strings.Join(names, ", ")
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
		fired := v.Get("fired")
		if fired.Exists() && (fired.Type != gjson.Number || fired.Num < 0 || float64(fired.Uint()) != fired.Num) {
			err = fmt.Errorf("actions[%d].fired: need a whole number of events >= 0", i.Int())
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
		recs = append(recs, ActionRecord{AtMs: at.Int(), Fired: fired.Uint(), Action: a})
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
		return Action{}, fmt.Errorf(`action needs "op", one of %s`, actionOpNames())
	}
	a := Action{Op: ActionOp(op.String())}
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
	case ActCrash, ActRestart, ActTimeout, ActPromote, ActRemoveMember:
		a.Node = need("node")
	case ActAddMember:
		err = parseAddMember(v, &a)
	case ActTransfer:
		a.To = need("to")
	case ActDrop:
		a.Message = need("message")
	case ActPut:
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
	case ActPartition:
		a.Groups, err = parseGroups(v.Get("groups"))
	case ActLyingDisk:
		a.Node = need("node")
		on := v.Get("on")
		if on.Type != gjson.True && on.Type != gjson.False {
			return a, fmt.Errorf(`lying-disk needs "on": true or false`)
		}
		a.On = on.Bool()
	case ActStress:
		on := v.Get("on")
		if on.Type != gjson.True && on.Type != gjson.False {
			return a, fmt.Errorf(`stress needs "on": true or false`)
		}
		a.On = on.Bool()
		if a.API, err = readAPI(v); err != nil {
			return a, err
		}
	case ActClients:
		n := v.Get("count")
		if n.Type != gjson.Number || n.Num < 1 || n.Num > 16 || float64(n.Int()) != n.Num {
			return a, fmt.Errorf(`clients needs "count", 1 to 16`)
		}
		a.Count = int(n.Int())
		a.Read = v2store.ReadLinearizable.String()
		if r := v.Get("read"); r.Exists() {
			if _, err := v2store.ParseReadMode(r.String()); err != nil || r.Type != gjson.String {
				return a, fmt.Errorf(`clients: "read" is linearizable, lease or serializable`)
			}
			a.Read = r.String()
		}
		if a.API, err = readAPI(v); err != nil {
			return a, err
		}
	case ActConsole:
		l := v.Get("line")
		// A blank line (no "line": the action log leaves it out) is a
		// txn's separator; alone it does nothing, as a shell's empty prompt.
		if l.Exists() && l.Type != gjson.String {
			return a, fmt.Errorf(`console needs "line", an etcdctl command such as "get foo"`)
		}
		a.Line = l.String()
		a.Via = optional("via")
	case ActLoss:
		// Without from or to, the rate applies to every link from or to any node.
		a.From, a.To = optional("from"), optional("to")
		r := v.Get("rate")
		if r.Type != gjson.Number || r.Num < 0 || r.Num > 1 {
			return a, fmt.Errorf(`loss needs "rate", a probability from 0 to 1`)
		}
		a.Rate = r.Num
	case ActSpeed:
		x := v.Get("x")
		if x.Type != gjson.Number || x.Num <= 0 || x.Num > 1000 {
			return a, fmt.Errorf(`speed needs "x", a number in (0, 1000]`)
		}
		a.X = x.Num
	case ActReset:
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
			if !c.Get("seed").Exists() {
				// The default seed is no choice of the user's: the reset
				// keeps the run's seed (or takes "seed"), and the action
				// written out must read back as the same action.
				cfg.Seed = 0
			} else if a.Seed == 0 {
				a.Seed = cfg.Seed
			}
			a.Config = &cfg
		}
	case ActCrashAll, ActRestartAll, ActHeal, ActPause, ActPlay, ActStep:
	default:
		return a, fmt.Errorf("unknown op %q; known: %s", a.Op, actionOpNames())
	}
	// JSON cannot carry other bytes: the action log would write them as
	// U+FFFD, and a replay would do another action.
	if err == nil && !utf8.ValidString(a.Key+a.Value+a.Line+a.Name) {
		err = fmt.Errorf("%s: key, value, line and name must be UTF-8 text", a.Op)
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
	if !g.IsArray() || len(g.Array()) == 0 {
		return nil, fmt.Errorf(`partition needs "groups", an array of arrays of node IDs, e.g. [[1,2],[3,4,5]]`)
	}
	var groups [][]uint64
	var err error
	g.ForEach(func(i, grp gjson.Result) bool {
		if !grp.IsArray() {
			err = fmt.Errorf("partition: groups[%d] must be an array of node IDs", i.Int())
			return false
		}
		if len(grp.Array()) == 0 {
			err = fmt.Errorf("partition: groups[%d] is empty", i.Int())
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

// readAPI reads an action's "api": 3 for etcd's v3 API, 0 for v2's (2, or
// none given).
func readAPI(v gjson.Result) (int, error) {
	api := v.Get("api")
	switch {
	case !api.Exists():
		return 0, nil
	case api.Type != gjson.Number || (api.Num != 2 && api.Num != 3):
		return 0, fmt.Errorf(`"api" is 2 or 3 (etcd's v2 or v3 API)`)
	case api.Num == 3:
		return 3, nil
	}
	return 0, nil
}
