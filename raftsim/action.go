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
	// N is how many ticks a tick action runs; Until names the timer it
	// runs up to instead (manual mode).
	N     int       `json:"n,omitempty"`
	Until TickUntil `json:"until,omitempty"`
	// Read is how the checking clients a clients action adds read.
	Read v2store.ReadMode `json:"read,omitempty"`
	// As is what add-member adds the new node as: MemberLearner or
	// MemberVoter.
	As MemberKind `json:"as,omitempty"`
	// Name is add-member's name for the new node (etcd's --name); empty
	// calls it "n" and its ID.
	Name string `json:"name,omitempty"`
	// Joint makes add-member, promote or remove-member take raft's joint
	// consensus (a ConfChangeV2) rather than etcd's single step, whatever
	// the run's conf_change says.
	Joint bool `json:"joint,omitempty"`
	// API is the etcd API stress writers and checking clients use: 3, or
	// 2 (the default, 0).
	API int `json:"api,omitempty"`
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
// its op does not use are left out, but a field its kind lists in zero is
// written even at its zero value ("on" for the ops that take it, "rate" for
// loss), or turning stress off or clearing a loss would not replay.
func (a Action) MarshalJSON() ([]byte, error) {
	type fields Action // the same fields, without this method
	b, err := json.Marshal(fields(a))
	if err != nil {
		return b, err
	}
	if k := kindOfOp(a.Op); k != nil {
		for _, member := range k.zero {
			if name, _, _ := strings.Cut(member[1:], `"`); !gjson.GetBytes(b, name).Exists() {
				b = append(append(b[:len(b)-1], ','), member+"}"...)
			}
		}
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
// each name is written once, in its kind's file (act_*.go), and every caller
// uses the constants.
type ActionOp string

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
	k := kindOfOp(a.Op)
	if k == nil {
		return a, fmt.Errorf("unknown op %q; known: %s", a.Op, actionOpNames())
	}
	r := fieldReader{v: v, op: a.Op}
	if k.parse != nil {
		k.parse(&r, &a)
	}
	// JSON cannot carry other bytes: the action log would write them as
	// U+FFFD, and a replay would do another action.
	if r.err == nil && !utf8.ValidString(a.Key+a.Value+a.Line+a.Name) {
		r.err = fmt.Errorf("%s: key, value, line and name must be UTF-8 text", a.Op)
	}
	return a, r.err
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
