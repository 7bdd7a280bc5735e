package scenario

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// Question is what a step asks before it runs, so that the class predicts
// what happens and then watches whether it does. A headless run ignores it;
// the page asks it, shows the explanation once answered, and runs the step
// whatever the answer.
//
// Its JSON, the step's "question" field:
//
//	{"ask": "Who wins term 2?", "kind": "node", "choices": ["A", "C"],
//	 "right": ["C"], "explain": "…", "check": {"leader_is": "$choice"}}
//
// kind is "node" (choices are the story's node names; none given means every
// node), "yes_no" (the choices are yes and no), "number" (whole numbers) or
// "word" (any text, such as a write's label). check, when given, is a
// condition that holds at the step's end exactly when a choice is true:
// "$choice" in it stands for the choice (a node's ID, the number or the
// word); a yes_no question's check holds when the answer is yes.
type Question struct {
	Ask     string
	Kind    string
	Choices []string // as shown
	Right   []int    // the indexes of the right choices
	Explain string
	// checks[i] holds at the step's end exactly when choice i is true; for
	// a yes_no question one condition, whose truth answers yes. Empty when
	// the question has no check.
	checks []Condition
}

// The kinds of question.
const (
	KindNode   = "node"
	KindYesNo  = "yes_no"
	KindNumber = "number"
	KindWord   = "word"
)

var questionKinds = []string{KindNode, KindYesNo, KindNumber, KindWord}

// choiceVar is what a check writes where the choice goes.
const choiceVar = `"$choice"`

// IsRight reports whether choice i is one of the right ones.
func (q *Question) IsRight(i int) bool { return slices.Contains(q.Right, i) }

// Checked reports whether the question says how the run decides it.
func (q *Question) Checked() bool { return len(q.checks) > 0 }

// Truth reports, for each choice, whether the run made it true: the checks
// evaluated on o, the cluster at the step's end.
func (q *Question) truth(o observed) ([]bool, error) {
	if !q.Checked() {
		return nil, fmt.Errorf("the question has no check")
	}
	if q.Kind == KindYesNo {
		yes, err := q.checks[0].holds(o)
		return []bool{yes, !yes}, err
	}
	out := make([]bool, len(q.checks))
	for i, c := range q.checks {
		ok, err := c.holds(o)
		if err != nil {
			return nil, fmt.Errorf("choice %q: %v", q.Choices[i], err)
		}
		out[i] = ok
	}
	return out, nil
}

func (p *parser) question(v gjson.Result, path string) *Question {
	if !v.IsObject() {
		p.fail(path, "a question is a JSON object with ask, kind, choices, right and explain")
		return nil
	}
	p.known(v, path, "ask", "kind", "choices", "right", "explain", "check")
	q := &Question{
		Ask:     p.str(v.Get("ask"), join(path, "ask"), true),
		Kind:    p.str(v.Get("kind"), join(path, "kind"), true),
		Explain: p.str(v.Get("explain"), join(path, "explain"), true),
	}
	if q.Kind != "" && !slices.Contains(questionKinds, q.Kind) {
		p.fail(join(path, "kind"), "unknown kind %q (kinds: %s)", q.Kind, strings.Join(questionKinds, ", "))
		return q
	}
	raw := p.choices(q, v.Get("choices"), join(path, "choices"))
	p.right(q, v.Get("right"), join(path, "right"))
	if c := v.Get("check"); c.Exists() {
		p.checks(q, c, raw, join(path, "check"))
	}
	return q
}

