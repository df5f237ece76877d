// Package i18n holds the message catalogues: every word surveysite itself
// writes into a site (the theme's texts, the reading notes of survey
// pages, chart text, download column names, the feed), in each language a
// site may be written in.
//
// # Catalogues
//
// The built-in catalogues are messages/ja.yaml (Japanese, the default and
// the reference every other language is checked against) and
// messages/en.yaml, embedded in the binary as part of the default theme. A
// project adds a language or replaces single messages with a file of its
// own, templates/i18n/<language>.yaml (Load): a key it gives replaces the
// built-in message of that key; keys it does not give keep theirs. A new
// language must give every built-in key, since the build has no word to
// fall back on, and Load names each one it lacks.
//
// A catalogue is YAML: nested mappings of keys whose leaves are messages,
// addressed by their path joined with dots ("survey.respondents"):
//
//	survey:
//	  respondents: 回答者{n}人
//	  answers:
//	    one: "{n} answer"
//	    other: "{n} answers"
//
// A catalogue written as the example is, with plain or double-quoted texts,
// is read without the YAML parser (parseSimple, in a quarter of its time:
// BenchmarkParseJapanese); any other YAML goes to the parser, with the same
// result.
//
// {name} in a message is a placeholder the caller fills in; the built-in
// messages of a key have the same placeholders in every language, and a
// project's message may use no other. A message that differs with a count
// is a mapping of CLDR plural categories (zero, one, two, few, many, other;
// other is required) chosen by the argument named n with the language's
// plural rules (golang.org/x/text/feature/plural), so English writes "1
// answer" and "614 answers", Japanese one form for all. A mapping holding
// only "ordinal" chooses by the ordinal rules instead: 1st, 2nd, 3rd, 4th.
//
// # Use
//
// Go code calls Lang.T with the key and name, value pairs:
//
//	l.T("chart.axis.share", "n", 614) // n=614に対する割合（%）
//
// Templates call the function t, which site binds to the language of the
// page being rendered (and siteT to the site's language, for the header
// and menus); a missing key is an error there naming the key and the
// language, never an empty string.
package i18n
