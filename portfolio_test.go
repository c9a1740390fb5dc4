package portfolio_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/race"
)

// seed is the bundled page's incidents, in page order.
var seed = []struct {
	id    incident.ID
	title string
}{
	{portfolio.DatabaseConnectionPoolExhaustion, "Production Database Connection Pool Exhaustion"},
	{portfolio.MessageQueueBacklog, "Message Queue Backlog Causing Service Degradation"},
	{portfolio.CICDPipelineBreakage, "CI/CD Pipeline Breaking All Deployments"},
	{portfolio.KubernetesNodeGroupRollout, "Kubernetes Node Group Rolling Update Failure"},
}

func TestSeed(t *testing.T) {
	wantIDs := []incident.ID{
		"database-connection-pool-exhaustion",
		"message-queue-backlog",
		"ci-cd-pipeline-breakage",
		"kubernetes-node-group-rollout",
	}
	var consts, titles, wantTitles []string
	for _, s := range seed {
		consts = append(consts, string(s.id))
		wantTitles = append(wantTitles, s.title)
	}
	p := portfolio.Page()
	var pageIDs []incident.ID
	for _, in := range p.Incidents {
		pageIDs = append(pageIDs, in.ID)
		titles = append(titles, in.Title)
	}
	for name, got := range map[string][]incident.ID{"IDs()": portfolio.IDs(), "Page().Incidents": pageIDs} {
		if diff := cmp.Diff(wantIDs, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	if diff := cmp.Diff(wantIDs, incidentIDs(consts)); diff != "" {
		t.Errorf("constants (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantTitles, titles); diff != "" {
		t.Errorf("titles (-want +got):\n%s", diff)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("the bundled page is invalid: %v", err)
	}
}

func incidentIDs(s []string) []incident.ID {
	out := make([]incident.ID, len(s))
	for i, v := range s {
		out[i] = incident.ID(v)
	}
	return out
}

// TestCopies changes everything a caller can reach in what Page, Incident
// and IDs return, and checks that later calls still give the original.
func TestCopies(t *testing.T) {
	want := portfolio.Page()
	if diff := cmp.Diff(want, portfolio.Page()); diff != "" {
		t.Fatalf("two calls of Page differ (-first +second):\n%s", diff)
	}
	wantIn, _ := portfolio.Incident(portfolio.MessageQueueBacklog)

	p := portfolio.Page()
	p.Title = "changed"
	p.Intro[0] = "changed"
	p.Intro = append(p.Intro, "appended")
	p.Lessons.Items[0] = "changed"
	in := &p.Incidents[1]
	in.Situation[0] = "changed"
	in.Tags[0] = "changed"
	in.Tags = append(in.Tags, "appended")
	in.PermanentFix = append(in.PermanentFix, "appended")
	slices.Reverse(p.Incidents)
	p.Incidents = append(p.Incidents, incident.Incident{ID: "appended"})

	got, _ := portfolio.Incident(portfolio.MessageQueueBacklog)
	got.Title = "changed"
	got.MyRole[0] = "changed"
	got.Tags = append(got.Tags[:1], "appended")

	ids := portfolio.IDs()
	ids[0] = "changed"

	if diff := cmp.Diff(want, portfolio.Page()); diff != "" {
		t.Errorf("Page after callers changed their copies (-want +got):\n%s", diff)
	}
	if in, _ := portfolio.Incident(portfolio.MessageQueueBacklog); !cmp.Equal(wantIn, in) {
		t.Errorf("Incident after callers changed their copies (-want +got):\n%s", cmp.Diff(wantIn, in))
	}
	if got := portfolio.IDs()[0]; got != portfolio.DatabaseConnectionPoolExhaustion {
		t.Errorf("IDs()[0] = %q after a caller changed its copy", got)
	}
}

func TestIncident(t *testing.T) {
	p := portfolio.Page()
	for i, s := range seed {
		in, ok := portfolio.Incident(s.id)
		if !ok {
			t.Errorf("Incident(%q): not found", s.id)
			continue
		}
		if diff := cmp.Diff(p.Incidents[i], in); diff != "" {
			t.Errorf("Incident(%q) (-Page().Incidents[%d] +got):\n%s", s.id, i, diff)
		}
	}
	for _, id := range []incident.ID{"", "no-such-incident", "Message-Queue-Backlog", "message-queue-backlog "} {
		if in, ok := portfolio.Incident(id); ok || !cmp.Equal(in, incident.Incident{}) {
			t.Errorf("Incident(%q) = %v, %v; want the zero Incident, false", id, in.ID, ok)
		}
	}
}

// TestAllocs measures the copy Page makes: a few arrays, whatever the
// number of incidents.
func TestAllocs(t *testing.T) {
	race.SkipAllocs(t)
	if n := testing.AllocsPerRun(100, func() { _ = portfolio.Page() }); n > 7 {
		t.Errorf("Page allocates %v times, want at most 7", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = portfolio.Incident(portfolio.CICDPipelineBreakage) }); n > 7 {
		t.Errorf("Incident allocates %v times, want at most 7", n)
	}
}

// TestDeps checks that importing the package pulls in nothing but the
// standard library and this module.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/incident-leadership/portfolio/incident") {
		t.Errorf("go list -deps does not list package incident: %q", deps)
	}
	for _, d := range deps {
		if d != "github.com/incident-leadership/portfolio" && !strings.HasPrefix(d, "github.com/incident-leadership/portfolio/") {
			t.Errorf("the package depends on %s, outside the standard library and this module", d)
		}
	}
}

// TestFresh checks that portfolio_gen.go is what portfolio.yaml gives.
func TestFresh(t *testing.T) {
	out, err := exec.Command("go", "run", "./gen", "-check", "-in", "portfolio.yaml", "-out", "portfolio_gen.go", "-pkg", "portfolio").CombinedOutput()
	if err != nil {
		t.Errorf("%v\n%s", err, out)
	}
}

// TestReadmeError checks the README's example of an error message against
// what loading the bundled file with that mistake says.
func TestReadmeError(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("says where, as `([^`]+)` \\(the\\s+first incident's `P1` made `P9`\\)").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md no longer has the example error message this test checks")
	}
	data, err := os.ReadFile("portfolio.yaml")
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("severity: P1"))
	if i < 0 {
		t.Fatal(`portfolio.yaml has no "severity: P1"`)
	}
	bad := slices.Concat(data[:i], []byte("severity: P9"), data[i+len("severity: P1"):])
	_, err = load.Bytes("portfolio.yaml", bad)
	var es load.Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("loading with P9: %v, want load.Errors", err)
	}
	if got, want := es[0].Error(), string(m[1]); got != want {
		t.Errorf("the first error is\n%s\nbut README.md says\n%s", got, want)
	}
}

// TestReadmeToolVersions checks that the npm packages the README and the
// résumé example tell users to install are the versions the conformance
// suite runs (.ci/package.json).
func TestReadmeToolVersions(t *testing.T) {
	pkgJSON, err := os.ReadFile(".ci/package.json")
	if err != nil {
		t.Fatal(err)
	}
	var ci struct{ Dependencies map[string]string }
	if err := json.Unmarshal(pkgJSON, &ci); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"README.md", "examples/resume/main.go"} {
		doc, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, m := range regexp.MustCompile(`\b(resumed|jsonresume-theme-even)@([0-9][0-9.]*[0-9])`).FindAllSubmatch(doc, -1) {
			found++
			if want := ci.Dependencies[string(m[1])]; string(m[2]) != want {
				t.Errorf("%s installs %s@%s; the conformance suite runs %s", name, m[1], m[2], want)
			}
		}
		if found < 2 {
			t.Errorf("%s names %d pinned versions of resumed and the theme, want both", name, found)
		}
	}
}
