package render

import (
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"raftplay/render/scene"
)

// fonts hands out faces of the Go font by size, made once per size so each
// keeps its glyph cache.
//
// The faces are x/image's opentype rasterizer behind text/v2's GoXFace
// rather than text/v2's GoTextFace: the page draws only Latin text, which
// needs no shaping, and leaving the HarfBuzz shaper out saves about half a
// megabyte of wasm on the wire and the shaping of every new string.
type fonts struct {
	src   *opentype.Font
	faces map[float64]*text.GoXFace
	fits  *scene.Fitter
}

func newFonts() *fonts {
	src, err := opentype.Parse(goregular.TTF)
	if err != nil {
		// The font is compiled in; it parses or the build is broken.
		panic("render: the Go font does not parse: " + err.Error())
	}
	f := &fonts{src: src, faces: map[float64]*text.GoXFace{}}
	f.fits = scene.NewFitter(f.measure)
	return f
}

// face returns the face of the given size in device pixels.
func (f *fonts) face(size float64) *text.GoXFace {
	if fc, ok := f.faces[size]; ok {
		return fc
	}
	// NewFace never fails: it only scales the font (x/image v0.43.0).
	xf, _ := opentype.NewFace(f.src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	fc := text.NewGoXFace(xf)
	f.faces[size] = fc
	return fc
}

// measure is a scene.Measure with the real font.
func (f *fonts) measure(s string, size float64) float64 { return text.Advance(s, f.face(size)) }

// fit is scene.Fit with the real font, remembered (see scene.Fitter).
func (f *fonts) fit(s string, width, size float64) string { return f.fits.Fit(s, width, size) }
