package main

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"testing"

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
	if got, want := decodeQR(t, img), browser.server.URL+"/?seed=3"; got != want {
		t.Errorf("the page's QR code reads %q, want %q", got, want)
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
