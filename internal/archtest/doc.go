// Package archtest checks that imports between surveysite's packages point
// down the pipeline: diag <- loaders and chart <- site <- check (the output
// check) <- build <- server <- cli, and that serve and tally reach the
// loaders only through build. It has only tests.
package archtest
