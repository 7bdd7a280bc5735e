package scenario

import (
	"fmt"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// Scenario is a parsed story.
type Scenario struct {
	Name   string
	Title  string
	Source string // where the story comes from, e.g. "The Secret Lives of Data"
	Config raftsim.Config
	Steps  []Step
}

// Step is one captioned part of a story.
type Step struct {
	Caption string
	// Remember binds names to values at the step's start, before its actions:
	// "leader" (the leader's ID) or "hash" (the hash the running nodes share).
	Remember []Binding
	Actions  []TimedAction
	// Until, when set, keeps the step running until it holds, for at most
	// WithinMs after the step's start.
	Until    *Condition
	WithinMs int64
	// RunMs is the least time the step lasts.
	RunMs  int64
	Expect []Condition
	// Question, when set, is asked before the step runs (question.go).
	Question *Question
}

// Binding remembers what (leader, hash) under Name.
type Binding struct{ Name, What string }

// TimedAction is an action at AtMs after its step's start. Its node fields
// may hold references, resolved when it is done.
type TimedAction struct {
	AtMs int64
	JSON string
	path string
}

// Parse reads a scenario. Errors name the field's path, e.g.
// `steps[2].expect[0]: unknown condition "leaders"`.
func Parse(js string) (*Scenario, error) {
	if !gjson.Valid(js) {
		return nil, fmt.Errorf("scenario is not valid JSON")
	}
	p := &parser{}
	sc := p.scenario(gjson.Parse(js))
	if len(p.errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(p.errs, "; "))
	}
	return sc, nil
}

// parser collects every problem in a file, each with its path.
type parser struct {
	errs []string
	// cfg is the story's config, read before its steps: conditions call
	// nodes what it names them.
	cfg raftsim.Config
}

func (p *parser) fail(path, format string, args ...any) {
	p.errs = append(p.errs, path+": "+fmt.Sprintf(format, args...))
}

func (p *parser) known(v gjson.Result, path string, fields ...string) {
	v.ForEach(func(k, _ gjson.Result) bool {
		for _, f := range fields {
			if k.String() == f {
				return true
			}
		}
		p.fail(join(path, k.String()), "unknown field (known: %s)", strings.Join(fields, ", "))
		return true
	})
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func (p *parser) str(v gjson.Result, path string, required bool) string {
	if !v.Exists() {
		if required {
			p.fail(path, "missing; need a string")
		}
		return ""
	}
	if v.Type != gjson.String {
		p.fail(path, "need a string, got %s", v.Raw)
		return ""
	}
	return v.String()
}

func (p *parser) whole(v gjson.Result, path string, min int64) int64 {
	if !v.Exists() {
		return 0
	}
	if v.Type != gjson.Number || float64(v.Int()) != v.Num || v.Int() < min {
		p.fail(path, "need a whole number >= %d, got %s", min, v.Raw)
		return 0
	}
	return v.Int()
}

func (p *parser) scenario(v gjson.Result) *Scenario {
	if !v.IsObject() {
		p.fail("(top)", "a scenario is a JSON object")
		return nil
	}
	p.known(v, "", "name", "title", "source", "config", "steps")
	sc := &Scenario{
		Name:   p.str(v.Get("name"), "name", true),
		Title:  p.str(v.Get("title"), "title", true),
		Source: p.str(v.Get("source"), "source", false),
		Config: p.config(v.Get("config"), "config"),
	}
	p.cfg = sc.Config
	steps := v.Get("steps")
	if !steps.IsArray() || len(steps.Array()) == 0 {
		p.fail("steps", "need a non-empty array of steps")
		return sc
	}
	for i, s := range steps.Array() {
		sc.Steps = append(sc.Steps, p.step(s, fmt.Sprintf("steps[%d]", i)))
	}
	return sc
}

// config reads the fields a scenario sets over raftsim.DefaultConfig.
func (p *parser) config(v gjson.Result, path string) raftsim.Config {
	c, err := raftsim.ParseConfig(v, raftsim.DefaultConfig())
	if err != nil {
		p.fail(path, "%v", err)
	}
	return c
}

func (p *parser) step(v gjson.Result, path string) Step {
	var s Step
	if !v.IsObject() {
		p.fail(path, "a step is a JSON object")
		return s
	}
	p.known(v, path, "caption", "remember", "actions", "until", "within_ms", "run_ms", "expect", "question")
	s.Caption = p.str(v.Get("caption"), join(path, "caption"), true)
	if q := v.Get("question"); q.Exists() {
		s.Question = p.question(q, join(path, "question"))
	}
	v.Get("remember").ForEach(func(k, w gjson.Result) bool {
		what := p.str(w, join(path, "remember."+k.String()), true)
		if what != "leader" && what != "hash" {
			p.fail(join(path, "remember."+k.String()), `can remember "leader" or "hash", got %q`, what)
		}
		s.Remember = append(s.Remember, Binding{Name: k.String(), What: what})
		return true
	})
	if a := v.Get("actions"); a.Exists() && !a.IsArray() {
		p.fail(join(path, "actions"), "need an array of actions")
	}
	last := int64(0)
	for i, a := range v.Get("actions").Array() {
		ap := fmt.Sprintf("%s.actions[%d]", path, i)
		at := p.whole(a.Get("at_ms"), ap+".at_ms", 0)
		if at < last {
			p.fail(ap+".at_ms", "%d is before the previous action's %d", at, last)
		}
		last = at
		if _, err := raftsim.ParseAction(withRefs(a, func(gjson.Result) uint64 { return 1 })); err != nil {
			p.fail(ap, "%v", err)
		}
		p.refs(a, ap)
		s.Actions = append(s.Actions, TimedAction{AtMs: at, JSON: a.Raw, path: ap})
	}
	if u := v.Get("until"); u.Exists() {
		c := p.condition(u, join(path, "until"))
		s.Until = &c
		s.WithinMs = p.whole(v.Get("within_ms"), join(path, "within_ms"), 1)
		if s.WithinMs == 0 {
			p.fail(join(path, "within_ms"), "a step with until needs within_ms, its time limit")
		}
	} else if v.Get("within_ms").Exists() {
		p.fail(join(path, "within_ms"), "only a step with until has a time limit")
	}
	s.RunMs = p.whole(v.Get("run_ms"), join(path, "run_ms"), 0)
	if e := v.Get("expect"); e.Exists() && !e.IsArray() {
		p.fail(join(path, "expect"), "need an array of conditions")
	}
	for i, e := range v.Get("expect").Array() {
		s.Expect = append(s.Expect, p.condition(e, fmt.Sprintf("%s.expect[%d]", path, i)))
	}
	return s
}

// refs checks the node references an action holds.
func (p *parser) refs(a gjson.Result, path string) {
	for _, f := range refFields {
		if v := a.Get(f); v.Type == gjson.String {
			if _, err := parseRef(v); err != nil {
				p.fail(join(path, f), "%v", err)
			}
		}
	}
}
