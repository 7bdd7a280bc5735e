package scene

import (
	"testing"

	"raftplay/raftsim"
)

func logOf(first, last uint64) []raftsim.EntryView {
	var l []raftsim.EntryView
	for i := first; i <= last; i++ {
		l = append(l, raftsim.EntryView{Index: i, Term: 1})
	}
	return l
}

func TestLogWindow(t *testing.T) {
	s := cluster(3)
	for _, tc := range []struct {
		last []uint64
		cols int
		want LogWindow
	}{
		{[]uint64{0, 0, 0}, 10, LogWindow{}},
		{[]uint64{3, 5, 2}, 10, LogWindow{1, 5}},
		{[]uint64{30, 25, 12}, 10, LogWindow{21, 30}},
		{[]uint64{10, 10, 10}, 10, LogWindow{1, 10}},
	} {
		for i, l := range tc.last {
			s.Nodes[i].LastIndex = l
		}
		if got := NewLogWindow(s, tc.cols); got != tc.want {
			t.Errorf("last %v, %d columns: window %v, want %v", tc.last, tc.cols, got, tc.want)
		}
	}
}

func TestEntryAt(t *testing.T) {
	n := raftsim.NodeView{Log: logOf(5, 9)}
	for _, tc := range []struct {
		i  uint64
		ok bool
	}{{4, false}, {5, true}, {7, true}, {9, true}, {10, false}} {
		e, ok := EntryAt(&n, tc.i)
		if ok != tc.ok || (ok && e.Index != tc.i) {
			t.Errorf("EntryAt(%d) = %v, %v", tc.i, e, ok)
		}
	}
	if _, ok := EntryAt(&raftsim.NodeView{}, 1); ok {
		t.Error("EntryAt on an empty log found an entry")
	}
}

func TestLogGeom(t *testing.T) {
	for _, sc := range screens {
		l := NewLayout(sc.w, sc.h, sc.u, 9, ControlsFull, measure)
		g := l.LogGeom(measure)
		if g.Cols < 5 {
			t.Errorf("%v: only %d log columns", sc, g.Cols)
		}
		last := g.Box(8, g.Cols-1)
		if last.Right() > g.InfoX || g.InfoX > l.Logs.Right() || last.Bottom() > l.Logs.Bottom() {
			t.Errorf("%v: last box %v runs past the info column %v or the panel %v", sc, last, g.InfoX, l.Logs)
		}
		if g.Box(0, 0).Y < l.Logs.Y+l.LogHead()-1 {
			t.Errorf("%v: first row overlaps the header", sc)
		}
	}
}

func TestFit(t *testing.T) {
	// measure: 0.55 em per rune; at size 10 each rune is 5.5 px.
	for _, tc := range []struct {
		text string
		w    float64
		want string
	}{
		{"much", 30, "much"},
		{"concern", 30, "conc…"},
		{"concern", 5, ""},
		{"concern", 6, "…"},
		{"concern", 38.5, "concern"},
		{"concerned", 38.5, "concer…"},
	} {
		if got := Fit(tc.text, tc.w, 10, measure); got != tc.want {
			t.Errorf("Fit(%q, %v) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
	}
}

// TestLogKeyFits checks the log panel's title and key stay inside the
// panel at every size: on one line where there is room, on two on a phone.
func TestLogKeyFits(t *testing.T) {
	everyLayout(t, func(name string, l *Layout) {
		if l.Logs.Empty() {
			return
		}
		room := l.Logs.W - 2*Pad*l.Scale
		keyW := LogKeyWidth(l.Scale, measure)
		if l.LogKeyWraps {
			keyW = max(keyW-measure(LogKeyMarks, FontSmall*l.Scale), measure(LogKeyMarks, FontSmall*l.Scale))
		}
		if keyW > room {
			t.Errorf("%s: the log key is %.0f wide in a panel %.0f wide (wrapped %v)", name, keyW, room, l.LogKeyWraps)
		}
	})
	if l := NewLayout(390, 844, 1, 5, ControlsFull, measure); !l.LogKeyWraps {
		t.Errorf("390×844: the log key does not wrap in a panel %.0f wide", l.Logs.W)
	}
}
