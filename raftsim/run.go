package raftsim

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"

	"github.com/tidwall/gjson"
)

// Run is everything that reproduces a simulation: its config (the seed
// included), its action log, and how far it had run.
type Run struct {
	Config  Config         `json:"config"`
	Actions []ActionRecord `json:"actions"`
	NowMs   int64          `json:"now_ms"`
	// Fired is how many events the run had processed at NowMs; 0 means
	// every event due by then (see ActionRecord.Fired).
	Fired uint64 `json:"fired,omitempty"`
}

// Run returns what reproduces the simulation as it stands.
func (s *Sim) Run() Run {
	return Run{Config: s.cfg, Actions: s.Actions(), NowMs: s.clock.now, Fired: s.fired}
}

// Encode packs the run into a compact, URL-safe string: JSON, deflated,
// base64url without padding. A run of a few dozen actions takes a few hundred
// characters.
func (r Run) Encode() string {
	js, _ := json.Marshal(r)
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(js)
	w.Close()
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// DecodeRun unpacks a string made by Run.Encode, checking every field.
func DecodeRun(s string) (Run, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Run{}, fmt.Errorf("the link's run is damaged (not base64url): %v", err)
	}
	js, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), 1<<22))
	if err != nil {
		return Run{}, fmt.Errorf("the link's run is damaged (cannot inflate): %v", err)
	}
	if !gjson.ValidBytes(js) {
		return Run{}, fmt.Errorf("the link's run is damaged (not JSON)")
	}
	v := gjson.ParseBytes(js)
	var r Run
	if r.Config, err = ParseConfig(v.Get("config"), DefaultConfig()); err != nil {
		return Run{}, err
	}
	acts := v.Get("actions")
	if !acts.Exists() {
		acts = gjson.Parse("[]")
	}
	if r.Actions, err = ParseActionRecords(acts.Raw); err != nil {
		return Run{}, err
	}
	now := v.Get("now_ms")
	if now.Type != gjson.Number || now.Int() < 0 || float64(now.Int()) != now.Num {
		return Run{}, fmt.Errorf("the link's run has no valid now_ms")
	}
	r.NowMs = now.Int()
	if fired := v.Get("fired"); fired.Exists() {
		if fired.Type != gjson.Number || fired.Num < 0 || float64(fired.Uint()) != fired.Num {
			return Run{}, fmt.Errorf("the link's run has an invalid fired count")
		}
		r.Fired = fired.Uint()
	}
	if n := len(r.Actions); n > 0 && r.Actions[n-1].AtMs > r.NowMs {
		return Run{}, fmt.Errorf("the link's run ends at %d ms, before its last action at %d ms", r.NowMs, r.Actions[n-1].AtMs)
	}
	return r, nil
}
