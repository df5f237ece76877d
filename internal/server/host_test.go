package server

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestOnlyLoopbackHostsAreAnswered(t *testing.T) {
	t.Parallel()
	_, ts := newServer(t, writeSite(t, smallSite))
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(ts.URL, "http://"))
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LocalHost:" + port, 200},
		{"localhost.:" + port, 200},
		{"attacker.example", 403},
		{"attacker.example:" + port, 403},
		{"localhost.attacker.example:" + port, 403},
		{"127.0.0.1.nip.io:" + port, 403},
		{"127.0.0.1:1", 403},   // another port: not the address it listens on
		{"127.0.0.1", 403},     // port 80
		{"[::1]:" + port, 403}, // it listens on IPv4 only
		{"10.0.0.1:" + port, 403},
	}
	for _, tc := range tests {
		for _, path := range []string{"/", eventsPath} {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+path, nil)
			req.Host = tc.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			cancel()
			if resp.StatusCode != tc.want {
				t.Errorf("GET %s with Host %q = %d, want %d", path, tc.host, resp.StatusCode, tc.want)
			}
		}
	}
}

func TestHostWithoutListener(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, smallSite))
	for host, want := range map[string]int{"": 403, "example.com": 403, "localhost": 200, "127.0.0.1:1313": 200, "[::1]": 200} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("ServeHTTP with Host %q = %d, want %d", host, rec.Code, want)
		}
	}
}

func TestIPv6LoopbackHost(t *testing.T) {
	t.Parallel()
	s := New(Options{Source: writeSite(t, smallSite)})
	if err := s.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		t.Skip("no IPv6 loopback:", err)
	}
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: s}}
	ts.Start()
	t.Cleanup(func() { s.Close(); ts.Close() })
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	for host, want := range map[string]int{"[::1]:" + port: 200, "localhost:" + port: 200, "127.0.0.1:" + port: 403, "[::2]:" + port: 403} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET / with Host %q = %d, want %d", host, resp.StatusCode, want)
		}
	}
}

func TestEventStreamsAreCapped(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, smallSite))
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	for range MaxEventStreams {
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1"+eventsPath, nil)
		wg.Add(1)
		go func() { defer wg.Done(); s.ServeHTTP(httptest.NewRecorder(), req) }()
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.streams() < MaxEventStreams {
		if time.Now().After(deadline) {
			t.Fatalf("%d streams open, want %d", s.streams(), MaxEventStreams)
		}
		time.Sleep(time.Millisecond)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+eventsPath, nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("stream %d: %d (Retry-After %q), want 503 with Retry-After", MaxEventStreams+1, rec.Code, rec.Header().Get("Retry-After"))
	}
	// Pages are still served.
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1/", nil))
	if rec.Code != 200 {
		t.Errorf("GET / with the streams full = %d", rec.Code)
	}
}
