package main

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// EBML element IDs of a WebM file that the test reads.
const (
	ebmlHeader  = 0x1A45DFA3
	ebmlDocType = 0x4282
	segmentID   = 0x18538067
	tracksID    = 0x1654AE6B
	trackEntry  = 0xAE
	videoID     = 0xE0
	pixelWidth  = 0xB0
	pixelHeight = 0xBA
	clusterID   = 0x1F43B675
	simpleBlock = 0xA3
	blockGroup  = 0xA0
)

// webmInfo is what the test reads from a clip: its doctype, its video
// track's frame size and how many blocks (frames) it holds.
type webmInfo struct {
	docType       string
	width, height uint64
	blocks        int
}

// vint reads an EBML variable-length number at b[i:]; with keepMarker the
// length marker stays in (element IDs), else it is cleared (sizes). An
// unknown size (all ones) comes back as -1.
func vint(b []byte, i int, keepMarker bool) (int64, int, error) {
	if i >= len(b) {
		return 0, 0, fmt.Errorf("EBML ends at %d", i)
	}
	n := 1
	for mask := byte(0x80); n <= 8 && b[i]&mask == 0; mask >>= 1 {
		n++
	}
	if n > 8 || i+n > len(b) {
		return 0, 0, fmt.Errorf("bad EBML number at %d", i)
	}
	v := uint64(b[i])
	if !keepMarker {
		v &= 0xFF >> n
	}
	allOnes := v == 0xFF>>n
	for _, c := range b[i+1 : i+n] {
		v = v<<8 | uint64(c)
		allOnes = allOnes && c == 0xFF
	}
	if !keepMarker && allOnes {
		return -1, n, nil
	}
	return int64(v), n, nil
}

// readWebM walks the elements of b[from:to] into info; a master element of
// unknown size (a live recording's Segment and Clusters) runs on to its
// parent's end, its children read in line.
func readWebM(b []byte, from, to int, info *webmInfo) error {
	for i := from; i < to; {
		id, n, err := vint(b, i, true)
		if err != nil {
			return err
		}
		size, m, err := vint(b, i+n, false)
		if err != nil {
			return err
		}
		body := i + n + m
		end := body + int(size)
		if size < 0 || end > to {
			end = to
		}
		switch id {
		case ebmlHeader, segmentID, tracksID, trackEntry, videoID, clusterID, blockGroup:
			if size < 0 {
				// Unknown size: the children follow in line.
				i = body
				continue
			}
			if err := readWebM(b, body, end, info); err != nil {
				return err
			}
			if id == blockGroup {
				info.blocks++
			}
		case ebmlDocType:
			info.docType = string(b[body:end])
		case pixelWidth, pixelHeight:
			var v uint64
			for _, c := range b[body:end] {
				v = v<<8 | uint64(c)
			}
			if id == pixelWidth {
				info.width = v
			} else {
				info.height = v
			}
		case simpleBlock:
			info.blocks++
		}
		i = end
	}
	return nil
}

// The Record clip button records the canvas while the run plays: a bar
// outside the canvas shows the time and Stop, and Stop downloads a WebM
// whose video is the page's size and holds frames.
func TestBrowserRecordClip(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark&speed=0.1")
	eval[bool](tab, `(() => {
		HTMLAnchorElement.prototype.click = function () {
			window.clip = {name: this.download};
			fetch(this.href).then(r => r.arrayBuffer()).then(buf => {
				let s = ""; for (const c of new Uint8Array(buf)) s += String.fromCharCode(c);
				window.clip.data = btoa(s);
			});
		};
		return true;
	})()`)
	tab.click(tab.panel("timeline-record").Center())
	tab.pollFor("the recording bar", `(document.getElementById("raftplay-recording")?.textContent ?? "").includes("Recording 0:0")`, 10*time.Second)
	time.Sleep(3 * time.Second)
	if got := eval[string](tab, `document.getElementById("raftplay-recording").textContent`); !strings.Contains(got, "Recording 0:0") || strings.Contains(got, "0:00") {
		t.Errorf("after 3 s the bar says %q, want the seconds counted", got)
	}
	tab.saveShot("recording.png")
	if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS("#raftplay-recording button"))); err != nil {
		t.Fatalf("clicking Stop: %v", err)
	}
	tab.pollFor("the clip's download", `window.clip && window.clip.data !== undefined`, 30*time.Second)
	if eval[bool](tab, `document.getElementById("raftplay-recording") !== null`) {
		t.Error("the recording bar stays after Stop")
	}
	name := eval[string](tab, "window.clip.name")
	if !strings.HasPrefix(name, "raftplay-seed7-") || !strings.HasSuffix(name, ".webm") {
		t.Errorf("the clip is called %q", name)
	}
	data, err := base64.StdEncoding.DecodeString(eval[string](tab, "window.clip.data"))
	if err != nil {
		t.Fatal(err)
	}
	var info webmInfo
	if err := readWebM(data, 0, len(data), &info); err != nil {
		t.Fatalf("the clip (%d bytes) is not WebM: %v", len(data), err)
	}
	t.Logf("clip: %d bytes, %s, %dx%d, %d frames", len(data), info.docType, info.width, info.height, info.blocks)
	if info.docType != "webm" || info.width != uint64(viewW) || info.height != uint64(viewH) || info.blocks < 2 {
		t.Errorf("the clip is %q %dx%d with %d frames, want webm at the page's %dx%d with frames", info.docType, info.width, info.height, info.blocks, viewW, viewH)
	}
}

// A browser without MediaRecorder says so, on screen and to record().
func TestBrowserRecordClipWithoutMediaRecorder(t *testing.T) {
	requireBrowser(t)
	tab := openURL(t, browser.server.URL+"/?seed=7", ownAPI, defaultView, func(tab *tab) {
		if _, err := chromedp.Call(tab.ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: "delete window.MediaRecorder"}); err != nil {
			t.Fatal(err)
		}
	})
	got := eval[string](tab, tab.api+".record()")
	if !strings.Contains(got, `"ok":false`) || !strings.Contains(got, "no MediaRecorder") {
		t.Errorf("record() without MediaRecorder = %s", got)
	}
	tab.click(tab.panel("timeline-record").Center())
	tab.waitConsole(10*time.Second, "raftplay: ", "cannot record a clip")
}
