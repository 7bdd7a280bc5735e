package scene

import "raftplay/raftsim"

// HitKind says what kind of element is under a point.
type HitKind int

// The kinds of hits.
const (
	HitNone HitKind = iota
	// HitButton is an enabled button of the toolbar or of a panel; Cmd says which.
	HitButton
	// HitPanel is a panel's background, which takes the click so nothing
	// under it is hit.
	HitPanel
	HitMessage
	HitNode
	// HitHelp is anywhere while the help overlay is up; a click closes it.
	HitHelp
	// HitArrow is a message's arrow in the space-time diagram.
	HitArrow
)

// Hit is the element under a point.
type Hit struct {
	Kind    HitKind
	Cmd     Command
	Node    uint64
	Message uint64
	Arg     int
	// Op is the action of a CmdNodeAction button.
	Op raftsim.ActionOp
}

// HitTest returns the element under p, topmost first: the help overlay, the
// open panels, the console and the HUD's verdict, the toolbar, messages in flight (drawn over the links and
// small, so they win over a node they are leaving), then nodes, which also
// take clicks on their captions.
func (s *Scene) HitTest(p Point) Hit {
	if s.Controller.Help {
		return Hit{Kind: HitHelp}
	}
	panels := s.OpenPanels()
	for i := len(panels) - 1; i >= 0; i-- {
		if h, ok := buttonAt(panels[i].Buttons, p); ok {
			return h
		}
		if panels[i].Rect.Contains(p) {
			return Hit{Kind: HitPanel}
		}
	}
	if h, ok := s.clientsHit(p); ok {
		return h
	}
	if h, ok := s.diagramHit(p); ok {
		return h
	}
	if h, ok := buttonAt(s.Layout.Buttons, p); ok {
		return h
	}
	if h, ok := s.timeHit(p); ok {
		return h
	}
	if s.Layout.Toolbar.Contains(p) {
		return Hit{}
	}
	if id, ok := MessageAt(s.Placed, p, s.Layout.MessageR()+5*s.Layout.Scale); ok {
		return Hit{Kind: HitMessage, Message: id}
	}
	for i, c := range s.Layout.NodePos {
		id := s.Layout.NodeIDs[i]
		if c.Sub(p).Len() <= s.Layout.TimerR() || s.Layout.CaptionRect(id).Contains(p) {
			return Hit{Kind: HitNode, Node: id}
		}
	}
	return Hit{}
}

func buttonAt(buttons []Button, p Point) (Hit, bool) {
	for _, b := range buttons {
		if b.Rect.Contains(p) {
			if b.Disabled {
				return Hit{Kind: HitPanel}, true
			}
			return Hit{Kind: HitButton, Cmd: b.Cmd, Arg: b.Arg, Op: b.Op}, true
		}
	}
	return Hit{}, false
}

// Clickable reports whether a click on h does something, for the pointer shape.
func (h Hit) Clickable() bool {
	switch h.Kind {
	case HitButton, HitMessage, HitNode, HitArrow:
		return true
	}
	return false
}

// intent is what a click that pressed on pressed and released on released
// asks for. A press and release on different elements is a drag: while
// editing a partition, dragging a node onto another joins its group;
// otherwise it cancels the click, as with any button.
func (s *Scene) intent(pressed, released Hit) Intent {
	if s.Controller.Edit != nil && pressed.Kind == HitNode && released.Kind == HitNode && pressed.Node != released.Node {
		return Intent{Cmd: CmdJoinGroup, Node: pressed.Node, Other: released.Node}
	}
	if pressed != released {
		return Intent{}
	}
	switch released.Kind {
	case HitHelp:
		return Intent{Cmd: CmdHelp}
	case HitButton:
		return Intent{Cmd: released.Cmd, Arg: released.Arg, Op: released.Op}
	case HitNode:
		return Intent{Cmd: CmdSelectNode, Node: released.Node}
	case HitMessage:
		if s.Snap != nil && s.Snap.Manual {
			// The user is the network: a click delivers.
			return Intent{Cmd: CmdDeliver, Message: released.Message}
		}
		return Intent{Cmd: CmdSelectMessage, Message: released.Message}
	case HitArrow:
		return Intent{Cmd: CmdSelectArrow, Message: released.Message}
	case HitNone:
		return Intent{Cmd: CmdDismiss}
	}
	return Intent{}
}
