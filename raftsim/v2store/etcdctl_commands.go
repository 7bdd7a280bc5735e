package v2store

import (
	"fmt"
	"strings"
)

// The etcdctl v2 commands the console knows, as etcdctl 3.4 declares them:
// their flags and help, which etcdctl prints after a usage error.

// flagKind is how a flag reads its value.
type flagKind uint8

const (
	boolFlag flagKind = iota
	stringFlag
	intFlag
)

// flagSpec is one command flag: its names (the long one first), kind and help.
type flagSpec struct {
	names []string
	kind  flagKind
	usage string
}

// commandSpec is one etcdctl command as its help shows it.
type commandSpec struct {
	name, usage string
	// args is the usage line's argument text.
	args string
	// description is the help's DESCRIPTION, line by line, as etcdctl
	// indents it.
	description []string
	flags       []flagSpec
}

var ttlFlag = flagSpec{[]string{"ttl"}, intFlag, "key time-to-live in seconds"}

var etcdctlCommands = []commandSpec{
	{name: "set", usage: "set the value of a key", args: "<key> <value>",
		description: []string{"Set sets the value of a key.", "", "   When <value> begins with '-', <value> is interpreted as a flag.",
			"   Insert '--' for workaround:", "", "   $ set -- <key> <value>"},
		flags: []flagSpec{ttlFlag, {[]string{"swap-with-value"}, stringFlag, "previous value"}, {[]string{"swap-with-index"}, intFlag, "previous index"}}},
	{name: "mk", usage: "make a new key with a given value", args: "<key> <value>",
		flags: []flagSpec{{[]string{"in-order"}, boolFlag, "create in-order key under directory <key>"}, ttlFlag}},
	{name: "mkdir", usage: "make a new directory", args: "<key>", flags: []flagSpec{ttlFlag}},
	{name: "setdir", usage: "create a new directory or update an existing directory TTL", args: "<key>", flags: []flagSpec{ttlFlag}},
	{name: "update", usage: "update an existing key with a given value", args: "<key> <value>", flags: []flagSpec{ttlFlag}},
	{name: "updatedir", usage: "update an existing directory", args: "<key> <value>", flags: []flagSpec{ttlFlag}},
	{name: "get", usage: "retrieve the value of a key", args: "<key>",
		flags: []flagSpec{{[]string{"sort"}, boolFlag, "returns result in sorted order"}, {[]string{"quorum", "q"}, boolFlag, "require quorum for get request"}}},
	{name: "ls", usage: "retrieve a directory", args: "[key]",
		flags: []flagSpec{{[]string{"sort"}, boolFlag, "returns result in sorted order"},
			{[]string{"recursive", "r"}, boolFlag, "returns all key names recursively for the given path"},
			{[]string{"p"}, boolFlag, "append slash (/) to directories"},
			{[]string{"quorum", "q"}, boolFlag, "require quorum for get request"}}},
	{name: "rm", usage: "remove a key or a directory", args: "<key>",
		flags: []flagSpec{{[]string{"dir"}, boolFlag, "removes the key if it is an empty directory or a key-value pair"},
			{[]string{"recursive", "r"}, boolFlag, "removes the key and all child keys(if it is a directory)"},
			{[]string{"with-value"}, stringFlag, "previous value"}, {[]string{"with-index"}, intFlag, "previous index"}}},
	{name: "rmdir", usage: "removes the key if it is an empty directory or a key-value pair", args: "<key>"},
	{name: "watch", usage: "watch a key for changes", args: "<key>",
		flags: []flagSpec{{[]string{"forever", "f"}, boolFlag, "forever watch a key until CTRL+C"},
			{[]string{"after-index"}, intFlag, "watch after the given index"},
			{[]string{"recursive", "r"}, boolFlag, "returns all values for key and child keys"}}},
	{name: "cluster-health", usage: "check the health of the etcd cluster", args: " ",
		flags: []flagSpec{{[]string{"forever", "f"}, boolFlag, "forever check the health every 10 second until CTRL+C"}}},
}

func commandNamed(name string) (commandSpec, bool) {
	for _, c := range etcdctlCommands {
		if c.name == name {
			return c, true
		}
	}
	return commandSpec{}, false
}

// EtcdctlHelp lists the commands the console understands, for its help.
func EtcdctlHelp() []string {
	var out []string
	for _, c := range etcdctlCommands {
		out = append(out, c.name+" - "+c.usage)
	}
	return append(out, "member list|add <name> [--learner]|promote <id>|remove <id> - the cluster's members, as etcdctl 3.4 (v3) manages them")
}

// label is the flag as help lists it: "--recursive, -r", "--ttl value".
func (f flagSpec) label() string {
	names := make([]string, len(f.names))
	for i, n := range f.names {
		names[i] = "--" + n
		if len(n) == 1 {
			names[i] = "-" + n
		}
	}
	s := strings.Join(names, ", ")
	if f.kind != boolFlag {
		s += " value"
	}
	return s
}

func (f flagSpec) help() string {
	if f.kind == intFlag {
		return f.usage + " (default: 0)"
	}
	return f.usage
}

// helpLines is the command's help, as urfave/cli's template lays it out.
func (c commandSpec) helpLines() []string {
	usage := "   etcdctl " + c.name
	if len(c.flags) > 0 {
		usage += " [command options]"
	}
	out := []string{"NAME:", fmt.Sprintf("   etcdctl %s - %s", c.name, c.usage), "", "USAGE:", usage + " " + c.args}
	if len(c.description) > 0 {
		out = append(out, "", "DESCRIPTION:", "   "+c.description[0])
		out = append(out, c.description[1:]...)
	}
	if len(c.flags) == 0 {
		return out
	}
	out = append(out, "", "OPTIONS:")
	width := 0
	for _, f := range c.flags {
		width = max(width, len(f.label()))
	}
	for _, f := range c.flags {
		out = append(out, fmt.Sprintf("   %-*s  %s", width, f.label(), f.help()))
	}
	return append(out, "   ")
}
