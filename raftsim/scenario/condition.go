package scenario

import (
	"fmt"
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
	Kind  string
	ref   nodeRef
	label string
	role  string
	num   uint64 // index, term, key count, node count
	count int
	text  string // message type, remembered name
	path  string
}

// conditionKinds lists every condition with the form its value takes.
var conditionKinds = map[string]string{
	"leader":            `true: some running node leads`,
	"no_leader":         `true: no running node leads`,
	"leader_is":         `node: that node leads`,
	"leader_not":        `node: some other node leads`,
	"term_at_least":     `T: a running node is at term T or later`,
	"committed":         `{"index": N, "nodes": k}: entry N is committed on at least k nodes`,
	"committed_label":   `{"label": L, "nodes": k}: an entry labelled L is committed on at least k nodes`,
	"applied_label":     `{"label": L, "nodes": k}: an entry labelled L is applied on at least k nodes`,
	"uncommitted_label": `{"label": L, "node": n}: node n holds L, not committed`,
	"no_label":          `L: no node's log holds an entry labelled L`,
	"role":              `{"node": n, "is": role}: node n is follower, pre-candidate, candidate, leader or down`,
	"hashes_equal":      `true: every running node has applied the same state`,
	"hash_is":           `"$name": every running node's hash equals the one remembered`,
	"keys":              `k: every running node holds k keys`,
	"invariants_ok":     `true: no safety property has broken`,
	"split_vote":        `true: in some term two or more candidates ran and none won`,
	"delivered":         `type: a message of that type (e.g. "MsgHeartbeat") was delivered during the step`,
}

func (p *parser) condition(v gjson.Result, path string) Condition {
	c := Condition{path: path}
	if !v.IsObject() || len(v.Map()) != 1 {
		p.fail(path, "a condition is an object with one field, one of: %s", strings.Join(sortedKinds(), ", "))
		return c
	}
	v.ForEach(func(k, val gjson.Result) bool {
		c.Kind = k.String()
		p.conditionValue(&c, val, join(path, c.Kind))
		return false
	})
	return c
}

func (p *parser) conditionValue(c *Condition, v gjson.Result, path string) {
	ref := func(v gjson.Result, path string) nodeRef {
		r, err := parseRef(v)
		if err != nil {
			p.fail(path, "%v", err)
		}
		return r
	}
	switch c.Kind {
	case "leader", "no_leader", "hashes_equal", "invariants_ok", "split_vote":
		if v.Type != gjson.True {
			p.fail(path, "the only value is true")
		}
	case "leader_is", "leader_not":
		c.ref = ref(v, path)
	case "term_at_least", "keys":
		c.num = uint64(p.whole(v, path, 0))
		if !v.Exists() || v.Type != gjson.Number {
			p.fail(path, "need a number")
		}
	case "committed":
		p.known(v, path, "index", "nodes")
		c.num = uint64(p.whole(v.Get("index"), join(path, "index"), 1))
		c.count = int(p.whole(v.Get("nodes"), join(path, "nodes"), 1))
		if c.num == 0 || c.count == 0 {
			p.fail(path, `need {"index": N, "nodes": k}`)
		}
	case "committed_label", "applied_label":
		p.known(v, path, "label", "nodes")
		c.label = p.str(v.Get("label"), join(path, "label"), true)
		c.count = int(p.whole(v.Get("nodes"), join(path, "nodes"), 1))
		if c.count == 0 {
			p.fail(join(path, "nodes"), "need a node count >= 1")
		}
	case "uncommitted_label":
		p.known(v, path, "label", "node")
		c.label = p.str(v.Get("label"), join(path, "label"), true)
		c.ref = ref(v.Get("node"), join(path, "node"))
	case "no_label":
		c.label = p.str(v, path, true)
	case "role":
		p.known(v, path, "node", "is")
		c.ref = ref(v.Get("node"), join(path, "node"))
		c.role = p.str(v.Get("is"), join(path, "is"), true)
		roles := []string{raftsim.RoleFollower, raftsim.RolePreCandidate, raftsim.RoleCandidate, raftsim.RoleLeader, raftsim.RoleDown}
		if c.role != "" && !slices.Contains(roles, c.role) {
			p.fail(join(path, "is"), "unknown role %q (roles: %s)", c.role, strings.Join(roles, ", "))
		}
	case "hash_is":
		c.text = p.str(v, path, true)
		if !strings.HasPrefix(c.text, "$") {
			p.fail(path, `need "$name", a hash remembered by an earlier step`)
		}
		c.text = strings.TrimPrefix(c.text, "$")
	case "delivered":
		c.text = p.str(v, path, true)
		if c.text != "" && !strings.HasPrefix(c.text, "Msg") {
			p.fail(path, `need a raft message type such as "MsgHeartbeat"`)
		}
	default:
		p.fail(path, "unknown condition %q; known: %s", c.Kind, strings.Join(sortedKinds(), ", "))
	}
}

