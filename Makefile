# raftplay — see README.md. `make test` is what CI runs.
GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec

.PHONY: test bench sim deps

# deps installs the Debian packages the build and the tests need, when missing.
deps:
	./scripts/deps.sh

# test runs everything: vet, the native tests, the simulator's tests under
# wasm (node), and the native-vs-wasm byte comparison of cmd/sim.
test: deps
	$(GO) vet ./...
	$(GO) test ./...
	GOOS=js GOARCH=wasm $(GO) test -short -exec="$(WASM_EXEC)" ./raftsim/...
	./scripts/sim-wasm-same.sh

# bench prints virtual seconds simulated per wall second, natively and in wasm.
bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 3s ./raftsim/
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run '^$$' -bench . -benchtime 3s ./raftsim/

# sim runs the headless simulator: make sim ARGS='-seed 7 -for 10s -v'
sim:
	$(GO) run ./cmd/sim $(ARGS)
