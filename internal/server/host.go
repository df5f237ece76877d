package server

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// allowedHost reports whether r's Host header names the address the
// preview listens on: "localhost" or the IP address of the connection's
// local end (127.0.0.1, [::1]), with its port. Any other name could be a
// name an attacker's DNS points at the loopback address (DNS rebinding), so
// that a page on another site could read the preview; it is refused.
//
// The address is the connection's local end; a request that did not come
// through a listener (a test calling ServeHTTP) is checked against
// Options.Addr, or only by its name when that is empty.
func (s *Server) allowedHost(r *http.Request) bool {
	name, port := r.Host, ""
	if h, p, err := net.SplitHostPort(r.Host); err == nil {
		name, port = h, p
	} else if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
		name = name[1 : len(name)-1]
	}
	if port == "" {
		port = "80"
	}
	var local netip.AddrPort
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		local, _ = netip.ParseAddrPort(a.String())
	} else if s.opts.Addr != "" {
		local, _ = netip.ParseAddrPort(s.opts.Addr)
	}
	name = strings.TrimSuffix(name, ".")
	if !local.IsValid() {
		ip, err := netip.ParseAddr(name)
		return strings.EqualFold(name, "localhost") || err == nil && ip.IsLoopback()
	}
	if port != strconv.Itoa(int(local.Port())) {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return local.Addr().IsLoopback()
	}
	ip, err := netip.ParseAddr(name)
	return err == nil && ip.Unmap() == local.Addr().Unmap()
}
