package raftsim

import (
	"fmt"
	"slices"
	"strings"
)

// scriptCommands are the commands of raft's script language that ScriptEnv
// runs (ScriptEnv.run): a script that names another is refused whole before
// it plays, rather than failing halfway.
var scriptCommands = []string{
	"_breakpoint", "add-nodes", "campaign", "compact", "deliver-msgs", "forget-leader", "log-level",
	"process-append-thread", "process-apply-thread", "process-ready", "propose", "propose-conf-change",
	"raft-log", "raft-state", "report-unreachable", "send-snapshot", "set-randomized-election-timeout",
	"stabilize", "status", "tick-election", "tick-heartbeat", "transfer-leadership",
}

// scriptRunActions are the actions a script's run takes besides the
// script's commands: its nodes are bare, held in manual mode, so the user
// is the network and the clock there, and nothing else (a write, a crash,
// the clock given back) has the cluster it would need.
var scriptRunActions = []ActionOp{ActDeliver, ActDrop, ActDuplicate, ActTick, ActReady, ActPause, ActPlay, ActSpeed, ActStep, ActReset}

// scriptRunTakes refuses an action a script's run cannot take, saying
// what it can; the console takes raft's script commands there. A node that
// writes asynchronously (async-storage-writes) takes no ready: raft hands
// its storage work to the script's threads, and forbids Advance.
func (s *Sim) scriptRunTakes(a *Action) error {
	if n := s.node(a.Node); a.Op == ActReady && n != nil && n.raftConfig != nil && n.raftConfig.AsyncStorageWrites {
		return fmt.Errorf("ready: %s writes asynchronously (async-storage-writes): the script's process-ready, process-append-thread and process-apply-thread hand its Ready over", s.name(n.id))
	}
	if slices.Contains(scriptRunActions, a.Op) || a.Op == ActConsole && IsRaftScriptCommand(a.Line) {
		return nil
	}
	return fmt.Errorf("%s: a run of raft's interaction script takes only what manual mode does by hand (deliver, drop, duplicate, tick, ready) and raft's script commands in the console; reset or pick a story for the rest", a.Op)
}

// ScriptPlayer plays one of raft's interaction scripts on a Sim a command
// at a time: each command is a step, and the comment before it is its
// caption. Standing at step k, commands 0 to k have run. Going back, or to
// any step, replays the script's commands from an empty cluster up to it;
// runs are deterministic, so that shows exactly what stepping to it did.
type ScriptPlayer struct {
	sim   *Sim
	name  string
	steps []ScriptStep
	env   *ScriptEnv
	// gen is the sim's run the player's env plays on: a run started
	// since (a reset, a story) is replaced by replaying the script.
	gen  uint64
	step int
	out  string // what the current step's command printed
}

// NewScriptPlayer parses the script text, called name, and plays its first
// command on sim, in place of the run sim held. A script that does not
// parse, has no command, or names a command raftplay does not run is
// refused, naming the line, and sim is left as it was.
func NewScriptPlayer(sim *Sim, name, text string) (*ScriptPlayer, error) {
	steps, err := ParseScript(name, text)
	if err != nil {
		return nil, err
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("%s holds no command: a script is lines such as \"add-nodes 3 voters=(1,2,3) index=2\", each followed by ----", name)
	}
	for _, st := range steps {
		if !slices.Contains(scriptCommands, st.Command.Cmd) {
			return nil, fmt.Errorf("%s: unknown command %q; raft's scripts use %s", st.Pos, st.Command.Cmd, strings.Join(scriptCommands[1:], ", "))
		}
	}
	p := &ScriptPlayer{sim: sim, name: name, steps: steps}
	return p, p.Goto(0)
}

// Current reports whether the sim still holds the script's run: false once
// another run replaced it (a reset, a story), until the script replays.
func (p *ScriptPlayer) Current() bool { return p.sim.generation == p.gen }

// Name is the script's name.
func (p *ScriptPlayer) Name() string { return p.name }

// Step is the current step, from 0.
func (p *ScriptPlayer) Step() int { return p.step }

// Steps counts the script's commands.
func (p *ScriptPlayer) Steps() int { return len(p.steps) }

// Last reports whether the current step is the script's last.
func (p *ScriptPlayer) Last() bool { return p.step == len(p.steps)-1 }

// Caption is the comment before the current step's command, without its
// "#" marks, one paragraph per run of lines.
func (p *ScriptPlayer) Caption() string {
	var paras []string
	para := ""
	for line := range strings.Lines(p.steps[p.step].Comment) {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#"))
		switch {
		case line == "" && para != "":
			paras, para = append(paras, para), ""
		case line == "":
		case para == "":
			para = line
		default:
			para += " " + line
		}
	}
	if para != "" {
		paras = append(paras, para)
	}
	return strings.Join(paras, "\n")
}

// Command is the current step's command line and its input lines, as the
// script writes them.
func (p *ScriptPlayer) Command() string {
	st := p.steps[p.step]
	if st.Command.Input == "" {
		return st.Line
	}
	return st.Line + "\n" + st.Command.Input
}

// Output is what the current step's command printed, in the scripts'
// format, raft's own lines from raftplay's nodes among it.
func (p *ScriptPlayer) Output() string { return p.out }

// Check compares raft's own lines of the current step's output with those
// the script expects: "" when they are the same, or the first that
// differs, in words.
func (p *ScriptPlayer) Check() string {
	g, w, differ := RaftLinesDiffer(p.out, p.steps[p.step].Want)
	if !differ {
		return ""
	}
	return fmt.Sprintf("the script expects %q, raftplay printed %q", w, g)
}

// Next runs the next command.
func (p *ScriptPlayer) Next() error {
	switch {
	case p.Last():
		return fmt.Errorf("%s has no step after %d", p.name, p.step+1)
	case !p.Current():
		return p.Goto(p.step + 1)
	}
	p.step++
	p.run()
	return nil
}

// Back replays the script to the previous step.
func (p *ScriptPlayer) Back() error {
	if p.step == 0 {
		return fmt.Errorf("this is the script's first step")
	}
	return p.Goto(p.step - 1)
}

// Goto replays the script from an empty cluster to step k (from 0): its
// commands 0 to k run.
func (p *ScriptPlayer) Goto(k int) error {
	if k < 0 || k >= len(p.steps) {
		return fmt.Errorf("%s has steps 1 to %d", p.name, len(p.steps))
	}
	p.env = p.sim.startScript()
	p.gen = p.sim.generation
	for p.step = 0; p.step <= k; p.step++ {
		p.run()
	}
	p.step = k
	return nil
}

// run runs the current step's command. A command raft refuses by
// panicking (a pasted script's bad conf change, say) prints the panic as
// its output: the page goes on, and so may the script.
func (p *ScriptPlayer) run() {
	defer func() {
		if v := recover(); v != nil {
			p.out = fmt.Sprintf("raft panicked: %v", v)
		}
	}()
	p.out = p.env.Run(p.steps[p.step].Command)
}
