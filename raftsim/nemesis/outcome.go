package nemesis

import (
	"encoding/json"
	"fmt"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// JSON encodes the outcome on one line, as a worker process reports it.
func (o *Outcome) JSON() []byte {
	b, err := json.Marshal(o)
	if err != nil {
		// Only plain values are encoded; this cannot fail.
		panic(err)
	}
	return b
}

// ParseOutcome reads an outcome written by Outcome.JSON.
func ParseOutcome(line []byte) (Outcome, error) {
	if !gjson.ValidBytes(line) {
		return Outcome{}, fmt.Errorf("outcome is not valid JSON: %.80q", line)
	}
	v := gjson.ParseBytes(line)
	o := Outcome{
		Seed:       v.Get("seed").Int(),
		Nodes:      int(v.Get("nodes").Int()),
		Lying:      v.Get("lying").Bool(),
		EndMs:      v.Get("end_ms").Int(),
		Operations: int(v.Get("operations").Int()),
		Checked:    int(v.Get("checked").Int()),
	}
	o.MemberChanges = int(v.Get("member_changes").Int())
	if o.Seed < 1 || o.Nodes < 3 {
		return Outcome{}, fmt.Errorf("outcome without a seed or nodes: %.80q", line)
	}
	var err error
	if o.Read, err = v2store.ParseReadMode(v.Get("read").String()); err != nil {
		return Outcome{}, fmt.Errorf("outcome of seed %d: %v", o.Seed, err)
	}
	for _, f := range v.Get("failures").Array() {
		o.Failures = append(o.Failures, f.String())
	}
	if acts := v.Get("actions"); acts.Exists() {
		if o.Actions, err = raftsim.ParseActionRecords(acts.Raw); err != nil {
			return Outcome{}, fmt.Errorf("outcome of seed %d: %v", o.Seed, err)
		}
	}
	return o, nil
}

// ReproduceCommand is the one line that runs this seed's campaign alone.
func (o *Outcome) ReproduceCommand() string {
	lying := ""
	if o.Lying {
		lying = " -lying"
	}
	return fmt.Sprintf("go run ./cmd/sim -nemesis -seeds %d%s", o.Seed, lying)
}

// ReplayCommand is the line that replays the run from its action file, with
// the event log: the same run, step by step. A run with lease reads built its
// nodes with raft's lease option (Config), which its replay needs too. The
// config's flags are named by the config's table (raftsim.ConfigFields).
func (o *Outcome) ReplayCommand(actionsFile string) string {
	set := func(field string, value any) string {
		return fmt.Sprintf(" -%s %v", raftsim.ConfigFieldNamed(field).Flag, value)
	}
	cmd := "go run ./cmd/sim" + set("seed", o.Seed) + set("nodes", o.Nodes)
	if o.Read == v2store.ReadLease {
		cmd += set("read_only", raftsim.ReadOnlyLeaseBased)
	}
	return cmd + fmt.Sprintf(" -for %dms -check -v -actions %s", o.EndMs, actionsFile)
}
