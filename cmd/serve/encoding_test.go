package main

import "testing"

func TestChooseCoding(t *testing.T) {
	all := func(coding) bool { return true }
	only := func(cs ...coding) func(coding) bool {
		return func(c coding) bool {
			for _, s := range cs {
				if c == s {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		name   string
		header string
		stored func(coding) bool
		want   coding
		ok     bool
	}{
		{"no header means identity", "", all, identity, true},
		{"browser offer prefers brotli", "gzip, deflate, br, zstd", all, brotli, true},
		{"plain-http browser offer gets gzip", "gzip, deflate", all, gzip, true},
		{"client weights win over server order", "br;q=0.5, gzip", all, gzip, true},
		{"equal weights go to server order", "gzip;q=0.8, br;q=0.8", all, brotli, true},
		{"brotli refused with q=0", "br;q=0, gzip", all, gzip, true},
		{"q=0.0 and Q= are refusals too", "br;Q=0.0, gzip;q=0", all, identity, true},
		{"coding names are case-insensitive", "BR", all, brotli, true},
		{"star accepts every coding", "*", all, brotli, true},
		{"star;q=0 refuses unnamed codings but not named ones", "gzip, *;q=0", all, gzip, true},
		{"named coding beats unnamed identity even at low q", "gzip;q=0.001", all, gzip, true},
		{"identity;q=0 with no copy compressed is unacceptable", "identity;q=0", only(identity), "", false},
		{"star;q=0 refuses identity", "*;q=0", only(identity), "", false},
		{"missing brotli copy falls back to gzip", "br, gzip", only(gzip, identity), gzip, true},
		{"missing compressed copies fall back to identity", "br, gzip", only(identity), identity, true},
		{"brotli-only file for a gzip-only client", "gzip", only(brotli), "", false},
		{"unreadable q skips the item", "br;q=high, gzip", all, gzip, true},
		{"out-of-range q skips the item", "br;q=2, gzip", all, gzip, true},
		{"unknown codings are ignored", "zstd, compress", all, identity, true},
		{"parameters other than q are ignored", "br;level=5;q=1", all, brotli, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := chooseCoding(tt.header, tt.stored)
			if got != tt.want || ok != tt.ok {
				t.Errorf("chooseCoding(%q) = %q, %v; want %q, %v", tt.header, got, ok, tt.want, tt.ok)
			}
		})
	}
}
