// Command poster writes the page's poster: where the first frame puts the
// ring of nodes, for every page size on a grid, each cluster size and each
// toolbar, and how each theme colours it. The page (web/poster.js) draws
// the poster from these as soon as the page is in, at the page's size and
// theme, while the wasm downloads, and the canvas then draws the same ring in
// the same place. make wasm runs it.
//
//	go run ./cmd/poster [-dir web]
//
// The places come from scene.FirstLayouts: the scene's own layout, measuring
// text with the font the canvas draws in (package gofont).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"raftplay/render/gofont"
)

func main() {
	dir := flag.String("dir", "web", "the site's `folder`")
	flag.Parse()
	if err := writePosters(*dir); err != nil {
		fmt.Fprintf(os.Stderr, "poster: %v\n", err)
		os.Exit(1)
	}
}

// writePosters writes one file per variant into dir.
func writePosters(dir string) error {
	measure, err := gofont.Measure()
	if err != nil {
		return err
	}
	for _, v := range variants() {
		p, err := drawPoster(v, measure)
		if err != nil {
			return err
		}
		data, err := json.Marshal(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, v.fileName()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
