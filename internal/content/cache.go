package content

import (
	"slices"
	"strings"
	"sync"
)

// Cache keeps loaded pages between loads of the same project, for serve:
// a file whose size and modification time are unchanged is not read or
// parsed again, and keeps its HTML as long as no page changed its URL
// (links between pages depend on them). The zero value is ready; a nil
// *Cache caches nothing.
type Cache struct {
	mu      sync.Mutex
	key     string
	entries map[string]cacheEntry // by content path
	urls    string                // every page's path and URL at the last load
}

// stamp identifies a version of a file without reading it.
type stamp struct {
	size int64
	mod  int64 // modification time, Unix nanoseconds
}

// source is a page's Markdown body and the file line it starts on.
type source struct {
	body     []byte
	bodyLine int
	skipped  bool // a draft left out
}

type cacheEntry struct {
	stamp stamp
	page  *Page // nil for a draft left out
	src   source
}

// lookup returns the entries of the last load made with key.
func (c *Cache) lookup(key string) map[string]cacheEntry {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.key != key {
		return nil
	}
	return c.entries
}

// sameURLs reports whether the last load with key had the same pages at the
// same URLs.
func (c *Cache) sameURLs(key, urls string) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.key == key && c.urls == urls && c.entries != nil
}

func (c *Cache) store(key string, entries map[string]cacheEntry, urls string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.key, c.entries, c.urls = key, entries, urls
}

// Forget drops the given content paths, so the next load reads them again
// even if their size and time look unchanged (two writes within the file
// system's clock tick).
func (c *Cache) Forget(paths ...string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(paths) == 0 || c.entries == nil {
		return
	}
	kept := make(map[string]cacheEntry, len(c.entries))
	for k, v := range c.entries {
		kept[k] = v
	}
	for _, p := range paths {
		delete(kept, p)
	}
	c.entries = kept
}

// urlSet describes which page is at which URL.
func urlSet(pages []*Page) string {
	lines := make([]string, len(pages))
	for i, p := range pages {
		lines[i] = p.Path + "\t" + p.URL
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
