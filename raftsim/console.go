package raftsim

import (
	"fmt"
	"strconv"
	"strings"
)

// The console takes etcdctl (v2) command lines and answers them as etcdctl
// does. Its commands are actions ({"op":"console","line":"get /foo"}), so a
// run's console session is in its action log and replays with it.

// consoleHelp lists the commands the console understands.
var consoleHelp = []string{
	"set [--swap-with-value V | --swap-with-index I] KEY VALUE",
	"get [--quorum] KEY",
	"ls [--quorum] [KEY]",
	"rm KEY",
	"watch [--recursive] KEY",
	"member list",
}

// parseConsole reads one etcdctl command line.
func parseConsole(line string) (Op, error) {
	f := strings.Fields(line)
	if len(f) > 0 && f[0] == "etcdctl" {
		f = f[1:]
	}
	if len(f) == 0 {
		return Op{}, fmt.Errorf("empty command; try: %s", strings.Join(consoleHelp, " | "))
	}
	cmd, args := f[0], f[1:]
	op := Op{Read: ReadSerializable}
	var flags []string
	// Flags come before the positional arguments, as etcdctl's parser wants.
	for len(args) > 0 && strings.HasPrefix(args[0], "--") {
		flags = append(flags, args[0])
		args = args[1:]
		if (flags[len(flags)-1] == "--swap-with-value" || flags[len(flags)-1] == "--swap-with-index") && len(args) > 0 {
			flags = append(flags, args[0])
			args = args[1:]
		}
	}
	positional := func(n int, usage string) error {
		if len(args) != n {
			return fmt.Errorf("Error: wrong arguments; usage: %s", usage)
		}
		return nil
	}
	var err error
	switch cmd {
	case "set":
		if err = positional(2, consoleHelp[0]); err != nil {
			return op, err
		}
		op.Kind, op.Key, op.Value = OpSet, args[0], args[1]
		for i := 0; i < len(flags); i++ {
			switch flags[i] {
			case "--swap-with-value":
				op.Kind, op.PrevValue = OpCAS, flagValue(flags, i)
				i++
			case "--swap-with-index":
				idx, perr := strconv.ParseUint(flagValue(flags, i), 10, 64)
				if perr != nil {
					return op, fmt.Errorf("Error: --swap-with-index needs a number")
				}
				op.Kind, op.PrevIndex, op.HasPrevIndex = OpCAS, idx, true
				i++
			default:
				return op, fmt.Errorf("Error: unknown flag %s for set", flags[i])
			}
		}
	case "get", "ls":
		if cmd == "ls" && len(args) == 0 {
			args = []string{"/"}
		}
		if err = positional(1, map[string]string{"get": consoleHelp[1], "ls": consoleHelp[2]}[cmd]); err != nil {
			return op, err
		}
		op.Kind, op.Key = map[string]OpKind{"get": OpGet, "ls": OpLs}[cmd], args[0]
		for _, fl := range flags {
			if fl != "--quorum" {
				return op, fmt.Errorf("Error: unknown flag %s for %s", fl, cmd)
			}
			op.Read = ReadLinearizable
		}
	case "rm":
		if err = positional(1, consoleHelp[3]); err != nil {
			return op, err
		}
		op.Kind, op.Key = OpDelete, args[0]
		if len(flags) > 0 {
			return op, fmt.Errorf("Error: unknown flag %s for rm", flags[0])
		}
	case "watch":
		if err = positional(1, consoleHelp[4]); err != nil {
			return op, err
		}
		op.Kind, op.Key = OpWatch, args[0]
		for _, fl := range flags {
			if fl != "--recursive" {
				return op, fmt.Errorf("Error: unknown flag %s for watch", fl)
			}
			op.Recursive = true
		}
	case "member":
		if len(args) != 1 || args[0] != "list" {
			return op, fmt.Errorf("Error: usage: member list")
		}
		op.Kind = opMemberList
	default:
		return op, fmt.Errorf("No help topic for '%s'; commands: %s", cmd, strings.Join(consoleHelp, " | "))
	}
	return op, nil
}

func flagValue(flags []string, i int) string {
	if i+1 < len(flags) {
		return flags[i+1]
	}
	return ""
}

// opMemberList asks the cluster for its members; it is answered at once from
// the configuration and is not a key-value operation.
const opMemberList OpKind = 255

// console runs a command line through node via, writing the answer as
// console events when it comes.
func (s *Sim) console(line string, via uint64) error {
	op, err := parseConsole(line)
	if err != nil {
		return err
	}
	s.emit(Event{Kind: EvConsole, Node: via, Text: fmt.Sprintf("$ etcdctl %s   (via n%d)", strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "etcdctl")), " "), via)})
	if op.Kind == opMemberList {
		for _, n := range s.nodes {
			s.consoleLine(via, fmt.Sprintf("%x: name=n%d peerURLs=http://n%d:2380 clientURLs=http://n%d:2379 isLeader=%v",
				n.id, n.id, n.id, n.id, n.up() && n.role == RoleLeader))
		}
		return nil
	}
	c := s.etcdctl
	if op.Kind == OpWatch {
		c = s.watcher
	}
	s.invoke(c, via, op, func(r *Result) {
		if r == nil {
			s.consoleLine(via, "Error: client: etcd cluster is unavailable or misconfigured; error #0: timed out")
			return
		}
		for _, l := range etcdctlOutput(op, r) {
			s.consoleLine(via, l)
		}
	})
	return nil
}

func (s *Sim) consoleLine(via uint64, text string) {
	s.emit(Event{Kind: EvConsole, Node: via, Text: text})
}

// etcdctlOutput renders a result the way etcdctl v2 prints it.
func etcdctlOutput(op Op, r *Result) []string {
	switch {
	case !r.OK():
		return []string{r.Error()}
	case op.Kind == OpGet && r.Dir:
		return []string{r.Key + ": is a directory"}
	case op.Kind == OpLs:
		return r.Children
	case op.Kind == OpDelete:
		return []string{"PrevNode.Value: " + r.PrevValue}
	case op.Kind == OpWatch && op.Recursive:
		return []string{"[set] " + r.Key, r.Value}
	}
	return []string{r.Value}
}
