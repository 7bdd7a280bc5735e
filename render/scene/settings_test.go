package scene

import (
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

func knobRow(t *testing.T, name string) int {
	t.Helper()
	for i, k := range knobs {
		if k.name == name {
			return i
		}
	}
	t.Fatalf("no knob %q", name)
	return -1
}

func TestSettingsStepThroughValues(t *testing.T) {
	var st Settings
	st.Toggle(raftsim.DefaultConfig()) // election 15 ticks, PreVote on
	el, pv, loss, cc := knobRow(t, "election_ticks"), knobRow(t, "pre_vote"), knobRow(t, "loss_rate"), knobRow(t, "conf_change")
	tm := knobRow(t, "timing")
	for _, tc := range []struct {
		row, dir int
		check    func(raftsim.Config) bool
		want     string
	}{
		{el, +1, func(c raftsim.Config) bool { return c.ElectionTicks == 20 }, "15 -> 20"},
		{el, -1, func(c raftsim.Config) bool { return c.ElectionTicks == 15 }, "20 -> 15"},
		{pv, +1, func(c raftsim.Config) bool { return !c.PreVote }, "PreVote off"},
		{pv, +1, func(c raftsim.Config) bool { return c.PreVote }, "PreVote on again"},
		{loss, -1, func(c raftsim.Config) bool { return c.LossRate == 0.5 }, "loss wraps from 0 to 0.5"},
		{loss, +1, func(c raftsim.Config) bool { return c.LossRate == 0 }, "and back to 0"},
		{cc, +1, func(c raftsim.Config) bool { return c.ConfChange == raftsim.ConfChangeJoint }, "raft's joint consensus"},
		{cc, +1, func(c raftsim.Config) bool { return c.ConfChange == raftsim.ConfChangeEtcd }, "etcd's single step again"},
		{tm, +1, func(c raftsim.Config) bool { return c.TickMs == 100 && c.ElectionTicks == 10 && c.HeartbeatTicks == 1 }, "etcd's timing"},
		{tm, +1, func(c raftsim.Config) bool { return c.Timing() == "raftplay" }, "raftplay's timing again"},
	} {
		st.Step(tc.row, tc.dir)
		if !tc.check(st.Cfg) || st.Row != tc.row {
			t.Errorf("%s: config %+v, row %d", tc.want, st.Cfg, st.Row)
		}
	}
	st.Cfg.ElectionTicks = 12 // not a choice: the next one up is 15, the one down 10
	st.Step(el, +1)
	if st.Cfg.ElectionTicks != 15 {
		t.Errorf("from 12 up: %d, want 15", st.Cfg.ElectionTicks)
	}
	st.Cfg.ElectionTicks = 12
	st.Step(el, -1)
	if st.Cfg.ElectionTicks != 10 {
		t.Errorf("from 12 down: %d, want 10", st.Cfg.ElectionTicks)
	}
}

// TestSettingsApplyStartsANewRun: Apply is a reset with the config; the
// simulator runs it with the same seed, and refuses a config that does not
// validate, which the panel explains and does not offer to apply.
func TestSettingsApplyStartsANewRun(t *testing.T) {
	sim, _ := clients.New(raftsim.Config{Nodes: 5, Seed: 7, TickMs: 10, ElectionTicks: 15, HeartbeatTicks: 5,
		LatencyMinMs: 4, LatencyMaxMs: 12, DiskMinMs: 1, DiskMaxMs: 3, ClientTimeoutMs: 1000, PreVote: true, CheckQuorum: true,
		ConfChange: raftsim.ConfChangeEtcd, ReadOnly: raftsim.ReadOnlySafe})
	sim.Advance(1000)
	var st Settings
	st.Toggle(sim.Config())
	st.Step(knobRow(t, "pre_vote"), +1)
	st.Step(knobRow(t, "nodes"), +1)
	if err := sim.Do(st.Apply()); err != nil {
		t.Fatal(err)
	}
	if c := sim.Config(); c.PreVote || c.Nodes != 6 || c.Seed != 7 || sim.Now() != 0 {
		t.Fatalf("after Apply: %+v at %d ms; want PreVote off, 6 nodes, seed 7, a new run", c, sim.Now())
	}

	l := NewLayout(1280, 800, 1, 6, ControlsFull, measure)
	for range 3 { // 5 -> 10 -> 20 -> 50 heartbeat ticks, above the 15 election ticks
		st.Step(knobRow(t, "heartbeat_ticks"), +1)
	}
	p := l.SettingsPanel(&st, measure)
	apply := p.Buttons[len(knobs)]
	if apply.Cmd != CmdSettingsApply || !apply.Disabled {
		t.Errorf("apply button %+v: want it disabled while the config is invalid", apply)
	}
	if !strings.Contains(strings.Join(p.Lines, " "), "must be greater than heartbeat_ticks") {
		t.Errorf("the panel does not say why: %q", p.Lines)
	}
	before := sim.SnapshotJSON()
	if err := sim.Do(st.Apply()); err == nil || string(before) != string(sim.SnapshotJSON()) {
		t.Errorf("an invalid config applied: err %v", err)
	}
}

// TestSettingsPanelFits: every knob has a row naming its value, etcd's
// defaults are marked, and the panel stays on screen at a small size.
func TestSettingsPanelFits(t *testing.T) {
	var st Settings
	st.Toggle(raftsim.DefaultConfig())
	for _, size := range [][2]float64{{1280, 800}, {640, 400}} {
		l := NewLayout(size[0], size[1], 1, 5, ControlsFull, measure)
		p := l.SettingsPanel(&st, measure)
		if len(p.Buttons) != len(knobs)+2 {
			t.Fatalf("%v: %d buttons", size, len(p.Buttons))
		}
		if !strings.Contains(p.Buttons[0].Label, "PreVote: on") || !strings.Contains(p.Buttons[0].Label, "etcd: on") ||
			!strings.Contains(p.Buttons[knobRow(t, "tick_ms")].Label, "tick: 10 ms   etcd: 100 ms") {
			t.Errorf("labels: %q, %q", p.Buttons[0].Label, p.Buttons[knobRow(t, "tick_ms")].Label)
		}
		if p.Rect.X < 0 || p.Rect.Y < 0 || p.Rect.Right() > size[0] {
			t.Errorf("%v: panel %+v leaves the screen", size, p.Rect)
		}
	}
}

// TestMenusStayWholeOnSmallScreens: the settings and a picker of many
// stories keep every item on screen, in more columns where one would run
// off the bottom, with labels cut where the columns narrow.
func TestMenusStayWholeOnSmallScreens(t *testing.T) {
	var st Settings
	st.Toggle(raftsim.DefaultConfig())
	var stories []StoryEntry
	for range 11 {
		stories = append(stories, StoryEntry{Name: "disruptive-rejoin", Title: "Without PreVote, a node that rejoins deposes a healthy leader"})
	}
	for _, sz := range [][3]float64{{1280, 800, 1}, {640, 400, 1}, {390 * 3, 844 * 3, 3}, {320, 240, 1}} {
		l := NewLayout(sz[0], sz[1], sz[2], 5, ControlsFull, measure)
		screen := Rect{0, 0, sz[0], sz[1]}
		for _, p := range []Panel{l.SettingsPanel(&st, measure), l.StoryPicker(stories, 0, measure)} {
			if !inside(p.Rect, screen) {
				t.Errorf("%v: %q at %+v leaves the screen", sz, p.Title, p.Rect)
			}
			for i, b := range p.Buttons {
				if !inside(b.Rect, p.Rect) {
					t.Errorf("%v: %q item %d at %+v is outside its panel %+v", sz, p.Title, i, b.Rect, p.Rect)
				}
				for _, o := range p.Buttons[i+1:] {
					if overlap(b.Rect, o.Rect) {
						t.Errorf("%v: %q items %q and %q overlap", sz, p.Title, b.Label, o.Label)
					}
				}
			}
		}
	}
}

// TestKnobsNameConfigFields: every knob is a field of raftsim's table of
// config fields, by the name a share link and the URL give it.
func TestKnobsNameConfigFields(t *testing.T) {
	for _, k := range knobs {
		if !slices.Contains(raftsim.ConfigFieldNames(), k.name) {
			t.Errorf("knob %q (%s) names no config field of %v", k.name, k.label, raftsim.ConfigFieldNames())
		}
	}
}
