package main

import (
	"strconv"
	"strings"
)

// coding is a content coding, spelled as in Accept-Encoding and
// Content-Encoding.
type coding string

const (
	brotli   coding = "br"
	gzip     coding = "gzip"
	identity coding = "identity"
)

// preferredCodings lists the codings a file may be stored in, best first:
// brotli is the smallest; gzip is the fallback because browsers offer brotli
// only to secure origins, and a server on a classroom LAN is plain HTTP;
// identity is always understood.
var preferredCodings = []coding{brotli, gzip, identity}

// suffix is the file-name ending the Makefile gives a copy stored in c.
func (c coding) suffix() string {
	switch c {
	case brotli:
		return ".br"
	case gzip:
		return ".gz"
	}
	return ""
}

// unnamedIdentityWeight is the weight of identity when Accept-Encoding does
// not mention it: acceptable (RFC 9110 §12.5.3), but below any coding the
// client names, since naming one means it would rather have that.
const unnamedIdentityWeight = 0.001

// acceptEncoding is a parsed Accept-Encoding header.
type acceptEncoding struct {
	weights map[coding]float64 // the q of each coding the client names
	star    float64            // the q of "*", for codings it does not name
	hasStar bool
}

// parseAcceptEncoding reads an Accept-Encoding header; several header lines
// should be joined with commas first. Items it cannot read are skipped, so a
// malformed header leaves only what is certain.
func parseAcceptEncoding(header string) acceptEncoding {
	accept := acceptEncoding{weights: map[coding]float64{}}
	for item := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(item, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		q, ok := qValue(params)
		if !ok {
			continue
		}
		if name == "*" {
			accept.star, accept.hasStar = q, true
			continue
		}
		accept.weights[coding(name)] = q
	}
	return accept
}

// qValue finds the q parameter among an item's parameters; without one the
// weight is 1. It reports false for a q that is not a number in [0, 1].
func qValue(params string) (float64, bool) {
	for param := range strings.SplitSeq(params, ";") {
		key, value, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(key), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || q < 0 || q > 1 {
			return 0, false
		}
		return q, true
	}
	return 1, true
}

// weight is how much the client wants c; 0 means not at all.
func (a acceptEncoding) weight(c coding) float64 {
	if q, ok := a.weights[c]; ok {
		return q
	}
	if a.hasStar {
		return a.star
	}
	if c == identity {
		return unnamedIdentityWeight
	}
	return 0
}

// chooseCoding picks, among the codings for which stored reports a copy, the
// one the client weights highest; ties go to the order of preferredCodings,
// since a client that does not mind should get the smaller download. It
// reports false when the client accepts none of them.
func chooseCoding(header string, stored func(coding) bool) (coding, bool) {
	accept := parseAcceptEncoding(header)
	var best coding
	var bestWeight float64
	for _, c := range preferredCodings {
		if !stored(c) {
			continue
		}
		if w := accept.weight(c); w > bestWeight {
			best, bestWeight = c, w
		}
	}
	return best, bestWeight > 0
}
