// Command precompress writes the brotli and gzip copies that the server
// hands to browsers which accept them: for each file named on the command
// line, FILE.br (brotli, best quality, largest window) and FILE.gz (gzip, best compression,
// no name or time in the header, so the same input gives the same bytes).
//
// It is plain Go so that building the bundle needs nothing but Go.
//
//	go run ./scripts/precompress web/raftplay.wasm
package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := precompress(name); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

// precompress writes name.br and name.gz beside name.
func precompress(name string) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	err = writeCompressed(name+".br", raw, func(w io.Writer) io.WriteCloser {
		// The largest window a browser's brotli accepts (16 MiB): the wasm
		// is larger than the default 4 MiB, and repeats from far back.
		return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	})
	if err != nil {
		return err
	}
	return writeCompressed(name+".gz", raw, func(w io.Writer) io.WriteCloser {
		// BestCompression is a valid level, so NewWriterLevel cannot fail.
		z, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		return z
	})
}

// writeCompressed writes raw through the compressor made by wrap into a new
// file at path, via a temporary file so a failed run leaves no half file for
// the server to send.
func writeCompressed(path string, raw []byte, wrap func(io.Writer) io.WriteCloser) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	z := wrap(f)
	_, err = z.Write(raw)
	if cerr := z.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.Rename(tmp, path)
}
