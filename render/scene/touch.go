package scene

// TouchGestures are what a finger does, listed by the help overlay once the
// screen has been touched. Every control is a button or a tap target, so a
// tap does what a click does; a long press is a tap that waits, which is
// what people try first on a phone when they look for a menu.
var TouchGestures = []HelpLine{
	{"tap", "a node, a message or a button: what a click does"},
	{"long-press", "a node: its menu (crash, restart, …)"},
	{"drag", "partition mode: a node onto another"},
	{"tap verdict", "clients, stress and the etcdctl console"},
	{"tap the line", "console: the on-screen keyboard"},
}

// Touch records that the screen was touched at p, from then on the help
// overlay lists the gestures, and moves the pointer there, so that a drag
// in partition mode follows the finger.
func (s *Scene) Touch(p Point) {
	s.Pointer = p
	s.dragTime(p)
	if !s.Touched {
		s.Touched = true
		s.relayout() // the toolbar drops its key hints
	}
}

// gestures are the help overlay's lines for the touch gestures, once the
// screen has been touched; it lists them first.
func (s *Scene) gestures() []HelpLine {
	if s.Touched {
		return TouchGestures
	}
	return nil
}
