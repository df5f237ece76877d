// Package browsertest proves the built example site in a real browser and in
// the Nu HTML Checker. It holds tests only: go test ./internal/browsertest
// builds the site of this repository into a temporary folder, serves it from
// a local httptest server and checks every HTML page with chromium (driven by
// chromedp) and axe-core, then validates every page with vnu.jar.
//
// The tools come from outside Go:
//
//	apt-get install -y chromium fonts-noto-cjk poppler-utils
//	npm install --prefix .ci --ignore-scripts axe-core vnu-jar
//
// The tests find them on PATH and in .ci/node_modules, or where the
// environment variables SURVEYSITE_CHROMIUM, SURVEYSITE_AXE (axe.min.js) and
// SURVEYSITE_VNU (vnu.jar) point. Without a tool the tests skip, saying how to
// install it; with CI=true a missing tool is a failure. .ci/run installs all
// of them.
//
// go test ./internal/browsertest -update-a11y rewrites the results table in
// content/accessibility.md from the run.
package browsertest
