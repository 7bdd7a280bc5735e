package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress bar on a terminal's stderr, redrawn in
// place, at most a few times a second.
type progress struct {
	w     io.Writer
	total int64
	start time.Time
	last  time.Time
}

const progressWidth = 30

func newProgress(w io.Writer, total int64, start time.Time) *progress {
	return &progress{w: w, total: total, start: start}
}

func (p *progress) show(done int64, failed int) {
	now := time.Now()
	if done < p.total && now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	filled := int(done * progressWidth / p.total)
	elapsed := now.Sub(p.start)
	rate := float64(done) / elapsed.Seconds()
	eta := time.Duration(float64(p.total-done) / rate * float64(time.Second))
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d runs, %d failed, %.1f runs/s, %s left ",
		strings.Repeat("#", filled), strings.Repeat(".", progressWidth-filled), done, p.total, failed, rate, eta.Round(time.Second))
}

// finish ends the bar's line.
func (p *progress) finish() { fmt.Fprintln(p.w) }
