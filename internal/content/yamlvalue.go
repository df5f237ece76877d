package content

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// A front matter document is decoded once, by one decoder, key by key in
// order: each value as goccy/go-yaml decodes it into an `any` (strings,
// int64 or uint64, float64, bool, nil, []any, map[string]any), with the
// anchors of earlier keys known. The standard keys then take their types
// from those values as goccy would decode the same node into a string, a
// bool, an int or a []string (TestYAMLValuesConvertAsGoccyDecodes).

// docDecoder decodes the values of one YAML document in order.
type docDecoder struct{ dec *yaml.Decoder }

func newDocDecoder() docDecoder { return docDecoder{yaml.NewDecoder(bytes.NewReader(nil))} }

// value decodes n, which may use the anchors of the values decoded before.
func (d docDecoder) value(n ast.Node) (any, error) {
	var v any
	err := d.dec.DecodeFromNode(n, &v)
	return v, err
}

// yamlString converts a decoded value to text: numbers and booleans as
// written in Go, null as "". Lists, mappings and dates are not text.
func yamlString(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case int64:
		return strconv.FormatInt(v, 10), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	case float64:
		return fmt.Sprint(v), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// yamlBool converts a decoded value to a boolean; null is false.
func yamlBool(v any) (bool, bool) {
	switch v := v.(type) {
	case nil:
		return false, true
	case bool:
		return v, true
	}
	return false, false
}

// yamlInt converts a decoded value to a whole number as goccy does: a
// float is truncated, and a string is read as a float (1e3) if it is not
// negative. Null is not a number.
func yamlInt(v any) (int, bool) {
	switch v := v.(type) {
	case int64:
		return int(v), true
	case uint64:
		return int(v), v <= math.MaxInt64
	case float64:
		return int(int64(v)), v <= math.MaxInt64
	case string:
		f, err := strconv.ParseFloat(v, 64)
		return int(int64(f)), err == nil && 0 <= f && f <= math.MaxUint64
	}
	return 0, false
}

// yamlStrings converts a decoded list of texts; null is no list.
func yamlStrings(v any) ([]string, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case []any:
		out := make([]string, 0, len(v))
		ok := true
		for _, e := range v {
			s, good := yamlString(e)
			ok = ok && good
			if good {
				out = append(out, s)
			}
		}
		return out, ok
	}
	return nil, false
}

// yamlDate converts a decoded value to a date: a YAML timestamp, or text
// in one of the layouts people write.
func yamlDate(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return v, true
	case string:
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04", "2006/01/02", "2006-01-02T15:04:05"} {
			if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
