package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// Condition is one thing a story claims about the cluster: a step runs until
// one holds, and checks its expectations when it ends. It is a JSON object
// with one field, e.g. {"leader": true} or {"committed_label": {"label":
// "much", "nodes": 3}}.
type Condition struct {
	Kind  ConditionKind
	ref   nodeRef
	label string
	role  raftsim.Role
	num   uint64 // index, term, key count, node count
	count int
	text  string // message type, remembered name
	path  string
}

// ConditionKind names a condition: the one field of its JSON object.
type ConditionKind string

// conditionSpec is everything one kind of condition needs: how its value is
// read, how it reads in words, and when it holds. Each kind is one row of
// conditions, so adding one cannot leave a switch behind.
type conditionSpec struct {
	parse func(p *parser, c *Condition, v gjson.Result, path string)
	words func(c Condition) string
	holds func(c Condition, o observed) (bool, error)
}

// conditions lists every kind; the comment of each row gives the form its
// value takes.
var conditions = map[ConditionKind]conditionSpec{
	// true: some running node leads
	"leader": {parseTrue, fixedWords("a leader exists"), func(c Condition, o observed) (bool, error) {
		return o.snap.Leader() != 0, nil
	}},
	// true: no running node leads
	"no_leader": {parseTrue, fixedWords("no node leads"), func(c Condition, o observed) (bool, error) {
		return o.snap.Leader() == 0, nil
	}},
	// node: that node leads
	"leader_is": {parseNodeRef, func(c Condition) string { return c.ref.String() + " leads" }, func(c Condition, o observed) (bool, error) {
		return leaderIs(c, o, true)
	}},
	// node: some other node leads
	"leader_not": {parseNodeRef, func(c Condition) string { return "a node other than " + c.ref.String() + " leads" }, func(c Condition, o observed) (bool, error) {
		return leaderIs(c, o, false)
	}},
	// T: a running node is at term T or later
	"term_at_least": {parseNumber, func(c Condition) string { return fmt.Sprintf("term is at least %d", c.num) }, func(c Condition, o observed) (bool, error) {
		return slices.ContainsFunc(o.snap.Nodes, func(n raftsim.NodeView) bool { return n.Up && n.Term >= c.num }), nil
	}},
	// {"index": N, "nodes": k}: entry N is committed on at least k nodes
	"committed": {parseIndexOnNodes, func(c Condition) string { return fmt.Sprintf("entry %d is committed on %d nodes", c.num, c.count) }, func(c Condition, o observed) (bool, error) {
		return countNodes(o.snap, func(n raftsim.NodeView) bool { return n.Commit >= c.num && n.LastIndex >= c.num }) >= c.count, nil
	}},
	// {"label": L, "nodes": k}: an entry labelled L is committed on at least k nodes
	"committed_label": {parseLabelOnNodes, func(c Condition) string { return fmt.Sprintf("%q is committed on %d nodes", c.label, c.count) }, func(c Condition, o observed) (bool, error) {
		return countNodes(o.snap, func(n raftsim.NodeView) bool {
			return slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label && e.Committed })
		}) >= c.count, nil
	}},
	// {"label": L, "nodes": k}: an entry labelled L is applied on at least k nodes
	"applied_label": {parseLabelOnNodes, func(c Condition) string { return fmt.Sprintf("%q is applied on %d nodes", c.label, c.count) }, func(c Condition, o observed) (bool, error) {
		return countNodes(o.snap, func(n raftsim.NodeView) bool {
			return n.Up && slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label && e.Index <= n.Applied })
		}) >= c.count, nil
	}},
	// {"label": L, "node": n}: node n holds L, not committed
	"uncommitted_label": {parseLabelOnNode, func(c Condition) string { return fmt.Sprintf("%s holds %q uncommitted", c.ref, c.label) }, func(c Condition, o observed) (bool, error) {
		n, err := c.node(o)
		if err != nil {
			return false, err
		}
		return slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label && !e.Committed }), nil
	}},
	// L: no node's log holds an entry labelled L
	"no_label": {parseLabel, func(c Condition) string { return fmt.Sprintf("no node holds %q", c.label) }, func(c Condition, o observed) (bool, error) {
		return countNodes(o.snap, func(n raftsim.NodeView) bool {
			return slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label })
		}) == 0, nil
	}},
	// {"node": n, "is": role}: node n is follower, pre-candidate, candidate, leader or down
	"role": {parseRole, func(c Condition) string { return fmt.Sprintf("%s is %s", c.ref, c.role) }, func(c Condition, o observed) (bool, error) {
		n, err := c.node(o)
		if err != nil {
			return false, err
		}
		return n.Role == c.role, nil
	}},
	// true: every running node has applied the same state
	"hashes_equal": {parseTrue, fixedWords("every running node has the same hash"), func(c Condition, o observed) (bool, error) {
		return hashesAre(o.snap, ""), nil
	}},
	// "$name": every running node's hash equals the one remembered
	"hash_is": {parseRemembered, func(c Condition) string { return "every running node's hash equals $" + c.text }, func(c Condition, o observed) (bool, error) {
		want, ok := o.vars[c.text]
		if !ok {
			return false, fmt.Errorf("$%s was not remembered by an earlier step", c.text)
		}
		return hashesAre(o.snap, want), nil
	}},
	// k: every running node holds k keys
	"keys": {parseNumber, func(c Condition) string { return fmt.Sprintf("every running node holds %d keys", c.num) }, func(c Condition, o observed) (bool, error) {
		return countNodes(o.snap, func(n raftsim.NodeView) bool { return n.Up && uint64(n.Keys) != c.num }) == 0, nil
	}},
	// true: no safety property has broken
	"invariants_ok": {parseTrue, fixedWords("every safety property holds"), func(c Condition, o observed) (bool, error) {
		return o.snap.Invariants.OK, nil
	}},
	// true: in some term two or more candidates ran and none won
	"split_vote": {parseTrue, fixedWords("a vote was split"), func(c Condition, o observed) (bool, error) {
		return o.history.splitVote(), nil
	}},
	// snapshot: the cluster is in exactly this state, the JSON cmd/sim prints
	// (whitespace aside); the last step of a run exported from the timeline
	"state": {parseState, func(c Condition) string {
		return fmt.Sprintf("the state is exactly the expected snapshot (%d bytes)", len(c.text))
	}, func(c Condition, o observed) (bool, error) {
		return string(o.snap.JSON()) == c.text, nil
	}},
	// {"path": P, "is": V}: the snapshot's value at gjson path P is the JSON
	// value V, e.g. {"path": "membership.voters_outgoing.#", "is": 3}, for
	// what no other condition names (joint consensus, a follower's
	// progress); $name in P is a node remembered earlier, and null stands
	// for nothing there
	"snapshot": {parseSnapshotPath, func(c Condition) string {
		return fmt.Sprintf("the state's %s is %s", c.text, c.label)
	}, func(c Condition, o observed) (bool, error) {
		path, err := withRemembered(c.text, o.vars)
		if err != nil {
			return false, err
		}
		got := gjson.GetBytes(o.snap.JSON(), path).Raw
		if got == "" {
			got = "null" // nothing there
		}
		return got == c.label, nil
	}},
	// type: a message of that type (e.g. "MsgHeartbeat") was delivered during the step
	"delivered": {parseMessageType, func(c Condition) string { return "a " + c.text + " was delivered" }, func(c Condition, o observed) (bool, error) {
		return o.history.delivered[c.text], nil
	}},
}

