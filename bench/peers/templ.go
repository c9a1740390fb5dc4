package peers

import (
	"context"
	"io"

	"github.com/incident-leadership/portfolio/incident"
)

// Templ writes p as render.HTML does by default, with the templ component
// in page.templ.
func Templ(w io.Writer, p *incident.Portfolio) error {
	return templPage(p).Render(context.Background(), w)
}
