package scene

// LegendItem is one entry of the message legend.
type LegendItem struct {
	Kind MsgKind
	// Hollow draws the icon as a response; KindOther items explain filling.
	Hollow bool
	// Learner draws the icon as a learner's dashed ring.
	Learner bool
	Label   string
	Icon    Point // centre of the shape
	Text    Point // top-left of the label
}

// layLegend flows the legend items along the bottom of the stage.
func (l *Layout) layLegend(measure Measure) {
	u := l.Scale
	if shortScreen(l.H / u) {
		// The ring needs the room more; the help names the shapes.
		l.Legend = Rect{l.Stage.X + Pad*u, l.Stage.Bottom(), l.Stage.W - 2*Pad*u, 0}
		l.LegendItems = nil
		return
	}
	size := FontSmall * u
	lineH := size * LineH
	icon := 12 * u
	items := make([]LegendItem, 0, len(LegendKinds)+3)
	for _, k := range LegendKinds {
		items = append(items, LegendItem{Kind: k, Label: k.Name()})
	}
	items = append(items,
		LegendItem{Kind: KindOther, Label: "request"},
		LegendItem{Kind: KindOther, Hollow: true, Label: "response"},
		LegendItem{Kind: KindOther, Learner: true, Label: "learner"})
	left, right := l.Stage.X+Pad*u, l.Stage.Right()-Pad*u
	x, row := left, 0
	for i := range items {
		w := icon + 4*u + measure(items[i].Label, size)
		if x > left && x+w > right {
			x, row = left, row+1
		}
		items[i].Icon = Point{x + icon/2, float64(row)*lineH + lineH/2}
		items[i].Text = Point{x + icon + 4*u, float64(row) * lineH}
		x += w + 12*u
	}
	h := float64(row+1) * lineH
	top := l.Stage.Bottom() - h - Pad*u/2
	for i := range items {
		items[i].Icon.Y += top
		items[i].Text.Y += top
	}
	l.Legend = Rect{left, top, right - left, h}
	l.LegendItems = items
}
