package v2store

import "fmt"

// Output is what etcdctl prints for the answer r to the command (its
// "simple" output format).
func (e Etcdctl) Output(r *Result) Printed {
	switch {
	case !r.OK():
		return Printed{Stderr: []string{r.Error()}}
	case e.Op.Kind == OpGet && r.Dir:
		return Printed{Stderr: []string{r.Key + ": is a directory"}}
	case e.Op.Kind == OpLs:
		return Printed{Stdout: e.listing(r.NodeView)}
	case e.Op.Kind == OpWatch:
		return Printed{Stdout: e.watched(r)}
	case e.Name == "mkdir" || e.Name == "setdir" || e.Name == "updatedir":
		return Printed{}
	case (e.Name == "rm" || e.Name == "rmdir") && r.Dir:
		return Printed{} // a directory removed says nothing
	}
	return Printed{Stdout: []string{simple(r)}}
}

// simple is etcdctl's "simple" output of an answer: the node's value, or
// for a delete the value removed. A compare-and-delete is not a "delete"
// to it: it prints the removed node's value, which is empty.
func simple(r *Result) string {
	if r.Action == "delete" {
		return "PrevNode.Value: " + r.PrevNode.Value
	}
	return r.Value
}

// listing is ls's output: a file lists its own key, a directory its
// children, all below them with --recursive.
func (e Etcdctl) listing(n NodeView) []string {
	var out []string
	if !n.Dir {
		out = append(out, n.Key)
	}
	var walk func(NodeView)
	walk = func(c NodeView) {
		if c.Dir && e.Slash {
			out = append(out, c.Key+"/")
		} else {
			out = append(out, c.Key)
		}
		for _, g := range c.Nodes {
			walk(g)
		}
	}
	for _, c := range n.Nodes {
		walk(c)
	}
	return out
}

// watched is what watch prints for a change: "[action] key" first when
// recursive, then the value (or the value removed).
func (e Etcdctl) watched(r *Result) []string {
	var out []string
	if e.Op.Recursive {
		out = append(out, fmt.Sprintf("[%s] %s", r.Action, r.Key))
	}
	return append(out, simple(r))
}

// WatchAgain tells whether a watch goes on after the answer r: etcdctl
// skips changes to directories, and watch --forever never stops.
func (e Etcdctl) WatchAgain(r *Result) bool {
	return r.OK() && (e.Forever || r.Dir)
}
