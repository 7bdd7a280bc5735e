# raftplay — see README.md. `make test` is what CI runs.
GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
ADDR      ?= 127.0.0.1:8080
TMPDIR    ?= /tmp

.PHONY: test bench sim deps wasm wasm-size serve serve-lan dist nemesis fuzz

# deps installs the Debian packages the build and the tests need, when missing.
deps:
	./scripts/deps.sh

# COLD_PACKAGES are built into the wasm without inlining. They run rarely or
# once: the Kage shader compiler Ebiten runs at start (go/..., text/template),
# protobuf's reflection, JSON, regexp, big numbers. Inlined copies of their
# small functions made 205 KB of the brotli wasm (3.32 -> 3.11 MB; gzip
# 4.73 -> 4.44 MB), and cmd/sim built for wasm runs as fast without them
# (-seed 1 -stress -for 60s, alternated). Inlining nothing at all would save
# twice that but makes the simulator 35-60% slower. What every frame calls
# stays inlined: image's rectangles, text shaping and glyph layout.
COLD_PACKAGES := google.golang.org/protobuf/... go/... text/... encoding/... \
	reflect github.com/hajimehoshi/ebiten/v2/internal/shader... compress/... \
	regexp/... math/big
COLD_GCFLAGS  := $(foreach p,$(COLD_PACKAGES),-gcflags=$(p)=-l)

# wasm builds the browser bundle into web/: the program, its brotli and gzip
# copies (made in Go, so nothing but Go is needed), the wasm_exec.js of the
# Go that built it, the poster's places (cmd/poster) with their compressed
# copies, and offline.js, which names the build for the service worker.
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(COLD_GCFLAGS) -ldflags='-s -w' -o web/raftplay.wasm ./cmd/wasm
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" web/wasm_exec.js
	$(GO) run ./cmd/poster -dir web
	$(GO) run ./scripts/precompress web/raftplay.wasm web/poster-*.json
	$(GO) run ./cmd/offline -dir web

# wasm-size prints where the wasm's bytes go: its sections and its code by
# Go package (scripts/wasmsize), from a build as make wasm's that keeps the
# function names.
wasm-size:
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(COLD_GCFLAGS) -o $(TMPDIR)/raftplay-names.wasm ./cmd/wasm
	$(GO) run ./scripts/wasmsize $(TMPDIR)/raftplay-names.wasm

# serve builds the bundle and serves it on http://localhost:8080.
serve: deps wasm
	$(GO) run ./cmd/serve -addr $(ADDR)

# serve-lan serves a classroom: on this machine's network addresses, each
# printed with a QR code to scan, logging every connection and request.
serve-lan: deps wasm
	$(GO) run ./cmd/serve -lan -addr $(ADDR)

# dist makes dist/site (any static host) and dist/serve (one binary with the
# whole site inside).
dist: deps wasm
	rm -rf dist && mkdir -p dist/site
	cp web/index.html web/loader.js web/poster.js web/poster-*.json* web/embed.html web/embed.js web/wasm_exec.js web/raftplay.wasm web/raftplay.wasm.br web/raftplay.wasm.gz dist/site/
	cp web/sw.js web/offline.js web/manifest.webmanifest web/icon-192.png web/icon-512.png dist/site/
	$(GO) build -trimpath -o dist/serve ./cmd/serve

# test runs everything: vet, the native tests (with the browser tests in
# headless Chromium), the simulator's tests under wasm (node), and the
# native-vs-wasm byte comparison of cmd/sim. The browser tests drive one
# page after another for several minutes, beyond go test's default 10.
test: deps wasm
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/wasm/ ./render/...
	RAFTPLAY_BROWSER_TESTS=1 RAFTPLAY_NEED_ETCD=1 $(GO) test -timeout 25m ./...
	GOOS=js GOARCH=wasm $(GO) test -short -exec="$(WASM_EXEC)" ./raftsim/...
	./scripts/sim-wasm-same.sh
	$(MAKE) nemesis SEEDS=$(CI_SEEDS)

# bench prints the simulator's speed natively and in wasm, the cost of the
# linearizability check, and the browser figures (transfer sizes, first
# frame, the frame-rate table; -v, or go test cuts the table short).
bench: deps wasm
	$(GO) test -run '^$$' -bench . -benchtime 3s ./raftsim/ ./raftsim/linearize/
	$(GO) test -run '^$$' -bench Stress -benchtime 3s ./raftsim/clients/
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run '^$$' -bench Virtual -benchtime 3s ./raftsim/
	RAFTPLAY_BROWSER_TESTS=1 $(GO) test -v -timeout 30m -run '^$$' -bench Browser -benchtime 1x ./cmd/serve/

# nemesis runs a seeded fault campaign over every core, seeds 1 to SEEDS;
# failing runs leave their action files in nemesis-failures/. make test runs
# the first CI_SEEDS of them.
SEEDS    ?= 10000
CI_SEEDS ?= 400
nemesis:
	$(GO) run ./cmd/sim -nemesis -seeds 1-$(SEEDS)

# fuzz runs each fuzz target for FUZZTIME; their seed corpora (f.Add and
# testdata/fuzz) run in make test. A crasher lands in the package's
# testdata/fuzz, where it stays as a regression test.
FUZZTIME ?= 1m
FUZZ_TARGETS := raftsim:FuzzParseAction raftsim/runcodec:FuzzDecodeRun raftsim:FuzzConsoleLine \
	raftsim/scenario:FuzzParse raftsim/storyedit:FuzzDecodeLink cmd/wasm:FuzzParseParams cmd/wasm:FuzzHostMessage
fuzz:
	for t in $(FUZZ_TARGETS); do \
		$(GO) test ./$${t%%:*} -run '^$$' -fuzz "^$${t##*:}$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

# sim runs the headless simulator: make sim ARGS='-seed 7 -for 10s -v'
sim:
	$(GO) run ./cmd/sim $(ARGS)
