// Command offline writes web/offline.js, which tells the service worker
// (web/sw.js) which files to keep for offline use and which build they
// belong to. make wasm runs it after every build.
//
//	go run ./cmd/offline [-dir web]
//
// The build's name is a hash of those files. The browser compares the
// service worker and the scripts it imports byte for byte on every visit, so
// a new hash in offline.js installs a worker that caches the new build
// whole, under its own name, and drops the old one: a page is never shown
// with another build's wasm.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// offlineFiles are what the playground needs to start with no network: the
// page, its scripts, the program, the manifest and its icons, and the
// posters of the default playground (with a mouse and by touch) (the others are drawn when online and
// left out offline). The embed builder is left out: it makes snippets for
// other pages, which is online work.
var offlineFiles = []string{
	"index.html",
	"loader.js",
	"poster.js",
	"poster-5-full.json",
	"poster-5-full-touch.json",
	"wasm_exec.js",
	"raftplay.wasm",
	"manifest.webmanifest",
	"icon-192.png",
	"icon-512.png",
}

// scriptName is the file the worker imports.
const scriptName = "offline.js"

func main() {
	dir := flag.String("dir", "web", "the site's `folder`")
	flag.Parse()
	script, err := offlineScript(os.DirFS(*dir))
	if err == nil {
		err = os.WriteFile(filepath.Join(*dir, scriptName), script, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "offline: %v\n", err)
		os.Exit(1)
	}
}

// manifest is what offline.js hands the worker.
type manifest struct {
	// Build names the build: the first 64 bits of a SHA-256 over the files.
	Build string `json:"build"`
	// Files are the names to cache, relative to the worker's scope.
	Files []string `json:"files"`
}

// offlineScript reads offlineFiles from site and returns offline.js. A file
// that is missing is an error: a worker that cached part of a build would
// leave the page broken offline.
func offlineScript(site fs.FS) ([]byte, error) {
	h := sha256.New()
	for _, name := range offlineFiles {
		body, err := fs.ReadFile(site, name)
		if err != nil {
			return nil, fmt.Errorf("%v (run make wasm first)", err)
		}
		// Each name and length goes in before the bytes, so moving bytes
		// from one file to the next changes the hash too.
		h.Write([]byte(name))
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(body))))
		h.Write(body)
	}
	m := manifest{Build: hex.EncodeToString(h.Sum(nil)[:8]), Files: offlineFiles}
	data, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, "// Written by cmd/offline when the site is built; never edit or commit it.\nself.raftplayOffline = %s;\n", data), nil
}
