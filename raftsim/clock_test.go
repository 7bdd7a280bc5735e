package raftsim

import "testing"

func TestClockFiresInTimeThenScheduleOrder(t *testing.T) {
	var c clock
	for i, at := range []int64{30, 10, 20, 10, 30, 5, 10} {
		c.schedule(timer{at: at, id: uint64(i)})
	}
	var got []uint64
	for {
		tm, ok := c.next(25)
		if !ok {
			break
		}
		got = append(got, tm.id)
	}
	want := []uint64{5, 1, 3, 6, 2}
	if len(got) != len(want) {
		t.Fatalf("fired %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("fired %v, want %v", got, want)
		}
	}
	if at, ok := c.peek(); !ok || at != 30 || c.now != 20 {
		t.Fatalf("after limit 25: next at %d (%v), now %d", at, ok, c.now)
	}
}
