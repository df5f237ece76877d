package server

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// eventsPath is where the reload script listens; it is not a site file.
const eventsPath = "/_surveysite/events"

// contentTypes are the types of the files a site holds, by extension.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".csv":   "text/csv; charset=utf-8",
	".xml":   "application/xml; charset=utf-8",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".pdf":   "application/pdf",
	".ttf":   "font/ttf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
}

// ServeHTTP serves the files of the last good build, the event stream that
// reloads tabs, and the error page while the last rebuild has failed.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r) {
		http.Error(w, "this preview answers only at the address it listens on, e.g. http://127.0.0.1:1313/", http.StatusForbidden)
		return
	}
	if r.URL.Path == eventsPath {
		s.serveEvents(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	s.mu.RLock()
	files, probs, gen := s.files, s.problems, s.gen
	s.mu.RUnlock()

	name, ok := fileName(r)
	if !ok {
		s.notFound(w, files, gen)
		return
	}
	isHTML := strings.HasSuffix(name, ".html")
	if probs != nil && (isHTML || files == nil) {
		s.write(w, http.StatusInternalServerError, "text/html; charset=utf-8", errorPage(probs, gen))
		return
	}
	if files == nil {
		http.Error(w, "the site is being built", http.StatusServiceUnavailable)
		return
	}
	data, found := files.File(name)
	if !found {
		if _, dir := files.File(name + "/index.html"); dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, files, gen)
		return
	}
	ct, known := contentTypes[strings.ToLower(path.Ext(name))]
	if !known {
		ct = http.DetectContentType(data)
	}
	if isHTML {
		data = injectReload(data, gen)
	}
	s.write(w, http.StatusOK, ct, data)
}

func (s *Server) write(w http.ResponseWriter, status int, contentType string, data []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}

// notFound answers 404 with the site's 404.html when it has one.
func (s *Server) notFound(w http.ResponseWriter, files interface {
	File(string) ([]byte, bool)
}, gen uint64) {
	w.Header().Set("Cache-Control", "no-store")
	if files != nil {
		if page, ok := files.File("404.html"); ok {
			// 404.html links relative to the site root; served for a
			// deeper path, it needs a base to find its stylesheet.
			page = bytes.Replace(page, []byte("<head>"), []byte(`<head><base href="/">`), 1)
			s.write(w, http.StatusNotFound, "text/html; charset=utf-8", injectReload(page, gen))
			return
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// fileName maps a request to a file of the site. Anything that could name
// a file outside the site (.., encoded dots or slashes, backslashes,
// absolute or drive paths, NUL) is refused: ok is false.
func fileName(r *http.Request) (string, bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	for _, bad := range []string{"%2e", "%2f", "%5c", "%00", "\\"} {
		if strings.Contains(raw, bad) {
			return "", false
		}
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\x00:") {
		return "", false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	name := p[1:]
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

// injectReload puts the reload script before the page's last </body>.
func injectReload(page []byte, gen uint64) []byte {
	script := reloadScript(gen)
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(bytes.Clone(page), script...)
	}
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

// reloadScript reloads the tab when the server has rebuilt since gen.
func reloadScript(gen uint64) string {
	return `<script>(function(){var es=new EventSource("` + eventsPath + `?since=` + strconv.FormatUint(gen, 10) +
		`");es.addEventListener("reload",function(){es.close();location.reload();});})();</script>` + "\n"
}