func sortedKinds() []string {
	var ks []string
	for k := range conditionKinds {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// String is the condition in words, for captions and failure reports.
func (c Condition) String() string {
	switch c.Kind {
	case "leader":
		return "a leader exists"
	case "no_leader":
		return "no node leads"
	case "leader_is":
		return c.ref.String() + " leads"
	case "leader_not":
		return "a node other than " + c.ref.String() + " leads"
	case "term_at_least":
		return fmt.Sprintf("term is at least %d", c.num)
	case "committed":
		return fmt.Sprintf("entry %d is committed on %d nodes", c.num, c.count)
	case "committed_label":
		return fmt.Sprintf("%q is committed on %d nodes", c.label, c.count)
	case "applied_label":
		return fmt.Sprintf("%q is applied on %d nodes", c.label, c.count)
	case "uncommitted_label":
		return fmt.Sprintf("%s holds %q uncommitted", c.ref, c.label)
	case "no_label":
		return fmt.Sprintf("no node holds %q", c.label)
	case "role":
		return fmt.Sprintf("%s is %s", c.ref, c.role)
	case "hashes_equal":
		return "every running node has the same hash"
	case "hash_is":
		return "every running node's hash equals $" + c.text
	case "keys":
		return fmt.Sprintf("every running node holds %d keys", c.num)
	case "invariants_ok":
		return "every safety property holds"
	case "split_vote":
		return "a vote was split"
	case "delivered":
		return "a " + c.text + " was delivered"
	}
	return c.Kind
}

// world is what conditions are checked against.
type world struct {
	snap    *raftsim.Snapshot
	vars    map[string]string
	history *history
}

// holds reports whether the condition holds, or why it cannot be checked.
func (c Condition) holds(w world) (bool, error) {
	s := w.snap
	node := func() (*raftsim.NodeView, error) {
		id, err := c.ref.resolve(s, w.vars)
		if err != nil {
			return nil, err
		}
		n := s.Node(id)
		if n == nil {
			return nil, fmt.Errorf("there is no node %d", id)
		}
		return n, nil
	}
	switch c.Kind {
	case "leader", "no_leader":
		return (s.Leader() != 0) == (c.Kind == "leader"), nil
	case "leader_is", "leader_not":
		id, err := c.ref.resolve(s, w.vars)
		if err != nil {
			return false, err
		}
		l := s.Leader()
		return l != 0 && (l == id) == (c.Kind == "leader_is"), nil
	case "term_at_least":
		return slices.ContainsFunc(s.Nodes, func(n raftsim.NodeView) bool { return n.Up && n.Term >= c.num }), nil
	case "committed":
		return countNodes(s, func(n raftsim.NodeView) bool { return n.Commit >= c.num && n.LastIndex >= c.num }) >= c.count, nil
	case "committed_label":
		return countNodes(s, func(n raftsim.NodeView) bool {
			return slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label && e.Committed })
		}) >= c.count, nil
	case "applied_label":
		return countNodes(s, func(n raftsim.NodeView) bool {
			return n.Up && slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label && e.Index <= n.Applied })
		}) >= c.count, nil
	case "uncommitted_label":
		n, err := node()
		if err != nil {
			return false, err
		}
		return slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label && !e.Committed }), nil
	case "no_label":
		return countNodes(s, func(n raftsim.NodeView) bool {
			return slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == c.label })
		}) == 0, nil
	case "role":
		n, err := node()
		if err != nil {
			return false, err
		}
		return n.Role == c.role, nil
	case "hashes_equal", "hash_is":
		want := ""
		if c.Kind == "hash_is" {
			var ok bool
			if want, ok = w.vars[c.text]; !ok {
				return false, fmt.Errorf("$%s was not remembered by an earlier step", c.text)
			}
		}
		for _, n := range s.Nodes {
			if !n.Up {
				continue
			}
			if want == "" {
				want = n.Hash
			}
			if n.Hash != want {
				return false, nil
			}
		}
		return want != "", nil
	case "keys":
		return countNodes(s, func(n raftsim.NodeView) bool { return n.Up && uint64(n.Keys) != c.num }) == 0, nil
	case "invariants_ok":
		return s.Invariants.OK, nil
	case "split_vote":
		return w.history.splitVote(), nil
	case "delivered":
		return w.history.delivered[c.text], nil
	}
	return false, fmt.Errorf("unknown condition %q", c.Kind)
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
