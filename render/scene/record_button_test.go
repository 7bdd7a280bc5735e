package scene

import "testing"

// Record clip is on the strip of a wide screen, and on a narrower one at
// the end of the toolbar's last row, which keeps its rows and height: a
// phone and a 640×400 embed can record with a tap. A screen with no room
// left on that row gets none, rather than a ring made smaller.
func TestRecordClipIsReachableBelowTheStripsRoom(t *testing.T) {
	for _, tc := range []struct {
		w, h, u float64
		touch   bool
		toolbar bool
	}{{1280, 800, 1, false, false}, {390 * 3, 844 * 3, 3, true, true}, {640, 400, 1, false, true}, {640, 400, 1, true, true}, {960, 600, 1, false, true}, {320, 240, 1, false, false}} {
		l := NewLayoutWith(tc.w, tc.h, tc.u, 5, ControlsFull, PanelChoice{Touch: tc.touch}, measure)
		var rec *Button
		for i := range l.Buttons {
			if l.Buttons[i].Cmd == CmdRecord {
				rec = &l.Buttons[i]
			}
		}
		if (rec != nil) != tc.toolbar {
			t.Errorf("%v×%v: a Record button on the toolbar: %v, want %v", tc.w/tc.u, tc.h/tc.u, rec != nil, tc.toolbar)
			continue
		}
		if rec == nil {
			continue
		}
		rows, last := rowsOf(l.Buttons), l.Buttons[len(l.Buttons)-2]
		if rec.Rect.Y != last.Rect.Y || rec.Rect.X < last.Rect.Right() || rec.Rect.Right() > l.W || rec.Rect.Bottom() > l.Toolbar.Bottom() {
			t.Errorf("%v×%v: Record at %+v, not after %q (%+v) on the last row, inside the toolbar %+v", tc.w/tc.u, tc.h/tc.u, rec.Rect, last.Label, last.Rect, l.Toolbar)
		}
		if rowsOf(l.Buttons[:len(l.Buttons)-1]) != rows {
			t.Errorf("%v×%v: Record added a row to the toolbar", tc.w/tc.u, tc.h/tc.u)
		}
		s := New(&Dark, ControlsFull, measure)
		s.Touched = tc.touch
		s.Observe(cluster(5), nil)
		s.Resize(tc.w, tc.h, tc.u)
		s.SetTime(&TimeView{EndMs: 1000, ShownMs: 1000})
		if h := s.HitTest(rec.Rect.Center()); h.Cmd != CmdRecord {
			t.Errorf("%v×%v: a tap on Record hits %+v", tc.w/tc.u, tc.h/tc.u, h)
		}
		s.Press(rec.Rect.Center())
		s.Release(rec.Rect.Center())
		if ops := s.TakeOps(); len(ops) != 1 || ops[0].Cmd != CmdRecord {
			t.Errorf("%v×%v: a tap on Record asked the game for %+v", tc.w/tc.u, tc.h/tc.u, ops)
		}
		ts, _, _ := s.Strip()
		for _, b := range ts.Buttons {
			if b.Cmd == CmdRecord {
				t.Errorf("%v×%v: Record is on both the toolbar and the strip", tc.w/tc.u, tc.h/tc.u)
			}
		}
	}
}
