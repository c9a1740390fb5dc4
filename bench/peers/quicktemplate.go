package peers

import (
	"io"

	"github.com/incident-leadership/portfolio/incident"
)

// QuickTemplate writes p as render.HTML does by default, with the
// quicktemplate in page.qtpl.
func QuickTemplate(w io.Writer, p *incident.Portfolio) error {
	writepage(w, p)
	return nil
}
