package main

import (
	"encoding/base64"
	"syscall/js"
)

// shareQRID is the id of the element that shows the page's QR code.
const shareQRID = "raftplay-share"

// showShareQR covers the page with a QR code of its address (without
// share=qr) and the address in large type, for a class to scan or type
// from a projector. A click, a tap or Esc takes it away and leaves the
// playground running underneath. A failure is only reported, since the
// playground works without the code.
func (p *page) showShareQR() {
	address, err := sharedPage(js.Global().Get("location").Get("href").String())
	var data []byte
	if err == nil {
		data, err = qrPNG(address)
	}
	if err != nil {
		p.log("no QR code for this address: " + err.Error())
		return
	}
	doc := p.doc
	box := doc.Call("createElement", "div")
	box.Set("id", shareQRID)
	box.Call("setAttribute", "role", "dialog")
	box.Call("setAttribute", "aria-label", "QR code of this page's address")
	box.Get("style").Set("cssText", "position:fixed;inset:0;z-index:20;display:flex;flex-direction:column;"+
		"align-items:center;justify-content:center;gap:2vmin;background:#fff;color:#000;cursor:pointer;"+
		"font:600 4vmin/1.2 system-ui,sans-serif")
	img := doc.Call("createElement", "img")
	img.Set("src", "data:image/png;base64,"+base64.StdEncoding.EncodeToString(data))
	img.Set("alt", address)
	// Pixelated, so scaling up keeps each module a crisp square.
	img.Get("style").Set("cssText", "width:min(75vh,90vw);height:auto;image-rendering:pixelated")
	caption := doc.Call("createElement", "div")
	caption.Set("textContent", address)
	caption.Get("style").Set("cssText", "font-family:ui-monospace,monospace;overflow-wrap:anywhere;text-align:center;max-width:95vw")
	hint := doc.Call("createElement", "div")
	hint.Set("textContent", "Tap or press Esc to close")
	hint.Get("style").Set("cssText", "font-size:2.5vmin;font-weight:400;color:#555")
	box.Call("append", img, caption, hint)

	var click, key js.Func
	closeBox := func() {
		box.Call("remove")
		box.Call("removeEventListener", "click", click)
		doc.Call("removeEventListener", "keydown", key)
		click.Release()
		key.Release()
	}
	click = js.FuncOf(func(js.Value, []js.Value) any {
		closeBox()
		return nil
	})
	key = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if args[0].Get("key").String() == "Escape" {
			closeBox()
		}
		return nil
	})
	box.Call("addEventListener", "click", click)
	doc.Call("addEventListener", "keydown", key)
	doc.Get("body").Call("appendChild", box)
}
