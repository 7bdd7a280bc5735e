package scene

import (
	"testing"
)

// The strip sits under the ring at every size, clear of the toolbar and the
// nodes, and its track maps the run's time onto its width and back.
func TestTimeStripLaysOutUnderTheRing(t *testing.T) {
	for _, size := range []struct{ w, h, u float64 }{{1280, 800, 1}, {640, 400, 1}, {390 * 3, 844 * 3, 3}} {
		s := New(&Dark, ControlsFull, measure)
		s.Observe(cluster(5), nil)
		s.Resize(size.w, size.h, size.u)
		s.SetTime(&TimeView{EndMs: 60000, ShownMs: 30000, Past: true})
		ts, _, _ := s.Strip()
		if ts.Rect.Y < s.Layout.Toolbar.Bottom() || ts.Rect.Bottom() > size.h || ts.Track.W < 20*size.u {
			t.Errorf("%v: strip %+v, track %+v", size, ts.Rect, ts.Track)
		}
		for i, c := range s.Layout.NodePos {
			if c.Y+s.Layout.NodeR > ts.Rect.Y {
				t.Errorf("%v: node %d (y %.0f, r %.0f) reaches into the strip at %.0f", size, i+1, c.Y, s.Layout.NodeR, ts.Rect.Y)
			}
		}
		// A wide strip also has Record clip, last, to the track's right.
		want := 4
		if size.w/size.u >= recordRoom {
			want = 5
		}
		if len(ts.Buttons) != want || ts.Buttons[1].Disabled || ts.Buttons[2].Disabled || ts.Buttons[3].Cmd != CmdDiagram ||
			(want == 5 && ts.Buttons[4].Cmd != CmdRecord) {
			t.Errorf("%v: buttons %+v while the past is shown, want export, live and fork enabled, the diagram's switch and, wide, Record clip", size, ts.Buttons)
		}
		track := ts.Track
		s.SetTime(&TimeView{EndMs: 60000, ShownMs: 60000})
		if ts, _, _ := s.Strip(); ts.Track != track || !ts.Buttons[1].Disabled || !ts.Buttons[2].Disabled {
			t.Errorf("%v: live, the track moved from %+v to %+v, or live and fork are enabled", size, track, ts.Track)
		}
		for _, b := range ts.Buttons {
			if b.Rect.X < ts.Track.Right() || b.Rect.Right() > ts.Rect.Right()+0.5 {
				t.Errorf("%v: button %q at %+v overlaps the track %+v or leaves the strip", size, b.Label, b.Rect, ts.Track)
			}
		}
		if ms := ts.MsAt(ts.X(12345, 60000), 60000); ms < 12300 || ms > 12400 {
			t.Errorf("%v: X and MsAt do not agree: 12345 ms comes back as %d", size, ms)
		}
		if ts.MsAt(ts.Track.X-50, 60000) != 0 || ts.MsAt(ts.Track.Right()+50, 60000) != 60000 {
			t.Errorf("%v: moments off the track are not clamped to the run", size)
		}
	}
}

// A drag along the track asks for the moments under the pointer, once per
// moment; a release ends it; the buttons are hit like any button.
func TestTimeStripDragAsksForMoments(t *testing.T) {
	s := newScene(cluster(5))
	s.SetTime(&TimeView{EndMs: 10000, ShownMs: 10000})
	ts, _, _ := s.Strip()
	y := ts.Track.Y + ts.Track.H/2
	s.Press(Point{ts.X(2000, 10000), y})
	s.Move(Point{ts.X(2000, 10000), y})
	s.Move(Point{ts.X(5000, 10000), y})
	if acts := s.Release(Point{ts.X(7000, 10000), y}); acts != nil {
		t.Errorf("a drag on the track did actions %v", acts)
	}
	var got []int
	for _, op := range s.TakeOps() {
		if op.Cmd != CmdTimeShow {
			t.Fatalf("op %v, want only CmdTimeShow", op)
		}
		got = append(got, op.Arg)
	}
	if len(got) != 3 || got[0] < 1990 || got[0] > 2010 || got[1] < 4990 || got[1] > 5010 || got[2] < 6990 || got[2] > 7010 {
		t.Errorf("the drag asked for %v, want about 2000, 5000, 7000", got)
	}
	if s.Scrubbing() {
		t.Error("still scrubbing after the release")
	}
	export := ts.Buttons[0]
	if h := s.HitTest(export.Rect.Center()); h.Kind != HitButton || h.Cmd != CmdExport {
		t.Errorf("the Export button hits %+v", h)
	}
	s.SetTime(&TimeView{EndMs: 10000, ShownMs: 4000, Forking: true, Progress: 0.4})
	ts, _, _ = s.Strip()
	s.Press(Point{ts.X(2000, 10000), y})
	s.Release(Point{ts.X(2000, 10000), y})
	for _, op := range s.TakeOps() {
		if op.Cmd == CmdTimeShow {
			t.Error("the track took a drag while a fork replays")
		}
	}
	if ts.Text != "replaying 40%" {
		t.Errorf("label while forking: %q", ts.Text)
	}
}
