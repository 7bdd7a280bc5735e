package main

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"raftplay/raftsim/scenario"
	"raftplay/raftsim/storyedit"
)

// The story editor's panel is HTML beside the canvas, not drawn in it: a
// caption and a question are text of any length, typed, pasted, corrected
// and read back by a screen reader, and on a phone they need the on-screen
// keyboard; real fields give all of that, and Tab reaches every control.
// Every control carries data-cmd (and data-step, data-text), which the
// panel's one click handler turns into an editorCommand; data-key names it
// so that focus stays on it when the panel is drawn again.

// html is the panel's content for the view.
func (v editorView) html() string {
	var b strings.Builder
	b.WriteString(`<div class="ed-head"><h2 id="raftplay-editor-heading">Write your own story</h2>`)
	button(&b, "close", 0, "Close", "Close the story editor (Esc)")
	b.WriteString(`</div>`)
	b.WriteString(`<p class="ed-status" role="status" id="raftplay-editor-status">` + html.EscapeString(v.status()) + `</p>`)
	b.WriteString(`<div class="ed-row">`)
	if v.Recording {
		button(&b, "stop", 0, "Stop recording", "")
	} else {
		button(&b, "record", 0, "Record", "Record the actions you take from now as the story's steps")
	}
	if len(v.Steps) > 0 && !v.Recording {
		button(&b, "play", 0, "Play story", "Play the story from its first step")
		button(&b, "export", 0, "Export file", "Download the story file (cmd/sim -scenario plays it)")
		button(&b, "share", 0, "Share link", "A link that opens this story")
		button(&b, "discard", 0, "Discard", "Throw this story away")
	}
	b.WriteString(`</div>`)
	if v.Problem != "" {
		b.WriteString(`<p class="ed-fail" role="alert">` + html.EscapeString(v.Problem) + `</p>`)
	}
	if v.Link != "" {
		b.WriteString(`<label class="ed-field">Link to this story <input id="raftplay-editor-link" readonly data-key="link" value="` + html.EscapeString(v.Link) + `"></label>`)
	}
	if len(v.Steps) == 0 {
		b.WriteString(`<p class="ed-help">Press Record, then crash nodes, write, partition — whatever the story should show. Each action becomes a step. Stop, then caption each step and pick what it should check.</p>`)
		return b.String()
	}
	b.WriteString(`<label class="ed-field">Title <input data-field="title" data-key="title" value="` + html.EscapeString(v.Title) + `"></label>`)
	b.WriteString(`<ol class="ed-steps">`)
	for i, s := range v.Steps {
		v.step(&b, i+1, s, len(v.Steps))
	}
	b.WriteString(`</ol>`)
	return b.String()
}

// status is the panel's line saying what the editor does now.
func (v editorView) status() string {
	switch {
	case v.Note != "":
		return v.Note
	case v.Recording:
		return fmt.Sprintf("● Recording: %d actions so far. Each action you take becomes a step.", v.Recorded)
	case len(v.Steps) == 0:
		return "No story yet."
	}
	return fmt.Sprintf("%d steps. Kept in this browser as you edit.", len(v.Steps))
}

