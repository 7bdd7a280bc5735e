package main

import (
	"errors"
	"io/fs"
	"strings"
)

// errBadPath marks a request path that cannot name a file of the site.
var errBadPath = errors.New("malformed request path")

// indexName is the file served for "/".
const indexName = "index.html"

// siteName turns a request's URL path (already percent-decoded, so "%2e%2e"
// arrives as "..") into the name of a site file. "/" names index.html. A
// path with a trailing slash names a directory, reported by dir, since the
// site has no listings. Anything fs.ValidPath refuses ("..", ".", empty
// segments) and any backslash, which some systems read as a separator, is
// errBadPath: such a path is never looked up at all.
func siteName(urlPath string) (name string, dir bool, err error) {
	rest, ok := strings.CutPrefix(urlPath, "/")
	if !ok || strings.ContainsAny(rest, "\\\x00") {
		return "", false, errBadPath
	}
	if rest == "" {
		return indexName, false, nil
	}
	rest, dir = strings.CutSuffix(rest, "/")
	if !fs.ValidPath(rest) {
		return "", false, errBadPath
	}
	return rest, dir, nil
}
