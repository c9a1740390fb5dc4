package incident_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
)

// full returns a portfolio with every slice of the model filled.
func full() incident.Portfolio {
	p := valid()
	p.Intro = append(p.Intro, "Second paragraph.")
	p.Roles = []incident.RoleDef{{Key: "on-call", Label: "On call"}, {Key: "unused", Label: "Unused"}}
	p.Severities = []incident.SeverityDef{{Code: "SEV-2", Label: "Major", Level: 2}, {Code: "SEV-1", Label: "Critical", Level: 1}, {Code: "SEV-1b", Label: "Also critical", Level: 1}, {Code: "SEV-3", Label: "Minor", Level: 3}}
	for i, sev := range []incident.Severity{"SEV-2", "SEV-1b", "SEV-1"} {
		p.Incidents[i].Severity = sev
	}
	p.Incidents[1].Role = "on-call"
	for i := range p.Incidents {
		in := &p.Incidents[i]
		in.Tags = []string{"a", "b"}
		in.Impact = []incident.Figure{{Label: "Lost", Value: 1}}
		in.Results = []incident.Figure{{Label: "MTTR", Before: 4, Value: 1, HasBefore: true}}
		in.Actions = []incident.Action{{Text: "Do", Kind: incident.Process}}
		in.Links = []incident.WriteUp{{Title: "PM", URL: "https://example.com", Kind: incident.Postmortem}}
	}
	return p
}

func TestClone(t *testing.T) {
	orig := full()
	c := orig.Clone()
	if diff := cmp.Diff(orig, c); diff != "" {
		t.Fatalf("the clone differs (-orig +clone):\n%s", diff)
	}
	// Change every slice of the clone, in place and by appending.
	c.Intro[0] = "x"
	c.Intro = append(c.Intro, "x")
	c.Roles[0].Label = "x"
	c.Severities[0].Label = "x"
	c.Lessons.Items[0] = "x"
	c.Lessons.Items = append(c.Lessons.Items, "x")
	for i := range c.Incidents {
		in := &c.Incidents[i]
		in.Title = "x"
		in.Situation[0], in.MyRole[0], in.Resolution[0], in.PermanentFix[0], in.Tags[0] = "x", "x", "x", "x", "x"
		in.Situation = append(in.Situation, "appended")
		in.MyRole = append(in.MyRole, "appended")
		in.Tags = append(in.Tags, "appended")
		in.Impact[0].Value = 99
		in.Impact = append(in.Impact, incident.Figure{Label: "appended"})
		in.Results[0].Before = 99
		in.Actions[0].Done = true
		in.Actions = append(in.Actions, incident.Action{Text: "appended"})
		in.Links[0].URL = "x"
	}
	c.Incidents = append(c.Incidents, incident.Incident{ID: "appended"})
	if diff := cmp.Diff(full(), orig); diff != "" {
		t.Errorf("changing the clone changed the original (-want +got):\n%s", diff)
	}

	// Appending to one field of a clone must not overwrite its neighbour
	// in the clone's shared backing arrays.
	c2 := orig.Clone()
	c2.Incidents[0].Situation = append(c2.Incidents[0].Situation, "appended")
	if c2.Incidents[0].MyRole[0] != orig.Incidents[0].MyRole[0] {
		t.Errorf("appending to situation overwrote myRole: %q", c2.Incidents[0].MyRole[0])
	}

	// Nil slices stay nil, so a clone of the zero Portfolio is equal to it.
	var zero incident.Portfolio
	if diff := cmp.Diff(zero, zero.Clone()); diff != "" {
		t.Errorf("clone of the zero portfolio (-want +got):\n%s", diff)
	}

	in := orig.Incidents[1]
	ic := in.Clone()
	ic.Tags[0] = "x"
	ic.Actions[0].Text = "x"
	if in.Tags[0] != "a" || in.Actions[0].Text != "Do" {
		t.Error("changing Incident.Clone's result changed the original")
	}
}

func TestLookups(t *testing.T) {
	p := full()
	if d, ok := p.Role("on-call"); !ok || d.Label != "On call" {
		t.Errorf("Role(on-call) = %v, %v", d, ok)
	}
	if d, ok := p.Role(incident.LedResolution); !ok || d.Label != "Led Resolution" {
		t.Errorf("Role(led-resolution) = %v, %v", d, ok)
	}
	if _, ok := p.Role("nobody"); ok {
		t.Error("Role(nobody) found")
	}
	if got := p.RoleLabel("nobody"); got != "nobody" {
		t.Errorf("RoleLabel(nobody) = %q", got)
	}
	if d, ok := p.Severity("SEV-3"); !ok || d.Label != "Minor" {
		t.Errorf("Severity(SEV-3) = %v, %v", d, ok)
	}
	if _, ok := p.Severity("P1"); ok {
		t.Error("Severity(P1) found on a declared scale")
	}
	scale := p.Scale()
	scale[0].Label = "changed"
	if p.Severities[0].Label == "changed" {
		t.Error("changing Scale's result changed the portfolio")
	}
	d := valid()
	if diff := cmp.Diff(incident.DefaultScale(), d.Scale()); diff != "" {
		t.Errorf("Scale without a declared one (-want +got):\n%s", diff)
	}
}

func TestSections(t *testing.T) {
	in := valid().Incidents[0]
	var got []string
	for _, s := range in.Sections() {
		got = append(got, s.Name+"|"+s.Key+"|"+s.Paragraphs[0])
	}
	want := []string{"Situation|situation|It broke.", "My Role|myRole|I fixed it.", "Resolution|resolution|Rolled back.", "Permanent Fix|permanentFix|Added a test."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sections (-want +got):\n%s", diff)
	}
}
