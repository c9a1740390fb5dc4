// Resume merges the bundled portfolio into a JSON Resume document
// (jsonresume.org), a step in a résumé build.
//
// Usage:
//
//	go run ./examples/resume [-in resume.json] -out resume.full.json [-projects] [-top-level] [-replace]
//
// Every field of the input résumé is kept as written (key order, numbers);
// only the extension is set, under meta by default. With -projects the
// incidents are also listed in the standard projects section, so every
// stock theme shows them; merging again replaces those entries and leaves
// your own projects alone. Without -in it starts from a minimal résumé;
// the résumé read may be at most 256 MiB (a real one is a few kilobytes),
// so a wrong file, or -in /dev/zero, is refused rather than read into
// memory. The output is written with package atomicfile, which says what it
// promises about the file; -out - writes to standard output.
//
// Next step, with the JSON Resume tools (npm packages):
//
//	npm install --no-save --prefix .resume resumed@6.1.0 jsonresume-theme-even@0.26.1
//	npx --prefix .resume resumed render resume.full.json --theme jsonresume-theme-even -o resume.html
//
// The résumé holds the portfolio's text as data; many themes, this one
// among them, show some fields as HTML or Markdown (see the README).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/atomicfile"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/jsonresume"
)

// minimal is the résumé used when no -in is given.
const minimal = `{
  "basics": {
    "name": "Your Name",
    "label": "Site Reliability Engineer"
  }
}
`

func main() {
	log.SetFlags(0)
	log.SetPrefix("resume: ")
	in := flag.String("in", "", "the résumé to merge into (default: a minimal résumé)")
	out := flag.String("out", "", "where to write the merged résumé (- for standard output)")
	projects := flag.Bool("projects", false, "also list the incidents in the projects section")
	topLevel := flag.Bool("top-level", false, "put the extension at the top level instead of under meta")
	replace := flag.Bool("replace", false, "replace a different portfolio already in the résumé")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: resume [-in resume.json] -out resume.full.json [-projects] [-top-level] [-replace]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || *out == "" {
		flag.Usage()
		os.Exit(2)
	}

	src := []byte(minimal)
	name := "minimal résumé"
	if *in != "" {
		var err error
		if src, err = readResume(*in); err != nil {
			log.Fatal(err)
		}
		name = *in
	}
	var opts []render.Option
	if *projects {
		opts = append(opts, jsonresume.Projects())
	}
	if *topLevel {
		opts = append(opts, jsonresume.TopLevel())
	}
	if *replace {
		opts = append(opts, jsonresume.Replace())
	}
	var b bytes.Buffer
	if err := jsonresume.Merge(&b, src, portfolio.Page(), opts...); err != nil {
		me, ok := errors.AsType[*jsonresume.MergeError](err)
		switch {
		case ok && errors.Is(err, jsonresume.ErrConflict):
			// Its message is for a program, which passes jsonresume.Replace().
			key := "meta." + jsonresume.Key
			if *topLevel {
				key = jsonresume.Key
			}
			log.Fatalf("%s:%d:%d: %s holds a different portfolio: pass -replace to overwrite it", name, me.Line, me.Col, key)
		case ok:
			log.Fatalf("%s:%v", name, err) // file:line:col: what is wrong
		}
		log.Fatalf("%s: %v", name, err)
	}
	if *out == "-" {
		if _, err := os.Stdout.Write(b.Bytes()); err != nil {
			log.Fatal(err)
		}
		return
	}
	changed, err := atomicfile.Write(*out, b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if changed {
		fmt.Printf("wrote %s (%d bytes)\n", *out, b.Len())
	} else {
		fmt.Printf("%s unchanged\n", *out)
	}
}

// maxResume is the most bytes of a résumé read: far above any real résumé
// (a few kilobytes), it keeps a wrong file or an endless one from filling
// memory. Tests lower it.
var maxResume int64 = 256 << 20

// readResume reads the résumé in the file name, refusing one larger than
// maxResume. It reads at most one byte more than that, enough to tell,
// never all of a huge file or of /dev/zero.
func readResume(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxResume+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxResume {
		return nil, fmt.Errorf("%s: more than %d bytes, too large for a résumé: is it the right file?", name, maxResume)
	}
	return data, nil
}
