package scene

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// Settings is the settings panel's state: a working copy of the run's
// config that the person edits knob by knob, and the row the keyboard is
// on. Applying it starts a new run with the same seed (a reset action with
// the config), so a refused config changes nothing.
type Settings struct {
	Open bool
	Cfg  raftsim.Config
	Row  int
	// Look is the text of the theme row, which comes after the knobs and
	// changes the look at once (theme_choice.go); "" leaves it out.
	Look string
}

// knob is one row of the settings panel: a config field by its JSON name
// (read and written through raftsim.ParseConfig, the config's one table),
// the values a click steps through, and etcd's default beside it.
type knob struct {
	name, label, unit string
	// values are the choices, in order; nil for an on/off switch or a
	// knob of words.
	values []float64
	// words are the choices of a knob whose value is a word, in order.
	words []string
	// preset reads a knob that is no field of the config but names what
	// some of its fields make (the timing); "" when they make no preset.
	preset func(raftsim.Config) string
	// etcd is etcd's own default, shown beside the value: etcd ticks once
	// per --heartbeat-interval (100 ms) and elects after
	// --election-timeout (1000 ms, 10 ticks). "" where etcd has none.
	etcd string
}

// knobs are the settings panel's rows, in the order it shows them.
var knobs = []knob{
	{name: "pre_vote", label: "PreVote", etcd: "on (--pre-vote)"},
	{name: "check_quorum", label: "CheckQuorum", etcd: "always on"},
	{name: "tick_ms", label: "tick", unit: "ms", values: []float64{1, 2, 5, 10, 20, 50, 100}, etcd: "100 ms"},
	{name: "election_ticks", label: "election timeout", unit: "ticks", values: []float64{3, 5, 8, 10, 15, 20, 30, 50, 100, 150}, etcd: "10 ticks"},
	{name: "heartbeat_ticks", label: "heartbeat", unit: "ticks", values: []float64{1, 2, 3, 5, 10, 20, 50, 75}, etcd: "1 tick"},
	{name: "timing", label: "timing", words: timingNames(), preset: raftsim.Config.Timing, etcd: "etcd"},
	{name: "latency_min_ms", label: "latency from", unit: "ms", values: []float64{1, 2, 4, 6, 10, 20, 50}},
	{name: "latency_max_ms", label: "latency to", unit: "ms", values: []float64{1, 2, 4, 8, 12, 20, 50, 100}},
	{name: "disk_min_ms", label: "disk sync from", unit: "ms", values: []float64{0, 1, 2, 5, 10, 20}},
	{name: "disk_max_ms", label: "disk sync to", unit: "ms", values: []float64{0, 1, 3, 5, 10, 20, 50}},
	{name: "snapshot_bytes_per_ms", label: "snapshot bandwidth", unit: "bytes/ms", values: []float64{10, 100, 1000, 10000, 100000}},
	// Loss goes beyond what TCP does: rafthttp's streams lose only what a
	// broken connection held.
	{name: "loss_rate", label: "message loss (beyond TCP)", values: []float64{0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5}, etcd: "0"},
	{name: "nodes", label: "nodes", values: []float64{3, 4, 5, 6, 7, 8, 9}},
	{name: "read_only", label: "ReadOnlyOption", words: []string{string(raftsim.ReadOnlySafe), string(raftsim.ReadOnlyLeaseBased)}, etcd: "safe"},
	{name: "conf_change", label: "membership changes", words: []string{raftsim.ConfChangeEtcd, raftsim.ConfChangeJoint}, etcd: "etcd"},
}

// timingNames lists raftsim's timing presets by name.
func timingNames() []string {
	names := make([]string, len(raftsim.Timings))
	for i, t := range raftsim.Timings {
		names[i] = t.Name
	}
	return names
}

// value reads knob k's value from cfg.
func (k knob) value(cfg raftsim.Config) gjson.Result {
	if k.preset != nil {
		p := k.preset(cfg)
		if p == "" {
			p = "custom"
		}
		return gjson.Parse(strconv.Quote(p))
	}
	js, _ := json.Marshal(cfg) // plain values: cannot fail
	return gjson.GetBytes(js, k.name)
}

// text is the knob's value as the panel shows it.
func (k knob) text(cfg raftsim.Config) string {
	v := k.value(cfg)
	switch {
	case k.words != nil:
		return v.String()
	case k.values == nil && v.Bool():
		return "on"
	case k.values == nil:
		return "off"
	case k.unit != "":
		return strconv.FormatFloat(v.Num, 'g', -1, 64) + " " + k.unit
	}
	return strconv.FormatFloat(v.Num, 'g', -1, 64)
}

