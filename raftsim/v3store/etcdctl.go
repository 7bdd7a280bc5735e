package v3store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// etcdctl 3.4's v3 command lines (ETCDCTL_API=3, its default), read into
// requests, and what etcdctl prints by itself: usage errors, help,
// unknown commands.

// Printed is what a command printed: standard output and standard error,
// line by line.
type Printed struct {
	Stdout, Stderr []string
}

// Format is etcdctl's -w.
type Format uint8

// The output formats.
const (
	Simple Format = iota
	JSON
	Fields
	Table
)

// Output is how a command prints its answer.
type Output struct {
	Format Format
	// Hex prints keys and values as \x escapes (--hex).
	Hex bool
	// ValueOnly prints values without keys (get --print-value-only).
	ValueOnly bool
}

// Etcdctl is one etcdctl v3 command line, read.
type Etcdctl struct {
	// Name is the command: "put", "lease grant", "endpoint status", ...
	Name string
	// Req is what a key or lease command sends; a watch's key, range and
	// revision are in it too.
	Req Request
	Out Output
	// Serializable is get --consistency=s: answered by the node alone.
	Serializable bool
	// LeaseKeys is timetolive --keys.
	LeaseKeys bool
	// Interactive is txn -i: it prompts for each part.
	Interactive bool
	// Printed is set when etcdctl answers by itself.
	Printed *Printed
	// MemberArgs are the words after "member", for the member commands.
	MemberArgs []string
}

// commands are the commands the console knows, with their subcommands.
var commands = map[string][]string{
	"put": nil, "get": nil, "del": nil, "txn": nil, "compaction": nil, "watch": nil,
	"lease":    {"grant", "revoke", "timetolive", "list", "keep-alive"},
	"endpoint": {"status", "health"},
}

// ParseEtcdctl reads an etcdctl v3 command line, split into words, without
// the leading "etcdctl".
func ParseEtcdctl(words []string) Etcdctl {
	if len(words) == 0 {
		return printed(nil, []string{"Error: raftplay's console needs a command, e.g. put foo bar"})
	}
	name := words[0]
	if name == "member" {
		return Etcdctl{Name: name, MemberArgs: words[1:]}
	}
	subs, ok := commands[name]
	if !ok {
		e := fmt.Sprintf("Error: unknown command %q for \"etcdctl\"", name)
		return printed(nil, []string{e, "Run 'etcdctl --help' for usage.", e})
	}
	rest := words[1:]
	if subs != nil {
		if len(rest) == 0 || !contains(subs, rest[0]) {
			return printed(helps[name], nil)
		}
		name, rest = name+" "+rest[0], rest[1:]
	}
	f, args, err := parseFlags(name, rest)
	switch {
	case errors.Is(err, errHelp):
		return printed(helps[name], nil)
	case err != nil:
		return printed(helps[name], []string{"Error: " + err.Error(), "", "Error: " + err.Error()})
	}
	e := Etcdctl{Name: name}
	switch f["write-out"] {
	case "simple":
	case "json":
		e.Out.Format = JSON
	case "fields":
		e.Out.Format = Fields
	case "table":
		e.Out.Format = Table
	default:
		return printed(nil, []string{"Error: unsupported output format"})
	}
	e.Out.Hex = f.bool("hex")
	if e.Out.Format == Table && name != "endpoint status" && name != "endpoint health" {
		return printed(nil, []string{"Error: table not supported as output format"})
	}
	if msg := e.read(f, args); msg != "" {
		return printed(nil, []string{"Error: " + msg})
	}
	return e
}

