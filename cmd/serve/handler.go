package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// siteHandler answers requests from a site loaded into memory.
type siteHandler struct {
	site site
}

// newHandler loads fsys and returns the handler that serves it, with the
// headers every response carries. It fails if fsys cannot be read or has no
// index.html, since a site that cannot answer "/" is a broken build.
func newHandler(fsys fs.FS) (http.Handler, error) {
	s, err := loadSite(fsys)
	if err != nil {
		return nil, err
	}
	if _, ok := s[indexName]; !ok {
		return nil, fmt.Errorf("the site has no %s", indexName)
	}
	return withSiteHeaders(&siteHandler{site: s}), nil
}

// ServeHTTP answers GET and HEAD for the site's files; other methods get 405,
// since the site is read-only.
func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: the site is read-only", http.StatusMethodNotAllowed)
		return
	}
	name, dir, err := siteName(r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	a, ok := h.site[name]
	if !ok || dir {
		http.NotFound(w, r)
		return
	}

	header := w.Header()
	if a.negotiated() {
		header.Set("Vary", "Accept-Encoding")
	}
	accept := strings.Join(r.Header.Values("Accept-Encoding"), ",")
	c, ok := chooseCoding(accept, a.has)
	if !ok {
		http.Error(w, "no stored copy of this file is in an encoding the request accepts", http.StatusNotAcceptable)
		return
	}
	v := a.variants[c]
	header.Set("Content-Type", a.contentType)
	if c != identity {
		header.Set("Content-Encoding", string(c))
		// ServeContent leaves Content-Length out once Content-Encoding is
		// set, for handlers that compress as they write. These bytes are
		// sent as they are, and the loader needs the length for its
		// progress bar. ServeContent still replaces it for a range and
		// drops it from a 304 or an error.
		header.Set("Content-Length", strconv.Itoa(len(v.body)))
	}
	header.Set("ETag", v.etag)
	// No file name carries a content hash, so a browser must ask every time
	// whether what it holds is current; the ETag makes that a cheap 304.
	header.Set("Cache-Control", "no-cache")
	// ServeContent answers If-None-Match with 304 from the ETag set above,
	// serves ranges, and leaves the body out for HEAD. The zero time keeps
	// it from sending Last-Modified, which an embedded file does not have.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(v.body))
}
