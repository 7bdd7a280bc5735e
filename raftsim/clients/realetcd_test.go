//go:build linux

package clients

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// realEtcd is a cluster of real etcd 3.4 members (Debian's etcd-server)
// serving the v2 API on loopback, for the differential test.
type realEtcd struct {
	// clients are the members' client URLs, member 1 first.
	clients []string
	// ids are the members' IDs by name: m1, m2, … and those added since.
	ids map[string]uint64
	// api is the etcdctl API the scripts speak.
	api int
	// lease is the lease the last lease grant gave.
	lease string
}

// needEtcdEnv is set by make test, where scripts/deps.sh has installed etcd:
// there a missing binary fails the test instead of skipping it.
const needEtcdEnv = "RAFTPLAY_NEED_ETCD"

// startEtcd starts members etcd members with --enable-v2 on free loopback
// ports, each in its own data directory under the test's temporary
// directory, and stops them when the test ends, however it ends (and when
// the test process dies: the kernel kills them with it).
func startEtcd(t *testing.T, members int) *realEtcd {
	t.Helper()
	for _, bin := range []string{"etcd", "etcdctl", "curl"} {
		if _, err := exec.LookPath(bin); err != nil {
			if os.Getenv(needEtcdEnv) != "" {
				t.Fatalf("%s not found, and %s is set: scripts/deps.sh should have installed etcd-server, etcd-client and curl", bin, needEtcdEnv)
			}
			t.Skipf("%s not found: install Debian's etcd-server, etcd-client and curl (scripts/deps.sh does) to compare the console with a real etcd", bin)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	e := &realEtcd{}
	var peers, cluster []string
	for i := range members {
		e.clients = append(e.clients, "http://"+freePort(t))
		peers = append(peers, "http://"+freePort(t))
		cluster = append(cluster, fmt.Sprintf("m%d=%s", i+1, peers[i]))
	}
	var procs []*exec.Cmd
	for i := range members {
		cmd := exec.CommandContext(ctx, "etcd", "--enable-v2", "--name", fmt.Sprintf("m%d", i+1),
			"--data-dir", t.TempDir(),
			"--listen-client-urls", e.clients[i], "--advertise-client-urls", e.clients[i],
			"--listen-peer-urls", peers[i], "--initial-advertise-peer-urls", peers[i],
			"--initial-cluster", strings.Join(cluster, ","), "--initial-cluster-state", "new",
			"--initial-cluster-token", "raftplay-diff")
		var log bytes.Buffer
		cmd.Stdout, cmd.Stderr = &log, &log
		cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if err := cmd.Start(); err != nil {
			t.Fatalf("starting etcd: %v", err)
		}
		procs = append(procs, cmd)
		t.Cleanup(func() {
			cmd.Process.Kill()
			cmd.Wait()
			if t.Failed() {
				t.Logf("etcd m%d's log:\n%s", i+1, lastLines(log.String(), 8))
			}
		})
	}
	for i, url := range e.clients {
		waitHealthy(t, url, procs[i])
	}
	e.ids = memberIDs(t, e.clients[0])
	return e
}

// memberIDs reads the members' IDs by name from etcdctl member list.
func memberIDs(t *testing.T, endpoint string) map[string]uint64 {
	t.Helper()
	out, err := exec.Command("etcdctl", "--endpoints", endpoint, "member", "list").Output()
	if err != nil {
		t.Fatalf("etcdctl member list: %v", err)
	}
	ids := map[string]uint64{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(l, ", ")
		id, err := strconv.ParseUint(f[0], 16, 64)
		if err != nil || len(f) < 3 {
			t.Fatalf("etcdctl member list printed %q", l)
		}
		ids[f[2]] = id
	}
	return ids
}

// learnID remembers the ID a member add gave its new member, which
// etcdctl member list does not name until it has started.
func (e *realEtcd) learnID(line string, printed []string) {
	words := strings.Fields(line)
	if len(words) < 3 || words[0] != "member" || words[1] != "add" || len(printed) == 0 {
		return
	}
	var id uint64
	if _, err := fmt.Sscanf(printed[0], "out: Member %x added", &id); err == nil {
		e.ids[words[2]] = id
	}
}

// freePort finds a loopback port nothing listens on, below Linux's
// ephemeral range (32768 and up): a port the kernel hands out for ":0" may
// be handed again to a connection another process opens before etcd binds
// it, which failed a run with "address already in use". No port is handed
// out twice in one test process.
func freePort(t *testing.T) string {
	t.Helper()
	givenPorts.Lock()
	defer givenPorts.Unlock()
	for range 1000 {
		port := 20000 + rand.IntN(12000)
		if givenPorts.m[port] {
			continue
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		if l, err := net.Listen("tcp", addr); err == nil {
			l.Close()
			givenPorts.m[port] = true
			return addr
		}
	}
	t.Fatal("no free loopback port between 20000 and 32000")
	return ""
}

// givenPorts are the ports freePort has handed out.
var givenPorts = struct {
	sync.Mutex
	m map[int]bool
}{m: map[int]bool{}}

// waitHealthy waits until the member at url answers its health check.
func waitHealthy(t *testing.T, url string, cmd *exec.Cmd) {
	t.Helper()
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(url + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if cmd.ProcessState != nil {
			break
		}
	}
	t.Fatalf("etcd at %s did not become healthy", url)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
