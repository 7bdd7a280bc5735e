package v2store

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// etcdctl's member commands. Learners and promotion exist only in etcdctl's
// v3 API (3.4's default), so the console reads "member ..." as etcdctl 3.4
// with ETCDCTL_API=3 reads it (pflag's rules: flags may come anywhere, as
// --flag=value or --flag value) and prints what it prints, while key
// commands stay v2.

// MemberCommand is an etcdctl member subcommand, read.
type MemberCommand struct {
	// Sub is "list", "add", "promote" or "remove".
	Sub string
	// Name is the new member's name (add).
	Name string
	// Learner is add's --learner.
	Learner bool
	// PeerURLs is add's --peer-urls, checked as etcdctl checks them.
	PeerURLs []string
	// ID is the member promote and remove name, in etcdctl's hex.
	ID uint64
	// Table is list's -w table; simple otherwise.
	Table bool
}

// memberHelpText is what etcdctl 3.4 prints for "etcdctl member" alone or
// with a subcommand it does not know, tabs expanded as a terminal shows them.
//
//go:embed etcdctl_member_help.txt
var memberHelpText string

func memberHelp() []string {
	return strings.Split(strings.TrimSuffix(memberHelpText, "\n"), "\n")
}

// memberFlags are the flags each subcommand takes; write-out is etcdctl's
// global -w, which only list's output here heeds.
var memberFlags = map[string][]string{
	"list":    {"write-out"},
	"add":     {"learner", "peer-urls", "write-out"},
	"promote": {"write-out"},
	"remove":  {"write-out"},
}

func parseMember(args []string) Etcdctl {
	if len(args) == 0 {
		return printed(memberHelp(), nil)
	}
	sub := args[0]
	if sub == "update" {
		return printed(nil, []string{"Error: member update is not in raftplay's console: members here have no URLs of their own to change"})
	}
	known, ok := memberFlags[sub]
	if !ok {
		return printed(memberHelp(), nil)
	}
	values, rest, err := memberFlagValues(known, args[1:])
	if err != nil {
		return printed(nil, []string{"Error: " + err.Error()})
	}
	m := &MemberCommand{Sub: sub, Learner: values["learner"] == "true"}
	switch w := values["write-out"]; w {
	case "", "simple":
	case "table":
		m.Table = true
	case "fields", "json", "protobuf":
		return printed(nil, []string{fmt.Sprintf("Error: raftplay's console writes simple and table, not %s", w)})
	default:
		return printed(nil, []string{"Error: unsupported output format"})
	}
	switch sub {
	case "add":
		switch {
		case len(rest) == 0:
			return printed(nil, []string{"Error: member name not provided"})
		case len(rest) > 1:
			return printed(nil, []string{"Error: too many arguments"})
		}
		m.Name = rest[0]
		if urls, ok := values["peer-urls"]; ok {
			m.PeerURLs = strings.Split(urls, ",")
			for _, u := range m.PeerURLs {
				if err := checkURL(u); err != nil {
					return printed(nil, []string{"Error: " + err.Error()})
				}
			}
		}
	case "promote", "remove":
		if len(rest) != 1 {
			return printed(nil, []string{"Error: member ID is not provided"})
		}
		id, err := strconv.ParseUint(rest[0], 16, 64)
		if err != nil {
			return printed(nil, []string{fmt.Sprintf("Error: bad member ID arg (%v), expecting ID in Hex", err)})
		}
		m.ID = id
	}
	return Etcdctl{Name: "member " + sub, Member: m}
}

// memberFlagValues reads the flags among args as pflag does, returning the
// values by long name and the other arguments in order.
func memberFlagValues(known, args []string) (map[string]string, []string, error) {
	values := map[string]string{}
	var rest []string
	for len(args) > 0 {
		a := args[0]
		args = args[1:]
		switch {
		case a == "--":
			return values, append(rest, args...), nil
		case !strings.HasPrefix(a, "-") || a == "-":
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "w" && !strings.HasPrefix(a, "--") {
			name = "write-out"
		}
		if !contains(known, name) {
			return nil, nil, fmt.Errorf("unknown flag: %s", a)
		}
		switch {
		case name == "learner" && !hasValue:
			value = "true"
		case name == "learner":
			b, err := strconv.ParseBool(value)
			if err != nil {
				return nil, nil, fmt.Errorf("invalid argument %q for \"--learner\" flag: %v", value, err)
			}
			value = strconv.FormatBool(b)
		case !hasValue && len(args) == 0 && strings.HasPrefix(a, "--"):
			return nil, nil, fmt.Errorf("flag needs an argument: %s", a)
		case !hasValue && len(args) == 0:
			return nil, nil, fmt.Errorf("flag needs an argument: '%s' in %s", a[1:], a)
		case !hasValue:
			value, args = args[0], args[1:]
		}
		values[name] = value
	}
	return values, rest, nil
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// checkURL is the check etcd's types.NewURLs makes of a peer URL.
func checkURL(u string) error {
	scheme, hostPort, ok := strings.Cut(u, "://")
	host, _, hasPath := strings.Cut(hostPort, "/")
	switch {
	case !ok || !contains([]string{"http", "https", "unix", "unixs"}, scheme):
		return fmt.Errorf("URL scheme must be http, https, unix, or unixs: %s", u)
	case !strings.Contains(host, ":"):
		return fmt.Errorf(`URL address does not have the form "host:port": %s`, u)
	case hasPath:
		return fmt.Errorf("URL must not contain a path: %s", u)
	}
	return nil
}
