package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed icons must be what the program draws, so a change to the
// drawing or the theme cannot leave stale pictures in web/.
func TestCommittedIconsAreCurrent(t *testing.T) {
	for _, size := range sizes {
		want, err := encodeIcon(size)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "web", iconName(size))
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v; run go generate ./web", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what cmd/icons draws; run go generate ./web", path)
		}
	}
}

// The leader and a follower show in their theme colours where the drawing
// puts them, and the corners are background: the icon is the picture it
// claims to be, not an empty square.
func TestIconShowsTheRing(t *testing.T) {
	img := drawIcon(192)
	c := img.Bounds().Dx() / 2
	top := img.NRGBAAt(c, c-54) // the ring's radius is 0.28 of the width
	if top.G < top.R || top.G < top.B {
		t.Errorf("the top node is %v, want the leader's green", top)
	}
	if corner := img.NRGBAAt(1, 1); corner.R > 0x20 || corner.G > 0x20 || corner.B > 0x20 {
		t.Errorf("the corner is %v, want the dark background", corner)
	}
}
