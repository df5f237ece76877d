package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Run builds the site, serves it at opts.Addr (DefaultAddr if empty) and
// rebuilds on change until ctx is cancelled, then shuts down cleanly.
// ready, if not nil, is called with the site's URL once it is served. A
// failing first build is not an error: the browser shows its problems.
func Run(ctx context.Context, opts Options, ready func(url string)) error {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another surveysite serve running? try --addr 127.0.0.1:1314)", opts.Addr, err)
	}
	opts.Addr = ln.Addr().String()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := New(opts)
	if err := s.Rebuild(ctx); errors.Is(err, context.Canceled) {
		ln.Close()
		return nil
	}
	watchDone, err := s.Watch(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		ready("http://" + opts.Addr + "/")
	}
	select {
	case <-ctx.Done():
	case err := <-served:
		s.Close()
		cancel()
		<-watchDone
		return err
	}
	s.Close() // end the event streams, or Shutdown would wait for them
	shutdown, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	err = srv.Shutdown(shutdown)
	<-watchDone
	return err
}
