package clients

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// consoleSession runs console lines through a cluster and returns what each
// printed, answers and errors alike, one string a line.
type consoleSession struct {
	*harness
	out []string
}

func newConsoleSession(t *testing.T, seed int64) *consoleSession {
	s := &consoleSession{harness: newHarness(t, seed)}
	s.leader(3000)
	cancel := s.sim.OnEvent(func(e raftsim.Event) {
		if e.Kind == raftsim.EvConsole && e.Line != raftsim.ConsoleCommand {
			s.out = append(s.out, e.Text)
		}
	})
	t.Cleanup(cancel)
	return s
}

// run types line into the console, lets ms of virtual time pass and returns
// what it printed.
func (s *consoleSession) run(line string, ms int64) []string {
	s.t.Helper()
	s.out = nil
	s.do(fmt.Sprintf(`{"op":"console","line":%q}`, line))
	s.harness.run(ms)
	return s.out
}

// expect runs line and fails the test unless it printed exactly want.
func (s *consoleSession) expect(line string, ms int64, want ...string) {
	s.t.Helper()
	if got := s.run(line, ms); strings.Join(got, "\n") != strings.Join(want, "\n") {
		s.t.Errorf("%s:\n got  %q\n want %q", line, got, want)
	}
}

// The member commands do what etcdctl member add, promote and remove do, and
// answer as etcdctl 3.4 does once the change is in force: a learner joins,
// is refused promotion until it has caught up, is promoted, and a member is
// removed; member list follows each step.
func TestConsoleMemberCommands(t *testing.T) {
	s := newConsoleSession(t, 2)
	cluster := fmt.Sprintf("%16x", clusterID(5))
	list := func(learner6 string) []string {
		var want []string
		for id := 1; id <= 5; id++ {
			want = append(want, fmt.Sprintf("%x, started, n%d, http://n%d:2380, http://n%d:2379, false", id, id, id, id))
		}
		if learner6 != "" {
			want = append(want, "6, started, n6, http://n6:2380, http://n6:2379, "+learner6)
		}
		return want
	}
	s.expect("member list", 10, list("")...)

	s.run("member add n6 --learner", 1000)
	if got := strings.Join(s.out, "\n"); got != strings.Join([]string{
		"Member                6 added to cluster " + cluster,
		"",
		`ETCD_NAME="n6"`,
		`ETCD_INITIAL_CLUSTER="n1=http://n1:2380,n2=http://n2:2380,n3=http://n3:2380,n4=http://n4:2380,n5=http://n5:2380,n6=http://n6:2380"`,
		`ETCD_INITIAL_ADVERTISE_PEER_URLS="http://n6:2380"`,
		`ETCD_INITIAL_CLUSTER_STATE="existing"`,
	}, "\n") {
		t.Errorf("member add answered:\n%s", got)
	}
	s.expect("member list", 10, list("true")...)
	s.expect("member promote 2", 10, "Error: etcdserver: can only promote a learner member")

	// A learner that is down while the others write falls behind: etcd
	// will not promote it until it has caught up.
	s.do(`{"op":"crash","node":6}`)
	for i := range 20 {
		s.write(1, fmt.Sprintf("/k%d", i), "v")
		s.harness.run(20)
	}
	s.expect("member promote 6", 10, "Error: etcdserver: can only promote a learner member which is in sync with leader")
	s.do(`{"op":"restart","node":6}`)
	s.harness.run(1000)
	s.expect("member promote 6", 1000, "Member                6 promoted in cluster "+cluster)
	s.expect("member list", 10, list("false")...)
	if v := s.sim.Snapshot().Membership.Voters; fmt.Sprint(v) != "[1 2 3 4 5 6]" {
		t.Errorf("after promote the voters are %v", v)
	}
	s.expect("member remove 6", 1000, "Member                6 removed from cluster "+cluster)
	s.expect("member list", 10, list("")...)
	s.expect("member remove 6", 10, "Error: etcdserver: member not found")
	s.expect("member remove 3f", 10, "Error: etcdserver: member not found")

	// Without --learner a voter joins at once, under the next ID: IDs are
	// never reused.
	if got := s.run("member add n7", 1000); len(got) != 6 || got[0] != "Member                7 added to cluster "+cluster {
		t.Errorf("member add n7 answered %q", got)
	}
	if got := s.run("member list", 10); len(got) != 6 || got[5] != "7, started, n7, http://n7:2380, http://n7:2379, false" {
		t.Errorf("member list after adding voter n7: %q", got)
	}
}

// etcd's --strict-reconfig-check: a voter is not removed when the started
// voters left would be fewer than a quorum, and nothing changes.
func TestConsoleRefusesToRemoveBelowAQuorum(t *testing.T) {
	s := newConsoleSession(t, 2)
	s.do(`{"op":"crash","node":4}`)
	s.do(`{"op":"crash","node":5}`)
	s.expect("member remove 3", 1000, "Error: etcdserver: re-configuration failed due to not enough started members")
	if v := s.sim.Snapshot().Membership.Voters; fmt.Sprint(v) != "[1 2 3 4 5]" {
		t.Errorf("a refused removal changed the voters to %v", v)
	}
	s.expect("member list -w table", 10,
		"+----+---------+------+----------------+----------------+------------+",
		"| ID | STATUS  | NAME |   PEER ADDRS   |  CLIENT ADDRS  | IS LEARNER |",
		"+----+---------+------+----------------+----------------+------------+",
		"|  1 | started |   n1 | http://n1:2380 | http://n1:2379 |      false |",
		"|  2 | started |   n2 | http://n2:2380 | http://n2:2379 |      false |",
		"|  3 | started |   n3 | http://n3:2380 | http://n3:2379 |      false |",
		"|  4 | started |   n4 | http://n4:2380 | http://n4:2379 |      false |",
		"|  5 | started |   n5 | http://n5:2380 | http://n5:2379 |      false |",
		"+----+---------+------+----------------+----------------+------------+")
}

// A member command whose change cannot commit gives up as etcdctl does, after
// its five-second command time-out.
func TestConsoleMemberCommandTimesOut(t *testing.T) {
	s := newConsoleSession(t, 2)
	s.do(`{"op":"partition","groups":[[1],[2,3,4,5]]}`)
	s.expect("member add n6 --learner", commandTimeoutMs+100, "Error: context deadline exceeded")
}
