package scene

// addRecordButton puts a Record clip button at the end of the toolbar on a
// screen whose timeline strip has no room for one (recordRoom), where the
// toolbar's last row has room left: it never adds a row, which the ring
// would pay for. A screen with no room left records with
// raftplay.record().
func (l *Layout) addRecordButton(measure Measure) {
	u := l.Scale
	if l.W/u >= recordRoom || len(l.Buttons) == 0 {
		return
	}
	last := l.Buttons[len(l.Buttons)-1].Rect
	x := last.Right() + buttonGap*u
	for _, label := range []string{"Record clip", "Record", "Rec"} {
		if w := l.buttonW(label, "", "", measure); x+w <= l.W-Pad*u {
			l.Buttons = append(l.Buttons, Button{Cmd: CmdRecord, Label: label, Rect: Rect{x, last.Y, w, last.H}})
			return
		}
	}
}
