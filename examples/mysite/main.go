// Mysite is a tiny site of someone else's built on the portfolio module:
// its own content file (content/content.yaml), its own go:generate line,
// and this main, which writes the portfolio as an HTML page.
//
//	go generate ./...
//	go run . > index.html
package main

import (
	"bufio"
	"log"
	"os"

	"example.com/mysite/content"

	"github.com/incident-leadership/portfolio/render"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("mysite: ")
	w := bufio.NewWriter(os.Stdout)
	if err := render.HTML(w, content.Page(), render.Sort(render.BySeverity)); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if in, ok := content.Incident(content.DNSResolverSaturation); ok {
		log.Printf("rendered %d incidents; the worst was %q", len(content.IDs()), in.Title)
	}
}
