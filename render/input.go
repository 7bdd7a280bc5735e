package render

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"raftplay/render/scene"
)

// specialKeys are the keys that type no character but have a meaning; those
// that repeat do so while held, as they would in a text field.
var specialKeys = []struct {
	key    ebiten.Key
	r      rune
	repeat bool
}{
	{ebiten.KeyEnter, scene.KeyEnter, false},
	{ebiten.KeyNumpadEnter, scene.KeyEnter, false},
	{ebiten.KeyEscape, scene.KeyEscape, false},
	{ebiten.KeyBackspace, scene.KeyBackspace, true},
	{ebiten.KeyArrowUp, scene.KeyUp, false},
	{ebiten.KeyArrowDown, scene.KeyDown, false},
	{ebiten.KeyArrowLeft, scene.KeyLeft, true},
	{ebiten.KeyArrowRight, scene.KeyRight, true},
	{ebiten.KeyPageUp, scene.KeyPageUp, true},
	{ebiten.KeyPageDown, scene.KeyPageDown, true},
}

// A held key repeats after keyRepeatDelay ticks, every keyRepeatEvery ticks.
const (
	keyRepeatDelay = 30
	keyRepeatEvery = 3
)

// pressedNow reports whether key k acts this tick: when it goes down and,
// for a repeating key held down, at each repeat. A key that went down and
// up again since the last tick has no press duration (Ebiten counts one
// only while the key is held), yet it was pressed: on a slow machine, where
// a frame takes longer than a tap, most taps are such.
func pressedNow(k ebiten.Key, repeat bool) bool {
	if inpututil.IsKeyJustPressed(k) {
		return true
	}
	d := inpututil.KeyPressDuration(k)
	return repeat && d >= keyRepeatDelay && (d-keyRepeatDelay)%keyRepeatEvery == 0
}

// readInput hands this frame's keys, clicks and taps to the scene and does
// the actions they ask for. Typed characters are read rather than key codes
// so that "?", "=" and "-" work on every keyboard layout.
func (g *Game) readInput() {
	s := g.scene
	g.runes = ebiten.AppendInputChars(g.takeTyped(g.runes[:0]))
	for _, r := range g.runes {
		g.do(s.Key(r))
	}
	for _, k := range specialKeys {
		if pressedNow(k.key, k.repeat) {
			g.do(s.Key(k.r))
		}
	}
	if pressedNow(ebiten.KeyTab, true) {
		tab := scene.KeyTab
		if ebiten.IsKeyPressed(ebiten.KeyShift) {
			tab = scene.KeyBackTab
		}
		g.do(s.Key(tab))
	}

	x, y := ebiten.CursorPosition()
	mouse := scene.Point{X: float64(x), Y: float64(y)}
	s.Move(mouse)
	if _, dy := ebiten.Wheel(); dy != 0 {
		s.Wheel(mouse, dy)
	}
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		s.Press(mouse)
	}
	if inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) {
		g.do(s.Release(mouse))
	}

	// A finger on the screen points like the mouse; a tap is a click:
	// down where the finger lands, up where it last was.
	g.touches = ebiten.AppendTouchIDs(g.touches[:0])
	for _, id := range g.touches {
		x, y := ebiten.TouchPosition(id)
		s.Touch(scene.Point{X: float64(x), Y: float64(y)})
	}
	g.touches = inpututil.AppendJustPressedTouchIDs(g.touches[:0])
	for _, id := range g.touches {
		x, y := ebiten.TouchPosition(id)
		s.Press(scene.Point{X: float64(x), Y: float64(y)})
	}
	g.touches = inpututil.AppendJustReleasedTouchIDs(g.touches[:0])
	for _, id := range g.touches {
		x, y := inpututil.TouchPositionInPreviousTick(id)
		g.do(s.Release(scene.Point{X: float64(x), Y: float64(y)}))
	}

	cursor := ebiten.CursorShapeDefault
	if s.Hover.Clickable() {
		cursor = ebiten.CursorShapePointer
	}
	if cursor != g.cursor {
		g.cursor = cursor
		ebiten.SetCursorShape(cursor)
	}
}
