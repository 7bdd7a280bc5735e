package scene

import "math"

// Sizes of the console, in CSS pixels.
const (
	// consoleMinRows is the least transcript worth showing: a command and
	// its answer, and the line before.
	consoleMinRows = 3
	consoleInputH  = 26.0
	// consoleShare is the part of the event panel the console takes when
	// both fit.
	consoleShare = 0.55
)

// ConsolePrompt starts the console's input line, as a shell would show it.
const ConsolePrompt = "$ etcdctl "

// consoleMinH is the height of a console with consoleMinRows of transcript.
func (l *Layout) consoleMinH() float64 {
	return (2*Pad+consoleMinRows*FontSmall*LineH+Pad+consoleInputH)*l.Scale + l.btnH()
}

// LayConsole makes room for the console at the bottom of the side area,
// where the log strips and the event log are, so it never covers the ring
// or moves it. The event log keeps what is left above the console when that
// is worth showing; otherwise it gives way, and on a short screen the log
// strips give up rows too.
func (l *Layout) LayConsole() {
	u := l.Scale
	gap := Pad * u
	// The side area starts at the log strips, or the event log when the
	// strips are not shown; with neither (panels=none) the console rises
	// over the foot of the stage.
	side := l.Logs
	if side.Empty() {
		side = l.Events
	}
	if side.Empty() {
		side = l.Diagram
	}
	if side.Empty() {
		side = Rect{Pad * u, l.Stage.Y, l.W - 2*Pad*u, l.H - l.Stage.Y}
	}
	top, bottom := side.Y, l.H-gap
	minH := l.consoleMinH()
	h := minH
	if ev := l.Events; !ev.Empty() {
		h = math.Max(minH, consoleShare*ev.H)
		if ev.H-h-gap < minEventsH*u {
			h = math.Max(minH, ev.H)
		}
	}
	h = math.Max(0, math.Min(h, bottom-top))
	l.Console = Rect{side.X, bottom - h, side.W, h}
	if above := l.Console.Y - gap - l.Events.Y; l.Events.Empty() || above < minEventsH*u {
		l.Events = Rect{}
	} else {
		l.Events.H = above
	}
	if !l.Diagram.Empty() && l.Diagram.Bottom() > l.Console.Y-gap {
		l.Diagram.H = l.Console.Y - gap - l.Diagram.Y
		if l.Diagram.H < (minDiagramH+2*diagramHeaderH)*u {
			l.Diagram = Rect{}
		}
	}
	if !l.Logs.Empty() && l.Logs.Bottom() > l.Console.Y-gap {
		l.Logs.H = l.Console.Y - gap - l.Logs.Y
		if l.Logs.H < l.LogHead()+float64(l.Nodes)*12*u {
			l.Logs = Rect{}
		}
	}
}

// ConsoleView is where the parts of the open console go: a panel with its
// title and its buttons (the node it talks to, Close) in the top row, the
// transcript under them and the input line at the bottom.
type ConsoleView struct {
	Panel
	// Hint says which keys work, after the title, when there is room.
	Hint    string
	HintPos Point
	// Rows is the transcript's area; RowH the height of one of its rows.
	Rows Rect
	RowH float64
	// Input is the input field; Text is the part of the prompt and line
	// that fits in it, at TextPos, and Caret is where the next character goes.
	Input   Rect
	Text    string
	TextPos Point
	Caret   Point
}

// The console's hints: its keys, or how to get back to the newest lines.
const (
	consoleHint     = "Enter runs · ↑ ↓ history · Esc closes"
	consoleScrolled = "scrolled back · PgDn"
)

// ConsolePanel lays out the console in l.Console, with the via button
// labelled via and the line being typed; scrolled says the transcript shows
// older lines than the newest.
func (l *Layout) ConsolePanel(via, input string, scrolled bool, measure Measure) ConsoleView {
	u := l.Scale
	r := l.Console
	v := ConsoleView{Panel: Panel{Rect: r, Title: "etcdctl console"}}
	v.TitlePos = Point{r.X + Pad*u, r.Y + Pad*u + (l.btnH()-FontUI*LineH*u)/2}
	v.Buttons = []Button{
		{Cmd: CmdConsoleVia, Label: via},
		{Cmd: CmdConsole, Label: "Close", Key: "Esc"},
	}
	if l.Compact {
		v.Buttons[1].Key = ""
	}
	x := r.Right() - Pad*u
	for i := len(v.Buttons) - 1; i >= 0; i-- {
		b := &v.Buttons[i]
		b.Rect = Rect{0, r.Y + Pad*u, l.buttonW(b.Label, "", b.Key, measure), l.btnH()}
		x -= b.Rect.W
		b.Rect.X = x
		x -= buttonGap * u
	}
	hintX := v.TitlePos.X + measure(v.Title, FontUI*u) + 10*u
	small := FontSmall * u
	hint := consoleHint
	if scrolled {
		hint = consoleScrolled
	}
	if hintX+measure(hint, small)+Pad*u <= x {
		v.Hint = hint
		v.HintPos = Point{hintX, v.TitlePos.Y + (FontUI-FontSmall)*u*LineH/2}
	}
	v.RowH = small * LineH
	inputH := consoleInputH * u
	v.Input = Rect{r.X + Pad*u, r.Bottom() - Pad*u - inputH, r.W - 2*Pad*u, inputH}
	top := r.Y + Pad*u + l.btnH() + Pad*u/2
	v.Rows = Rect{r.X + Pad*u, top, r.W - 2*Pad*u, math.Max(0, v.Input.Y-Pad*u/2-top)}
	inner := v.Input.W - 12*u
	v.Text = FitTail(ConsolePrompt+input, inner, FontUI*u, measure)
	v.TextPos = Point{v.Input.X + 6*u, v.Input.Y + (inputH-FontUI*u*LineH)/2}
	v.Caret = Point{v.TextPos.X + measure(v.Text, FontUI*u), v.Input.Y + 5*u}
	return v
}

// FitTail shortens text from the front, with an ellipsis, to fit in w at
// size: the end of a long input line is where the typing happens.
func FitTail(text string, w, size float64, measure Measure) string {
	if measure(text, size) <= w {
		return text
	}
	r := []rune(text)
	lo, hi := 0, len(r) // dropping hi runes fits, dropping lo does not
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if measure("…"+string(r[mid:]), size) <= w {
			hi = mid
		} else {
			lo = mid
		}
	}
	if hi == len(r) {
		return ""
	}
	return "…" + string(r[hi:])
}
