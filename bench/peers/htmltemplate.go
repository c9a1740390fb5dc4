package peers

import (
	_ "embed"
	"html/template"
	"io"
	"strings"

	"github.com/incident-leadership/portfolio/incident"
)

//go:embed page.html.tmpl
var pageTemplate string

var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{
	"style":            func() template.CSS { return template.CSS(style) },
	"hasPrefix":        strings.HasPrefix,
	"safeURL":          safeURL,
	"legendRoles":      legendRoles,
	"legendSeverities": legendSeverities,
	"levelRank":        levelRank,
	"severityRank":     severityRank,
	"severityLabel":    severityLabel,
	"isoDuration":      isoDuration,
	"humanDate":        humanDate,
	"hasEnd":           hasEnd,
	"figure":           figure,
	"doneText":         doneText,
	"actionsLabel":     actionsLabel,
	"mixedActions":     mixedActions,
	"roleKey":          func(r incident.Role) string { return string(r) },
	"inc":              func(i int) int { return i + 1 },
	"named":            func(name string, list any) namedList { return namedList{name, list} },
}).Parse(pageTemplate))

// namedList is a list with a heading: a section's paragraphs, or figures.
type namedList struct {
	Name string
	List any
}

// HTMLTemplate writes p as render.HTML does by default, with html/template.
func HTMLTemplate(w io.Writer, p *incident.Portfolio) error {
	return htmlPage.Execute(w, p)
}
