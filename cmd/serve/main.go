// Command serve serves the raftplay site (package web, built into the binary)
// over HTTP, so a classroom can run the playground from one file with no
// network access:
//
//	go run ./cmd/serve [-addr 127.0.0.1:8080] [-lan]
//
// With -lan it serves a classroom: it listens on the machine's network
// addresses, prints each with a QR code to scan, and logs every connection
// and request.
// It sends raftplay.wasm with the exact Content-Type browsers require for
// WebAssembly, picks its brotli or gzip copy by the request's Accept-Encoding,
// answers revalidations with 304, allows any page to embed the site in an
// iframe, and shuts down gracefully on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"raftplay/web"
)

// generatedFiles are the files the Makefile adds to the site. Without them the
// page loads but cannot start, so their absence is reported at start-up,
// where whoever ran the command sees it.
var generatedFiles = []string{"raftplay.wasm", "wasm_exec.js", "offline.js"}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command with its outputs passed in, so flag handling can be
// tested. It returns the exit status: 2 for bad usage, 1 when serving fails.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8080",
		"`host:port` to listen on; \":8080\" serves every network interface, e.g. a classroom LAN")
	lan := flags.Bool("lan", false,
		"serve a classroom: listen on this machine's network addresses at -addr's port, print each address with a QR code, log every connection and request")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "serve: unexpected argument %q\n", flags.Arg(0))
		flags.Usage()
		return 2
	}
	// Checked here rather than left to net.Listen so a mistyped flag is a
	// usage error, not a run-time failure.
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		fmt.Fprintf(stderr, "serve: invalid -addr %q: %v\n", *addr, err)
		flags.Usage()
		return 2
	}

	handler, err := newHandler(web.Site)
	if err != nil {
		fmt.Fprintf(stderr, "raftplay: %v\n", err)
		return 1
	}
	for _, name := range generatedFiles {
		if _, err := fs.Stat(web.Site, name); err != nil {
			fmt.Fprintf(stderr, "raftplay: warning: %s is not built into this binary; run make, then rebuild serve\n", name)
		}
	}

	// Caught from here on, so a Ctrl-C once the addresses are printed
	// always stops the server cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := newServer(handler)
	var lns []net.Listener
	if *lan {
		_, port, _ := net.SplitHostPort(*addr)
		lns, err = listenLAN(port, stdout)
		logger := log.New(stderr, "", log.Ltime)
		srv.Handler = withAccessLog(srv.Handler, logger)
		srv.ConnState = logConnections(logger)
	} else {
		lns, err = listenAt(*addr, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "raftplay: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "raftplay: press Ctrl-C to stop")

	if err := serve(ctx, srv, lns...); err != nil {
		fmt.Fprintf(stderr, "raftplay: %v\n", err)
		return 1
	}
	return 0
}

// listenAt listens on addr and prints the address to open.
func listenAt(addr string, stdout io.Writer) ([]net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "raftplay: serving on %s\n", siteURL(ln.Addr()))
	return []net.Listener{ln}, nil
}

// siteURL is the address to open in a browser. A wildcard host (":8080",
// "0.0.0.0") listens everywhere but cannot be browsed to, so localhost
// stands in for it.
func siteURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
