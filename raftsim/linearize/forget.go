package linearize

// Needs is the history position of the first operation the check reads
// again: the next one not yet taken, or an earlier one taken while its
// outcome was unknown, whose settled form is reread. Operations before it
// were judged or are held in the check's own pieces, so the history may drop
// them.
func (c *checker) Needs() int {
	n := c.consumed
	for _, key := range c.order {
		for _, op := range c.keys[key].ops {
			if pos, ok := c.unsettled[op.ID]; ok {
				n = min(n, pos)
			}
		}
	}
	return n
}

// Dropped shifts the check's history positions after the history dropped its
// first n operations.
func (c *checker) Dropped(n int) {
	c.consumed -= n
	for _, key := range c.order {
		for _, op := range c.keys[key].ops {
			if pos, ok := c.unsettled[op.ID]; ok {
				c.unsettled[op.ID] = pos - n
			}
		}
	}
}
