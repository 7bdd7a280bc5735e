package scene

import "testing"

func TestPanelsStayOnScreen(t *testing.T) {
	for _, sc := range screens {
		l := NewLayout(sc.w, sc.h, sc.u, 7, ControlsFull, measure)
		snap := cluster(7, msg(3, 1, 2, "MsgApp"))
		panels := map[string]Panel{
			"help":      l.HelpPanel(measure),
			"banner":    l.PartitionBanner(measure),
			"message":   l.MessagePanel(&snap.Messages[0], false, false, measure),
			"menu of 1": l.NodeMenu(1, snap, measure),
			"menu of 3": l.NodeMenu(3, snap, measure),
			"menu of 6": l.NodeMenu(6, snap, measure),
		}
		{
			b := panels["banner"].Rect
			for i, c := range l.NodePos {
				ring := Rect{c.X - l.TimerR(), c.Y - l.TimerR(), 2 * l.TimerR(), 2 * l.TimerR()}
				if overlap(ring, b) {
					t.Errorf("%v: the partition banner %v covers node %d at %v", sc, b, i+1, c)
				}
			}
		}
		for name, p := range panels {
			if !inside(p.Rect, l.below()) {
				t.Errorf("%v: %s panel %v leaves the screen below the toolbar", sc, name, p.Rect)
			}
			for _, b := range p.Buttons {
				if !inside(b.Rect, p.Rect) {
					t.Errorf("%v: %s button %q at %v is outside its panel %v", sc, name, b.Label, b.Rect, p.Rect)
				}
			}
		}
	}
}
