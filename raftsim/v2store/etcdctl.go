package v2store

import (
	"fmt"
	"strconv"
	"strings"
)

// etcdctl's v2 command lines, read into operations, and results printed the
// way etcdctl prints them.

// EtcdctlHelp lists the commands ParseEtcdctl understands.
var EtcdctlHelp = []string{
	"set [--swap-with-value V | --swap-with-index I] KEY VALUE",
	"get [--quorum] KEY",
	"ls [--quorum] [KEY]",
	"rm KEY",
	"watch [--recursive] KEY",
	"member list",
}

// ParseEtcdctl reads one etcdctl command line, with or without the leading
// "etcdctl", into the operation it asks for.
func ParseEtcdctl(line string) (Op, error) {
	f := strings.Fields(line)
	if len(f) > 0 && f[0] == "etcdctl" {
		f = f[1:]
	}
	if len(f) == 0 {
		return Op{}, fmt.Errorf("empty command; try: %s", strings.Join(EtcdctlHelp, " | "))
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
		if err = positional(2, EtcdctlHelp[0]); err != nil {
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
		if err = positional(1, map[string]string{"get": EtcdctlHelp[1], "ls": EtcdctlHelp[2]}[cmd]); err != nil {
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
		if err = positional(1, EtcdctlHelp[3]); err != nil {
			return op, err
		}
		op.Kind, op.Key = OpDelete, args[0]
		if len(flags) > 0 {
			return op, fmt.Errorf("Error: unknown flag %s for rm", flags[0])
		}
	case "watch":
		if err = positional(1, EtcdctlHelp[4]); err != nil {
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
		op.Kind = OpMemberList
	default:
		return op, fmt.Errorf("No help topic for '%s'; commands: %s", cmd, strings.Join(EtcdctlHelp, " | "))
	}
	return op, nil
}

func flagValue(flags []string, i int) string {
	if i+1 < len(flags) {
		return flags[i+1]
	}
	return ""
}

// OpMemberList asks the cluster for its members; it is answered at once from
// the configuration and is not a key-value operation.
const OpMemberList OpKind = 255

// EtcdctlOutput renders a result the way etcdctl v2 prints it.
func EtcdctlOutput(op Op, r *Result) []string {
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
