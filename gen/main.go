// Gen writes a Go package that holds an incident-leadership portfolio as
// static data, so that a program can show the portfolio without reading or
// parsing any file at run time.
//
// Usage:
//
//	gen -in portfolio.yaml -out portfolio_gen.go [-pkg name] [-check]
//	gen -in portfolio.yaml -vet
//
// Gen reads the content file named by -in (YAML or JSON; see package
// github.com/incident-leadership/portfolio/incident/load for its rules),
// validates it, and writes the Go file named by -out. The file exports
//
//	func Page() incident.Portfolio
//	func Incident(id incident.ID) (incident.Incident, bool)
//	func IDs() []incident.ID
//
// and one incident.ID constant an incident, named after its ID in
// CamelCase, with initialisms in capitals as Go spells them (DNS, API, DB,
// CI, CD, TLS, …): "ci-cd-pipeline-breakage" gives CICDPipelineBreakage, and an
// ID that starts with a digit gets the prefix "Incident", as in
// Incident2023Outage. Two IDs that give the same name, or an ID whose name
// the generated file or another file of the package already declares (Page,
// Incident, IDs, or a function of your own), are an error naming both. So is
// a name the generated file imports a package under (incident, and time
// when a duration needs it) that another file of the package declares.
//
// The content is an unexported package-level variable built only of
// constants, so the compiler lays it out as static data: the package has
// no init work. Page and Incident return deep copies of it, so no caller
// can change what another sees. The output is gofmt-clean and the same, byte
// for byte, on every run. Every string and number comes back exactly, but
// for the sign of a negative zero, which becomes 0: Go constants have no
// negative zero (and package load reads "-0" as 0).
//
// Gen is usually run by go generate, with a line such as
//
//	//go:generate go run github.com/incident-leadership/portfolio/gen -in portfolio.yaml -out portfolio_gen.go
//
// in a file of the package. It works from any module that records it as a
// tool, which also puts its dependencies in go.sum:
//
//	go get -tool github.com/incident-leadership/portfolio/gen
//
// The flags are:
//
//	-in file
//		the content file to read; required.
//	-out file
//		the Go file to write; required. It is replaced atomically, as
//		package github.com/incident-leadership/portfolio/atomicfile
//		promises: on any error, or on Ctrl-C, the old file stays as it
//		was; a new file follows the umask; a symbolic link is written
//		through. Nothing is written when the content has errors, and a
//		file that would not change is not touched. A file already there
//		must be one gen wrote, or another generator: a regular file with
//		the line "// Code generated ... DO NOT EDIT." before its package
//		clause. Gen refuses to replace any other.
//	-pkg name
//		the package name of the output: a Go identifier other than _ and
//		init, which a program could not import. By default it is the
//		package name of the Go files already in the directory of -out
//		(those a build would use, test files aside), or else that of -out
//		itself when it is there, or else the directory's name, made a
//		Go identifier. When those files are of another package, -pkg
//		is an error, since the two would not build.
//	-check
//		write nothing; exit 1 if -out is missing or differs from what
//		the content gives ("gen: portfolio_gen.go is stale: run go
//		generate"), 0 if it is up to date. For continuous integration.
//	-vet
//		only read and validate the content file named by -in, as package
//		load does, and report every mistake as file:line:col: field: what
//		is wrong; write nothing, print nothing when the file is sound. It
//		takes no -out. For a site's continuous integration that keeps its
//		content file elsewhere, such as a Hugo site using the Hugo module
//		github.com/incident-leadership/portfolio/hugo:
//
//		go run github.com/incident-leadership/portfolio/gen@latest -in data/portfolio.yaml -vet
//
// Gen exits 2 on a usage error and 1 on any other error, such as a
// content file with mistakes, which are reported as file:line:col: field:
// what is wrong.
//
// Text from the content file reaches the output only inside quoted Go
// string literals, except for incident titles and the name of the content
// file, which also appear in comments: there they are cut to one line of
// letters, digits, spaces and plain punctuation, so that they can neither
// close a comment nor start a directive such as //go:generate.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"log"
	"os"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/incident-leadership/portfolio/atomicfile"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
)

