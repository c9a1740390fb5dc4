// Site writes a static web site from the bundled portfolio: the full page,
// one page per incident, the Markdown and plain-text versions, the JSON
// Resume extension and the JSON Schemas, then lists what it wrote.
//
// Usage:
//
//	go run ./examples/site [-out public]
//
// Re-running it is idempotent: a file whose bytes would not change is not
// touched, and it never deletes anything, so files you put in the output
// directory yourself stay. Every file is written with package atomicfile,
// which says what it promises: whole or not at all, even on Ctrl-C.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/atomicfile"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/jsonresume"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("site: ")
	out := flag.String("out", "public", "directory to write the site into")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: site [-out dir]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	files, err := build(portfolio.Page())
	if err != nil {
		log.Fatal(err)
	}
	written, err := write(*out, files)
	if err != nil {
		log.Fatal(err)
	}
	report(os.Stdout, *out, files, written)
}

// file is one file of the site, its path relative to the output directory.
type file struct {
	path string
	data []byte
}

// build renders every file of the site in memory, so that nothing is
// written when any rendering fails.
func build(p incident.Portfolio) ([]file, error) {
	var files []file
	add := func(path string, f func(io.Writer) error) error {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		files = append(files, file{path, b.Bytes()})
		return nil
	}
	steps := []struct {
		path string
		f    func(io.Writer) error
	}{
		{"index.html", func(w io.Writer) error { return render.HTML(w, p, render.JSONLD()) }},
		{"portfolio.md", func(w io.Writer) error { return render.Markdown(w, p) }},
		{"portfolio.txt", func(w io.Writer) error { return render.Text(w, p) }},
		{"resume.json", func(w io.Writer) error { return jsonresume.Write(w, p, jsonresume.Projects()) }},
		{"portfolio.schema.json", func(w io.Writer) error { _, err := w.Write(portfolio.ContentSchema()); return err }},
		{"jsonresume-incidents.schema.json", func(w io.Writer) error { _, err := w.Write(portfolio.ResumeSchema()); return err }},
	}
	for _, s := range steps {
		if err := add(s.path, s.f); err != nil {
			return nil, err
		}
	}
	for _, in := range p.Incidents {
		page := p
		page.Back = incident.Link{Text: "All incidents", Href: "../index.html#" + string(in.ID)}
		path := "incidents/" + string(in.ID) + ".html"
		err := add(path, func(w io.Writer) error {
			return render.HTML(w, page, render.IDs(in.ID), render.Intro(false), render.Lessons(false), render.JSONLD())
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// write puts the files under dir and returns which of them changed.
func write(dir string, files []file) (map[string]bool, error) {
	written := map[string]bool{}
	for _, f := range files {
		name := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return written, err
		}
		changed, err := atomicfile.Write(name, f.data)
		if err != nil {
			return written, err
		}
		written[f.path] = changed
	}
	return written, nil
}

func report(w io.Writer, dir string, files []file, written map[string]bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var total int
	for _, f := range files {
		state := "unchanged"
		if written[f.path] {
			state = "written"
		}
		total += len(f.data)
		fmt.Fprintf(tw, "%s\t%7d bytes\t%s\n", filepath.Join(dir, filepath.FromSlash(f.path)), len(f.data), state)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d files, %d bytes in %s\n", len(files), total, dir)
}
