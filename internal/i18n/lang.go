package i18n

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"surveysite/internal/diag"
)

// Lang is the messages of one language, ready to format. It is immutable
// and safe for concurrent use.
type Lang struct {
	code string
	tag  language.Tag
	msgs map[string]*message
	// sum identifies the messages, so caches of what was made with them
	// can tell a changed catalogue (Sum).
	sum string
}

// message is one message: a single text, or plural forms.
type message struct {
	forms   [6][]part // by plural.Form; forms[plural.Other] is always set
	plural  bool      // chosen by the argument n
	ordinal bool      // by the ordinal rules rather than the cardinal ones
	holes   []string  // placeholders, sorted, each once
	src     string    // the text (or the forms), for Sum
	pos     diag.Pos  // where it was written
}

// part is literal text, or a placeholder when hole is set.
type part struct {
	text string
	hole bool
}

// Code returns the language's code as its catalogue file is named: "ja",
// "en". It is what <html lang> says.
func (l *Lang) Code() string { return l.code }

// Sum returns a fingerprint of the language's messages: equal for equal
// catalogues.
func (l *Lang) Sum() string { return l.sum }

// Has reports whether the language has a message for key.
func (l *Lang) Has(key string) bool { _, ok := l.msgs[key]; return ok }

// T formats the message of key with args, pairs of a placeholder's name and
// its value. It is for the built-in keys, which Load makes sure every
// language has, and which a test makes sure every call names; for any other
// key it returns "[key]". A placeholder without a value is written as it
// is, "{name}".
func (l *Lang) T(key string, args ...any) string {
	m, ok := l.msgs[key]
	if !ok {
		return "[" + key + "]"
	}
	return l.format(m, args, nil)
}

// Text is T for templates: a key the language does not have, arguments that
// are not name, value pairs and a placeholder left without a value are
// errors naming the key and the language.
func (l *Lang) Text(key string, args ...any) (string, error) {
	return l.Markup(key, nil, args...)
}

// Markup is Text for a document: literal, if not nil, rewrites the
// message's own text (escapes it for HTML), not the values given, which
// the caller escapes as their context needs.
func (l *Lang) Markup(key string, literal func(string) string, args ...any) (string, error) {
	m, ok := l.msgs[key]
	if !ok {
		return "", fmt.Errorf("no message %q in language %s (catalogue i18n/%s.yaml)", key, l.code, l.code)
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("message %q: the values must come in pairs of a name and a value, as in t %q \"n\" 5", key, key)
	}
	for i := 0; i < len(args); i += 2 {
		if _, ok := args[i].(string); !ok {
			return "", fmt.Errorf("message %q: argument %d (%v) must be the name of a placeholder", key, i+1, args[i])
		}
	}
	for _, h := range m.holes {
		if _, ok := arg(args, h); !ok {
			return "", fmt.Errorf("message %q in language %s needs a value for {%s}", key, l.code, h)
		}
	}
	return l.format(m, args, literal), nil
}

// arg returns the value of the placeholder name among args.
func arg(args []any, name string) (any, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if s, ok := args[i].(string); ok && s == name {
			return args[i+1], true
		}
	}
	return nil, false
}

func (l *Lang) format(m *message, args []any, literal func(string) string) string {
	parts := m.forms[plural.Other]
	if m.plural {
		if f := l.form(m, args); m.forms[f] != nil {
			parts = m.forms[f]
		}
	}
	if literal == nil {
		literal = func(s string) string { return s }
	}
	if len(parts) == 1 && !parts[0].hole {
		return literal(parts[0].text)
	}
	var b strings.Builder
	for _, p := range parts {
		if !p.hole {
			b.WriteString(literal(p.text))
			continue
		}
		v, ok := arg(args, p.text)
		if !ok {
			b.WriteString("{" + p.text + "}")
			continue
		}
		b.WriteString(valueText(v))
	}
	return b.String()
}

// form returns the plural form the argument n selects: Other when there is
// no n or it is not a whole number.
func (l *Lang) form(m *message, args []any) plural.Form {
	v, ok := arg(args, "n")
	if !ok {
		return plural.Other
	}
	n, ok := count(v)
	if !ok {
		return plural.Other
	}
	rules := plural.Cardinal
	if m.ordinal {
		rules = plural.Ordinal
	}
	if n < 0 {
		n = -n
	}
	return rules.MatchPlural(l.tag, n, 0, 0, 0, 0)
}

// count reads a whole number from an int or from text such as "1,234".
func count(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case int64:
		return int(v), true
	case string:
		n, err := strconv.Atoi(strings.ReplaceAll(v, ",", ""))
		return n, err == nil
	}
	return 0, false
}

func valueText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// Date formats t as the language writes a date (message "date", with
// {year}, {day} and {month_name} from "month.1" … "month.12"): 2026年4月1日,
// April 1, 2026. The zero time is "".
func (l *Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	return l.T("date", "year", y, "day", d, "month_name", l.T("month."+strconv.Itoa(int(m))))
}

// JSON returns the messages of keys as a JSON object for scripts: each key
// maps to its forms by plural category ("other", and "one" … where the
// language has them), placeholders left as {name}. Scripts choose a form
// with Intl.PluralRules of the page's language.
func (l *Lang) JSON(keys ...string) (string, error) {
	out := map[string]map[string]string{}
	for _, k := range keys {
		m, ok := l.msgs[k]
		if !ok {
			return "", fmt.Errorf("no message %q in language %s (catalogue i18n/%s.yaml)", k, l.code, l.code)
		}
		forms := map[string]string{}
		for f, parts := range m.forms {
			if parts == nil {
				continue
			}
			var b strings.Builder
			for _, p := range parts {
				if p.hole {
					b.WriteString("{" + p.text + "}")
				} else {
					b.WriteString(p.text)
				}
			}
			forms[formNames[f]] = b.String()
		}
		out[k] = forms
	}
	data, err := json.Marshal(out)
	return string(data), err
}
