package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// variant is one stored copy of a file, as sent: its bytes and their ETag.
type variant struct {
	body []byte
	etag string
}

// asset is one file of the site, with every copy of it that exists.
type asset struct {
	contentType string
	variants    map[coding]variant
}

// negotiated reports whether the copy sent depends on Accept-Encoding, which
// caches must be told with Vary. That is so as soon as any copy is
// compressed, even if it is the only one: a client that refuses its coding
// gets a different answer.
func (a *asset) negotiated() bool {
	_, plain := a.variants[identity]
	return !plain || len(a.variants) > 1
}

// has reports whether a copy of a is stored in c.
func (a *asset) has(c coding) bool {
	_, ok := a.variants[c]
	return ok
}

// site maps the name of each servable file (a slash-separated path without a
// leading slash, as in fs.FS) to its asset. Only names in it are ever
// served, which is what keeps requests inside the site.
type site map[string]*asset

// loadSite reads every servable file of fsys into memory and hashes it once,
// so that requests never touch the file system and ETags cost nothing.
// A file ending in .br or .gz is taken as a compressed copy of the file
// without that ending and is served only through negotiation. Go files and
// dotfiles are not part of the site: package web's embed pattern catches its
// own source and .gitignore.
func loadSite(fsys fs.FS) (site, error) {
	s := site{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		name, c := splitCoding(p)
		if path.Ext(name) == ".go" {
			return nil
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		a := s[name]
		if a == nil {
			a = &asset{contentType: contentType(name), variants: map[coding]variant{}}
			s[name] = a
		}
		a.variants[c] = variant{body: body, etag: strongETag(body)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the site: %w", err)
	}
	return s, nil
}

// splitCoding tells apart the name of the file a stored copy belongs to and
// the coding the copy is in.
func splitCoding(p string) (string, coding) {
	for _, c := range preferredCodings {
		if c != identity && strings.HasSuffix(p, c.suffix()) {
			return strings.TrimSuffix(p, c.suffix()), c
		}
	}
	return p, identity
}

// strongETag names body by its content. It is strong because equal tags
// mean equal bytes, and each coding's copy has its own bytes and so its own
// tag, as RFC 9110 §8.8.3 requires.
func strongETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}
