package main

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

func TestSharedPage(t *testing.T) {
	for _, tc := range []struct{ href, want string }{
		{"http://192.168.1.20:8080/?share=qr", "http://192.168.1.20:8080/"},
		{"http://192.168.1.20:8080/index.html?seed=7&share=qr&theme=dark#x", "http://192.168.1.20:8080/index.html?seed=7&theme=dark"},
		{"https://example.org/raftplay/?scenario=partition", "https://example.org/raftplay/?scenario=partition"},
	} {
		got, err := sharedPage(tc.href)
		if err != nil || got != tc.want {
			t.Errorf("sharedPage(%q) = %q, %v; want %q", tc.href, got, err, tc.want)
		}
	}
}

// The image the page shows reads back, with a QR reader, as the address.
func TestQRPNGDecodes(t *testing.T) {
	const text = "http://192.168.1.20:8080/?seed=7"
	data, err := qrPNG(text)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR image does not decode: %v", err)
	}
	if res.GetText() != text {
		t.Errorf("the QR image reads %q, want %q", res.GetText(), text)
	}
}
