package main

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"raftplay/raftsim"
	"raftplay/raftsim/raftscripts"
	"raftplay/raftsim/scenario"
	"raftplay/render/scene"
)

// Params are the playground's URL parameters, e.g. ?seed=7&nodes=3&speed=0.05.
type Params struct {
	Seed  int64
	Nodes int
	// Speed is virtual milliseconds per wall millisecond, in (0, 1000].
	Speed  float64
	Paused bool
	// Manual starts the run in manual mode: the clock and the network held.
	Manual bool
	// Theme is "light", "dark", "colorblind", "colorblind-dark" or "auto"
	// (follow the browser's preferences).
	Theme string
	// Motion is "full", "reduced" (still marks in place of sliding
	// messages) or "auto" (follow the browser's prefers-reduced-motion).
	Motion string
	// Controls is "full" or "minimal".
	Controls string
	// Panels is the side panels to show ("logs,events", "logs", "none");
	// empty leaves it to the screen's size.
	Panels string
	// Scenario is a built-in story to play from Step (counted from 1).
	Scenario string
	Step     int
	// Script is one of raft's interaction scripts (raftsim/raftscripts)
	// to play from Step, in place of a story.
	Script string
	// Run is a shared run (runcodec.Encode) to reproduce; it wins over
	// seed, nodes and scenario.
	Run string
	// Story is a story written in the page, as its link carries it
	// (storyedit.EncodeLink); it wins over scenario.
	Story string
	// ShareQR shows, over the playground, a QR code of its address, for a
	// class to scan from a projector (share=qr).
	ShareQR bool
	// Config is the run's config: seed, nodes and the knobs (knobs.go).
	Config raftsim.Config
}

// DefaultParams are used for every parameter the URL leaves out or gets wrong.
func DefaultParams() Params {
	return Params{Seed: 1, Nodes: 5, Speed: 0.03, Theme: "auto", Motion: "auto", Controls: "full", Step: 1, Config: raftsim.DefaultConfig()}
}

// ParseParams reads the parameters from a query string (with or without its
// leading "?"). Each invalid value is named in one of the returned problems
// and its default is used; parameters it does not know are left alone, since
// a page embedding the playground may use its own.
func ParseParams(query string) (Params, []string) {
	p := DefaultParams()
	values, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	var problems []string
	if err != nil {
		problems = append(problems, fmt.Sprintf("the URL's parameters do not parse (%v); using what could be read", err))
	}
	bad := func(name, val, want string, def any) {
		problems = append(problems, fmt.Sprintf("%s=%s is not valid (%s); using %v", name, val, want, def))
	}
	if v, ok := first(values, "seed"); ok {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			p.Seed = n
		} else {
			bad("seed", v, "a whole number", p.Seed)
		}
	}
	if v, ok := first(values, "nodes"); ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 3 && n <= 9 {
			p.Nodes = n
		} else {
			bad("nodes", v, "3 to 9", p.Nodes)
		}
	}
	if v, ok := first(values, "speed"); ok {
		if x, err := strconv.ParseFloat(v, 64); err == nil && x > 0 && x <= 1000 && !math.IsNaN(x) {
			p.Speed = x
		} else {
			bad("speed", v, "a number above 0 and at most 1000, in virtual ms per real ms", p.Speed)
		}
	}
	if v, ok := first(values, "paused"); ok {
		switch strings.ToLower(v) {
		case "true", "1", "":
			p.Paused = true
		case "false", "0":
			p.Paused = false
		default:
			bad("paused", v, "true, false, 1 or 0", p.Paused)
		}
	}
	if v, ok := first(values, "manual"); ok {
		switch strings.ToLower(v) {
		case "true", "1", "":
			p.Manual = true
		case "false", "0":
			p.Manual = false
		default:
			bad("manual", v, "true, false, 1 or 0", p.Manual)
		}
	}
	if v, ok := first(values, "motion"); ok {
		switch v {
		case "full", "reduced", "auto":
			p.Motion = v
		default:
			bad("motion", v, "full, reduced or auto", p.Motion)
		}
	}
	if v, ok := first(values, "theme"); ok {
		switch v {
		case "light", "dark", "colorblind", "colorblind-dark", "auto":
			p.Theme = v
		default:
			bad("theme", v, "light, dark, colorblind, colorblind-dark or auto", p.Theme)
		}
	}
	if v, ok := first(values, "controls"); ok {
		switch v {
		case "full", "minimal":
			p.Controls = v
		default:
			bad("controls", v, "full or minimal", p.Controls)
		}
	}
	if v, ok := first(values, "panels"); ok {
		if _, err := scene.ParsePanels(v); err == nil {
			p.Panels = v
		} else {
			bad("panels", v, err.Error(), "the panels the screen has room for")
		}
	}
	if v, ok := first(values, "scenario"); ok {
		if slices.Contains(scenario.Builtins, v) {
			p.Scenario = v
		} else {
			bad("scenario", v, "one of "+strings.Join(scenario.Builtins, ", "), "free play")
		}
	}
	if v, ok := first(values, "script"); ok {
		if slices.Contains(raftscripts.Names(), v) {
			p.Script = v
		} else {
			bad("script", v, fmt.Sprintf("one of raft v3.7.0's %d interaction scripts, such as campaign or confchange_v1_add_single: Stories lists them", len(raftscripts.Names())), "free play")
		}
	}
	if v, ok := first(values, "step"); ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 1 {
			p.Step = n
		} else {
			bad("step", v, "a step number from 1", p.Step)
		}
	}
	if v, ok := first(values, "run"); ok {
		p.Run = v
	}
	if v, ok := first(values, "story"); ok {
		p.Story = v
	}
	if v, ok := first(values, "share"); ok {
		if v == "qr" {
			p.ShareQR = true
		} else {
			bad("share", v, "qr", "no code")
		}
	}
	var problem string
	if p.Config, problem = parseKnobs(values, p); problem != "" {
		problems = append(problems, problem)
	}
	return p, problems
}

// first returns the first value of a parameter, trimmed of spaces.
func first(values url.Values, name string) (string, bool) {
	vs, ok := values[name]
	if !ok || len(vs) == 0 {
		return "", false
	}
	return strings.TrimSpace(vs[0]), true
}

// StartActions are the actions that set the run up as the URL asks, done
// before the first frame so that they open the action log and a replay
// repeats them.
func (p Params) StartActions() []raftsim.Action {
	acts := []raftsim.Action{{Op: raftsim.ActSpeed, X: p.Speed}}
	if p.Paused {
		acts = append(acts, raftsim.Action{Op: raftsim.ActPause})
	}
	if p.Manual {
		acts = append(acts, raftsim.Action{Op: raftsim.ActManual, On: true})
	}
	return acts
}
