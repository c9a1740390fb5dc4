package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"maps"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
)

// fuzzContent is a valid portfolio built around the fuzzer's values: s in
// every text field (made valid text first: control characters and invalid
// UTF-8 are what Validate refuses, and generate only sees valid content),
// id as the first incident's ID when it is one, v as figures and length
// as a duration.
func fuzzContent(s, id string, v float64, length int64) incident.Portfolio {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if strings.TrimSpace(s) == "" {
		s = "x" + s
	}
	if !incident.ID(id).Valid() {
		id = "a"
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	d := time.Duration(length)
	if d < 0 {
		d = -(d + 1)
	}
	q := url.QueryEscape(s)
	in := incident.Incident{
		ID: incident.ID(id), Title: s, Role: "custom-" + incident.Role(id), Severity: "SEV-1",
		Duration:  incident.Duration{Text: s, Length: d},
		Situation: []string{s, s + "2"}, MyRole: []string{s}, Resolution: []string{s}, PermanentFix: []string{s},
		When:    incident.Period{Start: incident.Date{Year: 2023, Month: time.March, Day: 14}, End: incident.Date{Year: 2023, Month: time.March, Day: 16}},
		Org:     s,
		Tags:    []string{s, s + " 2"},
		Command: incident.Scribe,
		Impact:  []incident.Figure{{Label: s, Value: v, Unit: s, Note: s}},
		Results: []incident.Figure{{Label: s, Before: -v, HasBefore: true, Value: v / 3, Unit: "%"}},
		Actions: []incident.Action{{Text: s, Kind: incident.Prevent, Done: true}, {Text: s, Kind: incident.Process}},
		Links:   []incident.WriteUp{{Title: s, URL: "https://example.com/pm?q=" + q, Kind: incident.Postmortem}},
	}
	other := incident.Incident{
		ID: "zz-other", Title: s, Role: incident.LedResolution, Severity: "SEV-2",
		Duration:  incident.Duration{Text: s},
		Situation: []string{s}, MyRole: []string{s}, Resolution: []string{s}, PermanentFix: []string{s},
	}
	return incident.Portfolio{
		Title: s, Tagline: s, Intro: []string{s}, Legend: s,
		Back:       incident.Link{Text: s, Href: "/?q=" + q},
		Roles:      []incident.RoleDef{{Key: "custom-" + incident.Role(id), Label: s}},
		Severities: []incident.SeverityDef{{Code: "SEV-1", Label: s, Level: 1}, {Code: "SEV-2", Label: s + "2", Level: 2}},
		Incidents:  []incident.Incident{in, other},
		Lessons:    incident.Lessons{File: s, Heading: s, Items: []string{s, s}},
	}
}

// FuzzGenerate checks that any valid content gives Go that parses, is
// gofmt-clean, and whose static data is the content exactly: the page
// variable, evaluated from the syntax tree (strings by strconv.Unquote,
// numbers by go/constant), equals the portfolio, and each ID constant
// holds its ID. No comment may be a directive. Building and running each input is too slow for a fuzz
// target; TestFuzzCorpusEndToEnd does it for the committed corpus, which
// is the seed corpus: testdata/fuzz/FuzzGenerate.
func FuzzGenerate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s, id string, v float64, length int64) {
		p := fuzzContent(s, id, v, length)
		if err := p.Validate(); err != nil {
			t.Fatalf("fuzzContent made invalid content: %v", err)
		}
		src, err := generate(p, "content", "content.yaml")
		if err != nil {
			if strings.Contains(err.Error(), "gets the Go name") {
				return // an ID such as "page": refused, and rightly
			}
			t.Fatal(err)
		}
		checkSource(t, p, src)
		checkGofmt(t, "the output", src)
	})
}

