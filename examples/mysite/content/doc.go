// Package content is this site's incident portfolio, generated from
// content.yaml by the portfolio generator.
package content

//go:generate go run github.com/incident-leadership/portfolio/gen -in content.yaml -out content_gen.go -pkg content
