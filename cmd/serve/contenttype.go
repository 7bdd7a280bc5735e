package main

import (
	"mime"
	"path"
)

// contentTypes fixes the types of the files the site is made of, rather than
// asking the mime package, whose answers come partly from the host's
// /etc/mime.types: there .js may be application/javascript and .wasm may be
// missing, and browsers compile WebAssembly from a stream only when the type
// is exactly application/wasm.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".wasm": "application/wasm",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	// The type the web app manifest spec registers; mime may not know it.
	".webmanifest": "application/manifest+json",
}

// contentType is the Content-Type to send for the file called name.
func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