func (p *parser) condition(v gjson.Result, path string) Condition {
	c := Condition{path: path}
	if !v.IsObject() || len(v.Map()) != 1 {
		p.fail(path, "a condition is an object with one field, one of: %s", strings.Join(sortedKinds(), ", "))
		return c
	}
	v.ForEach(func(k, val gjson.Result) bool {
		c.Kind = ConditionKind(k.String())
		spec, ok := conditions[c.Kind]
		if !ok {
			p.fail(join(path, k.String()), "unknown condition %q; known: %s", c.Kind, strings.Join(sortedKinds(), ", "))
			return false
		}
		spec.parse(p, &c, val, join(path, k.String()))
		return false
	})
	return c
}

func sortedKinds() []string {
	var ks []string
	for k := range conditions {
		ks = append(ks, string(k))
	}
	slices.Sort(ks)
	return ks
}

// fixedWords is the words of a condition that takes no argument.
func fixedWords(words string) func(Condition) string { return func(Condition) string { return words } }

func parseTrue(p *parser, c *Condition, v gjson.Result, path string) {
	if v.Type != gjson.True {
		p.fail(path, "the only value is true")
	}
}

func (p *parser) ref(v gjson.Result, path string) nodeRef {
	r, err := parseRef(v)
	if err != nil {
		p.fail(path, "%v", err)
	}
	if r.id != 0 {
		r.called = p.cfg.NodeName(r.id)
	}
	return r
}

func parseNodeRef(p *parser, c *Condition, v gjson.Result, path string) { c.ref = p.ref(v, path) }

func parseNumber(p *parser, c *Condition, v gjson.Result, path string) {
	c.num = uint64(p.whole(v, path, 0))
	if !v.Exists() || v.Type != gjson.Number {
		p.fail(path, "need a number")
	}
}

func parseIndexOnNodes(p *parser, c *Condition, v gjson.Result, path string) {
	p.known(v, path, "index", "nodes")
	c.num = uint64(p.whole(v.Get("index"), join(path, "index"), 1))
	c.count = int(p.whole(v.Get("nodes"), join(path, "nodes"), 1))
	if c.num == 0 || c.count == 0 {
		p.fail(path, `need {"index": N, "nodes": k}`)
	}
}

func parseLabelOnNodes(p *parser, c *Condition, v gjson.Result, path string) {
	p.known(v, path, "label", "nodes")
	c.label = p.str(v.Get("label"), join(path, "label"), true)
	c.count = int(p.whole(v.Get("nodes"), join(path, "nodes"), 1))
	if c.count == 0 {
		p.fail(join(path, "nodes"), "need a node count >= 1")
	}
}

