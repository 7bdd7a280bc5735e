package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"raftplay/render/scene"
)

// painter draws antialiased shapes and text on one image. It keeps its paths
// and options between calls, so drawing a frame allocates next to nothing.
// With a sheet, the fixed shapes (discs, rings, message shapes, crosses,
// ticks, arcs) are copies of sprites; without one (the sheet's own painter)
// they are vector paths.
type painter struct {
	dst    *ebiten.Image
	fonts  *fonts
	sheet  *sheet
	path   vector.Path
	stroke vector.Path
	fill   vector.FillOptions
	draw   vector.DrawPathOptions
	line   vector.AddStrokeOptions
	text   text.DrawOptions
}

func f32(x float64) float32 { return float32(x) }

// fillPath fills the current path with c and starts a new one.
func (p *painter) fillPath(c color.RGBA) {
	p.draw.AntiAlias = true
	p.draw.ColorScale.Reset()
	p.draw.ColorScale.ScaleWithColor(c)
	vector.FillPath(p.dst, &p.path, &p.fill, &p.draw)
	p.path.Reset()
}

// strokePath strokes the current path with round joins and starts a new one.
func (p *painter) strokePath(width float64, c color.RGBA) {
	p.stroke.Reset()
	p.line.Width = f32(width)
	p.line.LineJoin = vector.LineJoinRound
	p.line.LineCap = vector.LineCapRound
	p.stroke.AddStroke(&p.path, &p.line)
	p.path.Reset()
	p.draw.AntiAlias = true
	p.draw.ColorScale.Reset()
	p.draw.ColorScale.ScaleWithColor(c)
	vector.FillPath(p.dst, &p.stroke, &p.fill, &p.draw)
}

func (p *painter) moveTo(q scene.Point) { p.path.MoveTo(f32(q.X), f32(q.Y)) }
func (p *painter) lineTo(q scene.Point) { p.path.LineTo(f32(q.X), f32(q.Y)) }

func (p *painter) circlePath(c scene.Point, r float64) {
	p.path.Arc(f32(c.X), f32(c.Y), f32(r), 0, 2*math.Pi, vector.Clockwise)
	p.path.Close()
}

// disc fills a circle.
func (p *painter) disc(c scene.Point, r float64, col color.RGBA) {
	if p.sheet != nil {
		p.sheet.draw(p.dst, spriteKey{kind: spriteDisc, r: quarter(r)}, c, col)
		return
	}
	p.circlePath(c, r)
	p.fillPath(col)
}

// ring strokes a circle.
func (p *painter) ring(c scene.Point, r, width float64, col color.RGBA) {
	if p.sheet != nil {
		p.sheet.draw(p.dst, ringKey(r, width), c, col)
		return
	}
	p.circlePath(c, r)
	p.strokePath(width, col)
}

// arc strokes the part of a circle from angle a0 to a1 (radians, clockwise
// on screen, 0 pointing right).
func (p *painter) arc(c scene.Point, r, a0, a1, width float64, col color.RGBA) {
	if p.sheet != nil {
		p.sheet.arc(p.dst, ringKey(r, width), c, a0, a1, col)
		return
	}
	p.moveTo(scene.Point{X: c.X + r*math.Cos(a0), Y: c.Y + r*math.Sin(a0)})
	p.path.Arc(f32(c.X), f32(c.Y), f32(r), f32(a0), f32(a1), vector.Clockwise)
	p.strokePath(width, col)
}

// dashedRing strokes a circle in twelve dashes.
func (p *painter) dashedRing(c scene.Point, r, width float64, col color.RGBA) {
	if p.sheet != nil {
		p.sheet.draw(p.dst, spriteKey{kind: spriteDashes, r: quarter(r), w: quarter(width)}, c, col)
		return
	}
	top := -math.Pi / 2
	for i := range 12 {
		a := top + 2*math.Pi*float64(i)/12
		p.moveTo(scene.Point{X: c.X + r*math.Cos(a), Y: c.Y + r*math.Sin(a)})
		p.path.Arc(f32(c.X), f32(c.Y), f32(r), f32(a), f32(a+math.Pi/12), vector.Clockwise)
	}
	p.strokePath(width, col)
}

// ringKey names the sprite of a ring.
func ringKey(r, width float64) spriteKey {
	return spriteKey{kind: spriteRing, r: quarter(r), w: quarter(width)}
}

// segment strokes a straight line.
func (p *painter) segment(a, b scene.Point, width float64, col color.RGBA) {
	p.moveTo(a)
	p.lineTo(b)
	p.strokePath(width, col)
}

