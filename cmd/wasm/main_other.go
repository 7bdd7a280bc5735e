//go:build !js

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "cmd/wasm runs in a browser: GOOS=js GOARCH=wasm go build -o web/raftplay.wasm ./cmd/wasm")
	os.Exit(2)
}
