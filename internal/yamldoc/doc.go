// Package yamldoc checks a YAML document a user wrote (front matter,
// surveysite.yaml, a chart block's settings) before and after goccy/go-yaml
// parses it, so that no such document can make the build run out of time or
// memory, or crash it:
//
//   - Depth, before parsing: collections may nest at most MaxDepth levels.
//     goccy's parser needs time and memory far beyond the input's size for
//     deep nesting (100,000 levels of "[" took 37 s and 14 GB). Depth reads
//     the text as people write YAML; on bytes no one writes (a NUL, a lone
//     "-" between keys) the parser may nest a little deeper than Depth
//     counted, at most twice the limit (the fuzz test holds it to that).
//   - Check, after parsing, measures the nesting exactly as the parser read
//     it and refuses more than MaxDepth levels.
//   - Check, after parsing: aliases may expand the document to at most
//     AliasRatio times its own size (and always to AliasFloor nodes): nine
//     levels of anchors of nine aliases each expand a few hundred bytes to
//     387 million values. YAML tags ("!x", "!!str") are refused: surveysite
//     gives them no meaning, and goccy v1.19.2 panics on several of them
//     (goccy/go-yaml issue 735).
//
// Positions are lines and columns of the document; callers map them into
// their file. docs/limits.md lists the limits and what a user sees.
package yamldoc
