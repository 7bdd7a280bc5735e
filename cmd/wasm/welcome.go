package main

import "strings"

// welcomedKey is the localStorage key that remembers a closed welcome.
const welcomedKey = "raftplay-welcomed"

// showWelcome reports whether the page greets a newcomer with a pointer to
// the stories: on the playground's bare address (a link with parameters,
// an embed's or a shared run's, asks for something already), in a window of
// its own rather than a frame, until the welcome has been closed once.
func showWelcome(query string, framed, welcomed bool) bool {
	return strings.TrimPrefix(query, "?") == "" && !framed && !welcomed
}
