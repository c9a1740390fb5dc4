// Package htmltemplate gives a portfolio's HTML fragment and stylesheet as
// html/template values, for Go site generators whose layouts are
// html/template templates:
//
//	frag, err := htmltemplate.Fragment(p, render.Roles(incident.LedResolution))
//	...
//	layout.Execute(w, struct {
//		Style     template.CSS
//		Portfolio template.HTML
//	}{htmltemplate.Style(), frag})
//
// with {{.Style}} inside the layout's <style> element and {{.Portfolio}}
// where the portfolio goes. html/template inserts both as they are: render
// has escaped every text of the portfolio already.
//
// It is a package of its own so that package render's importers do not
// link html/template, which makes a program about half a megabyte larger.
package htmltemplate

import (
	"html/template"
	"strings"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// Fragment renders p as render.HTML does with render.Fragment and opts, and
// returns it as a template.HTML.
func Fragment(p incident.Portfolio, opts ...render.Option) (template.HTML, error) {
	var b strings.Builder
	if err := render.HTML(&b, p, append([]render.Option{render.Fragment()}, opts...)...); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// Style returns render.HTMLStyle as a template.CSS, for a <style> element
// (html/template accepts template.CSS only where CSS goes: elsewhere it
// writes ZgotmplZ).
func Style() template.CSS { return template.CSS(render.HTMLStyle()) }
