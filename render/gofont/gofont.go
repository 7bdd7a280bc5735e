// Package gofont measures text as the playground draws it, without Ebiten:
// the Go font through x/image's opentype faces, made as render's fonts make
// theirs, summing advances and kerning as Ebiten's text/v2 GoXFace does.
// Ebiten needs a window to start natively, so the layout's users outside the
// browser (the poster's generator, the browser tests that find things on
// the canvas) measure with this.
package gofont

import (
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"raftplay/render/scene"
)

// Measure returns a scene.Measure giving the widths the playground's faces
// give. It keeps a face per size, and is not safe for concurrent use.
func Measure() (scene.Measure, error) {
	src, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	faces := map[float64]font.Face{}
	return func(s string, size float64) float64 {
		f, ok := faces[size]
		if !ok {
			// NewFace never fails: it only scales the font (x/image v0.43.0).
			f, _ = opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
			faces[size] = f
		}
		return float64(font.MeasureString(f, s)) / 64
	}, nil
}
