package build

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"sync"

	"surveysite/internal/site"
)

// Memory is a site.Writer that keeps the files in memory, for check and
// serve. It is safe for concurrent use.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

var _ site.Writer = (*Memory)(nil)

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile keeps data under name, which must be a clean relative path.
func (m *Memory) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return &fs.PathError{Op: "write", Path: name, Err: fs.ErrInvalid}
	}
	data = bytes.Clone(data) // the caller may reuse data after WriteFile returns
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

// Clone returns a copy of m that shares the files' bytes, which are never
// changed in place: serve updates a copy and swaps it in.
func (m *Memory) Clone() *Memory {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c := &Memory{files: make(map[string][]byte, len(m.files))}
	for k, v := range m.files {
		c.files[k] = v
	}
	return c
}

// File returns the file called name and whether it exists.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[name]
	return data, ok
}

// Len returns the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}

// ReadFile returns a copy of the file called name.
func (m *Memory) ReadFile(name string) ([]byte, error) {
	data, ok := m.File(name)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return bytes.Clone(data), nil
}

// Names returns the names of the files, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return slices.Sorted(maps.Keys(m.files))
}
