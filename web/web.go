// Package web holds the browser side of raftplay: the page that loads the
// WebAssembly build, its loader script, the embedding demo and, once the
// Makefile has built them, raftplay.wasm, its precompressed copies and Go's
// wasm_exec.js. cmd/serve serves this folder from the binary itself so a
// classroom needs one file and no network.
package web

import "embed"

// The app icons are drawn by a program, so they follow the theme.
//
//go:generate go run ../cmd/icons -dir .

// Site is this folder as built into the binary.
//
// The pattern is "*" rather than a list of names because the generated files
// (raftplay.wasm, raftplay.wasm.br, raftplay.wasm.gz, wasm_exec.js) are absent
// on a fresh checkout, and a named pattern that matches nothing fails the
// build. The price is that "*" also matches this package's Go files and
// .gitignore, so Site holds them too; servers must hand out neither.
//
//go:embed *
var Site embed.FS
