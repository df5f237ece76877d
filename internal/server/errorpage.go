package server

import (
	"bytes"

	"surveysite/internal/diag"
	template "surveysite/internal/template/html"
)

var errorTmpl = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ビルドエラー (build failed)</title>
<style>
body{font-family:"BIZ UDPGothic","Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP",Meiryo,sans-serif;margin:2rem;line-height:1.6;color:#1a1a1a}
h1{color:#804000;font-size:1.5rem}
li{margin:0 0 1rem}
code{font-family:ui-monospace,Consolas,monospace;background:#f2f2f2;padding:0 .25em}
.hint{display:block;color:#333}
</style>
</head>
<body>
<main>
<h1>サイトを作れませんでした (the build failed)</h1>
<p>{{len .}}件の問題があります。ファイルを直して保存すると、このページは自動で再読み込みされます。
The last good build is still served for other files; saving a fix reloads this page.</p>
<ol>
{{- range .}}
<li><code>{{.Pos}}</code>{{if .Pos.Path}}: {{end}}{{if .Warn}}warning: {{end}}{{.Msg}}{{with .Hint}}<span class="hint">fix: {{.}}</span>{{end}}</li>
{{- end}}
</ol>
</main>
</body>
</html>
`))

// errorPage lists the problems of a failed build, with the reload script.
func errorPage(problems []*diag.Error, gen uint64) []byte {
	var b bytes.Buffer
	if err := errorTmpl.Execute(&b, problems); err != nil {
		b.Reset()
		b.WriteString("<!DOCTYPE html><title>build failed</title><p>")
		b.WriteString(template.HTMLEscapeString(err.Error()))
	}
	return injectReload(b.Bytes(), gen)
}
