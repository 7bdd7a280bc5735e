package v3store

import (
	"encoding/binary"
	"errors"
)

// How requests and the store travel as bytes: varints and length-prefixed
// strings, field by field.

var errMalformed = errors.New("malformed v3 data")

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) string(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
		return
	}
	e.b = append(e.b, 0)
}

// decoder reads what an encoder wrote, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errMalformed
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errMalformed
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uint()
	if d.err != nil || uint64(len(d.b)) < n {
		d.err = errMalformed
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) bool() bool {
	if len(d.b) == 0 {
		d.err = errMalformed
		return false
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v != 0
}

// count reads a length, refusing one longer than the bytes left could hold.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.err = errMalformed
		return 0
	}
	return int(n)
}

// entryMagic starts every v3 request in the log. A v2 command cannot start
// so: its first byte is its client (0 here), its second the sequence
// number, its third the operation, which is never 0x33.
const entryMagic = "\x00v3"

// IsEntry tells whether a raft entry's data is a v3 request.
func IsEntry(data []byte) bool {
	return len(data) >= len(entryMagic) && string(data[:len(entryMagic)]) == entryMagic
}

// Command is a request as it travels through the log: the request and the
// (client, seq) that tells its sender which answer is its own, as etcd's
// request header ID does. The leader's own requests (a lease's expiry)
// carry client 0.
type Command struct {
	Client, Seq uint64
	Req         Request
}

// Encode is the command as a raft entry's data.
func (c Command) Encode() []byte {
	e := &encoder{b: []byte(entryMagic)}
	e.uint(c.Client)
	e.uint(c.Seq)
	e.request(c.Req)
	return e.b
}

func (e *encoder) request(r Request) {
	e.uint(uint64(r.Kind))
	e.string(r.Key)
	e.string(r.End)
	e.string(r.Value)
	e.int(r.Lease)
	e.bool(r.PrevKV)
	e.int(r.Rev)
	e.int(r.Limit)
	e.uint(uint64(r.Order))
	e.uint(uint64(r.Target))
	e.bool(r.KeysOnly)
	e.bool(r.CountOnly)
	e.int(r.ID)
	e.int(r.TTL)
	e.uint(uint64(len(r.Compare)))
	for _, c := range r.Compare {
		e.string(c.Key)
		e.string(c.End)
		e.uint(uint64(c.Target))
		e.uint(uint64(c.Result))
		e.string(c.Value)
		e.int(c.Number)
	}
	for _, ops := range [][]Request{r.Success, r.Failure} {
		e.uint(uint64(len(ops)))
		for _, op := range ops {
			e.request(op)
		}
	}
}

// DecodeCommand reads a command from a raft entry's data.
func DecodeCommand(data []byte) (Command, error) {
	if !IsEntry(data) {
		return Command{}, errMalformed
	}
	d := &decoder{b: data[len(entryMagic):]}
	c := Command{Client: d.uint(), Seq: d.uint()}
	c.Req = d.request(0)
	if d.err == nil && len(d.b) > 0 {
		d.err = errMalformed
	}
	return c, d.err
}

// maxTxnDepth bounds nesting, so malformed data cannot recurse without end.
const maxTxnDepth = 64

func (d *decoder) request(depth int) Request {
	if depth > maxTxnDepth {
		d.err = errMalformed
		return Request{}
	}
	r := Request{Kind: Kind(d.uint()), Key: d.string(), End: d.string(), Value: d.string(), Lease: d.int(), PrevKV: d.bool(),
		Rev: d.int(), Limit: d.int(), Order: SortOrder(d.uint()), Target: SortTarget(d.uint()),
		KeysOnly: d.bool(), CountOnly: d.bool(), ID: d.int(), TTL: d.int()}
	if r.Kind < Range || r.Kind > LeaseRevoke {
		d.err = errMalformed
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		r.Compare = append(r.Compare, Compare{Key: d.string(), End: d.string(), Target: CompareTarget(d.uint()),
			Result: CompareResult(d.uint()), Value: d.string(), Number: d.int()})
	}
	for _, ops := range []*[]Request{&r.Success, &r.Failure} {
		for n := d.count(); n > 0 && d.err == nil; n-- {
			*ops = append(*ops, d.request(depth+1))
		}
	}
	return r
}
