package render

import (
	"bytes"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/goregular"
)

// fonts hands out faces of the Go font by size, made once per size: a face is
// cheap, but its glyph cache lives in the source and is keyed by the face.
type fonts struct {
	src   *text.GoTextFaceSource
	faces map[float64]*text.GoTextFace
}

func newFonts() *fonts {
	src, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		// The font is compiled in; it parses or the build is broken.
		panic("render: the Go font does not parse: " + err.Error())
	}
	return &fonts{src: src, faces: map[float64]*text.GoTextFace{}}
}

// face returns the face of the given size in device pixels.
func (f *fonts) face(size float64) *text.GoTextFace {
	if fc, ok := f.faces[size]; ok {
		return fc
	}
	fc := &text.GoTextFace{Source: f.src, Size: size}
	f.faces[size] = fc
	return fc
}

// measure is a scene.Measure with the real font.
func (f *fonts) measure(s string, size float64) float64 { return text.Advance(s, f.face(size)) }