// checkSource parses generated source and checks that it holds p exactly.
func checkSource(t testing.TB, p incident.Portfolio, src []byte) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "content_gen.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("the output does not parse: %v\n%s", err, src)
	}
	for _, g := range file.Comments {
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "//go:") || strings.HasPrefix(c.Text, "//line ") || strings.HasPrefix(c.Text, "/*") {
				t.Errorf("%s: a directive or block comment: %q", fset.Position(c.Pos()), c.Text)
			}
		}
	}
	var got incident.Portfolio
	consts := map[string]string{}
	found := false
	for _, decl := range file.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range g.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
				continue
			}
			switch {
			case g.Tok == token.CONST:
				lit, ok := vs.Values[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("constant %s is not a string literal", vs.Names[0].Name)
					continue
				}
				consts[vs.Names[0].Name], _ = strconv.Unquote(lit.Value)
			case g.Tok == token.VAR && vs.Names[0].Name == "page":
				found = true
				if err := evalInto(vs.Values[0], reflect.ValueOf(&got).Elem()); err != nil {
					t.Fatalf("%s: %v", fset.Position(vs.Pos()), err)
				}
			}
		}
	}
	if !found {
		t.Fatal("no var page")
	}
	if diff := cmp.Diff(p, got); diff != "" {
		t.Errorf("the page variable (-content +source):\n%s", diff)
	}
	want := map[string]string{}
	for _, in := range p.Incidents {
		want[constName(in.ID)] = string(in.ID)
	}
	if diff := cmp.Diff(want, consts); diff != "" {
		t.Errorf("ID constants (-want +got):\n%s", diff)
	}
}

// failures records what checkSource reports, to show that it fails.
type failures struct {
	testing.TB
	msgs []string
}

func (f *failures) Errorf(format string, args ...any) {
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}

func (f *failures) Fatalf(format string, args ...any) {
	f.Errorf(format, args...)
	runtime.Goexit()
}

// TestCheckSourceCatches shows that checkSource fails on source that does
// not hold the content exactly.
func TestCheckSourceCatches(t *testing.T) {
	p := fuzzContent(hostile, "a", 0.1, 5)
	src := mustGenerate(t, p, "content", "content.yaml")
	tests := []struct {
		name   string
		change func(p *incident.Portfolio, src []byte) []byte
		want   string
	}{
		{"nothing", func(*incident.Portfolio, []byte) []byte { return src }, ""},
		{"a string", func(p *incident.Portfolio, src []byte) []byte { p.Incidents[0].Org += " "; return src }, "the page variable"},
		{"a float", func(p *incident.Portfolio, src []byte) []byte {
			p.Incidents[0].Impact[0].Value = math.Nextafter(0.1, 1)
			return src
		}, "the page variable"},
		{"a flag", func(p *incident.Portfolio, src []byte) []byte {
			p.Incidents[0].Results[0].HasBefore = false
			return src
		}, "the page variable"},
		{"an ID constant", func(_ *incident.Portfolio, src []byte) []byte {
			return bytes.Replace(src, []byte(`A incident.ID = "a"`), []byte(`A incident.ID = "b"`), 1)
		}, "ID constants"},
		{"a directive", func(_ *incident.Portfolio, src []byte) []byte {
			return append(src[:len(src):len(src)], "\n//go:generate rm -rf /\n"...)
		}, "a directive"},
		{"a syntax error", func(_ *incident.Portfolio, src []byte) []byte { return append(src[:len(src):len(src)], '}') }, "does not parse"},
		{"a non-constant", func(_ *incident.Portfolio, src []byte) []byte {
			return bytes.Replace(src, []byte("Value: 0.1"), []byte("Value: f()"), 1)
		}, "not a constant the generator writes"},
	}
	for _, tt := range tests {
		q := fuzzContent(hostile, "a", 0.1, 5)
		changed := tt.change(&q, src)
		f := &failures{TB: t}
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkSource(f, q, changed)
		}()
		<-done
		got := strings.Join(f.msgs, "\n")
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: checkSource said %q, want it to say %q", tt.name, got, tt.want)
		}
	}
}