// dashed strokes a dashed line from a to b, all dashes in one path.
func (p *painter) dashed(a, b scene.Point, width, dash, gap float64, col color.RGBA) {
	d := b.Sub(a)
	n := d.Len()
	dir := d.Unit()
	for t := 0.0; t < n; t += dash + gap {
		p.moveTo(a.Add(dir.Scale(t)))
		p.lineTo(a.Add(dir.Scale(math.Min(t+dash, n))))
	}
	p.strokePath(width, col)
}

// roundRectPath adds a rectangle with corners of radius rad to the path.
func (p *painter) roundRectPath(r scene.Rect, rad float64) {
	rad = math.Min(rad, math.Min(r.W, r.H)/2)
	x0, y0, x1, y1 := f32(r.X), f32(r.Y), f32(r.Right()), f32(r.Bottom())
	k := f32(rad)
	p.path.MoveTo(x0+k, y0)
	p.path.ArcTo(x1, y0, x1, y1, k)
	p.path.ArcTo(x1, y1, x0, y1, k)
	p.path.ArcTo(x0, y1, x0, y0, k)
	p.path.ArcTo(x0, y0, x1, y0, k)
	p.path.Close()
}

// maxBoxSprite is the largest rounded rectangle, in device pixels either
// way, drawn from a sprite of its own: log entries and sample boxes are;
// larger ones are drawn from slices of a small one (boxSlices).
const maxBoxSprite = 160

// boxKey names the sprite of a rounded rectangle the size of r, or reports
// that r is too large for one.
func (p *painter) boxKey(kind spriteKind, r scene.Rect, rad, width float64) (spriteKey, bool) {
	if p.sheet == nil || r.W > maxBoxSprite || r.H > maxBoxSprite {
		return spriteKey{}, false
	}
	return spriteKey{kind: kind, r: quarter(rad), w: quarter(width), bw: quarter(r.W), bh: quarter(r.H)}, true
}

// boxOutline strokes a rounded rectangle just inside r.
func (p *painter) boxOutline(r scene.Rect, rad, width float64, col color.RGBA) {
	if p.boxSprite(spriteBoxOutline, r, rad, width, col) {
		return
	}
	p.roundRectPath(r.Inset(width/2), rad)
	p.strokePath(width, col)
}

// boxSprite draws a rounded rectangle of kind spriteBox or spriteBoxOutline
// from the sheet: from slices of a small one's sprite when it is large
// enough to slice, so one small sprite serves every panel and button with
// those corners and a button of a new width rasterizes nothing (a sprite
// each made the first frame rasterize two per toolbar button); else from a
// sprite of its own. It reports false when it cannot.
func (p *painter) boxSprite(kind spriteKind, r scene.Rect, rad, width float64, col color.RGBA) bool {
	if p.sheet == nil {
		return false
	}
	if p.sheet.boxSlices(p.dst, kind, r, rad, width, col) {
		return true
	}
	return p.cellSprite(kind, r, rad, width, col)
}

// cellSprite draws a rounded rectangle of kind spriteBox or spriteBoxOutline
// from a sprite of its own, one copy, when it is small enough for one. Log
// entries are drawn so: hundreds of them share a few sizes, and one copy
// each costs less than nine slices.
func (p *painter) cellSprite(kind spriteKind, r scene.Rect, rad, width float64, col color.RGBA) bool {
	k, ok := p.boxKey(kind, r, rad, width)
	if ok {
		p.sheet.draw(p.dst, k, r.Center(), col)
	}
	return ok
}

// box fills a rounded rectangle and, when border has any alpha, outlines it.
func (p *painter) box(r scene.Rect, rad float64, fill, border color.RGBA, width float64) {
	if p.boxSprite(spriteBox, r, rad, 0, fill) {
		if border.A > 0 {
			p.boxOutline(r, rad, width, border)
		}
		return
	}
	p.roundRectPath(r, rad)
	p.fillPath(fill)
	if border.A > 0 {
		p.roundRectPath(r, rad)
		p.strokePath(width, border)
	}
}

// rect fills a plain rectangle.
func (p *painter) rect(r scene.Rect, col color.RGBA) {
	vector.FillRect(p.dst, f32(r.X), f32(r.Y), f32(r.W), f32(r.H), col, false)
}

// polygonPath adds a regular polygon of n corners around c, the first corner
// at angle a0.
func (p *painter) polygonPath(c scene.Point, r float64, n int, a0 float64) {
	for i := range n {
		a := a0 + 2*math.Pi*float64(i)/float64(n)
		q := scene.Point{X: c.X + r*math.Cos(a), Y: c.Y + r*math.Sin(a)}
		if i == 0 {
			p.moveTo(q)
		} else {
			p.lineTo(q)
		}
	}
	p.path.Close()
}

