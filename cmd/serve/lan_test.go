package main

import (
	"bytes"
	"image"
	"image/color"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

func TestLanIPs(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	addrs := []net.Addr{
		cidr("127.0.0.1/8"), cidr("::1/128"), cidr("fe80::1/64"),
		cidr("2001:db8::5/64"), cidr("192.168.1.20/24"), cidr("10.0.0.7/8"),
		&net.IPAddr{IP: net.ParseIP("172.16.0.1")},
	}
	var got []string
	for _, ip := range lanIPs(addrs) {
		got = append(got, ip.String())
	}
	want := "192.168.1.20 10.0.0.7 2001:db8::5"
	if strings.Join(got, " ") != want {
		t.Errorf("lanIPs = %v, want %s: IPv4 first, no loopback, no link-local", got, want)
	}
}

// cellPattern reads one character cell of terminalQR's output: the colours
// of its top and bottom modules.
var cellPattern = regexp.MustCompile("\x1b\\[(\\d+)m\x1b\\[(\\d+)m" + upperHalf)

// decodeTerminalQR turns a QR code as terminalQR prints it back into an
// image and reads it with a QR reader.
func decodeTerminalQR(t *testing.T, text string) string {
	t.Helper()
	const px = 4 // pixels per module
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	width := len(cellPattern.FindAllString(lines[0], -1))
	img := image.NewGray(image.Rect(0, 0, width*px, 2*len(lines)*px))
	for row, line := range lines {
		for x, cell := range cellPattern.FindAllStringSubmatch(line, -1) {
			for half, code := range cell[1:] {
				c := color.Gray{Y: 255}
				if code == "30" || code == "40" {
					c = color.Gray{}
				}
				for dy := range px {
					for dx := range px {
						img.SetGray(x*px+dx, (2*row+half)*px+dy, c)
					}
				}
			}
		}
	}
	return decodeQR(t, img)
}

// decodeQR reads the QR code in img with a QR reader.
func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}

func TestTerminalQRDecodes(t *testing.T) {
	for _, url := range []string{"http://192.168.1.20:8080/", "http://[2001:db8::5]:8080/"} {
		code, err := terminalQR(url)
		if err != nil {
			t.Fatal(err)
		}
		if got := decodeTerminalQR(t, code); got != url {
			t.Errorf("the code for %s decodes to %q", url, got)
		}
	}
}

// syncBuffer is a buffer that run may write while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until b holds want, times times.
func waitFor(t *testing.T, b *syncBuffer, want string, times int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); strings.Count(b.String(), want) < times; {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in:\n%s", want, b.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// runLAN runs serve -lan with lanAddrs answering ips, until the test sends
// SIGINT; it returns the outputs and a channel with the exit status.
func runLAN(t *testing.T, ips []net.IP) (stdout, stderr *syncBuffer, exit chan int) {
	t.Helper()
	saved := lanAddrs
	lanAddrs = func() ([]net.IP, error) { return ips, nil }
	t.Cleanup(func() { lanAddrs = saved })
	stdout, stderr, exit = &syncBuffer{}, &syncBuffer{}, make(chan int, 1)
	go func() { exit <- run([]string{"-lan", "-addr", "127.0.0.1:0"}, stdout, stderr) }()
	waitFor(t, stdout, "press Ctrl-C to stop", 1)
	return stdout, stderr, exit
}

// interrupt sends the process SIGINT, as Ctrl-C does, and waits for run to
// stop cleanly.
func interrupt(t *testing.T, exit chan int) {
	t.Helper()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("serve -lan exited %d after Ctrl-C, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve -lan did not stop within 10 s of Ctrl-C")
	}
}

// openPattern finds each address serve -lan prints, with its QR code.
var openPattern = regexp.MustCompile(`raftplay: open (\S+)\n((?:.*` + upperHalf + `.*\n)+)`)

// Two loopback addresses stand in for a machine's network addresses: a test
// must not listen on any other.
func TestServeLANPrintsEachAddressWithItsQRCode(t *testing.T) {
	stdout, stderr, exit := runLAN(t, []net.IP{net.IPv4(127, 0, 0, 1), net.IPv4(127, 0, 0, 2)})
	found := openPattern.FindAllStringSubmatch(stdout.String(), -1)
	if len(found) != 2 {
		t.Fatalf("serve -lan printed %d addresses with codes, want 2:\n%s", len(found), stdout)
	}
	for i, host := range []string{"127.0.0.1", "127.0.0.2"} {
		url, code := found[i][1], found[i][2]
		if !strings.HasPrefix(url, "http://"+host+":") {
			t.Errorf("address %d is %s, want one on %s", i+1, url, host)
		}
		if got := decodeTerminalQR(t, code); got != url {
			t.Errorf("the QR code under %s decodes to %q", url, got)
		}
		resp, err := http.Get(url)
		if err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d", url, resp.StatusCode)
		}
	}
	if want := found[0][1] + "?share=qr"; !strings.Contains(stdout.String(), want) {
		t.Errorf("serve -lan does not name %s, the page that shows the code:\n%s", want, stdout)
	}
	// One line per connection and one per request. The client's address is
	// 127.0.0.1 whichever loopback address it dials.
	waitFor(t, stderr, "GET / 200", 2)
	log := stderr.String()
	if n := strings.Count(log, "127.0.0.1 GET / 200"); n != 2 {
		t.Errorf("%d log lines for the 2 requests:\n%s", n, log)
	}
	if n := regexp.MustCompile(`127\.0\.0\.1:\d+ connected`).FindAllString(log, -1); len(n) != 2 {
		t.Errorf("%d log lines for the 2 connections:\n%s", len(n), log)
	}
	interrupt(t, exit)
}

func TestServeLANWithoutAnAddressServesLocalhost(t *testing.T) {
	stdout, _, exit := runLAN(t, nil)
	out := stdout.String()
	if !strings.Contains(out, "no network address") {
		t.Errorf("serve -lan with no address does not say so:\n%s", out)
	}
	found := openPattern.FindAllStringSubmatch(out, -1)
	if len(found) != 1 || !strings.HasPrefix(found[0][1], "http://127.0.0.1:") {
		t.Fatalf("serve -lan with no address does not serve on localhost:\n%s", out)
	}
	resp, err := http.Get(found[0][1])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	interrupt(t, exit)
}
