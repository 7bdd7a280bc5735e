package scenario

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// refFields are the action fields that name a node.
var refFields = []string{"node", "to", "via", "from"}

// nodeRef names a node: by ID, as "leader", or as "$name" remembered earlier.
type nodeRef struct {
	id   uint64
	name string // "leader" or a remembered name
	// called is what the story's config calls node id, so that a failure
	// report speaks of B as the captions do.
	called string
}

func parseRef(v gjson.Result) (nodeRef, error) {
	switch {
	case v.Type == gjson.Number && v.Num >= 1 && float64(v.Uint()) == v.Num:
		return nodeRef{id: v.Uint()}, nil
	case v.Type == gjson.String && v.String() == "leader":
		return nodeRef{name: "leader"}, nil
	case v.Type == gjson.String && strings.HasPrefix(v.String(), "$") && len(v.String()) > 1:
		return nodeRef{name: v.String()[1:]}, nil
	}
	return nodeRef{}, fmt.Errorf(`a node is an ID, "leader" or "$name", got %s`, v.Raw)
}

func (r nodeRef) String() string {
	switch {
	case r.name == "leader":
		return "the leader"
	case r.name != "":
		return "$" + r.name
	case r.called != "":
		return r.called
	}
	return fmt.Sprintf("n%d", r.id)
}

// resolve finds the node a reference names now.
func (r nodeRef) resolve(snap *raftsim.Snapshot, vars map[string]string) (uint64, error) {
	switch {
	case r.name == "":
		return r.id, nil
	case r.name == "leader":
		if l := snap.Leader(); l != 0 {
			return l, nil
		}
		return 0, fmt.Errorf("there is no leader")
	}
	v, ok := vars[r.name]
	if !ok {
		return 0, fmt.Errorf("$%s was not remembered by an earlier step", r.name)
	}
	id, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("$%s is %q, not a node", r.name, v)
	}
	return id, nil
}

// withRefs rewrites an action object with every node reference replaced by
// the ID resolve gives it; other fields are kept as written.
func withRefs(a gjson.Result, resolve func(gjson.Result) uint64) string {
	var b strings.Builder
	b.WriteByte('{')
	first := true
	a.ForEach(func(k, v gjson.Result) bool {
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(k.Raw)
		b.WriteByte(':')
		switch {
		case isRefField(k.String()) && v.Type == gjson.String:
			b.WriteString(strconv.FormatUint(resolve(v), 10))
		case k.String() == "groups" && v.IsArray():
			writeGroups(&b, v, resolve)
		default:
			b.WriteString(v.Raw)
		}
		return true
	})
	b.WriteByte('}')
	return b.String()
}

func writeGroups(b *strings.Builder, groups gjson.Result, resolve func(gjson.Result) uint64) {
	b.WriteByte('[')
	for i, g := range groups.Array() {
		if i > 0 {
			b.WriteByte(',')
		}
		if !g.IsArray() {
			b.WriteString(g.Raw)
			continue
		}
		b.WriteByte('[')
		for j, id := range g.Array() {
			if j > 0 {
				b.WriteByte(',')
			}
			if id.Type == gjson.String {
				b.WriteString(strconv.FormatUint(resolve(id), 10))
			} else {
				b.WriteString(id.Raw)
			}
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
}

func isRefField(f string) bool {
	for _, r := range refFields {
		if f == r {
			return true
		}
	}
	return false
}