// step returns cfg with knob k moved dir (+1 or -1) through its values,
// wrapping, or a switch flipped. The result may not validate: the panel
// says why until it does.
func (k knob) step(cfg raftsim.Config, dir int) raftsim.Config {
	v := k.value(cfg)
	next := "true"
	if k.words != nil {
		i := (slices.Index(k.words, v.String()) + dir + len(k.words)) % len(k.words)
		next = strconv.Quote(k.words[i])
	} else if k.values == nil {
		if v.Bool() {
			next = "false"
		}
	} else {
		// The position of the current value, or of the first choice above it.
		i, _ := slices.BinarySearch(k.values, v.Num)
		if dir < 0 || (i < len(k.values) && k.values[i] == v.Num) {
			i += dir
		}
		i = (i%len(k.values) + len(k.values)) % len(k.values)
		next = strconv.FormatFloat(k.values[i], 'g', -1, 64)
	}
	out, _ := raftsim.ParseConfig(gjson.Parse(fmt.Sprintf(`{%q:%s}`, k.name, next)), cfg)
	return out
}

// Toggle opens the panel on a copy of the run's config, or closes it.
func (st *Settings) Toggle(run raftsim.Config) {
	st.Open = !st.Open
	st.Cfg, st.Row = run, 0
}

// Step moves knob row (or the keyboard's row, for row < 0) by dir.
func (st *Settings) Step(row, dir int) {
	if row < 0 {
		row = st.Row
	}
	if row >= 0 && row < len(knobs) {
		st.Row = row
		st.Cfg = knobs[row].step(st.Cfg, dir)
	}
}

// Move moves the keyboard's row by dir, wrapping.
func (st *Settings) Move(dir int) { st.Row = (st.Row + dir + st.rows()) % st.rows() }

// rows is how many rows the keyboard moves through: the knobs, and the
// theme row when there is one.
func (st *Settings) rows() int {
	if st.Look != "" {
		return len(knobs) + 1
	}
	return len(knobs)
}

// OnThemeRow reports whether the keyboard is on the theme row.
func (st *Settings) OnThemeRow() bool { return st.Look != "" && st.Row == len(knobs) }

// Defaults puts the simulator's defaults back, keeping the seed.
func (st *Settings) Defaults() {
	seed := st.Cfg.Seed
	st.Cfg = raftsim.DefaultConfig()
	st.Cfg.Seed = seed
}

// Apply returns the action that starts a new run with the settings and the
// same seed. The simulator validates it again and refuses a bad config.
func (st *Settings) Apply() raftsim.Action {
	cfg := st.Cfg
	return raftsim.Action{Op: "reset", Config: &cfg}
}

// SettingsPanel lays the settings panel out: a row per knob (a click steps
// it on), what the timing comes to, and why the settings cannot apply when
// they cannot.
func (l *Layout) SettingsPanel(st *Settings, measure Measure) Panel {
	u := l.Scale
	p := Panel{Title: fmt.Sprintf("Settings (a new run, seed %d)", st.Cfg.Seed), Menu: true}
	w := measure(p.Title, FontUI*u)
	for i, k := range knobs {
		label := fmt.Sprintf("%s: %s", k.label, k.text(st.Cfg))
		if k.etcd != "" {
			label += "   etcd: " + k.etcd
		}
		key := ""
		if i == st.Row {
			key = "←→"
		}
		w = math.Max(w, ButtonWidth(label, "", key, u, measure))
		p.Buttons = append(p.Buttons, Button{Cmd: CmdSettingsKnob, Label: label, Key: key, Arg: i})
	}
	if st.Look != "" {
		key := ""
		if st.OnThemeRow() {
			key = "←→"
		}
		p.Buttons = append(p.Buttons, Button{Cmd: CmdTheme, Label: st.Look, Key: key})
	}
	err := st.Cfg.Validate()
	p.Buttons = append(p.Buttons,
		Button{Cmd: CmdSettingsApply, Label: "Apply: new run", Key: "Enter", Disabled: err != nil},
		Button{Cmd: CmdSettingsDefaults, Label: "Simulator's defaults"})
	for _, b := range p.Buttons[len(knobs):] {
		w = math.Max(w, ButtonWidth(b.Label, "", b.Key, u, measure))
	}
	c := st.Cfg
	p.Lines = Wrap(fmt.Sprintf("election timeout %d–%d ms, heartbeat %d ms. Where a value is not etcd's, docs/fidelity.md says why.",
		int64(c.ElectionTicks)*c.TickMs, int64(2*c.ElectionTicks-1)*c.TickMs, int64(c.HeartbeatTicks)*c.TickMs), w, FontUI*u, measure)
	if err != nil {
		p.Lines = append(p.Lines, Wrap(strings.TrimPrefix(err.Error(), "invalid config: "), w, FontUI*u, measure)...)
	}
	p.Rect = Rect{X: l.Stage.X + Pad*u, Y: l.HUD.Bottom()}
	return l.stackMenu(p, w, measure)
}
