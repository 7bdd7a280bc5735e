package scene

import "raftplay/raftsim"

// BurstLife is how long, in wall seconds, a dropped message takes to die away.
const BurstLife = 0.6

// Burst is a dropped message dying where it was last drawn.
type Burst struct {
	At   Point
	Kind MsgKind
	// Born is the wall-clock second the drop was seen.
	Born float64
}

// Age is how far the burst has faded at wall second now, from 0 to 1.
func (b Burst) Age(now float64) float64 { return clamp01((now - b.Born) / BurstLife) }

type trail struct {
	pos  Point
	kind MsgKind
}

// Drops remembers where each message was last drawn, so that when the
// simulator reports it dropped the picture can show it dying right there.
type Drops struct {
	last   map[uint64]trail
	Bursts []Burst
}

// Remember records the positions about to be drawn, replacing the previous ones.
func (d *Drops) Remember(placed []Placed) {
	if d.last == nil {
		d.last = make(map[uint64]trail, 64)
	}
	clear(d.last)
	for _, m := range placed {
		d.last[m.Msg.ID] = trail{m.Pos, m.Kind}
	}
}

// Dropped starts a burst for a "dropped" event at wall second now. A message
// that was never drawn (it lived less than a frame) dies at the cut for a
// partition and at its receiver otherwise.
func (d *Drops) Dropped(e raftsim.Event, l *Layout, now float64) {
	if t, ok := d.last[e.Message]; ok {
		d.Bursts = append(d.Bursts, Burst{At: t.pos, Kind: t.kind, Born: now})
		return
	}
	start, end, ok := l.Link(e.From, e.To)
	if !ok {
		return
	}
	at := end
	if e.Reason == raftsim.DropPartition {
		at = Lerp(start, end, 0.5)
	}
	d.Bursts = append(d.Bursts, Burst{At: at, Kind: KindOf(e.MsgType), Born: now})
}

// Expire removes the bursts that have died away by wall second now.
func (d *Drops) Expire(now float64) {
	k := 0
	for _, b := range d.Bursts {
		if b.Age(now) < 1 {
			d.Bursts[k] = b
			k++
		}
	}
	d.Bursts = d.Bursts[:k]
}

// Clear forgets every position and burst, for a new run.
func (d *Drops) Clear() {
	clear(d.last)
	d.Bursts = d.Bursts[:0]
}
