package main

import (
	"net/url"

	"rsc.io/qr"
)

// qrPixelsPerModule makes the page's QR code image large enough to stay
// sharp when the browser scales it up for a projector.
const qrPixelsPerModule = 8

// sharedPage is the address a class should open: the page's own address
// without share=qr, so that phones get the playground, not another code.
func sharedPage(href string) (string, error) {
	u, err := url.Parse(href)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Del("share")
	u.RawQuery = q.Encode()
	u.Fragment = ""
	return u.String(), nil
}

// qrPNG encodes text as a QR code in a PNG image, quiet zone included.
func qrPNG(text string) ([]byte, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, err
	}
	code.Scale = qrPixelsPerModule
	return code.PNG(), nil
}
