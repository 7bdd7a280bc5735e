package main

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"raftplay/render/scene"
)

// share=qr covers the playground with a QR code of the page's address,
// share=qr left out, which a QR reader reads back; a click takes it away
// and the playground runs underneath.
func TestBrowserShareQR(t *testing.T) {
	tab := openPlayground(t, "seed=3&share=qr")
	src := eval[string](tab, `document.querySelector("#raftplay-share img").src`)
	data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, "data:image/png;base64,"))
	if err != nil {
		t.Fatalf("the QR image is not a base64 PNG data URL: %.60s…", src)
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
		t.Fatalf("the page's QR code does not decode: %v", err)
	}
	if want := browser.server.URL + "/?seed=3"; res.GetText() != want {
		t.Errorf("the page's QR code reads %q, want %q", res.GetText(), want)
	}
	if caption := eval[string](tab, `document.getElementById("raftplay-share").textContent`); !strings.Contains(caption, browser.server.URL+"/?seed=3") {
		t.Errorf("the address is not written under the code: %q", caption)
	}
	tab.click(scene.Point{X: 20, Y: 20})
	if eval[bool](tab, `document.getElementById("raftplay-share") !== null`) {
		t.Error("the QR code is still up after a click")
	}
	tab.until("a leader under the code", budgetMs, electionStepMs, hasLeader)
}
