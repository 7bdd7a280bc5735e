package scene

import (
	"strings"
	"testing"

	"raftplay/raftsim"
)

// A hover on a word the picture uses explains it in a plain sentence: a
// node's caption its term (and the leader's view, pre-vote, learner), the
// HUD's invariants line, the log panel's commits; nothing over empty stage.
func TestGlossExplainsTheWordsUnderThePointer(t *testing.T) {
	snap := cluster(5)
	snap.Nodes[0].Progress = []raftsim.ProgressView{{ID: 2, State: "probe", Match: 0}}
	snap.Nodes[2].Role = raftsim.RolePreCandidate
	s := newScene(snap)
	gloss := func(p Point) string {
		s.Move(p)
		g, ok := s.Gloss()
		if !ok {
			return ""
		}
		return strings.Join(g.Lines, " ")
	}
	caption := func(id uint64) Point { return s.Layout.CaptionRect(id).Center() }
	for _, tc := range []struct {
		what  string
		at    Point
		words []string
	}{
		{"node 2's caption", caption(2), []string{"term:", "probe/replicate:"}},
		{"node 3's caption", caption(3), []string{"term:", "pre-vote:"}},
		{"the invariants line", Point{X: s.Layout.HUD.X + 40, Y: s.Layout.HUD.Y + 2.5*s.Layout.HUDLineH()}, []string{"invariants:"}},
		{"a log strip's commit index", Point{X: s.Layout.Logs.Right() - 20, Y: s.Layout.Logs.Center().Y}, []string{"commit:"}},
	} {
		got := gloss(tc.at)
		for _, w := range tc.words {
			if !strings.Contains(got, w) {
				t.Errorf("over %s the explanation is %q; want it to explain %s", tc.what, got, w)
			}
		}
	}
	for what, p := range map[string]Point{"the middle of the ring": s.Layout.Stage.Center(), "the log strips' entries": s.Layout.Logs.Center()} {
		if got := gloss(p); got != "" {
			t.Errorf("over %s the explanation is %q; want none", what, got)
		}
	}
	s.Move(caption(2))
	if g, _ := s.Gloss(); g.Rect.Contains(s.Pointer) {
		t.Errorf("the explanation %v covers the pointer %v", g.Rect, s.Pointer)
	}
}
