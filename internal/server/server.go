package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"surveysite/internal/build"
	"surveysite/internal/diag"
)

// DefaultAddr is where serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:1313"

// Options configure a Server.
type Options struct {
	Source   string        // project root; default "."
	Drafts   bool          // include pages with draft: true
	Log      io.Writer     // progress and problems; nil discards them
	Debounce time.Duration // quiet time after a change before rebuilding; default 30 ms
	// Addr is the host:port the site is served at. When surveysite.yaml
	// sets a baseURL, the preview replaces it with http://Addr/ so that
	// every link stays on the preview.
	Addr string
}

// Server serves the last good build from memory. The zero value is not
// usable; call New.
type Server struct {
	opts    Options
	buildMu sync.Mutex // one rebuild at a time

	preview *build.Preview // under buildMu

	mu       sync.RWMutex
	files    *build.Memory // last good build; nil before the first
	problems []*diag.Error // of the last rebuild if it failed
	gen      uint64        // counts rebuilds, good or bad
	subs     map[chan uint64]struct{}
	closed   chan struct{}
	close    sync.Once
}

var _ http.Handler = (*Server)(nil)

// New returns a server for the project in opts.Source. It builds nothing
// until Rebuild is called.
func New(opts Options) *Server {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{opts: opts, subs: map[chan uint64]struct{}{}, closed: make(chan struct{}),
		preview: build.NewPreview(build.PreviewOptions{Source: opts.Source, Drafts: opts.Drafts, Addr: opts.Addr})}
}

// Rebuild builds the site into memory. On success the new build replaces
// the old one; on failure the old one stays and HTML requests show the
// problems. Either way open tabs are told to reload. The error returned is
// the build's (a *diag.List or *diag.Error for problems in the input).
func (s *Server) Rebuild(ctx context.Context) error {
	return s.rebuild(ctx, nil)
}

// rebuild builds after changes to the files changed (paths relative to the
// source folder; nil: anything may have changed).
func (s *Server) rebuild(ctx context.Context, changed []string) error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	mem, st, err := s.preview.Build(ctx, changed)
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return err
	}
	s.mu.Lock()
	if err != nil {
		s.problems = problems(err)
	} else {
		s.files, s.problems = mem, nil
	}
	s.gen++
	gen := s.gen
	for ch := range s.subs {
		select {
		case ch <- gen:
		default: // a reload is already pending for this tab
		}
	}
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "build failed; still serving the last good build:\n%s\n", formatProblems(problems(err)))
		return err
	}
	fmt.Fprintf(s.opts.Log, "built %d pages, %d files in %d ms\n", st.Pages, st.Files, time.Since(start).Milliseconds())
	return nil
}

// problems turns a build error into the list shown on the error page.
func problems(err error) []*diag.Error {
	var list *diag.List
	if errors.As(err, &list) {
		return list.Items()
	}
	var de *diag.Error
	if errors.As(err, &de) {
		return []*diag.Error{de}
	}
	return []*diag.Error{{Msg: err.Error(), Err: err}}
}

func formatProblems(ps []*diag.Error) string {
	var b bytes.Buffer
	for _, p := range ps {
		b.WriteString(p.Format())
		b.WriteByte('\n')
	}
	return b.String()
}

// Close ends the event streams of open tabs, so that an http.Server's
// Shutdown does not wait for them. It is safe to call more than once.
func (s *Server) Close() { s.close.Do(func() { close(s.closed) }) }

// generation returns the number of rebuilds so far.
func (s *Server) generation() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}
