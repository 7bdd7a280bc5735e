package storyedit

import (
	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/scenario"
)

// StepCheck is how one step of a draft went when the story was played, and
// what its writer may expect of it.
type StepCheck struct {
	// Result is the step's result as the story player judged it: its
	// failures are the expectations that did not hold.
	Result scenario.StepResult
	// Offers are the conditions that hold at the step's end.
	Offers []scenario.Offer
	// Final is the snapshot at the step's end, as cmd/sim prints it.
	Final []byte
}

// Check plays the draft from its start on a new simulation, as cmd/sim
// -scenario does (the same player and the same judged simulation), and
// returns each step's result and offers.
func Check(d *Draft) ([]StepCheck, error) {
	sc, err := d.Scenario()
	if err != nil {
		return nil, err
	}
	sim, err := judged.New(sc.Config)
	if err != nil {
		return nil, err
	}
	return checkOn(sim, sc)
}

func checkOn(sim *raftsim.Sim, sc *scenario.Scenario) ([]StepCheck, error) {
	p, err := scenario.NewPlayer(sim, sc)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	var out []StepCheck
	for {
		r := p.Finish()
		out = append(out, StepCheck{Result: r, Offers: p.Offers(), Final: sim.Snapshot().JSON()})
		if p.Last() {
			return out, nil
		}
		if err := p.Next(); err != nil {
			return out, err
		}
	}
}