// starPath adds a five-pointed star around c.
func (p *painter) starPath(c scene.Point, r float64) {
	for i := range 10 {
		a := -math.Pi/2 + math.Pi*float64(i)/5
		rr := r
		if i%2 == 1 {
			rr = r * 0.45
		}
		q := scene.Point{X: c.X + rr*math.Cos(a), Y: c.Y + rr*math.Sin(a)}
		if i == 0 {
			p.moveTo(q)
		} else {
			p.lineTo(q)
		}
	}
	p.path.Close()
}

// shapePath adds the outline of shape s, sized so that every shape looks
// about as large as a circle of radius r.
func (p *painter) shapePath(s scene.Shape, c scene.Point, r float64) {
	switch s {
	case scene.ShapeSquare:
		p.polygonPath(c, r*1.2, 4, math.Pi/4)
	case scene.ShapeDiamond:
		p.polygonPath(c, r*1.3, 4, 0)
	case scene.ShapeTriangle:
		p.polygonPath(c, r*1.35, 3, -math.Pi/2)
	case scene.ShapeHexagon:
		p.polygonPath(c, r*1.15, 6, 0)
	case scene.ShapePentagon:
		p.polygonPath(c, r*1.2, 5, -math.Pi/2)
	case scene.ShapeStar:
		p.starPath(c, r*1.5)
	default:
		p.circlePath(c, r)
	}
}

// shape draws shape s filled with col, or hollow: outlined in col over bg.
func (p *painter) shape(s scene.Shape, c scene.Point, r float64, hollow bool, col, bg color.RGBA, width float64) {
	if p.sheet != nil {
		fill := spriteKey{kind: spriteShape, shape: s, r: quarter(r)}
		if !hollow {
			p.sheet.draw(p.dst, fill, c, col)
			return
		}
		p.sheet.draw(p.dst, fill, c, bg)
		p.sheet.draw(p.dst, spriteKey{kind: spriteOutline, shape: s, r: quarter(r), w: quarter(width)}, c, col)
		return
	}
	p.shapePath(s, c, r)
	if !hollow {
		p.fillPath(col)
		return
	}
	p.fillPath(bg)
	p.shapePath(s, c, r-width/2)
	p.strokePath(width, col)
}

// cross draws an × of half-size r.
func (p *painter) cross(c scene.Point, r, width float64, col color.RGBA) {
	if p.sheet != nil {
		p.sheet.draw(p.dst, spriteKey{kind: spriteCross, r: quarter(r), w: quarter(width)}, c, col)
		return
	}
	p.moveTo(c.Add(scene.Point{X: -r, Y: -r}))
	p.lineTo(c.Add(scene.Point{X: r, Y: r}))
	p.moveTo(c.Add(scene.Point{X: r, Y: -r}))
	p.lineTo(c.Add(scene.Point{X: -r, Y: r}))
	p.strokePath(width, col)
}

// tick draws a check mark that fills a circle of radius r around c.
func (p *painter) tick(c scene.Point, r, width float64, col color.RGBA) {
	if p.sheet != nil {
		p.sheet.draw(p.dst, spriteKey{kind: spriteTick, r: quarter(r), w: quarter(width)}, c, col)
		return
	}
	p.moveTo(c.Add(scene.Point{X: -r * 0.5, Y: 0}))
	p.lineTo(c.Add(scene.Point{X: -r * 0.1, Y: r * 0.4}))
	p.lineTo(c.Add(scene.Point{X: r * 0.5, Y: -r * 0.4}))
	p.strokePath(width, col)
}

// print draws one line of text at size (device pixels). at is the point the
// alignments refer to: with start/start it is the top-left of the line box.
func (p *painter) print(s string, at scene.Point, size float64, col color.RGBA, h, v text.Align) {
	op := &p.text
	op.GeoM.Reset()
	op.GeoM.Translate(math.Round(at.X), math.Round(at.Y))
	op.ColorScale.Reset()
	op.ColorScale.ScaleWithColor(col)
	op.PrimaryAlign, op.SecondaryAlign = h, v
	text.Draw(p.dst, s, p.fonts.face(size), op)
}

// printLeft draws text with the top-left of its line box at at.
func (p *painter) printLeft(s string, at scene.Point, size float64, col color.RGBA) {
	p.print(s, at, size, col, text.AlignStart, text.AlignStart)
}
