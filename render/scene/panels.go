package scene

import (
	"fmt"
	"math"

	"raftplay/raftsim"
)

// Panel is a box of text and buttons over the picture: a node's menu, a
// message's details, the partition editor, the help.
type Panel struct {
	Rect  Rect
	Title string
	// TitlePos is the top-left of the title's line.
	TitlePos Point
	// Lines are drawn from Body down, one per LineH of FontUI. When Keys is
	// set, Keys[i] is drawn at Body and Lines[i] KeyW to its right.
	Lines []string
	Keys  []string
	KeyW  float64
	Body  Point
	// Buttons stack one per row in a menu and sit in one row otherwise.
	Buttons []Button
	// Menu is set for a menu, whose items are read down their left edge.
	Menu bool
}

// Sizes of panels, in CSS pixels.
const (
	menuItemH = 28.0
	menuGap   = 3.0
)

// NodeMenu lays out the menu of node id beside it; items that cannot apply
// to the node now are disabled.
func (l *Layout) NodeMenu(id uint64, snap *raftsim.Snapshot, measure Measure) Panel {
	u := l.Scale
	nv := snap.Node(id)
	name := snap.NodeName(id)
	p := Panel{Title: name, Menu: true}
	if nv != nil {
		role, detail := NodeCaption(nv, snap)
		p.Title = fmt.Sprintf("%s  %s, %s", name, role, detail)
	}
	w := measure(p.Title, FontUI*u)
	for _, it := range nodeActions {
		if it.manual && !snap.Manual {
			continue
		}
		label, key := it.labelFor(nv, name), ""
		if it.key != 0 {
			key = string(it.key)
		}
		cmd := it.cmd
		if it.op != "" {
			cmd = CmdNodeAction
		}
		w = math.Max(w, l.buttonW(label, "", key, measure))
		p.Buttons = append(p.Buttons, Button{Cmd: cmd, Op: it.op, Label: label, Key: key, Disabled: !it.appliesTo(nv, snap)})
	}
	p.Rect = Rect{0, 0, w + 2*Pad*u, l.menuHeight(len(p.Buttons)) + 2*Pad*u}
	node, _ := l.Node(id)
	gap := l.TimerR() + 10*u
	p.Rect.X, p.Rect.Y = node.X+gap, node.Y-p.Rect.H/2
	// Beside the node, on the side that keeps it on the stage.
	if p.Rect.Right() > l.Stage.Right()-Pad*u && node.X-gap-p.Rect.W >= 0 {
		p.Rect.X = node.X - gap - p.Rect.W
	}
	return l.stackMenu(p, w, measure)
}

// menuHeight is the height of a menu's title and n items.
func (l *Layout) menuHeight(n int) float64 {
	return FontUI*l.Scale*LineH + float64(n)*(l.itemH()+menuGap*l.Scale)
}

