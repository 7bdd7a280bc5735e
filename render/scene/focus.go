package scene

import "raftplay/raftsim"

// Keyboard focus: Tab and Shift-Tab move a focus through every enabled
// button on the canvas (the toolbar, the HUD's verdict, the diagram's and
// the strip's buttons, the console's, then the open panels' from the
// bottom one up), and Enter or Space press the focused one, as a click
// would. The focus shows only once Tab was pressed, and a click hides it:
// a mouse user never sees it.

// Keys that move the focus, as the runes Key takes for them.
const (
	KeyTab     = '\t'
	KeyBackTab = '\uE006'
)

// focusKey tells one button from the others in the list Tab goes through,
// which is laid out afresh whenever a panel changes.
type focusKey struct {
	cmd Command
	arg int
	op  raftsim.ActionOp
}

func keyOf(b *Button) focusKey { return focusKey{b.Cmd, b.Arg, b.Op} }

// focusState is where the keyboard's focus is: on is set while it shows,
// at is its place in the list when it was put there, key the button there.
// back is the button that opened the panel the focus went into, where it
// goes back to when that panel closes.
type focusState struct {
	on   bool
	at   int
	key  focusKey
	back focusKey
}

// find returns the focused button's place in list, or -1: the button at
// its old place if it is still there, else the first with its key, else
// the button that opened its panel.
func (f *focusState) find(list []Button) int {
	if f.at < len(list) && keyOf(&list[f.at]) == f.key {
		return f.at
	}
	for _, k := range []focusKey{f.key, f.back} {
		for i := range list {
			if keyOf(&list[i]) == k {
				return i
			}
		}
	}
	return -1
}

// put puts the focus on list[i].
func (f *focusState) put(list []Button, i int) {
	f.on, f.at, f.key = true, i, keyOf(&list[i])
}

// Focusable lists the enabled buttons Tab goes through, in its order; while
// the help is up, only the help's.
func (s *Scene) Focusable() []Button {
	var list []Button
	add := func(bs []Button) {
		for _, b := range bs {
			if !b.Disabled && !b.Rect.Empty() {
				list = append(list, b)
			}
		}
	}
	if s.Controller.Help {
		add(laidOf[*helpPanel](s).Buttons)
		return list
	}
	add(s.Layout.Buttons)
	if !s.ClientsHUD.Hit.Empty() {
		add([]Button{{Cmd: CmdVerdict, Label: "verdict", Rect: s.ClientsHUD.Hit}})
	}
	if v, ok := s.Diagram(); ok {
		add(v.Buttons)
	}
	if s.time.view != nil {
		add(s.time.strip.Buttons)
	}
	if s.Console.Open {
		add(s.laidConsole.Buttons)
	}
	for _, p := range s.overlays.open {
		add(p.Buttons)
	}
	return list
}

// Focused returns the button the focus is on, while it shows.
func (s *Scene) Focused() (Button, bool) {
	if !s.focus.on {
		return Button{}, false
	}
	list := s.Focusable()
	if i := s.focus.find(list); i >= 0 {
		return list[i], true
	}
	return Button{}, false
}

// moveFocus moves the focus dir buttons on (+1, or -1 for Shift-Tab),
// round the list. A focus not yet shown starts at the first button of the
// panel on top, where the eye is (the node menu a digit opened), or with
// no panel open at the first (or last) button.
func (s *Scene) moveFocus(dir int) {
	list := s.Focusable()
	if len(list) == 0 {
		s.focus.on = false
		return
	}
	i := -1
	if s.focus.on {
		i = s.focus.find(list)
	}
	if i < 0 {
		if top := topFirst(list, s.topPanel()); top >= 0 {
			s.focus.put(list, top)
			return
		}
		if dir < 0 {
			i = len(list)
		}
	}
	s.focus.put(list, (i+dir+len(list))%len(list))
}

// topFirst is the place in list of panel p's first enabled button, or -1.
// A panel's buttons come after the toolbar's in the list, and the panel on
// top's last, so the last button with that key is the panel's.
func topFirst(list []Button, p *Panel) int {
	if p == nil {
		return -1
	}
	first := firstEnabled(p)
	for i := len(list) - 1; i >= 0; i-- {
		if keyOf(&list[i]) == first {
			return i
		}
	}
	return -1
}

// topPanel is the open panel on top (the help while it is up), or nil.
func (s *Scene) topPanel() *Panel {
	if s.Controller.Help {
		return laidOf[*helpPanel](s)
	}
	if len(s.overlays.open) == 0 {
		return nil
	}
	return s.overlays.open[len(s.overlays.open)-1]
}

// pressFocused does what a click on the focused button does. When that
// opens a panel, the focus goes to its first button, and comes back to the
// focused one when the panel closes.
func (s *Scene) pressFocused() ([]raftsim.Action, bool) {
	b, ok := s.Focused()
	if !ok {
		return nil, false
	}
	top := s.topPanel()
	acts := s.handle(Intent{Cmd: b.Cmd, Arg: b.Arg, Op: b.Op})
	if p := s.topPanel(); p != nil && p != top {
		list := s.Focusable()
		if i := topFirst(list, p); i >= 0 {
			s.focus.back = keyOf(&b)
			s.focus.put(list, i)
		}
	}
	return acts, true
}

// firstEnabled is the key of panel p's first enabled button.
func firstEnabled(p *Panel) focusKey {
	for i := range p.Buttons {
		if !p.Buttons[i].Disabled {
			return keyOf(&p.Buttons[i])
		}
	}
	return focusKey{}
}

// focusKeyPress handles the keys of the focus: Tab and Shift-Tab move it,
// Enter and Space press the focused button while the focus shows. It
// reports whether the key was the focus's. Any other key typed into the
// open console hides the focus, so that its Space and Enter type and run.
func (s *Scene) focusKeyPress(r rune) ([]raftsim.Action, bool) {
	switch r {
	case KeyTab:
		s.moveFocus(+1)
		return nil, true
	case KeyBackTab:
		s.moveFocus(-1)
		return nil, true
	case KeyEnter, '\r', ' ':
		if acts, ok := s.pressFocused(); ok {
			return acts, true
		}
	}
	if s.Console.Open {
		s.focus.on = false
	}
	return nil, false
}
