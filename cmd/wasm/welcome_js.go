package main

import "syscall/js"

// wantsWelcome reports whether this visit gets the welcome (showWelcome).
func (p *page) wantsWelcome(query string) bool {
	w := js.Global()
	framed := !w.Get("top").Equal(w.Get("self"))
	return showWelcome(query, framed, p.stored(welcomedKey) != "")
}

// rememberWelcome keeps that the welcome was closed, so later visits go
// without it.
func (p *page) rememberWelcome() { p.store(welcomedKey, "1") }

// stored reads key from localStorage; "" when there is none or the browser
// keeps no storage for the page (a private window may throw).
func (p *page) stored(key string) (v string) {
	defer func() {
		if recover() != nil {
			v = ""
		}
	}()
	s := js.Global().Get("localStorage")
	if !s.Truthy() {
		return ""
	}
	if r := s.Call("getItem", key); r.Type() == js.TypeString {
		return r.String()
	}
	return ""
}

// store writes key to localStorage, if the browser lets the page keep any.
func (p *page) store(key, value string) {
	defer func() { _ = recover() }()
	if s := js.Global().Get("localStorage"); s.Truthy() {
		s.Call("setItem", key, value)
	}
}
