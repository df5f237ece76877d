package server

import (
	"fmt"
	"net/http"
	"strconv"
)

// serveEvents streams a "reload" event whenever the site is rebuilt. A tab
// that loaded an older build (since) is told to reload at once.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan uint64, 1)
	s.mu.Lock()
	if len(s.subs) >= MaxEventStreams {
		s.mu.Unlock()
		w.Header().Set("Retry-After", "5")
		http.Error(w, "too many open tabs: close some and reload", http.StatusServiceUnavailable)
		return
	}
	s.subs[ch] = struct{}{}
	gen := s.gen
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, ": build %d\n\n", gen)
	if since, err := strconv.ParseUint(r.URL.Query().Get("since"), 10, 64); err == nil && since != gen {
		fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closed:
			return
		case g := <-ch:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", g)
			flusher.Flush()
		}
	}
}

// MaxEventStreams is how many reload streams (open tabs) are served at
// once; one more is refused with 503, so a page cannot tie the preview up
// by opening thousands.
const MaxEventStreams = 64

// streams returns how many reload streams are open.
func (s *Server) streams() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.subs)
}
