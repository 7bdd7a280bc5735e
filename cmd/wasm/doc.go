// Command wasm is raftplay's browser build (GOOS=js GOARCH=wasm): it reads
// the URL parameters, starts a simulated cluster, runs the render.Game on the
// page's canvas, and connects the page:
//
//   - window.raftplay = {version, state(), do(action), advance(ms)};
//   - a host page's messages {"raftplay": action} are done and answered with
//     {raftplay: "result", ok, error?, state?};
//   - notable events are read out through the #raftplay-live region;
//   - a panic anywhere becomes a report on the page with the seed and the
//     action log that replay it.
//
// Only the *_js.go files touch syscall/js; the rest is plain Go, tested
// natively. Built for another platform the command only says how to build it.
package main
