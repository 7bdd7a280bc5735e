package scene

// Fitter is Fit with a memory. Most text on screen is the same from frame
// to frame (a log strip's labels move a column when an entry is appended,
// captions and console lines stay), and finding where to cut a long line
// measures it several times, each time a new string that the font's
// per-string cache must make room for. A Fitter answers a question it was
// asked before without measuring.
type Fitter struct {
	measure Measure
	cuts    map[fitQuestion]string
}

// fitQuestion is one question put to Fit.
type fitQuestion struct {
	text        string
	width, size float64
}

// MaxFits bounds a Fitter's memory: more than a busy frame asks (every log
// strip's labels, the event lines, the captions), few enough to stay small.
// When full, the memory starts afresh rather than tracking which answer is
// oldest.
const MaxFits = 4096

// NewFitter returns a Fitter measuring with measure.
func NewFitter(measure Measure) *Fitter {
	return &Fitter{measure: measure, cuts: map[fitQuestion]string{}}
}

// Fit returns Fit(text, w, size, measure), remembered.
func (f *Fitter) Fit(text string, w, size float64) string {
	q := fitQuestion{text, w, size}
	if cut, ok := f.cuts[q]; ok {
		return cut
	}
	if len(f.cuts) >= MaxFits {
		clear(f.cuts)
	}
	cut := Fit(text, w, size, f.measure)
	f.cuts[q] = cut
	return cut
}