// stackMenu lays menu p out where its Rect puts it, kept on screen: its
// items, w wide, stacked under its title, and its lines (if any) under them.
// When the items would run off the bottom they go on in more columns, and
// when the columns would run off the side they narrow and their labels are
// cut to fit: a menu of many stories on a small embed stays whole.
func (l *Layout) stackMenu(p Panel, w float64, measure Measure) Panel {
	u := l.Scale
	area := l.below()
	titleH, itemH, gap := FontUI*u*LineH, l.itemH()+menuGap*u, menuGap*u
	rowsFit := func(linesH float64) (rows, cols int) {
		rows = max(len(p.Buttons), 1)
		if free := area.H - 2*Pad*u - titleH - linesH; float64(rows)*itemH > free {
			rows = max(1, int(free/itemH))
		}
		return rows, max((len(p.Buttons)+rows-1)/rows, 1)
	}
	linesH := float64(len(p.Lines)) * FontUI * u * LineH
	rows, cols := rowsFit(linesH)
	if r, c := rowsFit(0); c < cols {
		// The lines under the items only explain them: where they would
		// cost a column, and so cut every item's label, they go.
		p.Lines, linesH, rows, cols = nil, 0, r, c
	}
	w = math.Min(w, (area.W-2*Pad*u-float64(cols-1)*gap)/float64(cols))
	p.Rect.W = float64(cols)*w + float64(cols-1)*gap + 2*Pad*u
	p.Rect.H = titleH + float64(min(rows, len(p.Buttons)))*itemH + linesH + 2*Pad*u
	p.Rect = p.Rect.clampInto(area)
	p.TitlePos = Point{p.Rect.X + Pad*u, p.Rect.Y + Pad*u}
	p.Body = Point{p.Rect.X + Pad*u, p.Rect.Y + Pad*u + titleH}
	p.Title = Fit(p.Title, p.Rect.W-2*Pad*u, FontUI*u, measure)
	for i := range p.Buttons {
		b := &p.Buttons[i]
		col, row := i/rows, i%rows
		b.Rect = Rect{p.Body.X + float64(col)*(w+gap), p.Body.Y + float64(row)*itemH, w, l.itemH()}
		room := w - 2*buttonPadX*u
		if b.Key != "" {
			room -= 6*u + measure(b.Key, FontSmall*u)
		}
		b.Label = Fit(b.Label, room, FontUI*u, measure)
	}
	if len(p.Lines) > 0 {
		// The lines go under the items, where the eye goes after a change.
		p.Body.Y += float64(min(rows, len(p.Buttons))) * itemH
		for i, line := range p.Lines {
			p.Lines[i] = Fit(line, p.Rect.W-2*Pad*u, FontUI*u, measure)
		}
	}
	return p
}

// below is the screen under the toolbar, where panels may go.
func (l *Layout) below() Rect {
	return Rect{0, l.Toolbar.Bottom(), l.W, l.H - l.Toolbar.Bottom()}
}

// MessagePanel lays out the details of message m in the stage's top-right
// corner, with a button to drop it unless it has already left the network,
// and in manual mode to deliver or duplicate it.
func (l *Layout) MessagePanel(m *raftsim.MessageView, gone, manual bool, measure Measure) Panel {
	u := l.Scale
	p := Panel{Title: fmt.Sprintf("Message #%d", m.ID), Lines: MessageLines(m)}
	if gone {
		p.Title += " (no longer in flight)"
	}
	if manual {
		p.Buttons = manualMessageButtons(gone)
	}
	p.Buttons = append(p.Buttons,
		Button{Cmd: CmdDrop, Label: "Drop it (beyond TCP)", Key: "d", Disabled: gone},
		Button{Cmd: CmdClose, Label: "Close", Key: "Esc"},
	)
	return l.boxPanel(p, Point{l.Stage.Right() - Pad*u, l.Stage.Y + Pad*u}, 1, measure)
}

// PartitionBanner lays out the partition editor's instructions and buttons
// in one row along the bottom of the stage, over the legend (in two rows on
// a narrow stage).
func (l *Layout) PartitionBanner(measure Measure) Panel {
	u := l.Scale
	p := Panel{
		Title: "Partition: tap nodes, or press their digits, to move them between groups I and II",
		Buttons: []Button{
			{Cmd: CmdApply, Label: "Apply", Key: "Enter"},
			{Cmd: CmdPartition, Label: "Cancel", Key: "Esc"},
		},
	}
	tw := measure(p.Title, FontUI*u)
	bw := 0.0
	for i := range p.Buttons {
		b := &p.Buttons[i]
		b.Rect.W, b.Rect.H = l.buttonW(b.Label, b.Alt, b.Key, measure), l.btnH()
		bw += b.Rect.W + buttonGap*u
	}
	if w := tw + 2*Pad*u + bw + Pad*u; w <= l.Stage.W-2*Pad*u {
		h := l.bannerH()
		p.Rect = Rect{l.Stage.Center().X - w/2, l.Stage.Bottom() - h - Pad*u/2, w, h}
		p.TitlePos = Point{p.Rect.X + Pad*u, p.Rect.Y + (h-FontUI*u*LineH)/2}
		x := p.TitlePos.X + tw + Pad*u
		for i := range p.Buttons {
			p.Buttons[i].Rect.X, p.Buttons[i].Rect.Y = x, p.Rect.Y+Pad*u
			x += p.Buttons[i].Rect.W + buttonGap*u
		}
		return p
	}
	p = l.boxPanel(p, Point{l.Stage.Center().X, 0}, 0.5, measure)
	p.Rect.Y = l.Stage.Bottom() - p.Rect.H - Pad*u/2
	return l.reflow(p)
}

