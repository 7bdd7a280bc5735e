package scene

import (
	"fmt"
	"image/color"
	"math"
	"testing"
)

// Colour-vision deficiencies as Machado, Oliveira and Fernandes (2009)
// simulate them at full severity: matrices on linear RGB.
var visions = map[string][3][3]float64{
	"normal":       {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

func linear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// lab returns c's CIELAB coordinates (D65) as a person with vision m sees it.
func lab(c color.RGBA, m [3][3]float64) [3]float64 {
	in := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var rgbl [3]float64
	for i := range 3 {
		for j := range 3 {
			rgbl[i] += m[i][j] * in[j]
		}
		rgbl[i] = math.Min(1, math.Max(0, rgbl[i]))
	}
	x := (0.4124*rgbl[0] + 0.3576*rgbl[1] + 0.1805*rgbl[2]) / 0.95047
	y := 0.2126*rgbl[0] + 0.7152*rgbl[1] + 0.0722*rgbl[2]
	z := (0.0193*rgbl[0] + 0.1192*rgbl[1] + 0.9505*rgbl[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// deltaE is the CIE76 colour difference of a and b as vision m sees them.
func deltaE(a, b color.RGBA, m [3][3]float64) float64 {
	p, q := lab(a, m), lab(b, m)
	return math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2]))
}

// minContrast is the least CIE76 difference the colour-blind themes keep
// between any two colours that mean different things, for every vision:
// over six times the just-noticeable difference of 2.3 (Sharma, Digital
// Color Imaging Handbook, 2003). Okabe-Ito's own eight hues keep 16.
const minContrast = 15

// In the colour-blind themes every pair of role colours, of term colours
// and of message colours differs by at least minContrast, seen with normal
// vision and with each of protanopia, deuteranopia and tritanopia; and each
// stands apart from the background.
func TestColorblindThemesKeepColoursApart(t *testing.T) {
	for _, th := range []*Theme{&Colorblind, &ColorblindDark} {
		sets := map[string][]color.RGBA{
			"roles":    {th.Follower, th.PreCandidate, th.Candidate, th.Leader, th.Down},
			"terms":    th.Terms,
			"messages": th.Messages[:],
		}
		for vision, m := range visions {
			for set, cs := range sets {
				least, pair := math.Inf(1), ""
				for i := range cs {
					if d := deltaE(cs[i], th.Background, m); d < minContrast {
						t.Errorf("%s, %s: %s colour %d is %.1f from the background", th.Name, vision, set, i, d)
					}
					for j := i + 1; j < len(cs); j++ {
						if d := deltaE(cs[i], cs[j], m); d < least {
							least, pair = d, fmt.Sprintf("%d and %d", i, j)
						}
					}
				}
				if least < minContrast {
					t.Errorf("%s, %s: %s colours %s differ by %.1f, want at least %d", th.Name, vision, set, pair, least, minContrast)
				}
				t.Logf("%s %-12s %-8s least difference %.1f (%s)", th.Name, vision, set, least, pair)
			}
		}
	}
}