var (
	in    = flag.String("in", "", "content `file` to read (YAML or JSON)")
	out   = flag.String("out", "", "Go `file` to write")
	pkg   = flag.String("pkg", "", "package `name` of the output (default: that of the Go files in the directory of -out, or the directory's name)")
	check = flag.Bool("check", false, "write nothing; exit 1 if -out is missing or stale")
	vet   = flag.Bool("vet", false, "only validate -in, reporting each mistake as file:line:col; write nothing (no -out)")
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: gen -in portfolio.yaml -out portfolio_gen.go [-pkg name] [-check]\n")
	fmt.Fprintf(os.Stderr, "       gen -in portfolio.yaml -vet\n")
	flag.PrintDefaults()
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	flag.Usage = usage
	flag.Parse()
	switch {
	case flag.NArg() > 0:
		usageError("unexpected arguments: %s", strings.Join(flag.Args(), " "))
	case *in == "":
		usageError("missing -in")
	case *vet && (*out != "" || *pkg != "" || *check):
		usageError("-vet takes only -in")
	case *vet:
		if err := vetContent(*in); err != nil {
			fail(err)
		}
		return
	case *out == "":
		usageError("missing -out")
	case *pkg != "" && !isPackageName(*pkg):
		usageError("bad -pkg %q: want a Go identifier other than _ and init", *pkg)
	}
	if err := run(*in, *out, *pkg, *check); err != nil {
		fail(err)
	}
}

// fail reports err, one problem a line, each with the prefix, and exits 1.
func fail(err error) {
	for line := range strings.SplitSeq(err.Error(), "\n") {
		log.Print(line)
	}
	os.Exit(1)
}

// vetContent reads and validates the content file in, as run does before
// it generates anything.
func vetContent(in string) error {
	_, _, err := loadContent(in)
	return err
}

// loadContent reads the content file in and loads it, returning the
// portfolio and the file's bytes.
func loadContent(in string) (incident.Portfolio, []byte, error) {
	data, err := readContent(in)
	if err != nil {
		return incident.Portfolio{}, nil, err
	}
	p, err := load.Bytes(in, data)
	return p, data, err
}

func usageError(format string, args ...any) {
	log.Printf(format, args...)
	flag.Usage()
	os.Exit(2)
}

// run generates out from in, or with check compares them.
func run(in, out, pkg string, check bool) error {
	p, data, err := loadContent(in)
	if err != nil {
		return err
	}
	outPkg, err := generatedPackage(out)
	if err != nil {
		return err
	}
	if pkg, err = packageName(filepath.Dir(out), filepath.Base(out), pkg, outPkg); err != nil {
		return err
	}
	src, err := generate(p, pkg, filepath.Base(in))
	var fes incident.Errors // problems at an incident's ID
	if err == nil {
		fes, err = clashes(filepath.Dir(out), filepath.Base(out), src, p.Incidents)
	} else if e, ok := err.(incident.Errors); ok { // constNames'
		fes, err = e, nil
	}
	switch {
	case err != nil && fes != nil:
		return errors.Join(inFile(in, err), load.Place(in, data, fes))
	case err != nil:
		return inFile(in, err)
	case fes != nil:
		return load.Place(in, data, fes)
	}
	if !check {
		_, err = atomicfile.Write(out, src)
		return err
	}
	old, err := readOut(out, len(src))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s is missing: run go generate", out)
	case err != nil:
		return err
	case !bytes.Equal(old, src):
		return fmt.Errorf("%s is stale: run go generate", out)
	}
	return nil
}

// readOut reads the generated file out, a regular file (generatedPackage
// said so), or its first n+1 bytes: enough to tell it from n bytes.
func readOut(out string, n int) ([]byte, error) {
	f, err := os.Open(out)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(n)+1))
}

// readContent reads the content file, or as much of it as load.Bytes
// needs to say that it is too large: as load.File does, never all of a
// huge file or of /dev/zero.
func readContent(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, load.MaxSize+1))
}

// inFile puts the file name in front of each of err's problems.
func inFile(name string, err error) error {
	multi, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return fmt.Errorf("%s: %w", name, err)
	}
	var errs []error
	for _, e := range multi.Unwrap() {
		errs = append(errs, fmt.Errorf("%s: %w", name, e))
	}
	return errors.Join(errs...)
}

// generatedPackage returns the package name of the file out when it is
// there, or "" when it is not (or names none). A file that is there must
// be a regular file that says it is generated, with a line "// Code
// generated ... DO NOT EDIT." before its package clause: gen replaces no
// file of anyone's own. The lines are read as text, so that a generated
// file with merge conflicts in it can still be generated afresh.
func generatedPackage(out string) (string, error) {
	fi, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil
	case err != nil:
		return "", err
	case fi.IsDir():
		return "", fmt.Errorf("-out %s is a directory: name the Go file to write, as in -out %s", out, filepath.Join(out, "portfolio_gen.go"))
	case !fi.Mode().IsRegular():
		return "", fmt.Errorf("-out %s is not a regular file", out)
	}
	f, err := os.Open(out)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return "", err
	}
	generated, name := false, ""
	for line := range strings.Lines(string(head)) {
		line = strings.TrimRight(line, "\r\n")
		if generatedLine.MatchString(line) {
			generated = true
		}
		if rest, ok := strings.CutPrefix(line, "package"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			rest, _, _ = strings.Cut(rest, "//") // package g // import "example.com/g"
			rest, _, _ = strings.Cut(rest, "/*")
			name = strings.TrimSuffix(strings.TrimSpace(rest), ";")
			break
		}
	}
	if !generated {
		return "", fmt.Errorf("%s is not a generated file (no line \"// Code generated ... DO NOT EDIT.\" comes before its package clause), and gen replaces only those: move it away, or choose another -out", out)
	}
	if !isPackageName(name) {
		name = ""
	}
	return name, nil
}

