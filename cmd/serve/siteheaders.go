package main

import "net/http"

// withSiteHeaders sets the headers every response carries, errors included.
//
// frame-ancestors * lets any page embed the playground in an iframe, the way
// Ebiten's authors recommend putting a game inside a page. nosniff stops
// browsers from second-guessing the Content-Type, so a file is only ever
// run as what the server says it is.
func withSiteHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := w.Header()
		header.Set("Content-Security-Policy", "frame-ancestors *")
		header.Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}
