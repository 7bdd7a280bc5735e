package scene

// LineKind says what a console line is, for its colour.
type LineKind uint8

// The kinds of console lines.
const (
	// LineAnswer is what etcdctl printed.
	LineAnswer LineKind = iota
	// LineCommand is a typed command, echoed with the node it went to.
	LineCommand
	// LineError is an error: etcdctl's, or the console refusing a line.
	LineError
	// LineHint is the console's own help.
	LineHint
)

// ConsoleLine is one line of the console's transcript.
type ConsoleLine struct {
	Text string
	Kind LineKind
}

// transcriptSize is how many lines the console keeps to scroll back through.
const transcriptSize = 256

// Transcript keeps the console's latest lines and how far back the reader
// has scrolled.
type Transcript struct {
	buf   [transcriptSize]ConsoleLine
	total int
	// scroll is how many rows the view is back from the newest.
	scroll int
}

// add records a line.
func (t *Transcript) add(l ConsoleLine) {
	t.buf[t.total%transcriptSize] = l
	t.total++
}

// Last returns the text of the newest n lines that are kept, oldest first.
func (t *Transcript) Last(n int) []string {
	n = min(n, t.total, transcriptSize)
	lines := make([]string, 0, n)
	for i := t.total - n; i < t.total; i++ {
		lines = append(lines, t.buf[i%transcriptSize].Text)
	}
	return lines
}

// Total counts the lines ever added; it changes whenever the view would.
func (t *Transcript) Total() int { return t.total }

// Offset is how many rows the view is scrolled back from the newest.
func (t *Transcript) Offset() int { return t.scroll }

// Scroll moves the view rows back in time (forward when negative); Rows
// keeps it within the transcript.
func (t *Transcript) Scroll(rows int) { t.scroll = max(0, t.scroll+rows) }

// Follow shows the newest lines again.
func (t *Transcript) Follow() { t.scroll = 0 }

// Rows returns the k rows the view shows, oldest first, with every line
// wrapped between words to width (at size): the newest rows, or those
// Offset rows back. A word longer than a row stays whole; the drawing cuts it.
func (t *Transcript) Rows(k int, width, size float64, measure Measure) []ConsoleLine {
	if k <= 0 {
		return nil
	}
	// Wrap from the newest line back until the view's top row is reached.
	var back []ConsoleLine
	for i := t.total - 1; i >= max(0, t.total-transcriptSize) && len(back) < t.scroll+k; i-- {
		l := t.buf[i%transcriptSize]
		rows := []string{l.Text} // an empty value is an empty line, as etcdctl prints it
		if measure(l.Text, size) > width {
			rows = Wrap(l.Text, width, size, measure)
		}
		for j := len(rows) - 1; j >= 0; j-- {
			back = append(back, ConsoleLine{Text: rows[j], Kind: l.Kind})
		}
	}
	t.scroll = min(t.scroll, max(0, len(back)-k))
	back = back[t.scroll:min(len(back), t.scroll+k)]
	out := make([]ConsoleLine, len(back))
	for i, l := range back {
		out[len(back)-1-i] = l
	}
	return out
}
