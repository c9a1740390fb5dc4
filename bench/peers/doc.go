// Package peers writes the page render.HTML writes with the template
// engines a Go user would pick instead of it, so that the renderer can be
// measured against them side by side (BenchmarkPeers) on the same page:
//
//   - [Templ]: github.com/a-h/templ (page.templ, generated into
//     page_templ.go by templ generate);
//   - [QuickTemplate]: github.com/valyala/quicktemplate (page.qtpl,
//     generated into page.qtpl.go by qtc);
//   - [HTMLTemplate]: html/template (page.html.tmpl).
//
// Each writes the default standalone document of render.HTML: the same
// elements, attributes and text, which TestSamePage checks for the
// benchmarks' portfolios and the repository's full and hostile content
// files. The three
// templates call the Go helpers in view.go for what a template cannot say
// by itself (the legend, a severity's rank, dates and durations), as a
// user of each engine would write them.
//
// The package is a module of its own so that the root module's users
// never download the engines; it is for benchmarks and tests only. The
// benchmarks, their commands and their figures are in RESULTS.md.
package peers

//go:generate go run github.com/a-h/templ/cmd/templ@v0.3.1118 generate -f page.templ
//go:generate go run github.com/valyala/quicktemplate/qtc@v1.8.0 -file page.qtpl
