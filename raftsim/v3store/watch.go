package v3store

import "slices"

// Event is one change a watch reports: a put or a delete, the key as it
// became (a delete's holds only the key and its revision), and, for a
// watch with prev-kv, what it replaced.
type Event struct {
	Delete bool
	KV     KeyValue
	PrevKV *KeyValue
}

// Events are the changes to keys in [key, end) at revision from and after,
// oldest first, as a watch from that revision sees them in history. A
// revision compaction forgot is refused, as etcd cancels such a watch.
func (s *Store) Events(key, end string, from int64, prevKV bool) ([]Event, error) {
	if from < s.compacted {
		return nil, ErrCompacted
	}
	type found struct {
		rev revision
		ev  Event
	}
	var evs []found
	s.each(key, end, func(h *keyHistory) {
		for i, r := range h.records {
			if r.rev.main < from {
				continue
			}
			ev := Event{Delete: r.tombstone, KV: r.kv}
			if prevKV && i > 0 && !h.records[i-1].tombstone {
				prev := h.records[i-1].kv
				ev.PrevKV = &prev
			}
			evs = append(evs, found{r.rev, ev})
		}
	})
	slices.SortFunc(evs, func(a, b found) int {
		if a.rev.less(b.rev) {
			return -1
		}
		if b.rev.less(a.rev) {
			return 1
		}
		return 0
	})
	out := make([]Event, len(evs))
	for i, f := range evs {
		out[i] = f.ev
	}
	return out, nil
}
