package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/render/scene"
)

// spriteKind is a fixed shape the sheet can hold.
type spriteKind uint8

const (
	spriteDisc spriteKind = iota
	spriteRing
	// spriteDashes is the dashed outline of a node that is down.
	spriteDashes
	spriteShape
	// spriteOutline is a message shape's outline, for a hollow (response)
	// message drawn over its background-coloured fill.
	spriteOutline
	spriteCross
	spriteTick
	// spriteBox and spriteBoxOutline are a rounded rectangle of size
	// bw×bh, filled or outlined: a log entry, solid or hollow.
	spriteBox
	spriteBoxOutline
)

// spriteKey names one sprite: a kind at a size. Sizes are device pixels,
// rounded to a quarter pixel so that a shape growing over a few frames (a
// dropped message's burst) reuses what it drew before.
type spriteKey struct {
	kind   spriteKind
	shape  scene.Shape
	r, w   float32
	bw, bh float32
}

// quarter rounds a size to a quarter pixel.
func quarter(x float64) float32 { return float32(math.Round(x*4) / 4) }

// sheetSize is the side of the sheet's image in device pixels: room for
// every node, message and icon shape at device scale 3 several times over.
const sheetSize = 2048

// sheet holds the fixed shapes, each rasterized once, white, with
// anti-aliased edges, into one image, and draws them as copies tinted to
// their colour. Copies of one image batch into a single draw call however
// many there are, where each anti-aliased vector path costs several passes
// of its own: so a frame with a hundred messages in flight costs about what
// one with none does.
type sheet struct {
	img     *ebiten.Image
	cells   map[spriteKey]image.Rectangle
	shelves scene.Shelves
	raster  painter
	op      ebiten.DrawImageOptions
	tri     ebiten.DrawTrianglesOptions
	verts   []ebiten.Vertex
	idx     []uint16
}

// reset empties the sheet; the sprites are drawn again as they are asked for.
func (sh *sheet) reset() {
	if sh.img == nil {
		sh.img = ebiten.NewImage(sheetSize, sheetSize)
	} else {
		sh.img.Clear()
	}
	sh.cells = map[spriteKey]image.Rectangle{}
	sh.shelves = scene.Shelves{Size: sheetSize}
}

// cell returns where sprite k is on the sheet, drawing it first if it is not
// there yet; ok is false for a sprite that has nothing to show (no area, or
// a size that is not a number), which is then not drawn. A full sheet
// starts again empty: it holds the sprites of several layouts, so that
// happens only while something keeps changing size.
func (sh *sheet) cell(k spriteKey) (r image.Rectangle, ok bool) {
	if sh.img == nil {
		sh.reset()
	}
	if r, ok := sh.cells[k]; ok {
		return r, true
	}
	// Room for the shape's reach, its stroke, anti-aliasing and a pixel of
	// clear space, so neighbours never bleed into each other.
	side := 2 * math.Ceil(float64(k.r)*1.5+float64(k.w))
	w, h, ok := scene.CellSize(side, side, 4)
	if k.kind == spriteBox || k.kind == spriteBoxOutline {
		w, h, ok = scene.CellSize(float64(k.bw), float64(k.bh), 4)
	}
	if !ok {
		return image.Rectangle{}, false
	}
	r, full := sh.shelves.Place(w, h)
	if full {
		sh.reset()
		r, _ = sh.shelves.Place(w, h)
	}
	sh.cells[k] = r
	sh.rasterize(k, r)
	return r, true
}

// rasterize draws sprite k in white, centred in r.
func (sh *sheet) rasterize(k spriteKey, r image.Rectangle) {
	p := &sh.raster
	p.dst = sh.img.SubImage(r).(*ebiten.Image)
	c := cellCentre(r)
	rad, w := float64(k.r), float64(k.w)
	white := color.RGBA{255, 255, 255, 255}
	switch k.kind {
	case spriteDisc:
		p.disc(c, rad, white)
	case spriteRing:
		p.ring(c, rad, w, white)
	case spriteDashes:
		p.dashedRing(c, rad, w, white)
	case spriteShape:
		p.shapePath(k.shape, c, rad)
		p.fillPath(white)
	case spriteOutline:
		// What shape draws over the fill of a hollow one.
		p.shapePath(k.shape, c, rad-w/2)
		p.strokePath(w, white)
	case spriteCross:
		p.cross(c, rad, w, white)
	case spriteTick:
		p.tick(c, rad, w, white)
	case spriteBox, spriteBoxOutline:
		b := scene.Rect{X: c.X - float64(k.bw)/2, Y: c.Y - float64(k.bh)/2, W: float64(k.bw), H: float64(k.bh)}
		if k.kind == spriteBox {
			p.box(b, rad, white, color.RGBA{}, 0)
		} else {
			p.roundRectPath(b.Inset(w/2), rad)
			p.strokePath(w, white)
		}
	}
}

// cellCentre is the point a sprite is centred on in its cell: a whole pixel,
// so a sprite drawn at a whole pixel is copied pixel for pixel.
func cellCentre(r image.Rectangle) scene.Point {
	return scene.Point{X: float64(r.Min.X + r.Dx()/2), Y: float64(r.Min.Y + r.Dy()/2)}
}

