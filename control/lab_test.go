package control

import (
	"fmt"
	"strings"
	"testing"
)

func TestTheLabRunsItsTrialsWhileOpen(t *testing.T) {
	var l Lab
	if st := l.State(); l.Open() || st.Open || st.Results == nil {
		t.Fatalf("a new lab: open %v, state %+v; want it closed with an empty list of results", l.Open(), st)
	}
	l.Toggle(42)
	var status string
	for l.State().Done == 0 {
		_, status = l.Step()
	}
	st := l.State()
	if !st.Open || st.Total != len(labSettings())*labTrials || st.Done > st.Total {
		t.Fatalf("an open lab's state %+v; want it open, %d trials in all", st, len(labSettings())*labTrials)
	}
	if len(st.Results) != len(labSettings()) {
		t.Fatalf("%d curves; want one per setting, %d", len(st.Results), len(labSettings()))
	}
	if !strings.HasPrefix(status, fmt.Sprintf("%d of %d trials", st.Done, st.Total)) || !strings.Contains(status, "seed 42") {
		t.Fatalf("status line %q; want how far the trials are and the seed they use", status)
	}
	l.Toggle(42)
	if st := l.State(); l.Open() || st.Open || st.Done != 0 {
		t.Fatalf("a closed lab: %+v; want its trials dropped", st)
	}
}
