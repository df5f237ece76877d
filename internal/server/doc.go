// Package server is the live preview of `surveysite serve`: it builds the
// site into memory, serves it over HTTP, watches content/, templates/ and
// data/ and rebuilds on change, and reloads open browser tabs through
// server-sent events. The reload script is injected into HTML responses
// only; a published build never contains it.
//
// When a rebuild fails, every HTML request gets a page listing each problem
// as path:line:col with its message and hint, while other files still come
// from the last good build; the build that fixes the problem reloads the
// tab.
package server