// draw copies sprite k onto dst centred at c (rounded to a whole pixel),
// tinted col.
func (sh *sheet) draw(dst *ebiten.Image, k spriteKey, c scene.Point, col color.RGBA) {
	r, ok := sh.cell(k)
	if !ok {
		return
	}
	centre := cellCentre(r)
	op := &sh.op
	op.GeoM.Reset()
	op.GeoM.Translate(math.Round(c.X)-(centre.X-float64(r.Min.X)), math.Round(c.Y)-(centre.Y-float64(r.Min.Y)))
	op.ColorScale.Reset()
	op.ColorScale.ScaleWithColor(col)
	dst.DrawImage(sh.img.SubImage(r).(*ebiten.Image), op)
}

// arcSegments is how many straight pieces a full turn of an arc's outline
// is cut into; enough that each piece's chord stays outside the ring's
// stroke for every ring the layout makes (see arc).
const arcSegments = 64

// arc draws the part of ring sprite k from angle a0 to a1 (radians,
// clockwise on screen, 0 pointing right) centred at c, tinted col: a fan of
// triangles from the centre whose texture is the ring, so its edges keep
// the ring's anti-aliasing and the whole arc is one batched draw however
// far round it goes.
func (sh *sheet) arc(dst *ebiten.Image, k spriteKey, c scene.Point, a0, a1 float64, col color.RGBA) {
	r, ok := sh.cell(k)
	if !ok {
		return
	}
	centre := cellCentre(r)
	// The fan reaches to the cell's edge, past the stroke's outer edge,
	// so the ring inside is whole.
	reach := float64(r.Dx())/2 - 0.5
	steps := max(1, int(math.Ceil((a1-a0)/(2*math.Pi)*arcSegments)))
	cr, cg, cb, ca := float32(col.R)/255, float32(col.G)/255, float32(col.B)/255, float32(col.A)/255
	at := scene.Point{X: math.Round(c.X), Y: math.Round(c.Y)}
	vertex := func(dx, dy float64) ebiten.Vertex {
		return ebiten.Vertex{
			DstX: f32(at.X + dx), DstY: f32(at.Y + dy),
			SrcX: f32(centre.X + dx), SrcY: f32(centre.Y + dy),
			ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca,
		}
	}
	sh.verts = append(sh.verts[:0], vertex(0, 0))
	sh.idx = sh.idx[:0]
	for i := 0; i <= steps; i++ {
		a := a0 + (a1-a0)*float64(i)/float64(steps)
		sh.verts = append(sh.verts, vertex(reach*math.Cos(a), reach*math.Sin(a)))
		if i > 0 {
			sh.idx = append(sh.idx, 0, uint16(i), uint16(i+1))
		}
	}
	// Colours are premultiplied, as color.RGBA is.
	sh.tri.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
	dst.DrawTriangles(sh.verts, sh.idx, sh.img.SubImage(r).(*ebiten.Image), &sh.tri)
}

// boxSlices draws a rounded rectangle too large for a sprite of its own
// (kind spriteBox or spriteBoxOutline, corners of radius rad, outline
// width) over r, rounded to whole pixels, tinted col: from the sprite of a
// small one with the same corners, its corners copied as they are and the
// pixels between them stretched along the edges and over the middle. So a
// panel costs a few copies that batch with the other sprites rather than
// an anti-aliased path's passes over its whole area. It reports false when
// r is too small in either direction to slice; then nothing is drawn.
func (sh *sheet) boxSlices(dst *ebiten.Image, kind spriteKind, r scene.Rect, rad, width float64, col color.RGBA) bool {
	// corner is how far in from the box's edges its corners reach; the
	// small box has a pixel column and row of straight edge between them.
	corner := int(math.Ceil(rad+width)) + 1
	small := 2*corner + 2
	x0, y0 := int(math.Round(r.X)), int(math.Round(r.Y))
	x1, y1 := int(math.Round(r.Right())), int(math.Round(r.Bottom()))
	if x1-x0 < small || y1-y0 < small {
		return false
	}
	k := spriteKey{kind: kind, r: quarter(rad), w: quarter(width), bw: float32(small), bh: float32(small)}
	cell, ok := sh.cell(k)
	if !ok {
		return false
	}
	// The small box lies 2 pixels in from its cell's edges (see cell), on
	// whole pixels since its size is even.
	xs := scene.SliceSpans(cell.Min.X+2, small, corner, x0, x1)
	ys := scene.SliceSpans(cell.Min.Y+2, small, corner, y0, y1)
	op := &sh.op
	for _, y := range ys {
		for _, x := range xs {
			op.GeoM.Reset()
			op.GeoM.Scale(float64(x.Dst1-x.Dst0)/float64(x.Src1-x.Src0), float64(y.Dst1-y.Dst0)/float64(y.Src1-y.Src0))
			op.GeoM.Translate(float64(x.Dst0), float64(y.Dst0))
			op.ColorScale.Reset()
			op.ColorScale.ScaleWithColor(col)
			dst.DrawImage(sh.img.SubImage(image.Rect(x.Src0, y.Src0, x.Src1, y.Src1)).(*ebiten.Image), op)
		}
	}
	return true
}
