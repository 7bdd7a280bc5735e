package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// mover moves a part of an image to another place in it, as a list scrolls
// or a strip slides. Ebiten cannot draw an image onto itself, so the part
// goes through a scratch image, kept while the part's size stays.
type mover struct {
	scratch *ebiten.Image
	op      ebiten.DrawImageOptions
}

// move copies the pixels of from in img (its own coordinates, as its
// sub-images share them) to the rectangle of the same size whose top left
// corner is to, replacing what was there.
func (m *mover) move(img *ebiten.Image, from image.Rectangle, to image.Point) {
	if from.Empty() {
		return
	}
	if m.scratch == nil || m.scratch.Bounds().Size() != from.Size() {
		if m.scratch != nil {
			m.scratch.Deallocate()
		}
		m.scratch = ebiten.NewImage(from.Dx(), from.Dy())
	}
	op := &m.op
	op.Blend = ebiten.BlendCopy
	op.GeoM.Reset() // a sub-image drawn is placed by its own top left corner
	m.scratch.DrawImage(img.SubImage(from).(*ebiten.Image), op)
	op.GeoM.Translate(float64(to.X), float64(to.Y))
	img.DrawImage(m.scratch, op)
}
