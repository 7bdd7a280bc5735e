package scene

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// Keys the console reads besides typed characters, as the runes Key takes
// for them. The arrows and pages are in Unicode's private use area, which no
// keyboard types.
const (
	KeyBackspace = '\b'
	KeyUp        = '\uE000'
	KeyDown      = '\uE001'
	KeyPageUp    = '\uE002'
	KeyPageDown  = '\uE003'
	KeyLeft      = '\uE004'
	KeyRight     = '\uE005'
)

// Console is the etcdctl console: whether it is open, the node it talks to,
// the line being typed, the lines typed before and the transcript. While it
// is open it has the keyboard: every key edits or runs the line.
type Console struct {
	Open bool
	// Via is the node the console talks to; 0 lets the simulator pick the
	// leader (or the lowest running node).
	Via        uint64
	Transcript Transcript
	input      []rune
	history    []string
	// browse is the history entry the line shows while Up and Down browse
	// it; len(history) is the line that was being typed, kept in draft.
	browse int
	draft  []rune
}

// consoleUsage is what a console says when it first opens, a sentence a
// line (the transcript wraps them to its width), with the nodes of snap as
// the examples: called by their names, and by their host names (n1, n2, …)
// in URLs, as etcd's peers are.
func consoleUsage(snap *raftsim.Snapshot) []string {
	first, second := uint64(1), uint64(2)
	if ids := snap.NodeIDs(); len(ids) > 1 {
		first, second = ids[0], ids[1]
	}
	name := snap.NodeName(first)
	host := fmt.Sprintf("n%d", first)
	asks := "node " + host
	if name != host {
		asks = fmt.Sprintf("node %s (host %s)", name, host)
	}
	return []string{
		"Commands (etcdctl 3.4, its v3 API by default): put, get, del, txn (then its compares, a blank line, the success requests, a blank line, the failure requests, a blank line), compaction, watch, lease grant|revoke|timetolive|list|keep-alive --once, endpoint status|health, member list|add|promote|remove; -w json|fields shows the whole answer.",
		"ETCDCTL_API=2 before a line, or export ETCDCTL_API=2 for every line after, speaks etcd's v2 API: " + strings.Join(v2store.EtcdctlHelp(), ", ") + ".",
		fmt.Sprintf("curl -L http://%s:2379/v2/keys/foo (with -XPUT -d value=…, ?wait=true, …) asks %s as etcd's HTTP API, curl -L http://%s:2379/v3/kv/put -X POST -d '{\"key\":\"Zm9v\",\"value\":\"YmFy\"}' (and /v3/kv/range, deleterange, txn, compaction, /v3/lease/grant) its v3 gateway; curl-forms on shows each v2 command's curl form.", host, asks, host),
		fmt.Sprintf("--endpoints %s before a command (a node's name, its number or its URL) sends it via that node; the via button picks the node for every command (the leader by default).", snap.NodeName(second)),
		"Enter runs the line, ↑ ↓ bring back earlier ones; ` or Esc closes the console.",
	}
}

// Toggle opens or closes the console; the first time it opens it explains
// itself with the nodes of snap.
func (c *Console) Toggle(snap *raftsim.Snapshot) {
	c.Open = !c.Open
	if c.Open && c.Transcript.Total() == 0 {
		for _, l := range consoleUsage(snap) {
			c.Transcript.add(ConsoleLine{Text: l, Kind: LineHint})
		}
	}
}

// Input returns the line being typed.
func (c *Console) Input() string { return string(c.input) }

// Type adds r to the line; keys that print nothing are ignored.
func (c *Console) Type(r rune) {
	if unicode.IsPrint(r) {
		c.input = append(c.input, r)
	}
}

// Backspace removes the last character of the line.
func (c *Console) Backspace() {
	if n := len(c.input); n > 0 {
		c.input = c.input[:n-1]
	}
}

// Older shows the line typed before the one shown, as a shell's Up does.
func (c *Console) Older() {
	if c.browse == 0 {
		return
	}
	if c.browse == len(c.history) {
		c.draft = append(c.draft[:0], c.input...)
	}
	c.browse--
	c.input = append(c.input[:0], []rune(c.history[c.browse])...)
}

// Newer shows the line typed after the one shown, and at the end the line
// that was being typed.
func (c *Console) Newer() {
	if c.browse >= len(c.history) {
		return
	}
	c.browse++
	if c.browse == len(c.history) {
		c.input = append(c.input[:0], c.draft...)
		return
	}
	c.input = append(c.input[:0], []rune(c.history[c.browse])...)
}

