// Package page is what render's formats share: one walk of the page
// (walk.go) that decides everything a reader sees and hands the pieces
// to a format's Writer; the options' configuration and the selection of
// incidents (config.go); the output buffer every writer appends to
// (out.go); the rules for links (url.go); and how dates, durations and
// numbers read. Package render's HTML, Markdown and text writers and
// package render/jsonresume's JSON writer implement Writer.
package page
