package v3store

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// etcdctl 3.4's commands, their help and their flags. The help is what
// etcdctl prints for "<command> -h" (tabs expanded as a terminal shows
// them), kept verbatim; each command's flags, their kinds and defaults are
// read from its OPTIONS and GLOBAL OPTIONS, so the flags accepted are those
// the help lists.

//go:embed etcdctl_help.txt
var helpText string

// helps is each command's help, by command path ("put", "lease grant").
var helps = func() map[string][]string {
	out := map[string][]string{}
	for _, sec := range strings.Split(helpText, "=== ")[1:] {
		name, body, _ := strings.Cut(sec, "\n")
		out[name] = strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	}
	return out
}()

// flagKind is how a flag reads its value, as its help shows its default:
// [=false] a bool, ="…" a string, =0 a number.
type flagKind uint8

const (
	boolFlag flagKind = iota
	stringFlag
	intFlag
	otherFlag // durations and lists: accepted, not used
)

type flagSpec struct {
	long, short string
	kind        flagKind
	def         string
}

// flagsOf reads a command's flags from its help.
func flagsOf(command string) []flagSpec {
	var out []flagSpec
	for _, l := range helps[command] {
		l = strings.TrimSpace(l)
		var short string
		if s, rest, ok := strings.Cut(l, ", "); ok && len(s) == 2 && s[0] == '-' {
			short, l = s[1:], rest
		}
		if !strings.HasPrefix(l, "--") {
			continue
		}
		field, _, _ := strings.Cut(l, " ")
		spec := flagSpec{short: short}
		switch name, def, _ := strings.Cut(field[2:], "="); {
		case strings.HasPrefix(def, "false]") || strings.HasPrefix(def, "true]"):
			spec.long, spec.kind = strings.TrimSuffix(name, "["), boolFlag
			spec.def = strings.TrimSuffix(def, "]")
		case strings.HasPrefix(def, `"`):
			spec.long, spec.kind, spec.def = name, stringFlag, strings.Trim(def, `"`)
		case def != "" && strings.Trim(def, "0123456789-") == "":
			spec.long, spec.kind, spec.def = name, intFlag, def
		default:
			spec.long, spec.kind, spec.def = name, otherFlag, def
		}
		out = append(out, spec)
	}
	return out
}

// flags are the values of a command's flags, given or default, by long name.
type flags map[string]string

func (f flags) bool(name string) bool { return f[name] == "true" }

func (f flags) int(name string) int64 {
	n, _ := strconv.ParseInt(f[name], 10, 64) // checked when read
	return n
}

// errHelp is -h or --help.
var errHelp = fmt.Errorf("help requested")

// parseFlags reads a command line's flags wherever they stand, as cobra's
// pflag does ("--name=value", "--name value", "-n value", a bool flag
// alone, "--" ending the flags), with pflag's error messages.
func parseFlags(command string, words []string) (flags, []string, error) {
	specs := flagsOf(command)
	f := flags{}
	for _, s := range specs {
		f[s.long] = s.def
	}
	var args []string
	help := false
	for len(words) > 0 {
		w := words[0]
		words = words[1:]
		switch {
		case w == "--":
			words, args = nil, append(args, words...)
			continue
		case len(w) < 2 || w[0] != '-':
			args = append(args, w)
			continue
		}
		long := strings.HasPrefix(w, "--")
		var name, value string
		var hasValue bool
		if long {
			name, value, hasValue = strings.Cut(w[2:], "=")
		} else {
			// -wjson and -w=json are -w json, as pflag reads a shorthand.
			name, value = w[1:2], strings.TrimPrefix(w[2:], "=")
			hasValue = len(w) > 2
		}
		spec, ok := findFlag(specs, name, long)
		switch {
		case long && (name == "" || name[0] == '-' || name[0] == '='):
			return nil, nil, fmt.Errorf("bad flag syntax: %s", w)
		case !ok && long:
			return nil, nil, fmt.Errorf("unknown flag: --%s", name)
		case !ok:
			return nil, nil, fmt.Errorf("unknown shorthand flag: %q in %s", w[1], w)
		case spec.kind == boolFlag && !long && hasValue && !strings.HasPrefix(w[2:], "="):
			// -hx: shorthand bools run together.
			words, value = append([]string{"-" + w[2:]}, words...), "true"
		case spec.kind == boolFlag && !hasValue:
			value = "true"
		case !hasValue && len(words) == 0:
			return nil, nil, fmt.Errorf("flag needs an argument: %s", flagName(spec, long))
		case !hasValue:
			value, words = words[0], words[1:]
		}
		if err := checkValue(spec, value); err != nil {
			return nil, nil, fmt.Errorf("invalid argument %q for %q flag: %v", value, flagLabel(spec, long), err)
		}
		if spec.kind == boolFlag {
			b, _ := strconv.ParseBool(value)
			value = strconv.FormatBool(b)
		}
		f[spec.long] = value
		// Help is given once every flag was read: a bad one after -h is
		// still an error.
		help = help || spec.long == "help" && value == "true"
	}
	if help {
		return nil, nil, errHelp
	}
	return f, args, nil
}

func findFlag(specs []flagSpec, name string, long bool) (flagSpec, bool) {
	for _, s := range specs {
		if long && s.long == name || !long && s.short != "" && s.short == name {
			return s, true
		}
	}
	return flagSpec{}, false
}

func flagName(s flagSpec, long bool) string {
	if long {
		return "--" + s.long
	}
	return "-" + s.short
}

// flagLabel is how pflag names a flag in an invalid argument's message.
func flagLabel(s flagSpec, long bool) string {
	if s.short != "" {
		return "-" + s.short + ", --" + s.long
	}
	return flagName(s, long)
}

func checkValue(s flagSpec, v string) error {
	switch s.kind {
	case boolFlag:
		_, err := strconv.ParseBool(v)
		return err
	case intFlag:
		_, err := strconv.ParseInt(v, 0, 64)
		return err
	}
	return nil
}
