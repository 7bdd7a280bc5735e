package v3store

import "slices"

// CheckTxn refuses a txn that writes a key twice in one branch, or puts a
// key a delete of the same branch covers, as etcd's API refuses it before
// proposing anything (v3rpc/key.go checkIntervals).
func CheckTxn(r Request) error {
	for _, ops := range [][]Request{r.Success, r.Failure} {
		if _, _, dup := checkIntervals(ops); dup {
			return ErrDuplicateKey
		}
	}
	return nil
}

// interval is a delete's range.
type interval struct{ key, end string }

func covered(dels []interval, k string) bool {
	return slices.ContainsFunc(dels, func(iv interval) bool { return inRange(k, iv.key, iv.end) })
}

// checkIntervals returns the keys ops put and the ranges they delete, nested
// txns included, and whether two of them overlap.
func checkIntervals(ops []Request) (puts []string, dels []interval, dup bool) {
	for _, op := range ops {
		if op.Kind == DeleteRange {
			dels = append(dels, interval{op.Key, op.End})
		}
	}
	for _, op := range ops {
		if op.Kind != Txn {
			continue
		}
		putsThen, delsThen, d1 := checkIntervals(op.Success)
		putsElse, delsElse, d2 := checkIntervals(op.Failure)
		if d1 || d2 {
			return nil, nil, true
		}
		for _, k := range putsThen {
			if slices.Contains(puts, k) || covered(dels, k) {
				return nil, nil, true
			}
			puts = append(puts, k)
		}
		for _, k := range putsElse {
			// Then and else exclude each other: the same key in both is fine.
			if slices.Contains(puts, k) && !slices.Contains(putsThen, k) || covered(dels, k) {
				return nil, nil, true
			}
			puts = append(puts, k)
		}
		dels = append(append(dels, delsThen...), delsElse...)
	}
	for _, op := range ops {
		if op.Kind != Put {
			continue
		}
		if slices.Contains(puts, op.Key) || covered(dels, op.Key) {
			return nil, nil, true
		}
		puts = append(puts, op.Key)
	}
	return puts, dels, false
}
