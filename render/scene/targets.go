package scene

import "cmp"

// TargetMin is the least width and height, in CSS pixels, of what a finger
// taps on a touch screen: the 44 px of Apple's guidelines and of WCAG 2.5.5.
const TargetMin = 44.0

// tap returns a size of css CSS pixels in device pixels, raised to
// TargetMin on a touch screen.
func (l *Layout) tap(css float64) float64 {
	if l.Touch {
		css = max(css, TargetMin)
	}
	return css * l.Scale
}

// btnH is the height of a button, in device pixels.
func (l *Layout) btnH() float64 { return l.tap(buttonH) }

// itemH is the height of a menu's item, in device pixels.
func (l *Layout) itemH() float64 { return l.tap(menuItemH) }

// buttonW is ButtonWidth at this layout's scale, at least a finger wide on
// a touch screen: a story's step buttons hold one digit.
func (l *Layout) buttonW(label, alt, key string, measure Measure) float64 {
	return max(ButtonWidth(label, alt, key, l.Scale, measure), l.tap(0))
}

// bannerH is the height of the one-row partition banner; the ring keeps
// clear of it.
func (l *Layout) bannerH() float64 { return l.btnH() + 2*Pad*l.Scale }

// leastNodeR is the least radius of a node, in device pixels: on a touch
// screen its timer ring, which takes a tap, is a finger wide.
func (l *Layout) leastNodeR() float64 {
	return max(minNodeR*l.Scale, l.tap(0)/2-timerGap*l.Scale)
}

// fingerWide grows r about its centre to a finger's size on a touch screen.
func (l *Layout) fingerWide(r Rect) Rect {
	least := l.tap(0)
	c := r.Center()
	r.W, r.H = max(r.W, least), max(r.H, least)
	r.X, r.Y = c.X-r.W/2, c.Y-r.H/2
	return r
}

// TargetPlace is one thing a click or a tap acts on, named by what it is
// and its label ("toolbar Play", "story Take over", "node A"), in CSS
// pixels.
type TargetPlace struct {
	Name string  `json:"name"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

// targets lists what a click acts on now, as HitTest finds it: the open
// panels' buttons, the console's, the verdict's line, the diagram's, the
// toolbar's, the timeline strip's, and the nodes. A panel that shows no
// buttons (the help) is closed by a click anywhere.
func (s *Scene) targets() []TargetPlace {
	var ts []TargetPlace
	add := func(name string, r Rect) {
		ts = append(ts, TargetPlace{Name: name, X: s.css(r.X), Y: s.css(r.Y), W: s.css(r.W), H: s.css(r.H)})
	}
	buttons := func(what string, bs []Button) {
		for _, b := range bs {
			add(what+" "+b.Label, b.Rect)
		}
	}
	if s.Controller.Help {
		buttons("help", laidOf[*helpPanel](s).Buttons)
	}
	for _, p := range s.overlays.open {
		buttons(cmp.Or(s.placeNameOf(p), "panel"), p.Buttons)
	}
	if s.Console.Open {
		buttons("console", s.laidConsole.Buttons)
	}
	if !s.ClientsHUD.Hit.Empty() {
		add("verdict", s.ClientsHUD.Hit)
	}
	if s.DiagramOpen() {
		buttons("diagram", s.diagram.view.Buttons)
	}
	buttons("toolbar", s.Layout.Buttons)
	if s.time.view != nil && !s.Layout.storyFoot {
		// Under a phone's story panel the strip takes no tap.
		buttons("timeline", s.time.strip.Buttons)
	}
	l := &s.Layout
	for i, c := range l.NodePos {
		r := l.TimerR()
		add("node "+s.Snap.NodeName(l.NodeIDs[i]), Rect{c.X - r, c.Y - r, 2 * r, 2 * r})
	}
	return ts
}