// evalInto stores the value of the constant expression e, as the
// generator writes them, into v.
func evalInto(e ast.Expr, v reflect.Value) error {
	if cl, ok := e.(*ast.CompositeLit); ok {
		switch v.Kind() {
		case reflect.Struct:
			for _, elt := range cl.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					return fmt.Errorf("a %s literal with an element that is not key: value", v.Type())
				}
				key, ok := kv.Key.(*ast.Ident)
				if !ok {
					return fmt.Errorf("a %s literal with a key that is not a name", v.Type())
				}
				f := v.FieldByName(key.Name)
				if !f.IsValid() {
					return fmt.Errorf("%s has no field %s", v.Type(), key.Name)
				}
				if !f.IsZero() {
					return fmt.Errorf("%s.%s given twice", v.Type(), key.Name)
				}
				if err := evalInto(kv.Value, f); err != nil {
					return fmt.Errorf("%s: %w", key.Name, err)
				}
			}
			return nil
		case reflect.Slice:
			s := reflect.MakeSlice(v.Type(), len(cl.Elts), len(cl.Elts))
			for i, elt := range cl.Elts {
				if err := evalInto(elt, s.Index(i)); err != nil {
					return fmt.Errorf("[%d]: %w", i, err)
				}
			}
			v.Set(s)
			return nil
		}
		return fmt.Errorf("a composite literal for a %s", v.Type())
	}
	switch v.Kind() {
	case reflect.String:
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return fmt.Errorf("a %s that is not a string literal", v.Type())
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return err
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		id, ok := e.(*ast.Ident)
		if !ok || id.Name != "true" && id.Name != "false" {
			return errors.New("a bool that is not true or false")
		}
		v.SetBool(id.Name == "true")
		return nil
	}
	c, err := number(e)
	if err != nil {
		return err
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int64:
		i, exact := constant.Int64Val(constant.ToInt(c))
		if !exact {
			return fmt.Errorf("%s is not an int64", c)
		}
		v.SetInt(i)
	case reflect.Float64:
		f, _ := constant.Float64Val(constant.ToFloat(c))
		v.SetFloat(f)
	default:
		return fmt.Errorf("a number for a %s", v.Type())
	}
	return nil
}

// timeConsts are the names of package time the generator may use.
var timeConsts = func() map[string]int64 {
	m := map[string]int64{"Nanosecond": int64(time.Nanosecond), "Microsecond": int64(time.Microsecond),
		"Millisecond": int64(time.Millisecond), "Second": int64(time.Second), "Minute": int64(time.Minute), "Hour": int64(time.Hour)}
	for mo := time.January; mo <= time.December; mo++ {
		m[mo.String()] = int64(mo)
	}
	return m
}()

// number evaluates a numeric constant expression: literals, signs,
// products, parentheses, time's constants and conversions to
// time.Duration and time.Month.
func number(e ast.Expr) (constant.Value, error) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.INT && e.Kind != token.FLOAT {
			return nil, fmt.Errorf("literal %s is not a number", e.Value)
		}
		return constant.MakeFromLiteral(e.Value, e.Kind, 0), nil
	case *ast.ParenExpr:
		return number(e.X)
	case *ast.UnaryExpr:
		x, err := number(e.X)
		if err != nil || e.Op != token.SUB && e.Op != token.ADD {
			return nil, fmt.Errorf("unary %s: %v", e.Op, err)
		}
		return constant.UnaryOp(e.Op, x, 0), nil
	case *ast.BinaryExpr:
		x, err := number(e.X)
		if err != nil {
			return nil, err
		}
		y, err := number(e.Y)
		if err != nil || e.Op != token.MUL {
			return nil, fmt.Errorf("binary %s: %v", e.Op, err)
		}
		return constant.BinaryOp(x, e.Op, y), nil
	case *ast.SelectorExpr:
		if pkg, ok := e.X.(*ast.Ident); ok && pkg.Name == "time" {
			if n, ok := timeConsts[e.Sel.Name]; ok {
				return constant.MakeInt64(n), nil
			}
		}
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && len(e.Args) == 1 {
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "time" && (sel.Sel.Name == "Duration" || sel.Sel.Name == "Month") {
				return number(e.Args[0])
			}
		}
	}
	return nil, fmt.Errorf("not a constant the generator writes: %T", e)
}

