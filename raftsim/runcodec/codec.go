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
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(js)
	w.Close()
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// Decode unpacks a string made by Encode, checking every field.
func Decode(s string) (raftsim.Run, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return raftsim.Run{}, fmt.Errorf("the link's run is damaged (not base64url): %v", err)
	}
	js, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), 1<<22))
	if err != nil {
		return raftsim.Run{}, fmt.Errorf("the link's run is damaged (cannot inflate): %v", err)
	}
	if !gjson.ValidBytes(js) {
		return raftsim.Run{}, fmt.Errorf("the link's run is damaged (not JSON)")
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
