package main

import (
	"log"
	"net"
	"net/http"
	"time"
)

// statusRecorder remembers what a handler answered, for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.bytes += n
	return n, err
}

// withAccessLog logs one line per request: who asked, for what, the status,
// the bytes sent and their coding, and how long it took. A teacher sees who
// has joined and whose download is slow.
func withAccessLog(next http.Handler, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		coding := rec.Header().Get("Content-Encoding")
		if coding == "" {
			coding = "identity"
		}
		logger.Printf("%s %s %s %d %d bytes %s %v", clientHost(r.RemoteAddr), r.Method, r.URL.RequestURI(),
			rec.status, rec.bytes, coding, time.Since(start).Round(time.Millisecond))
	})
}

// logConnections returns an http.Server.ConnState hook that logs one line
// per new connection.
func logConnections(logger *log.Logger) func(net.Conn, http.ConnState) {
	return func(c net.Conn, state http.ConnState) {
		if state == http.StateNew {
			logger.Printf("%s connected", c.RemoteAddr())
		}
	}
}

// clientHost is the host of a remote address, or the address as it is.
func clientHost(remote string) string {
	if host, _, err := net.SplitHostPort(remote); err == nil {
		return host
	}
	return remote
}
