package main

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// parseKnobs reads the run's config from the URL: seed and nodes (already in
// p) and any config field by its JSON name, e.g. ?pre_vote=false&tick_ms=5
// &loss_rate=0.05. The knobs are validated together, as a share link's
// config is; if any is wrong the problem names it and none is used.
func parseKnobs(values url.Values, p Params) (raftsim.Config, string) {
	base := raftsim.DefaultConfig()
	base.Seed, base.Nodes = p.Seed, p.Nodes
	var fields []string
	for _, name := range raftsim.ConfigFieldNames() {
		if name == "seed" || name == "nodes" {
			continue // their own parameters, with their own messages
		}
		v, ok := first(values, name)
		if !ok {
			continue
		}
		if r := gjson.Parse(v); !gjson.Valid(v) || (r.Type != gjson.Number && r.Type != gjson.True && r.Type != gjson.False) {
			v = strconv.Quote(v) // so the error shows what was given
		}
		fields = append(fields, strconv.Quote(name)+":"+v)
	}
	if len(fields) == 0 {
		return base, ""
	}
	cfg, err := raftsim.ParseConfig(gjson.Parse("{"+strings.Join(fields, ",")+"}"), base)
	if err != nil {
		return base, fmt.Sprintf("the URL's knobs are not valid (%v); using raftplay's defaults", err)
	}
	return cfg, ""
}
