// Package site is where pages, survey results and charts meet: New
// assembles the site from what the loaders read (pages, analysed surveys,
// participants, data tables) with the theme's layouts (LoadTheme), and
// Render executes every page's layout and writes the pages, their charts
// and downloads, the theme's static files, sitemap.xml, robots.txt and the
// news feed to a Writer. It is the only user of html/template (the fork in
// internal/template) and writes nothing to disk itself: the build does.
//
// A question type's page is a view (view.go and one view_*.go file per
// kind of question): its figures, table, chart and notes, drawn from the
// survey package's results.
package site
