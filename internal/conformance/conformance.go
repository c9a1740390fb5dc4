// Package conformance finds and runs the real third-party clients the
// conformance tests check the module's output with: node and the npm
// tools pinned in .ci/package.json, Debian's Python with its jsonschema
// package, Java for the W3C Nu HTML Checker, and Debian's Chromium.
//
// The node and Python sides live in .ci/conformance: each script reads a
// request as JSON on stdin and writes its findings as JSON on stdout, and
// the Go test judges them.
//
// A missing tool skips the test with the reason and how to install it, or,
// when the CI environment variable is set, fails it: CI never passes by not
// looking.
package conformance

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Install says how to get the tools.
const Install = "run bash .ci/run, or: mkdir -p .tools && cp .ci/package.json .ci/package-lock.json .tools/ && " +
	"(cd .tools && npm ci --ignore-scripts) and apt-get install chromium default-jre-headless python3-jsonschema"

// Missing skips t, or fails it when the CI environment variable is set, saying
// which tool is missing.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	args = append(args, Install)
	if os.Getenv("CI") != "" {
		t.Fatalf("conformance: "+format+" (CI is set, so this fails instead of skipping; %s)", args...)
		return
	}
	t.Skipf("conformance: "+format+"; skipping (%s)", args...)
}

// Root returns the module's root directory: the nearest parent of the
// working directory holding go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("conformance: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Node is node with the pinned npm tools.
type Node struct {
	node    string // the node executable
	tools   string // the directory holding node_modules
	scripts string // .ci/conformance
}

// FindNode returns node with the npm packages pkgs installed, from
// $PORTFOLIO_TOOLS or else <root>/.tools, or skips (or fails) t.
func FindNode(t testing.TB, pkgs ...string) *Node {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		Missing(t, "node is not installed")
	}
	root := Root(t)
	tools := os.Getenv("PORTFOLIO_TOOLS")
	if tools == "" {
		tools = filepath.Join(root, ".tools")
	}
	for _, p := range pkgs {
		if _, err := os.Stat(filepath.Join(tools, "node_modules", p, "package.json")); err != nil {
			Missing(t, "npm package %s is not installed in %s", p, filepath.Join(tools, "node_modules"))
		}
	}
	return &Node{node: node, tools: tools, scripts: scripts(t, root)}
}

// scripts returns the directory of the conformance scripts, .ci/conformance
// under root. It reads every script, so that go test's cache, which notes
// the files a test opens but not those node or python opens, reruns the
// test when one changes.
func scripts(t testing.TB, root string) string {
	t.Helper()
	dir := filepath.Join(root, ".ci", "conformance")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, err := os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Module returns the path of a file inside an installed npm package.
func (n *Node) Module(pkg string, elem ...string) string {
	return filepath.Join(append([]string{n.tools, "node_modules", pkg}, elem...)...)
}

// Run runs the conformance script with req as JSON on stdin and decodes
// what it prints into resp. A script that fails fails t, with its stderr.
func (n *Node) Run(t testing.TB, script string, req, resp any) {
	t.Helper()
	run(t, n.Command(filepath.Join(n.scripts, script)), script, req, resp)
}

// run runs cmd, a conformance script, with req as JSON on stdin and
// decodes what it prints into resp.
func run(t testing.TB, cmd *exec.Cmd, script string, req, resp any) {
	t.Helper()
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdin = bytes.NewReader(in)
	out, stderr := Output(t, cmd)
	if err := json.Unmarshal(out, resp); err != nil {
		t.Fatalf("%s: cannot decode its output: %v\nstdout:\n%s\nstderr:\n%s", script, err, out, stderr)
	}
}

// Command returns a command running node with args, with PORTFOLIO_TOOLS set.
func (n *Node) Command(args ...string) *exec.Cmd {
	cmd := exec.Command(n.node, args...)
	cmd.Env = append(os.Environ(), "PORTFOLIO_TOOLS="+n.tools)
	return cmd
}

// Output runs cmd and returns its standard output and error; when cmd
// fails, t fails with both.
func Output(t testing.TB, cmd *exec.Cmd) (stdout, stderr []byte) {
	t.Helper()
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\nstdout:\n%s\nstderr:\n%s", cmd, err, o.Bytes(), e.Bytes())
	}
	return o.Bytes(), e.Bytes()
}

// Python is Debian's Python with its jsonschema package.
type Python struct {
	scripts string // .ci/conformance
}

// debianPython is where Debian installs its Python, whose packages
// (python3-jsonschema) another python3 on PATH, such as pyenv's, lacks.
const debianPython = "/usr/bin/python3"

// FindPython returns Debian's Python with the modules mods importable, or
// skips (or fails) t.
func FindPython(t testing.TB, mods ...string) *Python {
	t.Helper()
	if _, err := os.Stat(debianPython); err != nil {
		Missing(t, "%s is not installed", debianPython)
	}
	for _, m := range mods {
		if out, err := exec.Command(debianPython, "-c", "import "+m).CombinedOutput(); err != nil {
			Missing(t, "%s cannot import %s (%s)", debianPython, m, bytes.TrimSpace(out))
		}
	}
	return &Python{scripts: scripts(t, Root(t))}
}

// Run runs the Python conformance script with req as JSON on stdin and
// decodes what it prints into resp. A script that fails fails t, with its
// stderr.
func (p *Python) Run(t testing.TB, script string, req, resp any) {
	t.Helper()
	run(t, p.Command(filepath.Join(p.scripts, script)), script, req, resp)
}

// Command returns a command running Debian's python3 with args.
func (p *Python) Command(args ...string) *exec.Cmd {
	return exec.Command(debianPython, args...)
}

// FindJava returns the java executable, or skips (or fails) t.
func FindJava(t testing.TB) string {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		Missing(t, "java is not installed (the W3C Nu HTML Checker needs it)")
	}
	return java
}

// FindChromium returns Debian's Chromium, /usr/bin/chromium or else the
// chromium on PATH, or skips (or fails) t.
func FindChromium(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if c, err := exec.LookPath("chromium"); err == nil {
		return c
	}
	Missing(t, "chromium is not installed")
	return ""
}
