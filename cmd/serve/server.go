package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long requests in flight may take to finish after a
// signal before the server closes their connections anyway.
const shutdownGrace = 5 * time.Second

// newServer wraps h in an http.Server whose timeouts bound how long a slow or
// idle client can hold a connection. WriteTimeout covers a whole response, so
// it is long enough for the uncompressed wasm (about 17 MB) over a slow
// classroom network.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       time.Minute,
	}
}

// serve runs srv on every listener in lns until ctx is done, then shuts it
// down gracefully.
func serve(ctx context.Context, srv *http.Server, lns ...net.Listener) error {
	served := make(chan error, len(lns))
	for _, ln := range lns {
		go func() { served <- srv.Serve(ln) }()
	}
	select {
	case err := <-served:
		// Serve only returns early on a failure: ErrServerClosed comes
		// after Shutdown, which has not been called yet.
		return err
	case <-ctx.Done():
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}
