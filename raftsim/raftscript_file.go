package raftsim

import (
	"fmt"
	"strings"
)

// ScriptStep is one command of a raft interaction script, as its file
// holds it: the comment before it, the command, and the output the file
// expects.
type ScriptStep struct {
	// Comment is the comment lines before the command, as written (with
	// their "#" and the blank lines between them).
	Comment string
	Line    string // the command line as written
	Command ScriptCommand
	Want    string
	// Pos is where the command is in the file ("campaign.txt:12").
	Pos string
}

// ParseScript reads a script in datadriven's format: comments (#), then a
// command line with its arguments, input lines, "----" and the expected
// output up to a blank line, or between "----\n----" lines when it holds
// blank lines itself.
func ParseScript(name, text string) ([]ScriptStep, error) {
	lines := strings.Split(text, "\n")
	var steps []ScriptStep
	var comment []string
	// blanks counts the blank lines after the one that ends a command's
	// output: the comment keeps them, so Format writes the file as it was.
	blanks := 0
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		switch {
		case line == "" && len(comment) > 0:
			comment = append(comment, "") // a blank line between paragraphs of a comment
			continue
		case line == "":
			blanks++
			continue
		}
		if len(comment) == 0 && len(steps) > 0 {
			for ; blanks > 0; blanks-- {
				comment = append(comment, "")
			}
		}
		blanks = 0
		switch {
		case strings.HasPrefix(line, "#"):
			comment = append(comment, strings.TrimRight(lines[i], "\r"))
			continue
		}
		st := ScriptStep{Comment: strings.Join(comment, "\n"), Line: line, Pos: fmt.Sprintf("%s:%d", name, i+1)}
		comment = nil
		cmd, args, err := parseScriptLine(line)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", st.Pos, err)
		}
		st.Command = ScriptCommand{Cmd: cmd, Args: args}
		var input []string
		for i++; i < len(lines) && lines[i] != "----"; i++ {
			input = append(input, lines[i])
		}
		st.Command.Input = strings.Join(input, "\n")
		if i >= len(lines) {
			return nil, fmt.Errorf("%s: no ---- after the command", st.Pos)
		}
		var want []string
		if i+1 < len(lines) && lines[i+1] == "----" {
			// The expected output holds blank lines: it runs to "----\n----".
			for i += 2; i < len(lines) && !(lines[i] == "----" && i+1 < len(lines) && lines[i+1] == "----"); i++ {
				want = append(want, lines[i])
			}
			i++
			if i+1 < len(lines) && lines[i+1] == "" {
				i++ // the blank line that ends the step
			}
		} else {
			for i++; i < len(lines) && lines[i] != ""; i++ {
				want = append(want, lines[i])
			}
		}
		st.Want = strings.Join(want, "\n")
		steps = append(steps, st)
	}
	return steps, nil
}

// RaftLines are the lines of a command's output that raft itself writes:
// its log lines and its descriptions of messages, without the indentation
// or the headers of the environment around them. They are what raftplay's
// nodes must print as raft's own test environment does.
func RaftLines(out string) []string {
	var keep []string
	for line := range strings.Lines(out) {
		l := strings.TrimSpace(line)
		l = strings.TrimPrefix(l, "dropped: ")
		if isRaftLogLine(l) || isMessageLine(l) {
			keep = append(keep, l)
		}
	}
	return keep
}

func isRaftLogLine(l string) bool {
	for _, lvl := range scriptLevels[:len(scriptLevels)-1] {
		if strings.HasPrefix(l, lvl+" ") {
			return true
		}
	}
	return false
}

// isMessageLine reports whether l is raft.DescribeMessage's "1->2 MsgApp …".
func isMessageLine(l string) bool {
	from, rest, ok := strings.Cut(l, "->")
	if !ok || from == "" || strings.Trim(from, "0123456789") != "" {
		return false
	}
	_, msg, ok := strings.Cut(rest, " ")
	return ok && strings.HasPrefix(msg, "Msg")
}

// Format writes the step as a script file holds it, with out as its
// output: the comment, the command and its input, "----" and out (between
// "----\n----" lines when out holds a blank line, as datadriven writes it).
func (st ScriptStep) Format(out string) string {
	var b strings.Builder
	if st.Comment != "" {
		b.WriteString(st.Comment + "\n")
	}
	b.WriteString(st.Line + "\n")
	if st.Command.Input != "" {
		b.WriteString(st.Command.Input + "\n")
	}
	out = strings.TrimRight(out, "\n")
	if strings.Contains(out, "\n\n") {
		return b.String() + "----\n----\n" + out + "\n----\n----\n"
	}
	return b.String() + "----\n" + out + "\n"
}

// RaftLinesDiffer compares raft's own lines of a command's output with
// those the script expects, in order, and returns the first pair that
// differs ("(nothing)" for a line missing on one side).
func RaftLinesDiffer(got, want string) (g, w string, differ bool) {
	gl, wl := RaftLines(got), RaftLines(want)
	for i := range max(len(gl), len(wl)) {
		g, w = "(nothing)", "(nothing)"
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return g, w, true
		}
	}
	return "", "", false
}

// ScriptArg is one argument of a script's command: a key ("1") or
// key=value, or key=(value, value, …).
type ScriptArg struct {
	Key  string
	Vals []string
}

// parseScriptLine splits a command line into the command and its
// arguments, as datadriven's ParseLine does for the forms raft's scripts
// use. datadriven itself is not imported: its package registers a
// -rewrite flag on the process's command line, which every program
// importing raftsim would then carry.
func parseScriptLine(line string) (string, []ScriptArg, error) {
	var fields []string
	depth, start := 0, -1
	for i, r := range line + " " {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth--; depth < 0 {
				return "", nil, fmt.Errorf("unbalanced ) in %q", line)
			}
		case r == ' ' && depth == 0:
			if start >= 0 {
				fields = append(fields, line[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if depth != 0 {
		return "", nil, fmt.Errorf("unbalanced ( in %q", line)
	}
	if len(fields) == 0 {
		return "", nil, fmt.Errorf("no command in %q", line)
	}
	var args []ScriptArg
	for _, f := range fields[1:] {
		key, val, ok := strings.Cut(f, "=")
		a := ScriptArg{Key: key}
		switch {
		case !ok:
		case strings.HasPrefix(val, "(") && strings.HasSuffix(val, ")"):
			for v := range strings.SplitSeq(val[1:len(val)-1], ",") {
				a.Vals = append(a.Vals, strings.TrimSpace(v))
			}
		default:
			a.Vals = []string{val}
		}
		args = append(args, a)
	}
	return fields[0], args, nil
}
