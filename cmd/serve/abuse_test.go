package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The server under load and abuse, on loopback, for a few seconds: many
// concurrent clients, slow clients holding connections, oversized headers
// and URLs, traversal variants and methods other than GET and HEAD. The
// server keeps answering everyone else, serves nothing outside the site and
// leaves no goroutine behind.

// startTestServer runs the real server (its timeouts included) over the
// test site on a loopback port until the returned stop is called.
func startTestServer(t *testing.T) (addr string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, newServer(newTestHandler(t)), ln) }()
	return ln.Addr().String(), func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}
}

// rawRequest sends request bytes as they are, with no client in between to
// clean the path, and returns the status code and body.
func rawRequest(t *testing.T, addr, request string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatalf("%.60q: %v", request, err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%.60q: no response: %v", request, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// goroutinesSettle waits until no more than n goroutines run, and reports
// how many do.
func goroutinesSettle(n int) int {
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if runtime.NumGoroutine() <= n {
			break
		}
	}
	return runtime.NumGoroutine()
}

func TestServerUnderLoadAndAbuse(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for a few seconds")
	}
	before := runtime.NumGoroutine()
	addr, stop := startTestServer(t)
	base := "http://" + addr

	// Slow clients: connections that send half a request line, then a
	// header byte now and then, holding their connections.
	const slowClients = 64
	var slow []net.Conn
	for range slowClients {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(c, "GET /index.html HTTP/1.1\r\nHost: x\r\nX-Slow: ")
		slow = append(slow, c)
	}
	stopDrip := make(chan struct{})
	var dripping sync.WaitGroup
	dripping.Add(1)
	go func() {
		defer dripping.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stopDrip:
				return
			case <-tick.C:
				for _, c := range slow {
					c.Write([]byte("a"))
				}
			}
		}
	}()

	// Many concurrent clients, each with its own connections, for two seconds.
	const clients = 128
	var ok, failed atomic.Int64
	var latMu sync.Mutex
	var latencies []time.Duration
	deadline := time.Now().Add(2 * time.Second)
	var load sync.WaitGroup
	for i := range clients {
		load.Add(1)
		go func() {
			defer load.Done()
			tr := &http.Transport{DisableCompression: true}
			defer tr.CloseIdleConnections()
			hc := &http.Client{Transport: tr, Timeout: 10 * time.Second}
			targets := []string{"/", "/raftplay.wasm", "/loader.js"}
			for n := 0; time.Now().Before(deadline); n++ {
				req, _ := http.NewRequest("GET", base+targets[(i+n)%len(targets)], nil)
				req.Header.Set("Accept-Encoding", "br, gzip")
				start := time.Now()
				resp, err := hc.Do(req)
				if err != nil {
					failed.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Add(1)
					continue
				}
				ok.Add(1)
				latMu.Lock()
				latencies = append(latencies, time.Since(start))
				latMu.Unlock()
			}
		}()
	}

	// Abuse, at the same time, one request at a time.
	t.Run("traversal", func(t *testing.T) {
		for _, p := range []string{
			"/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
			"/%252e%252e/%252e%252e/etc/passwd", "/..%252f..%252fetc%252fpasswd", "/..\\..\\etc\\passwd",
			"/%5c..%5c..%5cetc%5cpasswd", "/..%5c..%5cetc%5cpasswd", "//etc/passwd", "/./index.html", "/docs/../../web.go",
			"/index.html%00.wasm", "/%c0%ae%c0%ae/etc/passwd", "/web.go", "/.gitignore", "/docs/", "/docs",
		} {
			code, body := rawRequest(t, addr, "GET "+p+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
			if code == http.StatusOK || strings.Contains(body, "root:") || strings.Contains(body, "package web") {
				t.Errorf("GET %s: %d %.60q", p, code, body)
			}
		}
	})
	t.Run("methods", func(t *testing.T) {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "BREW"} {
			code, _ := rawRequest(t, addr, m+" /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			if code != http.StatusMethodNotAllowed {
				t.Errorf("%s: %d, want 405", m, code)
			}
		}
		if code, body := rawRequest(t, addr, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); code != http.StatusOK || body != "" {
			t.Errorf("HEAD: %d %q", code, body)
		}
	})
	t.Run("oversized", func(t *testing.T) {
		huge := strings.Repeat("a", 2<<20)
		for name, req := range map[string]string{
			"header":                     "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + huge + "\r\nConnection: close\r\n\r\n",
			"url":                        "GET /" + huge + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
			"long path of a mere 64 KiB": "GET /" + strings.Repeat("a/", 32<<10) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		} {
			code, _ := rawRequest(t, addr, req)
			if !slices.Contains([]int{http.StatusBadRequest, http.StatusNotFound, http.StatusRequestURITooLong, http.StatusRequestHeaderFieldsTooLarge}, code) {
				t.Errorf("oversized %s: %d", name, code)
			}
		}
	})

	// While all that went on, a well-behaved client was still answered.
	resp, err := http.Get(base + "/")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("a plain GET among slow clients: %v %v", resp, err)
	}
	resp.Body.Close()
	load.Wait()
	close(stopDrip)
	dripping.Wait()
	for _, c := range slow {
		c.Close()
	}
	if ok.Load() < clients || failed.Load() > 0 {
		t.Fatalf("under load: %d answered, %d failed", ok.Load(), failed.Load())
	}
	slices.Sort(latencies)
	t.Logf("%d clients for 2 s beside %d slow ones: %d requests answered (%.0f/s), none failed; latency median %v, p99 %v",
		clients, slowClients, ok.Load(), float64(ok.Load())/2, latencies[len(latencies)/2], latencies[len(latencies)*99/100])

	stop()
	http.DefaultClient.CloseIdleConnections()
	if after := goroutinesSettle(before); after > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines before, %d after the server stopped:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}