// Submit takes the line: it goes to the history and the line is cleared. It
// returns the console action to do, or false for a blank line (unless a txn
// reads its lines: there a blank line ends a part) or one whose
// --endpoints makes no sense (the transcript then says why). snap tells the
// nodes' names, which --endpoints may give, and whether a txn reads.
func (c *Console) Submit(snap *raftsim.Snapshot) (raftsim.Action, bool) {
	line := strings.TrimSpace(string(c.input))
	c.input = c.input[:0]
	c.browse = len(c.history)
	reading := snap != nil && snap.Clients.ConsoleReading
	if line == "" {
		return raftsim.Action{Op: raftsim.ActConsole, Via: c.Via}, reading
	}
	if reading {
		// A txn's line: no --endpoints of its own.
		c.Transcript.Follow()
		return raftsim.Action{Op: raftsim.ActConsole, Line: line, Via: c.Via}, true
	}
	if n := len(c.history); n == 0 || c.history[n-1] != line {
		c.history = append(c.history, line)
	}
	c.browse = len(c.history)
	c.Transcript.Follow()
	cmd, via, err := splitEndpoint(line, snap)
	if err != nil {
		c.Transcript.add(ConsoleLine{Text: "$ etcdctl " + line, Kind: LineCommand})
		c.Transcript.add(ConsoleLine{Text: err.Error(), Kind: LineError})
		return raftsim.Action{}, false
	}
	if via == 0 {
		via = c.Via
	}
	return raftsim.Action{Op: raftsim.ActConsole, Line: cmd, Via: via}, true
}

// Refused shows in the transcript why the simulator refused a console
// action, with the line that asked for it and the node called what names calls
// it; it reports whether a was one.
func (c *Console) Refused(a raftsim.Action, err error, names Namer) bool {
	if a.Op != raftsim.ActConsole {
		return false
	}
	echo := "$ etcdctl " + a.Line
	if a.Via != 0 {
		echo += "   (via " + names.NodeName(a.Via) + ")"
	}
	c.Transcript.Follow()
	c.Transcript.add(ConsoleLine{Text: echo, Kind: LineCommand})
	c.Transcript.add(ConsoleLine{Text: err.Error(), Kind: LineError})
	return true
}

// NextVia moves the console on to the next node, round the nodes ids (in
// order) and back to the leader.
func (c *Console) NextVia(ids []uint64) {
	i, found := slices.BinarySearch(ids, c.Via)
	if found {
		i++
	}
	c.Via = 0
	if i < len(ids) {
		c.Via = ids[i]
	}
}

// ViaLabel names the node the console talks to, for its button.
func (c *Console) ViaLabel(snap *raftsim.Snapshot) string {
	if c.Via != 0 {
		return "via " + snap.NodeName(c.Via)
	}
	if id := snap.Leader(); id != 0 {
		return "via leader " + snap.NodeName(id)
	}
	return "via leader (none yet)"
}

// splitEndpoint takes etcdctl's global --endpoints flag off the front of a
// line ("--endpoints n2 get /foo", "etcdctl --endpoints=http://n2:2379 ls",
// "--endpoints B ls" where the run names its nodes): it names the node for
// this one command. It returns the command and the node, 0 when the line
// names none.
func splitEndpoint(line string, snap *raftsim.Snapshot) (string, uint64, error) {
	f := strings.Fields(line)
	if len(f) > 0 && f[0] == "etcdctl" {
		// The console is etcdctl already: a leading etcdctl, typed out of
		// habit, is dropped rather than echoed twice.
		f = f[1:]
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "etcdctl"))
	}
	if len(f) == 0 {
		return line, 0, nil
	}
	flag, value, eq := strings.Cut(f[0], "=")
	if flag != "--endpoints" && flag != "--endpoint" {
		return line, 0, nil
	}
	rest := f[1:]
	if !eq {
		if len(rest) == 0 {
			return "", 0, fmt.Errorf("Error: %s needs a node, e.g. %s n2", flag, flag)
		}
		value, rest = rest[0], rest[1:]
	}
	id, ok := endpointNode(value, snap)
	if !ok {
		return "", 0, fmt.Errorf("Error: %s %q: name a node by its name, as n2, 2 or http://n2:2379", flag, value)
	}
	if len(rest) == 0 {
		return "", 0, fmt.Errorf("Error: %s n%d: and which command?", flag, id)
	}
	return strings.Join(rest, " "), id, nil
}

// endpointNode reads a node from an endpoint: its name in the run, "n2",
// "2" or a URL of n2.
func endpointNode(v string, snap *raftsim.Snapshot) (uint64, bool) {
	if snap != nil {
		for _, id := range snap.NodeIDs() {
			if snap.NodeName(id) == v {
				return id, true
			}
		}
	}
	if _, after, ok := strings.Cut(v, "://"); ok {
		v = after
	}
	v, _, _ = strings.Cut(v, ":")
	id, err := strconv.ParseUint(strings.TrimPrefix(v, "n"), 10, 64)
	return id, err == nil && id > 0
}
