package spacetime

// arrowRing holds the kept arrows, oldest first, in one array that grows
// to at most limit arrows and is then reused in a circle: a model under
// stress keeps its limit of arrows while the oldest go as fast as new ones
// come, and a slice cut at the front and appended to would copy them all
// to a new array every few thousand messages.
type arrowRing struct {
	buf   []Arrow
	head  int // index in buf of the oldest arrow
	n     int
	limit int
}

// len is the number of arrows kept.
func (r *arrowRing) len() int { return r.n }

// full reports that the next push needs room made first.
func (r *arrowRing) full() bool { return r.n == r.limit }

// at is the i-th oldest arrow kept.
func (r *arrowRing) at(i int) *Arrow { return &r.buf[(r.head+i)%len(r.buf)] }

// push keeps a as the newest arrow; the ring must not be full.
func (r *arrowRing) push(a Arrow) {
	if r.n == len(r.buf) {
		r.grow()
	}
	*r.at(r.n) = a
	r.n++
}

// grow doubles the array, up to limit, with the arrows in order from its
// start.
func (r *arrowRing) grow() {
	buf := make([]Arrow, min(max(2*len(r.buf), 64), r.limit))
	for i := range r.n {
		buf[i] = *r.at(i)
	}
	r.buf, r.head = buf, 0
}

// dropOldest forgets the k oldest arrows.
func (r *arrowRing) dropOldest(k int) {
	for i := range k {
		*r.at(i) = Arrow{} // let go of its description
	}
	r.head = (r.head + k) % max(len(r.buf), 1)
	r.n -= k
}

// reset forgets every arrow, keeping the array for the next run.
func (r *arrowRing) reset() {
	r.dropOldest(r.n)
	r.head = 0
}
