package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"raftplay/web"
)

// TestEmbeddedSite serves the real web.Site, which works with or without the
// generated wasm files, and checks the pages are there and the Go source the
// embed pattern also catches is not.
func TestEmbeddedSite(t *testing.T) {
	h, err := newHandler(web.Site)
	if err != nil {
		t.Fatalf("newHandler(web.Site): %v", err)
	}
	tests := []struct {
		target      string
		status      int
		contentType string
	}{
		{"/", 200, "text/html; charset=utf-8"},
		{"/embed.html", 200, "text/html; charset=utf-8"},
		{"/loader.js", 200, "text/javascript; charset=utf-8"},
		{"/embed.js", 200, "text/javascript; charset=utf-8"},
		{"/web.go", 404, ""},
		{"/.gitignore", 404, ""},
	}
	for _, tt := range tests {
		rec := serveTest(h, http.MethodGet, tt.target, nil)
		if rec.Code != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.target, rec.Code, tt.status)
			continue
		}
		if tt.contentType != "" && rec.Header().Get("Content-Type") != tt.contentType {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.target, rec.Header().Get("Content-Type"), tt.contentType)
		}
	}
}

// TestTraversalOverTheWire sends raw request lines through a real server, so
// nothing between the socket and the handler (a client that cleans paths, a
// request parser) can hide a traversal the handler would let through.
func TestTraversalOverTheWire(t *testing.T) {
	h, err := newHandler(testSite())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, target := range []string{
		"/../go.mod", "/%2e%2e/go.mod", "/%2E%2E%2Fgo.mod", `/..\go.mod`, "/%5c..%5cgo.mod", "/docs/../../../etc/passwd",
	} {
		status := rawGet(t, srv.Listener.Addr().String(), target)
		if status != http.StatusBadRequest && status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 400 or 404", target, status)
		}
	}
}

// rawGet sends one GET for target exactly as written and returns the status.
func rawGet(t *testing.T, addr, target string) int {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
