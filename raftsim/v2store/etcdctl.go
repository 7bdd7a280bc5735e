package v2store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/shlex"
)

// etcdctl's v2 command lines, read into operations the way etcdctl 3.4 reads
// them (Go's flag rules: flags first, parsing stops at the first argument or
// "--"), and its usage errors, printed as etcdctl prints them.

// Printed is what a command printed: its standard output and standard
// error, line by line.
type Printed struct {
	Stdout, Stderr []string
}

// Etcdctl is one etcdctl command line, read.
type Etcdctl struct {
	// Name is the command: "set", "ls", "member list", ...
	Name string
	// Op is the operation a key-space command sends.
	Op Op
	// Slash is ls -p: directories are listed with a trailing slash.
	Slash bool
	// Forever is watch --forever: the watch goes on after each change.
	Forever bool
	// Member is set for a member subcommand.
	Member *MemberCommand
	// Printed is set when etcdctl answers by itself, without asking the
	// cluster: a usage error, help, an unknown command.
	Printed *Printed
}

// Asks tells whether the command sends Op to the cluster.
func (e Etcdctl) Asks() bool { return e.Printed == nil && e.Op.Kind != 0 }

// ParseEtcdctl reads one etcdctl command line, with or without the leading
// "etcdctl". Words are split as a shell splits them ("a b" is one word).
func ParseEtcdctl(line string) (Etcdctl, error) {
	words, err := shlex.Split(line)
	if err != nil {
		return Etcdctl{}, fmt.Errorf("cannot read %q: %v", line, err)
	}
	if len(words) > 0 && words[0] == "etcdctl" {
		words = words[1:]
	}
	if len(words) == 0 {
		return Etcdctl{}, fmt.Errorf("empty command; commands: %s", strings.Join(EtcdctlHelp(), "; "))
	}
	name, args := words[0], words[1:]
	if name == "member" {
		return parseMember(args), nil
	}
	spec, ok := commandNamed(name)
	if !ok {
		return printed(nil, []string{fmt.Sprintf("No help topic for '%s'", name)}), nil
	}
	values, rest, err := parseFlags(spec, args)
	switch {
	case errors.Is(err, errHelp):
		return printed(spec.helpLines(), nil), nil
	case err != nil:
		return printed(append([]string{"Incorrect Usage: " + err.Error(), ""}, spec.helpLines()...), []string{err.Error()}), nil
	}
	return spec.read(values, rest), nil
}

func printed(stdout, stderr []string) Etcdctl {
	return Etcdctl{Printed: &Printed{Stdout: stdout, Stderr: stderr}}
}

var errHelp = errors.New("help requested")

// flagValues are the flags given, by long name.
type flagValues map[string]string

func (v flagValues) bool(name string) bool { return v[name] == "true" }

func (v flagValues) int(name string) int64 {
	n, _ := strconv.ParseInt(v[name], 0, 64) // checked when read
	return n
}

// parseFlags reads the flags before the arguments as Go's flag package does,
// with its error messages.
func parseFlags(spec commandSpec, args []string) (flagValues, []string, error) {
	values := flagValues{}
	for len(args) > 0 {
		a := args[0]
		if len(a) < 2 || a[0] != '-' {
			break
		}
		args = args[1:]
		if a == "--" {
			break
		}
		name := strings.TrimPrefix(a[1:], "-")
		if name == "" || name[0] == '-' || name[0] == '=' {
			return nil, nil, fmt.Errorf("bad flag syntax: %s", a)
		}
		value, hasValue := "", false
		if i := strings.IndexByte(name, '='); i >= 0 {
			name, value, hasValue = name[:i], name[i+1:], true
		}
		f, ok := spec.flag(name)
		switch {
		case !ok && (name == "h" || name == "help"):
			return nil, nil, errHelp
		case !ok:
			return nil, nil, fmt.Errorf("flag provided but not defined: -%s", name)
		case f.kind == boolFlag:
			if !hasValue {
				value = "true"
			}
			b, err := strconv.ParseBool(value)
			if err != nil {
				return nil, nil, fmt.Errorf("invalid boolean value %q for -%s: parse error", value, name)
			}
			value = strconv.FormatBool(b)
		case !hasValue && len(args) == 0:
			return nil, nil, fmt.Errorf("flag needs an argument: -%s", name)
		case !hasValue:
			value, args = args[0], args[1:]
		}
		if f.kind == intFlag {
			if _, err := strconv.ParseInt(value, 0, 64); err != nil {
				return nil, nil, fmt.Errorf("invalid value %q for flag -%s: parse error", value, name)
			}
		}
		values[f.names[0]] = value
	}
	return values, args, nil
}

func (c commandSpec) flag(name string) (flagSpec, bool) {
	for _, f := range c.flags {
		for _, n := range f.names {
			if n == name {
				return f, true
			}
		}
	}
	return flagSpec{}, false
}

// read turns a command's flags and arguments into what it sends, or into
// etcdctl's complaint about a missing argument.
func (c commandSpec) read(v flagValues, args []string) Etcdctl {
	// need is how many arguments the command reads: ls needs none, and
	// updatedir ignores the value its usage line names.
	need := strings.Count(c.args, "<")
	if c.name == "updatedir" {
		need = 1
	}
	switch {
	case c.name == "cluster-health":
		return Etcdctl{Name: c.name}
	case len(args) == 0 && need > 0:
		return printed(nil, []string{"Error:  key required"})
	case len(args) < need:
		return printed(nil, []string{"Error:  value required"})
	}
	e := Etcdctl{Name: c.name, Slash: v.bool("p"), Forever: v.bool("forever")}
	op := Op{Key: "/", TTL: max(v.int("ttl"), 0), Read: ReadSerializable, Sorted: v.bool("sort"), Recursive: v.bool("recursive")}
	if len(args) > 0 {
		op.Key = args[0]
	}
	if need == 2 {
		op.Value = args[1]
	}
	if v.bool("quorum") {
		op.Read = ReadLinearizable
	}
	switch c.name {
	case "set":
		op.Kind, op.PrevValue, op.PrevIndex = OpSet, v["swap-with-value"], uint64(v.int("swap-with-index"))
		if op.PrevValue != "" || op.PrevIndex != 0 {
			op.Kind, op.HasPrevIndex = OpCAS, op.PrevIndex != 0
		}
	case "mk":
		op.Kind, op.Unique = OpCreate, v.bool("in-order")
	case "mkdir":
		op.Kind, op.Dir = OpCreate, true
	case "setdir":
		op.Kind, op.Dir = OpSet, true
	case "update":
		op.Kind = OpUpdate
	case "updatedir":
		op.Kind, op.Dir = OpUpdate, true
	case "get":
		op.Kind = OpGet
	case "ls":
		op.Kind = OpLs
	case "rm", "rmdir":
		op.Kind, op.Dir = OpDelete, c.name == "rmdir" || v.bool("dir")
		op.PrevValue, op.PrevIndex = v["with-value"], uint64(v.int("with-index"))
		if op.PrevValue != "" || op.PrevIndex != 0 {
			op.Kind, op.HasPrevIndex = OpCAD, op.PrevIndex != 0
		}
	case "watch":
		op.Kind = OpWatch
		if after := v.int("after-index"); after > 0 {
			op.AfterIndex = uint64(after) + 1
		}
	}
	e.Op = op
	return e
}