func (v editorView) step(b *strings.Builder, n int, s stepView, steps int) {
	fmt.Fprintf(b, `<li class="ed-step"><div class="ed-steph">Step %d · %s`, n, seconds(s.RunMs))
	if len(s.Actions) > 0 {
		b.WriteString(" · " + html.EscapeString(strings.Join(s.Actions, "; ")))
	}
	b.WriteString(`</div>`)
	fmt.Fprintf(b, `<textarea rows="2" data-field="caption" data-step="%d" data-key="caption:%d" aria-label="Caption of step %d">%s</textarea>`, n, n, n, html.EscapeString(s.Caption))
	b.WriteString(`<div class="ed-row">`)
	button(b, "try", n, "Try", fmt.Sprintf("Play the story up to step %d, then step %d", n, n))
	if n > 1 {
		button(b, "up", n, "↑", fmt.Sprintf("Move step %d up", n))
	}
	if n < steps {
		button(b, "down", n, "↓", fmt.Sprintf("Move step %d down", n))
	}
	if n > 1 {
		button(b, "join", n, "Join", fmt.Sprintf("Join step %d to step %d", n, n-1))
	}
	button(b, "shorter", n, "−½ s", fmt.Sprintf("Step %d runs half a second less", n))
	button(b, "longer", n, "+½ s", fmt.Sprintf("Step %d runs half a second more", n))
	button(b, "delete", n, "Delete", fmt.Sprintf("Delete step %d", n))
	b.WriteString(`</div>`)
	if len(s.Expect) > 0 {
		fmt.Fprintf(b, `<fieldset class="ed-expect"><legend>Step %d checks, at its end:</legend>`, n)
		for j, x := range s.Expect {
			checked := ""
			if x.On {
				checked = " checked"
			}
			fmt.Fprintf(b, `<label><input type="checkbox" data-cmd="expect" data-step="%d" data-text="%s" data-key="expect:%d:%d"%s> %s</label>`,
				n, html.EscapeString(x.JSON), n, j, checked, html.EscapeString(x.Words))
		}
		b.WriteString(`</fieldset>`)
	}
	for _, f := range s.Failures {
		b.WriteString(`<p class="ed-fail">Did not hold: ` + html.EscapeString(f) + `</p>`)
	}
	switch {
	case v.Asking == n:
		questionForm(b, n, s.Question)
	case s.Question != nil:
		b.WriteString(`<p class="ed-q">Asks: ` + html.EscapeString(s.Question.Ask) + ` (right: ` + html.EscapeString(s.Question.Right) + `)</p><div class="ed-row">`)
		button(b, "ask", n, "Edit question", "")
		button(b, "unquestion", n, "Remove question", "")
		b.WriteString(`</div>`)
	default:
		b.WriteString(`<div class="ed-row">`)
		button(b, "ask", n, "Add a question", fmt.Sprintf("Ask the class a question before step %d runs", n))
		b.WriteString(`</div>`)
	}
	b.WriteString(`</li>`)
}

// questionKinds are the kinds a question may have, as the form offers
// them.
var questionKinds = [][2]string{
	{scenario.KindNode, "a node"}, {scenario.KindYesNo, "yes or no"},
	{scenario.KindNumber, "a number"}, {scenario.KindWord, "a word"},
}

// questionForm is the form that writes step n's question, filled with q's.
func questionForm(b *strings.Builder, n int, q *storyedit.QuestionForm) {
	if q == nil {
		q = &storyedit.QuestionForm{Kind: scenario.KindNode}
	}
	fmt.Fprintf(b, `<fieldset class="ed-qform" id="raftplay-editor-question"><legend>Question before step %d runs</legend>`, n)
	field(b, "ask", "Question", q.Ask)
	b.WriteString(`<label class="ed-field">Answer is <select data-q="kind" data-key="q:kind">`)
	for _, k := range questionKinds {
		sel := ""
		if k[0] == q.Kind {
			sel = " selected"
		}
		fmt.Fprintf(b, `<option value="%s"%s>%s</option>`, k[0], sel, k[1])
	}
	b.WriteString(`</select></label>`)
	field(b, "choices", "Choices, by commas (a node question may leave them out: every node)", q.Choices)
	field(b, "right", "Right answer(s), by commas", q.Right)
	field(b, "explain", "Explanation, shown once answered", q.Explain)
	b.WriteString(`<div class="ed-row">`)
	button(b, "question", n, "Save question", "")
	button(b, "cancel", n, "Cancel", "")
	b.WriteString(`</div></fieldset>`)
}

// field is one text field of the question form.
func field(b *strings.Builder, name, label, value string) {
	fmt.Fprintf(b, `<label class="ed-field">%s <input data-q="%s" data-key="q:%s" value="%s"></label>`, html.EscapeString(label), name, name, html.EscapeString(value))
}

// button writes a control that sends cmd for step n (0: the story);
// title, when given, is its tooltip and spoken name.
func button(b *strings.Builder, cmd string, n int, label, title string) {
	fmt.Fprintf(b, `<button type="button" data-cmd="%s" data-step="%d" data-key="%s:%d"`, cmd, n, cmd, n)
	if title != "" {
		fmt.Fprintf(b, ` title="%s" aria-label="%s"`, html.EscapeString(title), html.EscapeString(title))
	}
	b.WriteString(`>` + html.EscapeString(label) + `</button>`)
}

// seconds is a step's length as the panel says it.
func seconds(ms int64) string {
	return strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64) + " s"
}
