package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/web"
)

// The browser tests load the real site, served by this package's handler,
// into headless Chromium. They are slow (a real browser, software WebGL), so
// they run only when browserEnv is set, as make test does after make wasm.
const (
	browserEnv   = "RAFTPLAY_BROWSER_TESTS"
	chromiumPath = "/usr/bin/chromium"
)

// browser is the one Chromium and the one server the package's browser tests
// and benchmarks share, started by the first that needs them.
var browser struct {
	once sync.Once
	err  error
	// ctx is the browser's context: each tab is a child of it.
	ctx    context.Context
	server *httptest.Server
	stop   func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.stop != nil {
		browser.stop()
	}
	os.Exit(code)
}

// requireBrowser skips tb unless the browser tests are on. When they are on,
// a missing wasm build or a missing Chromium fails tb: a run that asked for
// the browser tests must not pass without them.
func requireBrowser(tb testing.TB) {
	tb.Helper()
	if os.Getenv(browserEnv) == "" {
		tb.Skipf("a browser test: run make test, which builds the wasm and sets %s=1", browserEnv)
	}
	browser.once.Do(func() { browser.err = startBrowser() })
	if browser.err != nil {
		tb.Fatal(browser.err)
	}
}

// startBrowser serves web.Site on 127.0.0.1 and starts Chromium with the
// flags that keep it quiet offline and give it software WebGL.
func startBrowser() error {
	if _, err := fs.Stat(web.Site, "raftplay.wasm"); err != nil {
		return errors.New("web/raftplay.wasm is not built: run make wasm (make test does) before the browser tests")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		return fmt.Errorf("the browser tests need Chromium at %s (make deps installs it): %v", chromiumPath, err)
	}
	h, err := newHandler(web.Site)
	if err != nil {
		return fmt.Errorf("newHandler(web.Site): %v", err)
	}
	dir, err := os.MkdirTemp("", "raftplay-chromium-")
	if err != nil {
		return err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		// Without these Chromium keeps trying the network, which the test
		// machine may not have.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		// Software WebGL, which Ebiten needs, logs a deprecation without it.
		chromedp.Flag("enable-unsafe-swiftshader", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	server := httptest.NewServer(h)
	browser.stop = func() {
		cancelBrowser()
		cancelAlloc()
		server.Close()
		os.RemoveAll(dir)
	}
	// The first run starts the browser and binds its life to ctx, so it has
	// no deadline; each tab sets its own.
	if err := chromedp.Do(ctx); err != nil {
		return fmt.Errorf("starting %s: %v", chromiumPath, err)
	}
	browser.ctx, browser.server = ctx, server
	return nil
}
