package nemesis

import (
	"fmt"
	"strconv"
	"strings"
)

// Seeds is an inclusive range of seeds.
type Seeds struct{ First, Last int64 }

// Len is how many seeds the range holds.
func (r Seeds) Len() int64 { return r.Last - r.First + 1 }

// ParseSeeds reads "A-B" (A to B inclusive) or "N" (the one seed N).
func ParseSeeds(s string) (Seeds, error) {
	first, last, isRange := strings.Cut(strings.TrimSpace(s), "-")
	a, err := strconv.ParseInt(first, 10, 64)
	b := a
	if err == nil && isRange {
		b, err = strconv.ParseInt(last, 10, 64)
	}
	switch {
	case err != nil:
		return Seeds{}, fmt.Errorf("seeds %q: want A-B or N, whole numbers from 1", s)
	case a < 1 || b < a:
		return Seeds{}, fmt.Errorf("seeds %q: want 1 <= A <= B", s)
	}
	return Seeds{a, b}, nil
}

// String writes the range as ParseSeeds reads it.
func (r Seeds) String() string {
	if r.First == r.Last {
		return strconv.FormatInt(r.First, 10)
	}
	return fmt.Sprintf("%d-%d", r.First, r.Last)
}
