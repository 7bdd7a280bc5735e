package main

import "testing"

// The welcome greets a plain visit only: not a link that asks for
// something, not an embed, not a visitor who closed it before.
func TestShowWelcome(t *testing.T) {
	for _, tc := range []struct {
		query            string
		framed, welcomed bool
		want             bool
	}{
		{"", false, false, true},
		{"?", false, false, true},
		{"?seed=7", false, false, false},
		{"?scenario=election", false, false, false},
		{"", true, false, false},
		{"", false, true, false},
	} {
		if got := showWelcome(tc.query, tc.framed, tc.welcomed); got != tc.want {
			t.Errorf("showWelcome(%q, framed %v, welcomed %v) = %v; want %v", tc.query, tc.framed, tc.welcomed, got, tc.want)
		}
	}
}
