// Text prints the bundled portfolio as plain text, wrapped to the
// terminal's width (or to -width, or to 80 columns when the output is not
// a terminal).
//
// Usage:
//
//	go run ./examples/text [-width n]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"

	"golang.org/x/term"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/render"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("text: ")
	width := flag.Int("width", 0, "wrap at this many columns (default: the terminal's width, else $COLUMNS, else 80)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: text [-width n]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || *width < 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := render.Text(os.Stdout, portfolio.Page(), render.Width(columns(*width))); err != nil {
		log.Fatal(err)
	}
}

// columns picks the width: the flag, the terminal, $COLUMNS, then 80.
func columns(flagWidth int) int {
	if flagWidth > 0 {
		return flagWidth
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
		return w
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 80
}
