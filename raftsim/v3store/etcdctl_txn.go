package v3store

import (
	"fmt"
	"strconv"

	"github.com/google/shlex"
)

// TxnReader reads the lines of etcdctl's txn as etcdctl reads them from
// its input: compares, a blank line, the success requests, a blank line,
// the failure requests, a blank line.
type TxnReader struct {
	// Interactive is txn -i: etcdctl prompts for each part.
	Interactive bool
	part        int
	txn         Request
	// Err is what etcdctl said of a line it could not read; reading stops.
	Err string
}

// txnPrompts are what txn -i prints before each part.
var txnPrompts = [...]string{"compares:", "success requests (get, put, del):", "failure requests (get, put, del):"}

// Prompt is what txn -i prints before the part read next ("" when not
// interactive or done).
func (t *TxnReader) Prompt() string {
	if !t.Interactive || t.Done() {
		return ""
	}
	return txnPrompts[t.part]
}

// Done tells a txn read whole, or ended by an error.
func (t *TxnReader) Done() bool { return t.part == len(txnPrompts) || t.Err != "" }

// Request is the txn read.
func (t *TxnReader) Request() Request {
	r := t.txn
	r.Kind = Txn
	return r
}

// Line reads the next line. It reports whether the line began the next
// part (txn -i then prompts for it).
func (t *TxnReader) Line(line string) bool {
	if line == "" {
		t.part++
		return true
	}
	if t.part == 0 {
		c, err := parseCompare(line)
		if err != "" {
			t.Err = err
			return false
		}
		t.txn.Compare = append(t.txn.Compare, c)
		return false
	}
	op, err := parseTxnOp(line)
	if err != "" {
		t.Err = err
		return false
	}
	if t.part == 1 {
		t.txn.Success = append(t.txn.Success, op)
	} else {
		t.txn.Failure = append(t.txn.Failure, op)
	}
	return false
}

var compareResults = map[string]CompareResult{"=": Equal, "!=": NotEqual, ">": Greater, "<": Less}

// parseCompare reads one compare as etcdctl's parseCompare does:
// target("key") op "value".
func parseCompare(line string) (Compare, string) {
	target, rest, ok := cutByte(line, '(')
	if !ok {
		return Compare{}, "malformed comparison: " + line
	}
	var key, op, val string
	n, serr := fmt.Sscanf(rest, "%q) %s %q", &key, &op, &val)
	switch {
	case n != 3:
		return Compare{}, fmt.Sprintf("malformed comparison: %s; got %s(%q) %s %q", line, target, key, op, val)
	case serr != nil:
		return Compare{}, fmt.Sprintf("malformed comparison: %s (%v)", line, serr)
	}
	c := Compare{Key: key}
	switch target {
	case "ver", "version":
		c.Target = CmpVersion
	case "c", "create":
		c.Target = CmpCreate
	case "m", "mod":
		c.Target = CmpMod
	case "val", "value":
		c.Target, c.Value = CmpValue, val
	case "lease":
		// etcdctl 3.4 hands the lease compare a string where clientv3
		// wants a number, and panics.
		return Compare{}, "panic: bad value"
	default:
		return Compare{}, fmt.Sprintf("malformed comparison: %s (unknown target %s)", line, target)
	}
	if c.Target != CmpValue {
		v, err := strconv.ParseInt(val, 10, 64)
		if err != nil {
			return Compare{}, "invalid txn compare request: " + line
		}
		c.Number = v
	}
	result, ok := compareResults[op]
	if !ok {
		return Compare{}, "panic: Unknown result op"
	}
	c.Result = result
	return c, ""
}

func cutByte(s string, b byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// parseTxnOp reads one request of a txn branch, as etcdctl's
// parseRequestUnion does: a put, get or del command line.
func parseTxnOp(line string) (Request, string) {
	args, err := shlex.Split(line)
	if err != nil || len(args) < 2 {
		return Request{}, "invalid txn compare request: " + line
	}
	name := args[0]
	if name != "put" && name != "get" && name != "del" {
		return Request{}, "invalid txn request: " + line
	}
	f, rest, ferr := parseFlags(name, args[1:])
	if ferr != nil || isGlobalFlagSet(f) {
		return Request{}, "invalid txn request: " + line
	}
	e := Etcdctl{Name: name}
	if msg := e.read(f, rest); msg != "" {
		return Request{}, msg
	}
	return e.Req, ""
}

// isGlobalFlagSet tells a txn request that names one of etcdctl's global
// flags, which its requests do not take.
func isGlobalFlagSet(f flags) bool {
	return f["write-out"] != "simple" || f.bool("hex")
}
