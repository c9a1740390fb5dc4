package main

// Benchmarks of generation at scale: loading and generating portfolios of
// 100 to 10,000 synthetic incidents, and building a program that uses the
// generated package. BENCHMARKS.md at the root of the repository has the
// commands and the figures.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/synth"
)

var benchSizes = []int{100, 1000, 10000}

// BenchmarkGenerate measures the generator's work on a content file of n
// synthetic incidents: stage=generate from the loaded portfolio (which
// validates it again), stage=all from the file's bytes (load, validate,
// generate), as gen does but for reading and writing files.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range benchSizes {
		for _, stage := range []string{"generate", "all"} {
			b.Run(fmt.Sprintf("n=%d/stage=%s", n, stage), func(b *testing.B) {
				data, err := synth.YAML(synth.Portfolio(n))
				if err != nil {
					b.Fatal(err)
				}
				p, err := load.Bytes("synth.yaml", data)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					q := p
					if stage == "all" {
						if q, err = load.Bytes("synth.yaml", data); err != nil {
							b.Fatal(err)
						}
					}
					if _, err := generate(q, "content", "synth.yaml"); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// buildMain is the program BenchmarkBuild builds: it renders the
// generated package's portfolio as HTML.
const buildMain = `package main

import (
	"os"

	"example.com/e2e/content"
	"github.com/incident-leadership/portfolio/render"
)

func main() {
	if err := render.HTML(os.Stdout, content.Page()); err != nil {
		panic(err)
	}
}
`

// BenchmarkBuild measures go build of a program that imports a generated
// package of n incidents and renders it as HTML (content=seed is the
// bundled portfolio). Each build compiles the generated package afresh
// (a comment changes each time) against a build cache warm for
// everything else, so the time and memory are the generated package's and
// the link's. It reports
//
//   - peak-RSS-MiB: the largest resident set of go build and the compiler;
//   - bin-B: the size of the program;
//   - content-B: the size of the content file, text-B the bytes of its text;
//   - added-B/content-B and added-B/text-B: what the content adds to the
//     program (its size less the seed program's) for each byte of the
//     content file and of its text;
//   - init-lines: lines of GODEBUG=inittrace=1 output for the generated
//     package when the program runs (0: no init work at all).
func BenchmarkBuild(b *testing.B) {
	var seedSize int64
	for _, n := range []int{0, 1000, 10000} {
		name := "content=seed"
		p := portfolio.Page()
		if n > 0 {
			name = fmt.Sprintf("content=%d", n)
			p = synth.Portfolio(n)
		}
		b.Run(name, func(b *testing.B) {
			data, err := synth.YAML(p)
			if err != nil {
				b.Fatal(err)
			}
			src, err := generate(p, "content", "content.yaml")
			if err != nil {
				b.Fatal(err)
			}
			dir := e2eModule(b, map[string]string{"main.go": buildMain, "content/.keep": ""})
			gen := filepath.Join(dir, "content", "content_gen.go")
			build := func(i int) int64 { // the peak resident set of go build and its children, in KiB
				// A new comment makes the package new to the build cache.
				stamp := fmt.Appendf(nil, "\n// Build %d at %d.\n", i, time.Now().UnixNano())
				if err := os.WriteFile(gen, append(src[:len(src):len(src)], stamp...), 0o644); err != nil {
					b.Fatal(err)
				}
				// Through a small process of its own (this test binary,
				// started afresh as rssWrapper), since the child of a
				// large process inherits that process's peak in its
				// ru_maxrss: Go starts children with vfork, which shares
				// the parent's memory until exec.
				cmd := exec.Command(os.Args[0])
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", rssWrapperEnv+"=go build -o prog .")
				out, err := cmd.Output()
				if err != nil {
					b.Fatalf("go build: %v\n%s", err, exitStderr(err))
				}
				var kib int64
				if _, err := fmt.Sscanf(string(out), "maxrss-kib %d", &kib); err != nil {
					b.Fatalf("rssWrapper wrote %q: %v", out, err)
				}
				return kib
			}
			build(-1) // warms the cache for everything but the generated package
			var rss int64
			i := 0
			for b.Loop() {
				rss = max(rss, build(i))
				i++
			}
			info, err := os.Stat(filepath.Join(dir, "prog"))
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				seedSize = info.Size()
			}
			b.ReportMetric(float64(rss)/1024, "peak-RSS-MiB")
			b.ReportMetric(float64(info.Size()), "bin-B")
			b.ReportMetric(float64(len(data)), "content-B")
			text := textBytes(p)
			b.ReportMetric(float64(text), "text-B")
			if n > 0 && seedSize > 0 {
				added := float64(info.Size() - seedSize)
				b.ReportMetric(added/float64(len(data)), "added-B/content-B")
				b.ReportMetric(added/float64(text), "added-B/text-B")
			}
			b.ReportMetric(float64(initLines(b, dir)), "init-lines")
		})
	}
}

// initLines runs the program built in dir with GODEBUG=inittrace=1 and
// counts the trace's lines for the generated package.
func initLines(b *testing.B, dir string) int {
	cmd := exec.Command(filepath.Join(dir, "prog"))
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var trace bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &trace
	if err := cmd.Run(); err != nil {
		b.Fatalf("prog: %v\n%s", err, trace.String())
	}
	if !strings.Contains(trace.String(), "init ") {
		b.Fatalf("GODEBUG=inittrace=1 traced nothing: %s", trace.String())
	}
	n := 0
	for l := range strings.SplitSeq(trace.String(), "\n") {
		if strings.HasPrefix(l, "init example.com/e2e/content ") {
			n++
		}
	}
	return n
}

// textBytes counts the bytes of p's text: every string of the content.
func textBytes(p incident.Portfolio) int {
	n := len(p.Title) + len(p.Tagline) + len(p.Back.Text) + len(p.Back.Href) + len(p.Legend) +
		len(p.Lessons.File) + len(p.Lessons.Heading) + strLen(p.Intro) + strLen(p.Lessons.Items)
	for _, d := range p.Roles {
		n += len(d.Key) + len(d.Label)
	}
	for _, d := range p.Severities {
		n += len(d.Code) + len(d.Label)
	}
	for _, in := range p.Incidents {
		n += len(in.ID) + len(in.Title) + len(in.Role) + len(in.Severity) + len(in.Duration.Text) +
			len(in.Org) + len(in.Command) + strLen(in.Tags)
		for _, s := range in.Sections() {
			n += strLen(s.Paragraphs)
		}
		for _, f := range append(in.Impact[:len(in.Impact):len(in.Impact)], in.Results...) {
			n += len(f.Label) + len(f.Unit) + len(f.Note)
		}
		for _, a := range in.Actions {
			n += len(a.Text) + len(a.Kind)
		}
		for _, l := range in.Links {
			n += len(l.Title) + len(l.URL) + len(l.Kind)
		}
	}
	return n
}

func strLen(ss []string) int {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	return n
}

// searchMain prints, one a line, the JSON of what Incident returns for
// each ID of IDs, and for IDs before, between and after them that no
// incident has.
const searchMain = `package main

import (
	"encoding/json"
	"os"

	"example.com/e2e/content"
)

func main() {
	enc := json.NewEncoder(os.Stdout)
	for _, id := range append(content.IDs(), "", "a", "zzz", "cache-queue-lag-0") {
		in, ok := content.Incident(id)
		if err := enc.Encode([]any{id, ok, in}); err != nil {
			panic(err)
		}
	}
}
`

// TestIncidentSearch checks the binary search that Incident is made of
// past switchMax incidents: every ID is found, and IDs that sort before,
// between and after them are not.
func TestIncidentSearch(t *testing.T) {
	p := synth.Portfolio(switchMax + 57)
	src, err := generate(p, "content", "synth.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte("var byID = [...]int32{")) || bytes.Contains(src, []byte("switch id")) {
		t.Fatalf("Incident of %d incidents is not a search of byID", len(p.Incidents))
	}
	dir := e2eModule(t, map[string]string{"main.go": searchMain, "content/content_gen.go": string(src)})
	out, _ := goIn(t, dir, nil, "run", ".")
	var want strings.Builder
	enc := json.NewEncoder(&want)
	for _, in := range p.Incidents {
		if err := enc.Encode([]any{in.ID, true, in}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []incident.ID{"", "a", "zzz", "cache-queue-lag-0"} {
		if err := enc.Encode([]any{id, false, incident.Incident{}}); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(want.String(), out); diff != "" {
		t.Errorf("Incident (-want +got):\n%s", diff)
	}
}

// rssWrapperEnv, set to a command line, makes the test binary run that
// command, print "maxrss-kib N", the largest resident set of the command
// and its children in KiB, and exit with its status (see TestMain).
const rssWrapperEnv = "GEN_TEST_RSS_WRAPPER"

func rssWrapper(args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = os.Environ()
	for i, kv := range cmd.Env {
		if strings.HasPrefix(kv, rssWrapperEnv+"=") {
			cmd.Env = append(cmd.Env[:i:i], cmd.Env[i+1:]...)
			break
		}
	}
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "no rusage on this system")
		return 1
	}
	fmt.Printf("maxrss-kib %d\n", ru.Maxrss) // KiB on Linux
	return cmd.ProcessState.ExitCode()
}

// exitStderr returns what a failed command wrote to its standard error.
func exitStderr(err error) []byte {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.Stderr
	}
	return nil
}
