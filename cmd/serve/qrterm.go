package main

import (
	"strings"

	"rsc.io/qr"
)

// quietZone is the light border round a QR code, in modules, that lets a
// reader find it; the standard asks for 4.
const quietZone = 4

// ANSI colours: explicit black and white, so the code reads the same on a
// light or a dark terminal.
const (
	ansiFgBlack = "\x1b[30m"
	ansiFgWhite = "\x1b[97m"
	ansiBgBlack = "\x1b[40m"
	ansiBgWhite = "\x1b[107m"
	ansiReset   = "\x1b[0m"
)

// upperHalf draws the top half of a cell in the foreground colour and the
// bottom half in the background colour: two modules per character cell,
// which keeps the code square in a terminal's tall cells.
const upperHalf = "▀"

// terminalQR draws text as a QR code for a terminal, quiet zone included,
// one line per two rows of modules.
func terminalQR(text string) (string, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", err
	}
	dark := func(x, y int) bool {
		x, y = x-quietZone, y-quietZone
		return x >= 0 && y >= 0 && x < code.Size && y < code.Size && code.Black(x, y)
	}
	side := code.Size + 2*quietZone
	var b strings.Builder
	for y := 0; y < side; y += 2 {
		for x := range side {
			fg, bg := ansiFgWhite, ansiBgWhite
			if dark(x, y) {
				fg = ansiFgBlack
			}
			if dark(x, y+1) {
				bg = ansiBgBlack
			}
			b.WriteString(fg + bg + upperHalf)
		}
		b.WriteString(ansiReset + "\n")
	}
	return b.String(), nil
}
