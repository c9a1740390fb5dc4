// Package page is what render's formats share: one walk of the page
// (walk.go) that decides everything a reader sees (the order of the
// parts, which fields show and under what label, which links are safe,
// what the legend lists) and hands the pieces to a format's Writer; the
// options' configuration and the selection of incidents (config.go); the
// output buffer every writer appends to (out.go); the rules for links
// (url.go); and how dates, durations and numbers read (the end of
// walk.go), which every writer calls. Package render's HTML, Markdown and
// text writers and package render/jsonresume's JSON writer implement
// Writer.
package page
