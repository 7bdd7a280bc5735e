package main

import "time"

// textViewInterval is how often the text view looks at the cluster: often
// enough to follow a story step, seldom enough not to cost the frames.
const textViewInterval = 500 * time.Millisecond

// textView keeps #raftplay-cluster, the cluster in words beside the canvas
// for screen readers (describeCluster), up to date with the moment shown:
// a heading, the summary and a list of the nodes. It is read when a reader
// goes to it, not announced: the live region announces the events.
func (p *page) textView(a *app) {
	section := p.doc.Call("createElement", "section")
	section.Set("id", "raftplay-cluster")
	section.Call("setAttribute", "aria-label", "The cluster in words")
	section.Get("style").Set("cssText", "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap")
	heading := p.doc.Call("createElement", "h2")
	heading.Set("textContent", "The cluster in words")
	summary := p.doc.Call("createElement", "p")
	list := p.doc.Call("createElement", "ul")
	section.Call("append", heading, summary, list)
	p.doc.Get("body").Call("appendChild", section)
	shown := ""
	for range time.Tick(textViewInterval) {
		t := describeCluster(a.game.Shown())
		if t.text() == shown {
			continue
		}
		shown = t.text()
		summary.Set("textContent", t.Summary)
		items := make([]any, len(t.Nodes))
		for i, line := range t.Nodes {
			li := p.doc.Call("createElement", "li")
			li.Set("textContent", line)
			items[i] = li
		}
		list.Call("replaceChildren", items...)
	}
}
