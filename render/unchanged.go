package render

import (
	"raftplay/render/scene"
)

// frameKey sums up everything a frame shows, so Draw can leave the screen as
// it is when nothing visible changed: a paused page that nobody touches then
// costs next to nothing. It returns 0, which means "draw", while something
// animates by the wall clock alone (a notice fading, a dropped message's
// burst, the console's caret, the experiment's trials filling in) or the
// run plays.
func (g *Game) frameKey() hasher {
	s := g.scene
	if s.Snap == nil || !s.Snap.Paused || len(s.Notices.List()) > 0 || len(s.Drops.Bursts) > 0 || s.ExperimentOpen() {
		return 0
	}
	h := newHasher()
	if _, open := s.ConsoleView(); open {
		h.bool(s.CaretShown()) // the caret's blink
	}
	h.int(s.LayoutGen())
	h.str(s.Theme.Name)
	h.int(uint64(s.Snap.NowMs))
	h.float(s.Snap.Speed)
	h.int(s.LastSeq())
	h.int(uint64(g.baseKey()))
	h.int(uint64(g.logsKey()))
	h.int(uint64(g.eventsKey()))
	h.int(uint64(g.consoleKey()))
	h.int(uint64(g.diagramKey()))
	for i := range s.Snap.Nodes {
		n := &s.Snap.Nodes[i]
		h.int(n.Term)
		h.int(n.Vote)
		h.int(n.Lead)
		h.bool(n.Halted)
		h.bool(n.LyingDisk)
		h.bool(n.Paused)
		h.int(uint64(n.Waiting))
	}
	for _, m := range s.Placed {
		h.int(m.Msg.ID)
		h.float(m.Pos.X)
		h.float(m.Pos.Y)
	}
	h.float(s.Pointer.X)
	h.float(s.Pointer.Y)
	h.int(uint64(s.Hover.Kind))
	h.int(uint64(s.Hover.Cmd))
	h.int(s.Hover.Node)
	h.int(s.Hover.Message)
	h.int(uint64(s.Hover.Arg))
	if id, ok := s.Dragging(); ok {
		h.int(id)
	}
	h.int(s.Controller.Selected)
	h.int(s.Controller.Message)
	hc := &s.ClientsHUD
	h.int(uint64(hc.State))
	h.str(hc.Verdict)
	h.str(hc.Load)
	for _, p := range s.OpenPanels() {
		hashPanel(&h, p)
	}
	if p, ok := s.Gloss(); ok {
		hashPanel(&h, p)
	}
	if p, ok := s.Help(); ok {
		hashPanel(&h, p)
	}
	g.timeKey(&h)
	if b, ok := s.Focused(); ok {
		h.rect(b.Rect)
	}
	return h
}

// hashPanel folds what panel p shows into h.
func hashPanel(h *hasher, p *scene.Panel) {
	h.rect(p.Rect)
	h.str(p.Title)
	for _, l := range p.Lines {
		h.str(l)
	}
	for _, k := range p.Keys {
		h.str(k)
	}
	for _, b := range p.Buttons {
		h.rect(b.Rect)
		h.str(b.Label)
	}
}
