// Package runcodec turns a run (raftsim.Run: config, action log, how far it
// went) into the short URL-safe text of a share link, and back, checking
// every field of what it reads: a link is input from anywhere.
package runcodec

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// Encode packs the run into a compact, URL-safe string: JSON, deflated,
// base64url without padding. A run of a few dozen actions takes a few hundred
// characters.
func Encode(r raftsim.Run) string {
	js, _ := json.Marshal(r)
	return Pack(js)
}

// Pack is JSON as a link carries it: deflated, base64url without padding.
func Pack(js []byte) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(js)
	w.Close()
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// maxUnpacked is the most JSON a link may unpack to, so that a link made to
// inflate without end stops early.
const maxUnpacked = 1 << 22

// Unpack reads JSON that Pack made. what names it in the errors ("run",
// "story"): a damaged link says how it is damaged.
func Unpack(s, what string) ([]byte, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("the link's %s is damaged (not base64url): %v", what, err)
	}
	js, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), maxUnpacked+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("the link's %s is damaged (cannot inflate): %v", what, err)
	case len(js) > maxUnpacked:
		return nil, fmt.Errorf("the link's %s is too long (over %d bytes unpacked)", what, maxUnpacked)
	case !gjson.ValidBytes(js):
		return nil, fmt.Errorf("the link's %s is damaged (not JSON)", what)
	}
	return js, nil
}

// Decode unpacks a string made by Encode, checking every field.
func Decode(s string) (raftsim.Run, error) {
	js, err := Unpack(s, "run")
	if err != nil {
		return raftsim.Run{}, err
	}
	v := gjson.ParseBytes(js)
	var r raftsim.Run
	if r.Config, err = raftsim.ParseConfig(v.Get("config"), raftsim.DefaultConfig()); err != nil {
		return raftsim.Run{}, err
	}
	acts := v.Get("actions")
	if !acts.Exists() {
		acts = gjson.Parse("[]")
	}
	if r.Actions, err = raftsim.ParseActionRecords(acts.Raw); err != nil {
		return raftsim.Run{}, err
	}
	now := v.Get("now_ms")
	if now.Type != gjson.Number || now.Int() < 0 || float64(now.Int()) != now.Num {
		return raftsim.Run{}, fmt.Errorf("the link's run has no valid now_ms")
	}
	r.NowMs = now.Int()
	if fired := v.Get("fired"); fired.Exists() {
		if fired.Type != gjson.Number || fired.Num < 0 || float64(fired.Uint()) != fired.Num {
			return raftsim.Run{}, fmt.Errorf("the link's run has an invalid fired count")
		}
		r.Fired = fired.Uint()
	}
	if n := len(r.Actions); n > 0 && r.Actions[n-1].AtMs > r.NowMs {
		return raftsim.Run{}, fmt.Errorf("the link's run ends at %d ms, before its last action at %d ms", r.NowMs, r.Actions[n-1].AtMs)
	}
	return r, nil
}
