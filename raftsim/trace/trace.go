// Package trace writes a run's messages as JSON lines, one a message, as
// each one ends:
//
//	{"id":41,"from":1,"to":3,"type":"MsgApp","stream":"msgappv2","sent_ms":9990,"end_ms":10004,"fate":"delivered"}
//
// stream is the way rafthttp took it ("msgappv2", "message" or
// "pipeline"), fate what became of it ("delivered", "dropped" with a
// reason, or "in flight" when the run ended, with end_ms 0). Lines come in
// the order the messages ended, then those still in flight by ID; a
// stream's deliveries are therefore in its delivery order.
package trace

import (
	"bufio"
	"encoding/json"
	"io"
	"slices"

	"raftplay/raftsim"
	"raftplay/raftsim/spacetime"
)

// Line is one message of the trace.
type Line struct {
	ID     uint64             `json:"id"`
	From   uint64             `json:"from"`
	To     uint64             `json:"to"`
	Type   raftsim.MsgType    `json:"type"`
	Stream raftsim.Stream     `json:"stream"`
	SentMs int64              `json:"sent_ms"`
	EndMs  int64              `json:"end_ms"`
	Fate   spacetime.Fate     `json:"fate"`
	Reason raftsim.DropReason `json:"reason,omitempty"`
}

// Recorder writes the trace of the run a Sim holds. A reset or a replay
// starts the numbering afresh, so record one run per Recorder.
type Recorder struct {
	w      *bufio.Writer
	cancel func()
	// open are the messages in flight, by ID: IDs grow as messages are sent.
	open []Line
	err  error
}

// Record starts writing s's messages to w from now on.
func Record(s *raftsim.Sim, w io.Writer) *Recorder {
	r := &Recorder{w: bufio.NewWriter(w)}
	r.cancel = s.OnEvent(r.observe)
	return r
}

func (r *Recorder) observe(e raftsim.Event) {
	switch e.Kind {
	case raftsim.EvSent:
		r.open = append(r.open, Line{ID: e.Message, From: e.From, To: e.To, Type: e.MsgType, Stream: e.Stream,
			SentMs: e.AtMs, Fate: spacetime.InFlight})
	case raftsim.EvDelivered:
		r.end(e, spacetime.Delivered)
	case raftsim.EvDropped:
		r.end(e, spacetime.Dropped)
	}
}

// end writes the line of the message e reports the end of.
func (r *Recorder) end(e raftsim.Event, fate spacetime.Fate) {
	i, ok := slices.BinarySearchFunc(r.open, e.Message, func(l Line, id uint64) int {
		switch {
		case l.ID < id:
			return -1
		case l.ID > id:
			return 1
		}
		return 0
	})
	if !ok {
		return // sent before the recording began
	}
	l := r.open[i]
	r.open = slices.Delete(r.open, i, i+1)
	l.EndMs, l.Fate, l.Reason = e.AtMs, fate, e.Reason
	r.write(l)
}

func (r *Recorder) write(l Line) {
	if r.err != nil {
		return
	}
	b, _ := json.Marshal(l) // plain values: cannot fail
	if _, err := r.w.Write(append(b, '\n')); err != nil {
		r.err = err
	}
}

// Close stops recording, writes the messages still in flight and flushes.
// It returns the first write error.
func (r *Recorder) Close() error {
	r.cancel()
	for _, l := range r.open {
		r.write(l)
	}
	r.open = nil
	if err := r.w.Flush(); r.err == nil {
		r.err = err
	}
	return r.err
}
