package raftsim

import (
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

// The action registry. Each action kind is one value, in a file of its own
// named act_<op>.go (act_crash.go, act_lyingdisk.go, …) beside its table
// test: its JSON name and fields, how they are read and checked, how the
// action is done and when it is refused, its help line, and the faults a
// campaign may draw from it. ParseAction, Sim.Do, ActionHelp, Faults and
// AppOps read the registry; nothing else lists actions. The package doc
// says why the kinds are files of raftsim and not a package of their own.

// actionKind is everything the simulator knows of one action.
type actionKind struct {
	op ActionOp
	// fields is the action's JSON fields after "op" as the help shows
	// them, e.g. "{node, on}"; a field ending in "?" may be left out.
	fields string
	// help says what the action does, in a few words.
	help string
	// parse reads the action's fields into a and checks their shape; nil
	// for an action without fields.
	parse func(r *fieldReader, a *Action)
	// zero lists the fields written even at their zero value, as JSON
	// members (`"on":false`): left out, the action would read back as
	// another.
	zero []string
	// apply checks the action against the current state and does it, or
	// refuses it with a clear error and no change. Nil for an App's action
	// (app.go), which the App does.
	apply func(s *Sim, a *Action) error
	// faults are the ways a fault campaign draws this action; none for an
	// action that is no fault.
	faults []Fault
}

// actionKinds is the registry, in the order of the kinds' files.
var actionKinds []*actionKind

// register adds an action kind, from its file's init: a name registered
// twice is a programming error, caught by any test.
func register(k *actionKind) {
	if kindOfOp(k.op) != nil {
		panic("raftsim: action " + string(k.op) + " registered twice")
	}
	actionKinds = append(actionKinds, k)
	Ops = append(Ops, k.op)
	if k.apply == nil {
		AppOps = append(AppOps, k.op)
	}
}

// kindOfOp returns the registered kind of op, or nil.
func kindOfOp(op ActionOp) *actionKind {
	for _, k := range actionKinds {
		if k.op == op {
			return k
		}
	}
	return nil
}

// Ops lists every action the simulator accepts, in the registry's order.
var Ops []ActionOp

// AppOps lists the actions the simulator passes to its App.
var AppOps []ActionOp

// ActionHelpLine is one action as help shows it: its JSON op, its fields
// and what it does.
type ActionHelpLine struct{ Op, Fields, What string }

// ActionHelp lists every action with its fields and what it does, in the
// registry's order.
func ActionHelp() []ActionHelpLine {
	lines := make([]ActionHelpLine, len(actionKinds))
	for i, k := range actionKinds {
		lines[i] = ActionHelpLine{Op: string(k.op), Fields: k.fields, What: k.help}
	}
	return lines
}

// actionOpNames is Ops as text, for error messages.
func actionOpNames() string {
	names := make([]string, len(Ops))
	for i, op := range Ops {
		names[i] = string(op)
	}
	return strings.Join(names, ", ")
}

// fieldReader reads an action's JSON fields. A missing or bad ID is
// kept as the error and reading goes on (the first such one stays); a kind's
// parse calls fail for any other bad field and returns at once.
type fieldReader struct {
	v   gjson.Result
	op  ActionOp
	err error
}

// get returns field of the action's object.
func (r *fieldReader) get(field string) gjson.Result { return r.v.Get(field) }

// fail makes the error the action's: the parse returns after it.
func (r *fieldReader) fail(format string, args ...any) {
	r.err = fmt.Errorf(format, args...)
}

// id reads a required ID, a node's or a message's, from field.
func (r *fieldReader) id(field string) uint64 {
	if r.err != nil {
		return 0
	}
	f := r.get(field)
	if f.Type != gjson.Number || f.Num < 1 || float64(f.Uint()) != f.Num {
		r.err = fmt.Errorf("%s needs %q, a positive whole number", r.op, field)
		return 0
	}
	return f.Uint()
}

// optionalID reads an ID from field, or 0 when it is left out.
func (r *fieldReader) optionalID(field string) uint64 {
	if !r.get(field).Exists() {
		return 0
	}
	return r.id(field)
}

// onOff reads the required "on": true or false, the last field of the
// actions that take it.
func (r *fieldReader) onOff() bool {
	f := r.get("on")
	if f.Type != gjson.True && f.Type != gjson.False {
		r.fail(`%s needs "on": true or false`, r.op)
	}
	return f.Bool()
}

// api reads an action's optional "api": 3 for etcd's v3 API, 0 for v2's (2,
// or left out), so an action on v2 is written as it always was.
func (r *fieldReader) api() int {
	api := r.get("api")
	switch {
	case r.err != nil || !api.Exists():
		return 0
	case api.Type != gjson.Number || (api.Num != 2 && api.Num != 3):
		r.fail(`"api" is 2 or 3 (etcd's v2 or v3 API)`)
		return 0
	case api.Num == 3:
		return 3
	}
	return 0
}
