package scenario

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim/clients"
)

// answersAgainstRun plays sc and, at the end of each step that asks a
// question, compares the question's right answers with what the run made
// true. It returns the disagreements in words and how many questions it saw.
func answersAgainstRun(t *testing.T, sc *Scenario) ([]string, int) {
	t.Helper()
	sim, err := clients.New(sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPlayer(sim, sc)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var wrong []string
	asked := 0
	for {
		r := p.Finish()
		if q := p.Question(); q != nil {
			asked++
			truth, err := p.Truth()
			if err != nil {
				wrong = append(wrong, fmt.Sprintf("step %d: %v", r.Step+1, err))
			}
			for i, happened := range truth {
				if happened != q.IsRight(i) {
					wrong = append(wrong, fmt.Sprintf("step %d: %q is marked right=%v, but the run made it %v", r.Step+1, q.Choices[i], q.IsRight(i), happened))
				}
			}
		}
		if p.Last() {
			return wrong, asked
		}
		if err := p.Next(); err != nil {
			t.Fatal(err)
		}
	}
}

// Every built-in question's right answers are what the step makes happen on
// the story's seed, and its wrong answers are what it does not.
func TestBuiltinQuestionsAreAnsweredByTheRun(t *testing.T) {
	withQuestions := 0
	for _, name := range Builtins {
		sc, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range sc.Steps {
			if st.Question != nil && !st.Question.Checked() {
				t.Errorf("%s step %d: a built-in question needs a check, so the run can confirm its answer", name, i+1)
			}
		}
		wrong, asked := answersAgainstRun(t, sc)
		for _, w := range wrong {
			t.Errorf("%s %s", name, w)
		}
		if asked > 0 {
			withQuestions++
		}
	}
	if withQuestions < 4 {
		t.Errorf("%d built-in stories ask questions, want at least 4", withQuestions)
	}
}

// A question whose right answer the run refutes is caught: in the split
// vote B campaigns for term 2, so "A" cannot be the answer.
func TestAWrongAnswerIsRefutedByTheRun(t *testing.T) {
	sc := builtinWith(t, "split-vote", `"right": "B"`, `"right": "A"`)
	wrong, asked := answersAgainstRun(t, sc)
	if asked != 1 || len(wrong) != 2 {
		t.Fatalf("asked %d questions, disagreements %q; want 1 question and A and B both refuted", asked, wrong)
	}
	if !strings.Contains(wrong[0], `"A" is marked right=true, but the run made it false`) ||
		!strings.Contains(wrong[1], `"B" is marked right=false, but the run made it true`) {
		t.Errorf("disagreements %q, want A refuted and B shown to have happened", wrong)
	}
}

func builtinWith(t *testing.T, name, old, repl string) *Scenario {
	t.Helper()
	b, err := builtinFiles.ReadFile("builtin/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s holds no %s", name, old)
	}
	sc, err := Parse(strings.Replace(string(b), old, repl, 1))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// Asking a question changes nothing in the run: the story plays to the same
// state, byte for byte, with its questions and without them.
func TestQuestionsDoNotChangeTheRun(t *testing.T) {
	for _, name := range []string{"split-vote", "partition", "prevote"} {
		b, _ := builtinFiles.ReadFile("builtin/" + name + ".json")
		plain := string(b)
		for strings.Contains(plain, `"question"`) {
			start := strings.Index(plain, `"question"`)
			end := start + strings.Index(plain[start:], "\n")
			plain = plain[:start] + plain[end:]
		}
		final := func(js string) string {
			sc, err := Parse(js)
			if err != nil {
				t.Fatal(err)
			}
			sim, _ := clients.New(sc.Config)
			p, err := NewPlayer(sim, sc)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			p.RunAll()
			return string(sim.SnapshotJSON())
		}
		if a, b := final(string(b)), final(plain); a != b {
			t.Errorf("%s ends differently with its questions than without them", name)
		}
	}
}

// A step that asks stands at its start, its first actions not yet done,
// until the story advances: the page asks before anything happens.
func TestAQuestionStepWaitsBeforeItsActions(t *testing.T) {
	sc, err := Parse(`{"name":"q","title":"Q","config":{"nodes":3,"pre_vote":false,"names":["A","B","C"]},"steps":[
		{"caption":"A times out.","actions":[{"at_ms":0,"op":"timeout","node":1}],"run_ms":1,
		 "question":{"ask":"Who campaigns?","kind":"node","right":"A","explain":"A timed out.","check":{"role":{"node":"$choice","is":"candidate"}}}}]}`)
	if err != nil {
		t.Fatal(err)
	}
	sim, _ := clients.New(sc.Config)
	p, err := NewPlayer(sim, sc)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if got := sim.Snapshot().Nodes[0].Role; got != "follower" {
		t.Fatalf("before the answer A is %s, want follower: the step ran before its question", got)
	}
	if q := p.Question(); q == nil || strings.Join(q.Choices, ",") != "A,B,C" || !q.IsRight(0) {
		t.Fatalf("question %+v, want choices A, B, C with A right", q)
	}
	p.Advance(0)
	if got := sim.Snapshot().Nodes[0].Role; got != "candidate" {
		t.Errorf("once advanced A is %s, want candidate", got)
	}
}

// A question with no right answer, one naming a node the story does not
// have, or a check that cannot judge the choices is refused, saying where.
func TestBadQuestionsAreRefused(t *testing.T) {
	for _, tc := range []struct{ question, want string }{
		{`{"ask":"Who?","kind":"node","explain":"e"}`, `steps[0].question.right: a question needs a right answer`},
		{`{"ask":"Who?","kind":"node","right":[],"explain":"e"}`, `steps[0].question.right: a question needs a right answer`},
		{`{"ask":"Who?","kind":"node","right":"F","explain":"e"}`, `steps[0].question.right: "F" is not a node of this story (its nodes: A, B, C)`},
		{`{"ask":"Who?","kind":"node","choices":["A","Z"],"right":"A","explain":"e"}`, `steps[0].question.choices[1]: "Z" is not a node of this story`},
		{`{"ask":"Who?","kind":"node","choices":["A","B"],"right":"C","explain":"e"}`, `steps[0].question.right: "C" is not one of the choices (A, B)`},
		{`{"ask":"Ok?","kind":"yes_no","right":"maybe","explain":"e"}`, `"maybe" is not one of the choices (yes, no)`},
		{`{"ask":"How many?","kind":"number","choices":[1,2.5],"right":1,"explain":"e"}`, `choices[1]: need a whole number`},
		{`{"ask":"Who?","kind":"node","right":"A","explain":"e","check":{"leader_is":1}}`, `needs "$choice" where each choice goes`},
		{`{"ask":"Ok?","kind":"yes_no","right":"yes","explain":"e","check":{"leader_is":"$choice"}}`, `it has no $choice`},
		{`{"ask":"Who?","kind":"nodes","right":"A","explain":"e"}`, `unknown kind "nodes"`},
		{`{"ask":"Who?","kind":"node","right":"A"}`, `steps[0].question.explain: missing`},
	} {
		_, err := Parse(`{"name":"q","title":"Q","config":{"nodes":3,"names":["A","B","C"]},"steps":[{"caption":"c","run_ms":1,"question":` + tc.question + `}]}`)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("question %s: error %v, want one saying %q", tc.question, err, tc.want)
		}
	}
}
