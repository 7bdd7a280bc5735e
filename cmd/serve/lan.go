package main

import (
	"fmt"
	"io"
	"net"
	"net/url"
)

// lanIPs picks, from a machine's interface addresses, those that other
// devices on its network can browse to: IPv4 first, since that is what a
// classroom's Wi-Fi hands out, then global IPv6. Loopback is reachable only
// from the machine itself, and link-local IPv6 needs a zone that phones
// cannot type, so neither is listed.
func lanIPs(addrs []net.Addr) []net.IP {
	var v4, v6 []net.IP
	for _, a := range addrs {
		ipNet, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		ip := ipNet.IP
		switch {
		case ip.IsLoopback(), ip.IsLinkLocalUnicast(), ip.IsUnspecified(), ip.IsMulticast():
		case ip.To4() != nil:
			v4 = append(v4, ip.To4())
		case ip.IsGlobalUnicast():
			v6 = append(v6, ip)
		}
	}
	return append(v4, v6...)
}

// lanAddrs lists the machine's network addresses. It is a variable so that
// tests can stand loopback in for a network: they must not listen anywhere
// else.
var lanAddrs = func() ([]net.IP, error) {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil, err
	}
	return lanIPs(addrs), nil
}

// listenLAN listens on port at each of the machine's network addresses and
// prints, for each, the address to open and a QR code of it, so a class can
// join by pointing phones at the projector. With no network address it says
// so and listens on localhost alone.
func listenLAN(port string, stdout io.Writer) ([]net.Listener, error) {
	ips, err := lanAddrs()
	if err != nil {
		fmt.Fprintf(stdout, "raftplay: the network addresses cannot be read (%v); serving on localhost only\n", err)
	} else if len(ips) == 0 {
		fmt.Fprintln(stdout, "raftplay: this machine has no network address (is Wi-Fi on?); serving on localhost only")
	}
	if len(ips) == 0 {
		ips = []net.IP{net.IPv4(127, 0, 0, 1)}
	}
	var lns []net.Listener
	for _, ip := range ips {
		ln, err := net.Listen("tcp", net.JoinHostPort(ip.String(), port))
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			return nil, err
		}
		// Port 0 picks a free port once; every address then uses it, so
		// the class sees one port.
		if port == "0" {
			_, port, _ = net.SplitHostPort(ln.Addr().String())
		}
		lns = append(lns, ln)
	}
	for _, ln := range lns {
		page := siteURL(ln.Addr()) + "/"
		code, err := terminalQR(page)
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			return nil, err
		}
		fmt.Fprintf(stdout, "\nraftplay: open %s\n%s", page, code)
	}
	first := siteURL(lns[0].Addr()) + "/"
	fmt.Fprintf(stdout, "\nraftplay: %s shows the code in the browser, for a projector\n", shareURL(first))
	return lns, nil
}

// shareURL is the address of page that shows its QR code full screen.
func shareURL(page string) string {
	return page + "?" + url.Values{"share": {"qr"}}.Encode()
}
