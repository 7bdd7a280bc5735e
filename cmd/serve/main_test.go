package main

import (
	"bytes"
	"net"
	"strings"
	"testing"
)

// TestRunRejectsBadUsage checks that usage errors exit 2 with a message on
// stderr before anything is served.
func TestRunRejectsBadUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unknown flag", []string{"-port", "80"}, "flag provided but not defined: -port"},
		{"missing flag value", []string{"-addr"}, "flag needs an argument: -addr"},
		{"stray argument", []string{"web"}, `unexpected argument "web"`},
		{"address without a port", []string{"-addr", "localhost"}, `invalid -addr "localhost"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not say %q", stderr.String(), tt.stderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
		})
	}
}

func TestSiteURL(t *testing.T) {
	tests := []struct {
		addr string
		want string
	}{
		{"127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"0.0.0.0:8080", "http://localhost:8080"},
		{"[::]:8080", "http://localhost:8080"},
		{"[::1]:9000", "http://[::1]:9000"},
		{"192.168.1.20:80", "http://192.168.1.20:80"},
	}
	for _, tt := range tests {
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := siteURL(addr); got != tt.want {
			t.Errorf("siteURL(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}