// corpusArgs reads a file of the fuzzing corpus ("go test fuzz v1" and one
// Go expression a line) into the arguments of FuzzGenerate.
func corpusArgs(t *testing.T, name string) (s, id string, v float64, length int64) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 5 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a corpus file of FuzzGenerate", name)
	}
	var vals []ast.Expr
	for _, l := range lines[1:] {
		e, err := parser.ParseExpr(l)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			t.Fatalf("%s: %q is not a conversion", name, l)
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Float64frombits" {
			vals = append(vals, call) // a NaN or -0, whose line is the call itself
			continue
		}
		vals = append(vals, call.Args[0])
	}
	str := func(e ast.Expr) string {
		lit, ok := e.(*ast.BasicLit)
		if !ok {
			t.Fatalf("%s: not a literal: %T", name, e)
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return s
	}
	num := func(e ast.Expr) constant.Value {
		if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 { // math.Float64frombits(0x...)
			bits, err := number(call.Args[0])
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			u, _ := constant.Uint64Val(bits)
			return constant.MakeFloat64(math.Float64frombits(u))
		}
		c, err := number(e)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return c
	}
	v, _ = constant.Float64Val(constant.ToFloat(num(vals[2])))
	length, _ = constant.Int64Val(constant.ToInt(num(vals[3])))
	return str(vals[0]), str(vals[1]), v, length
}

// corpusMain prints each generated package's Page, in Go syntax, one a
// line.
const corpusMain = `package main

import (
	"fmt"
%s)

func main() {
%s}
`

// TestFuzzCorpusEndToEnd does for each committed input of FuzzGenerate,
// and for testdata/hostile.yaml, what the fuzz target cannot afford: it
// builds the generated packages in a module of their own and runs a
// program that prints each Page, which must equal the content, %#v for
// %#v (every string, number and flag exactly).
func TestFuzzCorpusEndToEnd(t *testing.T) {
	seeds, err := filepath.Glob("testdata/fuzz/FuzzGenerate/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) < 5 {
		t.Fatalf("only %d committed inputs of FuzzGenerate", len(seeds))
	}
	hostileFile, err := load.File("../testdata/hostile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	contents := map[string]incident.Portfolio{"hostile": hostileFile}
	for i, name := range seeds {
		s, id, v, length := corpusArgs(t, name)
		p := fuzzContent(s, id, v, length)
		if names, err := constNames(p.Incidents); err != nil {
			t.Logf("%s: refused: %v (%v)", name, err, names)
			continue
		}
		contents[fmt.Sprintf("seed%d", i)] = p
	}
	files := map[string]string{}
	var imports, calls strings.Builder
	var want []string
	for _, pkg := range slices.Sorted(maps.Keys(contents)) {
		files[pkg+"/"+pkg+"_gen.go"] = string(mustGenerate(t, contents[pkg], pkg, pkg+".yaml"))
		fmt.Fprintf(&imports, "\t%q\n", "example.com/e2e/"+pkg)
		fmt.Fprintf(&calls, "\tfmt.Printf(\"%%#v\\n\", %s.Page())\n", pkg)
		want = append(want, fmt.Sprintf("%#v", positiveZeros(contents[pkg])))
	}
	files["main.go"] = fmt.Sprintf(corpusMain, imports.String(), calls.String())
	out, _ := goIn(t, e2eModule(t, files), nil, "run", ".")
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Page of each package (-content +program):\n%s", diff)
	}
}

// positiveZeros returns p with its negative zeros made 0, as the generator
// writes them: Go constants have no negative zero.
func positiveZeros(p incident.Portfolio) incident.Portfolio {
	p = p.Clone()
	for i := range p.Incidents {
		in := &p.Incidents[i]
		for _, figs := range [][]incident.Figure{in.Impact, in.Results} {
			for j := range figs {
				figs[j].Value += 0 // -0 + 0 is 0
				figs[j].Before += 0
			}
		}
	}
	return p
}

// e2eModule writes files into a new module, example.com/e2e, that
// requires this one (from this working tree), and returns its directory.
func e2eModule(t testing.TB, files map[string]string) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files["go.mod"] = "module example.com/e2e\n\ngo 1.26.0\n\nrequire github.com/incident-leadership/portfolio v0.0.0\n\n" +
		"replace github.com/incident-leadership/portfolio => " + root + "\n"
	files["go.sum"] = string(sum)
	for name, text := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// goIn runs the go command in dir, offline, with env added to the
// environment, and returns its standard output and error.
func goIn(t *testing.T, dir string, env []string, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String(), errb.String()
}