// choices reads the choices as shown and returns each as the JSON value a
// check puts in place of "$choice".
func (p *parser) choices(q *Question, v gjson.Result, path string) []string {
	var raw []string
	switch {
	case q.Kind == KindYesNo:
		if v.Exists() {
			p.fail(path, "a yes_no question's choices are yes and no; leave choices out")
		}
		q.Choices = []string{"yes", "no"}
		return nil
	case q.Kind == KindNode && !v.Exists():
		for id := 1; id <= p.cfg.Nodes; id++ {
			q.Choices = append(q.Choices, p.cfg.NodeName(uint64(id)))
			raw = append(raw, strconv.Itoa(id))
		}
		return raw
	case !v.IsArray() || len(v.Array()) < 2:
		p.fail(path, "need an array of at least two choices")
		return nil
	}
	for i, c := range v.Array() {
		cp := fmt.Sprintf("%s[%d]", path, i)
		switch q.Kind {
		case KindNode:
			id := p.nodeNamed(c, cp)
			q.Choices = append(q.Choices, c.String())
			raw = append(raw, strconv.FormatUint(id, 10))
		case KindNumber:
			p.whole(c, cp, 0)
			if c.Type != gjson.Number {
				p.fail(cp, "need a whole number, got %s", c.Raw)
			}
			q.Choices = append(q.Choices, c.Raw)
			raw = append(raw, c.Raw)
		default:
			q.Choices = append(q.Choices, p.str(c, cp, true))
			raw = append(raw, c.Raw)
		}
		if slices.Contains(q.Choices[:len(q.Choices)-1], q.Choices[len(q.Choices)-1]) {
			p.fail(cp, "%s is a choice twice", c.Raw)
		}
	}
	return raw
}

// nodeNamed finds the node the story's config calls v.
func (p *parser) nodeNamed(v gjson.Result, path string) uint64 {
	id, names := p.nodeID(v)
	if id == 0 {
		p.fail(path, "%s is not a node of this story (its nodes: %s)", v.Raw, strings.Join(names, ", "))
	}
	return id
}

// nodeID returns the node the story's config calls v, or 0, and the names
// of every node.
func (p *parser) nodeID(v gjson.Result) (uint64, []string) {
	var names []string
	found := uint64(0)
	for id := 1; id <= p.cfg.Nodes; id++ {
		name := p.cfg.NodeName(uint64(id))
		if v.Type == gjson.String && v.String() == name {
			found = uint64(id)
		}
		names = append(names, name)
	}
	return found, names
}

// right reads the right choices: one, as the choice is written, or a list.
func (p *parser) right(q *Question, v gjson.Result, path string) {
	answers := v.Array()
	if !v.Exists() || len(answers) == 0 {
		p.fail(path, "a question needs a right answer: name one or more of its choices")
		return
	}
	for _, a := range answers {
		text := a.String()
		if q.Kind == KindNumber {
			text = a.Raw
		}
		i := slices.Index(q.Choices, text)
		switch {
		case q.Kind == KindNode && i < 0:
			if id, _ := p.nodeID(a); id == 0 {
				p.nodeNamed(a, path)
			} else {
				p.fail(path, "%s is not one of the choices (%s)", a.Raw, strings.Join(q.Choices, ", "))
			}
		case i < 0:
			p.fail(path, "%s is not one of the choices (%s)", a.Raw, strings.Join(q.Choices, ", "))
		case slices.Contains(q.Right, i):
			p.fail(path, "%s is named twice", a.Raw)
		default:
			q.Right = append(q.Right, i)
		}
	}
	if q.Kind == KindYesNo && len(q.Right) > 1 {
		p.fail(path, "a yes_no question has one right answer, yes or no")
	}
}

// checks reads the check once per choice, with the choice in place of
// "$choice", or once for a yes_no question.
func (p *parser) checks(q *Question, v gjson.Result, raw []string, path string) {
	has := strings.Contains(v.Raw, choiceVar)
	switch {
	case q.Kind == KindYesNo && has:
		p.fail(path, "a yes_no question's check holds when the answer is yes; it has no $choice")
		return
	case q.Kind == KindYesNo:
		q.checks = []Condition{p.condition(v, path)}
		return
	case !has:
		p.fail(path, "the check needs \"$choice\" where each choice goes, or every choice would be judged alike")
		return
	}
	for i, r := range raw {
		c := p.condition(gjson.Parse(strings.ReplaceAll(v.Raw, choiceVar, r)), fmt.Sprintf("%s (choice %s)", path, q.Choices[i]))
		q.checks = append(q.checks, c)
	}
}