// generatedLine is the comment that marks a generated Go file.
var generatedLine = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// packageName returns the package name of the Go files in dir that a
// build would use, test files and the output file named out aside: that
// is the one -pkg (pkg) must give, when it gives one. With none, it is
// pkg, or the package of the generated file out already there (outPkg),
// or dir's base name made an identifier.
func packageName(dir, out, pkg, outPkg string) (string, error) {
	names, err := siblings(dir, out)
	if err != nil {
		return "", err
	}
	found, foundIn := "", ""
	for _, name := range names {
		base := filepath.Base(name)
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly)
		switch {
		case err != nil && pkg != "":
			continue // the compiler will say what is wrong with it
		case err != nil:
			return "", err
		}
		switch p := f.Name.Name; {
		case found == "":
			found, foundIn = p, base
		case p != found && pkg == "":
			return "", fmt.Errorf("%s holds packages %s and %s: use -pkg", dir, found, p)
		}
	}
	switch {
	case found != "" && pkg != "" && pkg != found:
		return "", fmt.Errorf("-pkg %s, but %s in %s is package %s, and the two would not build together: use -pkg %s, or leave -pkg out", pkg, foundIn, dir, found, found)
	case found != "":
		return found, nil
	case pkg != "":
		return pkg, nil
	case outPkg != "":
		return outPkg, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	name := strings.Map(func(r rune) rune {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			return unicode.ToLower(r)
		case r == '_':
			return r
		}
		return -1
	}, filepath.Base(abs))
	if !isPackageName(name) {
		return "", fmt.Errorf("cannot make a package name of directory %q: use -pkg", filepath.Base(abs))
	}
	return name, nil
}

// siblings returns the Go files in dir that a build of its package uses,
// test files and the output file named out aside: regular files (a pipe
// or device named *.go would hang the reading) that no build constraint
// leaves out (//go:build ignore, another GOOS).
func siblings(dir, out string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var files []string
	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasSuffix(name, "_test.go") || base == out {
			continue
		}
		if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, base); err != nil || !ok {
			continue // left out of the build, or unreadable
		}
		files = append(files, name)
	}
	return files, nil
}

// clashes reports the top-level names the generated source declares that
// another Go file of the package in dir (test files, out and files a build
// leaves out aside) declares too: the package would not build. Those of an
// incident's constant are at its ID, in fes.
func clashes(dir, out string, src []byte, ins []incident.Incident) (fes incident.Errors, err error) {
	fset := token.NewFileSet()
	gen, err := parser.ParseFile(fset, out, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	ours := topLevelNames(gen)
	imports := importNames(gen)
	files, err := siblings(dir, out)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, name := range files {
		base := filepath.Base(name)
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			continue // the compiler will say what is wrong with it
		}
	names:
		for _, id := range topLevelNames(f) {
			if path, ok := imports[id]; ok {
				errs = append(errs, fmt.Errorf("the generated file imports package %q as %s, which %s declares too: rename it there", path, id, base))
				continue
			}
			if !slices.Contains(ours, id) {
				continue
			}
			for i, in := range ins {
				if constName(in.ID) == id {
					fes = append(fes, &incident.FieldError{Path: idPath(i),
						Msg: fmt.Sprintf("%q gets the Go name %s, which %s declares too: change the id, or rename it there", in.ID, id, base)})
					continue names
				}
			}
			errs = append(errs, fmt.Errorf("the generated %s is declared in %s too: rename it there", id, base))
		}
	}
	return fes, errors.Join(errs...)
}

// importNames returns the names f imports packages under, with their
// paths. A package imported without a name is taken to be named after the
// last element of its path, as those the generated file imports are.
func importNames(f *ast.File) map[string]string {
	names := map[string]string{}
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := pathpkg.Base(path)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[name] = path
	}
	return names
}

// topLevelNames lists the package-level names f declares (methods aside).
func topLevelNames(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					names = append(names, spec.Name.Name)
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}
