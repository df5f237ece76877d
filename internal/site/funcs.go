package site

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"surveysite/internal/i18n"
	template "surveysite/internal/template/html"
)

// funcs returns the functions templates may call besides Page methods.
// Those of the page's language (langFuncs) are placeholders here: each
// layout is executed only as a copy bound to the languages of a page.
func funcs(urls URLs) template.FuncMap {
	unbound := func(...any) (string, error) { return "", errors.New("the template is not bound to a language") }
	return template.FuncMap{
		"t":       unbound,
		"siteT":   unbound,
		"tjson":   unbound,
		"date":    unbound,
		"jdate":   JapaneseDate,
		"isodate": ISODate,
		"num":     GroupDigits,
		"absURL":  urls.Abs,
		"add":     func(a, b int) int { return a + b },
		"join":    func(elems []string, sep any) string { return strings.Join(elems, fmt.Sprint(sep)) },
		"str":     func(v any) string { return fmt.Sprint(v) },
		"list": func(v any) []string {
			switch v := v.(type) {
			case []string:
				return v
			case []any:
				out := make([]string, len(v))
				for i, x := range v {
					out[i] = fmt.Sprint(x)
				}
				return out
			case nil:
				return nil
			}
			return []string{fmt.Sprint(v)}
		},
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict needs key and value pairs")
			}
			m := map[string]any{}
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict key %v is not text", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
	}
}

// langFuncs are the functions of a page's language and the site's:
//
//	t KEY [NAME VALUE]...      the message KEY of the page's language, its
//	                           placeholders filled in: {{t "survey.n" "n" .N}}
//	siteT KEY [NAME VALUE]...  the same in the site's language (the header,
//	                           the menus and the footer)
//	date TIME                  a date as the page's language writes it:
//	                           2026年4月1日, April 1, 2026
//	tjson KEY...               messages for a script, as JSON (i18n.Lang.JSON)
func langFuncs(page, site *i18n.Lang) template.FuncMap {
	return template.FuncMap{
		"t":     markup(page),
		"siteT": markup(site),
		"tjson": page.JSON,
		"date":  page.Date,
	}
}

// markup returns the function t of a language: a message as HTML, its own
// text and each value escaped (a value that is HTML, such as another
// message, as it is), so that html/template writes the message's text as
// it writes the text of a template, and the values as it writes values.
func markup(l *i18n.Lang) func(key string, args ...any) (template.HTML, error) {
	return func(key string, args ...any) (template.HTML, error) {
		vals := make([]any, len(args))
		copy(vals, args)
		for i := 1; i < len(vals); i += 2 {
			switch v := vals[i].(type) {
			case template.HTML:
				vals[i] = string(v)
			case string:
				vals[i] = htmlValue.Replace(v)
			default:
				vals[i] = htmlValue.Replace(fmt.Sprint(v))
			}
		}
		s, err := l.Markup(key, htmlText.Replace, vals...)
		return template.HTML(s), err
	}
}

var (
	// htmlValue escapes a value as html/template escapes one in text.
	htmlValue = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")
	// htmlText escapes what must not stand as it is in text: a message's
	// own text is written as a template's text would be.
	htmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
)

// JapaneseDate formats t as 2026年4月1日, or "" for the zero time. Lists
// show a date per page: it appends digits rather than using fmt.
func JapaneseDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	b := make([]byte, 0, 24)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, "年"...)
	b = strconv.AppendInt(b, int64(m), 10)
	b = append(b, "月"...)
	b = strconv.AppendInt(b, int64(d), 10)
	b = append(b, "日"...)
	return string(b)
}

// ISODate formats t as 2026-04-01, or "" for the zero time.
func ISODate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return string(t.AppendFormat(make([]byte, 0, 10), time.DateOnly))
}

// GroupDigits writes an integer with thousands separators: 1234 -> "1,234".
func GroupDigits(v any) string {
	var n int64
	switch v := v.(type) {
	case int:
		n = int64(v)
	case int64:
		n = v
	case uint64:
		n = int64(v)
	case float64:
		n = int64(v)
	default:
		return fmt.Sprint(v)
	}
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