// boxPanel sizes p to its content and puts it with its top edge at anchor.Y
// and the point a fraction ax of its width from its left edge at anchor.X,
// then keeps it on screen.
func (l *Layout) boxPanel(p Panel, anchor Point, ax float64, measure Measure) Panel {
	u := l.Scale
	size := FontUI * u
	w := measure(p.Title, size)
	for i, line := range p.Lines {
		lw := measure(line, size)
		if i < len(p.Keys) {
			lw += p.KeyW
		}
		w = math.Max(w, lw)
	}
	bw := 0.0
	for i := range p.Buttons {
		b := &p.Buttons[i]
		if l.Touch {
			b.Key = ""
		}
		b.Rect.W = l.buttonW(b.Label, b.Alt, b.Key, measure)
		b.Rect.H = l.btnH()
		bw += b.Rect.W + buttonGap*u
	}
	w = math.Min(math.Max(w, bw), l.W-4*Pad*u)
	h := size*LineH*float64(1+len(p.Lines)) + Pad*u + l.btnH()
	p.Rect = Rect{anchor.X - ax*(w+2*Pad*u), anchor.Y, w + 2*Pad*u, h + 2*Pad*u}
	return l.reflow(p)
}

// reflow keeps p on screen and places its body and its row of buttons.
func (l *Layout) reflow(p Panel) Panel {
	u := l.Scale
	p.Rect = p.Rect.clampInto(l.below())
	p.TitlePos = Point{p.Rect.X + Pad*u, p.Rect.Y + Pad*u}
	p.Body = Point{p.Rect.X + Pad*u, p.Rect.Y + Pad*u + FontUI*u*LineH}
	x, y := p.Body.X, p.Rect.Bottom()-Pad*u-l.btnH()
	for i := range p.Buttons {
		p.Buttons[i].Rect.X, p.Buttons[i].Rect.Y = x, y
		x += p.Buttons[i].Rect.W + buttonGap*u
	}
	return p
}

// bannerPanel is the partition editor's banner, while it is open.
type bannerPanel struct{}

func (*bannerPanel) placeName() string { return "banner" }

func (*bannerPanel) lay(s *Scene) (Panel, bool) {
	if s.Controller.Edit == nil {
		return Panel{}, false
	}
	return s.Layout.PartitionBanner(s.frame.measure), true
}

// messagePanel is the details of the message selected on the ring.
type messagePanel struct{}

func (*messagePanel) placeName() string { return "message" }

func (*messagePanel) lay(s *Scene) (Panel, bool) {
	if s.Controller.Message == 0 {
		return Panel{}, false
	}
	return s.Layout.MessagePanel(&s.Controller.MessageView, s.Controller.MessageGone, s.Snap.Manual, s.frame.measure), true
}

// nodeMenuPanel is the menu of the node selected.
type nodeMenuPanel struct{}

func (*nodeMenuPanel) placeName() string { return "menu" }

func (*nodeMenuPanel) lay(s *Scene) (Panel, bool) {
	if s.Controller.Selected == 0 {
		return Panel{}, false
	}
	return s.Layout.NodeMenu(s.Controller.Selected, s.Snap, s.frame.measure), true
}