func printed(stdout, stderr []string) Etcdctl {
	return Etcdctl{Printed: &Printed{Stdout: stdout, Stderr: stderr}}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// read fills in what the command sends from its flags and arguments, or
// says what etcdctl says of them.
func (e *Etcdctl) read(f flags, args []string) string {
	switch e.Name {
	case "put":
		return e.readPut(f, args)
	case "get":
		return e.readGet(f, args)
	case "del":
		if len(args) == 0 || len(args) > 2 {
			return "del command needs one argument as key and an optional argument as range_end"
		}
		e.Req = Request{Kind: DeleteRange, Key: args[0], PrevKV: f.bool("prev-kv")}
		return e.rangeEnd(f, args)
	case "txn":
		e.Interactive = f.bool("interactive")
	case "compaction":
		if len(args) != 1 {
			return "compaction command needs 1 argument"
		}
		rev, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return err.Error()
		}
		e.Req = Request{Kind: Compaction, Rev: rev}
	case "watch":
		if len(args) == 0 || len(args) > 2 {
			return "bad number of arguments"
		}
		e.Req = Request{Kind: Range, Key: args[0], Rev: f.int("rev"), PrevKV: f.bool("prev-kv")}
		return e.rangeEnd(f, args)
	case "lease grant":
		if len(args) != 1 {
			return "lease grant command needs TTL argument"
		}
		ttl, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return fmt.Sprintf("bad TTL (%v)", err)
		}
		e.Req = Request{Kind: LeaseGrant, TTL: ttl}
	case "lease revoke", "lease timetolive", "lease keep-alive":
		switch {
		case len(args) != 1 && e.Name == "lease timetolive":
			return "lease timetolive command needs lease ID as argument"
		case len(args) != 1:
			return e.Name + " command needs 1 argument"
		}
		id, err := strconv.ParseInt(args[0], 16, 64)
		if err != nil {
			return fmt.Sprintf("bad lease ID arg (%v), expecting ID in Hex", err)
		}
		e.Req = Request{Kind: LeaseRevoke, ID: id}
		e.LeaseKeys = f.bool("keys")
	}
	return ""
}

func (e *Etcdctl) readPut(f flags, args []string) string {
	ignoreValue := f.bool("ignore-value")
	switch {
	case ignoreValue && len(args) != 1:
		return "put command needs only 1 argument when 'ignore-value' is set"
	case ignoreValue:
		return "raftplay's console does not take --ignore-value"
	case f.bool("ignore-lease"):
		return "raftplay's console does not take --ignore-lease"
	case len(args) < 2:
		return "put command needs 1 argument and input from stdin or 2 arguments"
	}
	lease, err := strconv.ParseInt(f["lease"], 16, 64)
	if err != nil {
		return fmt.Sprintf("bad lease ID (%v), expecting ID in Hex", err)
	}
	e.Req = Request{Kind: Put, Key: args[0], Value: args[1], Lease: lease, PrevKV: f.bool("prev-kv")}
	return ""
}

var (
	sortOrders  = map[string]SortOrder{"": SortNone, "ASCEND": SortAscend, "DESCEND": SortDescend}
	sortTargets = map[string]SortTarget{"": ByKey, "KEY": ByKey, "CREATE": ByCreate, "MODIFY": ByMod, "VALUE": ByValue, "VERSION": ByVersion}
)

func (e *Etcdctl) readGet(f flags, args []string) string {
	if len(args) == 0 {
		return "get command needs one argument as key and an optional argument as range_end"
	}
	args = args[:min(len(args), 2)] // etcdctl reads no more
	order, ok := sortOrders[strings.ToUpper(f["order"])]
	if !ok {
		return "bad sort order " + f["order"]
	}
	target, ok := sortTargets[strings.ToUpper(f["sort-by"])]
	if !ok {
		return "bad sort target " + f["sort-by"]
	}
	switch f["consistency"] {
	case "l":
	case "s":
		e.Serializable = true
	default:
		return fmt.Sprintf("unknown consistency flag %q", f["consistency"])
	}
	e.Req = Request{Kind: Range, Key: args[0], Rev: f.int("rev"), Limit: f.int("limit"), Order: order, Target: target, KeysOnly: f.bool("keys-only")}
	e.Out.ValueOnly = f.bool("print-value-only")
	return e.rangeEnd(f, args)
}

// rangeEnd sets the request's range end from a second argument, --prefix
// or --from-key, as etcdctl's getDelOp and getWatchOp do.
func (e *Etcdctl) rangeEnd(f flags, args []string) string {
	prefix, fromKey := f.bool("prefix"), f.bool("from-key")
	switch {
	case prefix && fromKey:
		return "`--prefix` and `--from-key` cannot be set at the same time, choose one"
	case len(args) == 2 && (prefix || fromKey):
		return "too many arguments, only accept one argument when `--prefix` or `--from-key` is set"
	case len(args) == 2:
		e.Req.End = args[1]
	case prefix:
		e.Req.End = PrefixEnd(e.Req.Key)
		if len(e.Req.Key) == 0 {
			e.Req.Key, e.Req.End = FromKey, FromKey
		}
	case fromKey:
		e.Req.End = FromKey
		if len(e.Req.Key) == 0 {
			e.Req.Key = FromKey
		}
	}
	return ""
}
