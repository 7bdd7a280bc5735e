package main

import (
	"fmt"
	"syscall/js"

	"raftplay/raftsim/storyedit"
)

// Where a story written in the page goes: the browser's storage, a story
// file downloaded, a link.

// ready says why the draft cannot leave the page to what (export, share),
// or nil when it is a valid story.
func (p *editorPanel) ready(what string) error {
	if p.ed.draft == nil {
		return fmt.Errorf("there is no story to %s yet", what)
	}
	_, err := p.ed.draft.Scenario()
	return err
}

// export downloads the draft as a story file, for cmd/sim -scenario.
func (p *editorPanel) export() error {
	if err := p.ready("export"); err != nil {
		return err
	}
	name := p.ed.draft.Name + ".json"
	p.a.download(name, p.ed.draft.JSON())
	p.ed.note = fmt.Sprintf("%s downloaded: go run ./cmd/sim -scenario %s plays and checks it", name, name)
	return nil
}

// share makes the story's link: the story itself, compressed, in story=.
func (p *editorPanel) share() error {
	if err := p.ready("share"); err != nil {
		return err
	}
	link := p.a.shareURL("story=" + storyedit.EncodeLink(p.ed.draft.JSON()))
	p.ed.link = link
	js.Global().Get("history").Call("replaceState", nil, "", link)
	if cb := js.Global().Get("navigator").Get("clipboard"); cb.Truthy() {
		cb.Call("writeText", link)
	}
	p.ed.note = fmt.Sprintf("link copied (and in the address bar): %d characters, the whole story inside", len(link))
	return nil
}

// save keeps the draft in the browser.
func (p *editorPanel) save() {
	if p.ed.draft == nil {
		p.a.page.store(editorStorageKey, "")
		return
	}
	p.a.page.store(editorStorageKey, string(p.ed.draft.JSON()))
}