func parseLabelOnNode(p *parser, c *Condition, v gjson.Result, path string) {
	p.known(v, path, "label", "node")
	c.label = p.str(v.Get("label"), join(path, "label"), true)
	c.ref = p.ref(v.Get("node"), join(path, "node"))
}

func parseLabel(p *parser, c *Condition, v gjson.Result, path string) { c.label = p.str(v, path, true) }

func parseRole(p *parser, c *Condition, v gjson.Result, path string) {
	p.known(v, path, "node", "is")
	c.ref = p.ref(v.Get("node"), join(path, "node"))
	c.role = raftsim.Role(p.str(v.Get("is"), join(path, "is"), true))
	if c.role != "" && !slices.Contains(raftsim.Roles[:], c.role) {
		roles := make([]string, len(raftsim.Roles))
		for i, r := range raftsim.Roles {
			roles[i] = string(r)
		}
		p.fail(join(path, "is"), "unknown role %q (roles: %s)", c.role, strings.Join(roles, ", "))
	}
}

func parseRemembered(p *parser, c *Condition, v gjson.Result, path string) {
	c.text = p.str(v, path, true)
	if !strings.HasPrefix(c.text, "$") {
		p.fail(path, `need "$name", a hash remembered by an earlier step`)
	}
	c.text = strings.TrimPrefix(c.text, "$")
}

func parseState(p *parser, c *Condition, v gjson.Result, path string) {
	if !v.IsObject() {
		p.fail(path, "need a snapshot, a JSON object as cmd/sim prints it")
		return
	}
	var b bytes.Buffer
	_ = json.Compact(&b, []byte(v.Raw)) // gjson has checked it is valid
	c.text = b.String()
}

func parseSnapshotPath(p *parser, c *Condition, v gjson.Result, path string) {
	p.known(v, path, "path", "is")
	c.text = p.str(v.Get("path"), join(path, "path"), true)
	is := v.Get("is")
	if !is.Exists() {
		p.fail(join(path, "is"), "missing; need the JSON value expected there")
		return
	}
	var b bytes.Buffer
	_ = json.Compact(&b, []byte(is.Raw)) // gjson has checked it is valid
	c.label = b.String()
}

// remembered is a name remembered earlier, as a path writes it: $old.
var remembered = regexp.MustCompile(`\$[A-Za-z_][A-Za-z0-9_]*`)

// withRemembered puts in path the value of each $name remembered earlier.
func withRemembered(path string, vars map[string]string) (string, error) {
	var err error
	out := remembered.ReplaceAllStringFunc(path, func(ref string) string {
		v, ok := vars[ref[1:]]
		if !ok {
			err = fmt.Errorf("%s was not remembered by an earlier step", ref)
		}
		return v
	})
	return out, err
}

func parseMessageType(p *parser, c *Condition, v gjson.Result, path string) {
	c.text = p.str(v, path, true)
	if c.text != "" && !strings.HasPrefix(c.text, "Msg") {
		p.fail(path, `need a raft message type such as "MsgHeartbeat"`)
	}
}

// String is the condition in words, for captions and failure reports.
func (c Condition) String() string {
	if spec, ok := conditions[c.Kind]; ok {
		return spec.words(c)
	}
	return string(c.Kind)
}

// observed is what conditions are checked against: the cluster at the
// moment, the hashes remembered so far and what the step has seen happen.
type observed struct {
	snap    *raftsim.Snapshot
	vars    map[string]string
	history *history
}

// holds reports whether the condition holds, or why it cannot be checked.
func (c Condition) holds(o observed) (bool, error) {
	spec, ok := conditions[c.Kind]
	if !ok {
		return false, fmt.Errorf("unknown condition %q", c.Kind)
	}
	return spec.holds(c, o)
}

// node is the view of the node the condition names.
func (c Condition) node(o observed) (*raftsim.NodeView, error) {
	id, err := c.ref.resolve(o.snap, o.vars)
	if err != nil {
		return nil, err
	}
	n := o.snap.Node(id)
	if n == nil {
		return nil, fmt.Errorf("there is no node %d", id)
	}
	return n, nil
}

// leaderIs reports whether the node the condition names leads (is) or some
// other node does (!is).
func leaderIs(c Condition, o observed, is bool) (bool, error) {
	id, err := c.ref.resolve(o.snap, o.vars)
	if err != nil {
		return false, err
	}
	l := o.snap.Leader()
	return l != 0 && (l == id) == is, nil
}

// hashesAre reports whether every running node has hash want, or, with want
// empty, the same hash as the others; false when no node runs.
func hashesAre(s *raftsim.Snapshot, want string) bool {
	for _, n := range s.Nodes {
		if !n.Up {
			continue
		}
		if want == "" {
			want = n.Hash
		}
		if n.Hash != want {
			return false
		}
	}
	return want != ""
}

func countNodes(s *raftsim.Snapshot, f func(raftsim.NodeView) bool) int {
	k := 0
	for _, n := range s.Nodes {
		if f(n) {
			k++
		}
	}
	return k
}
