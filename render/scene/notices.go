package scene

// Notice is a short message on screen: a refused action, a bad URL parameter,
// a hint.
type Notice struct {
	Text string
	// Err marks a notice about something that went wrong.
	Err bool
	// Born is the wall-clock second it appeared.
	Born float64
}

// NoticeLife is how long a notice stays, in wall seconds; the last
// noticeFade of them it fades out.
const (
	NoticeLife = 7.0
	noticeFade = 1.0
	maxNotices = 4
)

// Notices holds the notices on screen, oldest first.
type Notices struct{ list []Notice }

// Add shows text from wall second now on, pushing out the oldest when full.
// A repeat of the newest notice only renews it.
func (n *Notices) Add(text string, err bool, now float64) {
	if k := len(n.list); k > 0 && n.list[k-1].Text == text {
		n.list[k-1].Born = now
		return
	}
	if len(n.list) == maxNotices {
		n.list = append(n.list[:0], n.list[1:]...)
	}
	n.list = append(n.list, Notice{Text: text, Err: err, Born: now})
}

// Expire removes the notices whose time is up at wall second now.
func (n *Notices) Expire(now float64) {
	k := 0
	for _, x := range n.list {
		if now-x.Born < NoticeLife {
			n.list[k] = x
			k++
		}
	}
	n.list = n.list[:k]
}

// List returns the notices on screen, oldest first.
func (n *Notices) List() []Notice { return n.list }

// Alpha is the opacity of a notice at wall second now.
func (x Notice) Alpha(now float64) float64 {
	return clamp01((NoticeLife - (now - x.Born)) / noticeFade)
}
