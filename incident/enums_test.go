package incident_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
)

// textRoundTrip checks that v marshals to key and that key unmarshals to v.
func textRoundTrip[T any, P interface {
	*T
	encoding.TextMarshaler
	encoding.TextUnmarshaler
}](t *testing.T, v T, key string) {
	t.Helper()
	b, err := P(&v).MarshalText()
	if err != nil || string(b) != key {
		t.Errorf("MarshalText(%v) = %q, %v; want %q", v, b, err, key)
	}
	var back T
	if err := P(&back).UnmarshalText([]byte(key)); err != nil {
		t.Errorf("UnmarshalText(%q): %v", key, err)
	}
	if fmt.Sprint(back) != fmt.Sprint(v) {
		t.Errorf("UnmarshalText(%q) = %v, want %v", key, back, v)
	}
}

func TestRole(t *testing.T) {
	tests := []struct {
		role incident.Role
		str  string
	}{
		{incident.CausedAndFixed, "Caused & Fixed"},
		{incident.LedResolution, "Led Resolution"},
		{"on-call", "on-call"},
	}
	for _, tc := range tests {
		if got := tc.role.String(); got != tc.str {
			t.Errorf("%q.String() = %q, want %q", string(tc.role), got, tc.str)
		}
		textRoundTrip(t, tc.role, string(tc.role))
	}
	var r incident.Role = "kept"
	for _, bad := range []string{"", "Caused & Fixed", "-a", "a-", "a--b", "A", "a_b", string(make([]byte, 65))} {
		if err := r.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("UnmarshalText(%q) accepted", bad)
		}
	}
	if r != "kept" {
		t.Errorf("a failed UnmarshalText changed the role to %q", r)
	}
	want := []incident.RoleDef{{Key: incident.CausedAndFixed, Label: "Caused & Fixed"}, {Key: incident.LedResolution, Label: "Led Resolution"}}
	got := incident.BuiltinRoles()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("BuiltinRoles (-want +got):\n%s", diff)
	}
	got[0].Label = "changed"
	if incident.BuiltinRoles()[0].Label != "Caused & Fixed" {
		t.Error("changing BuiltinRoles' result changed the built-in roles")
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []incident.Severity{incident.P1, incident.P4, "SEV-1", "sev_2.a"} {
		if s.String() != string(s) {
			t.Errorf("%q.String() = %q", string(s), s.String())
		}
		textRoundTrip(t, s, string(s))
	}
	var s incident.Severity
	for bad, msg := range map[string]string{
		"":                                  `malformed severity "": empty`,
		"P 1":                               `malformed severity "P 1": want letters, digits, '-', '_' or '.'`,
		"P1!":                               `malformed severity "P1!": want letters, digits, '-', '_' or '.'`,
		"Ŝ1":                                `malformed severity "Ŝ1": want letters, digits, '-', '_' or '.'`,
		"P12345678901234567890123456789012": `malformed severity "P12345678901234567890123456789012": longer than 32 bytes`,
	} {
		if err := s.UnmarshalText([]byte(bad)); errString(err) != msg {
			t.Errorf("UnmarshalText(%q) error = %q, want %q", bad, errString(err), msg)
		}
	}
	want := []incident.SeverityDef{{Code: "P1", Label: "Critical", Level: 1}, {Code: "P2", Label: "High", Level: 2}, {Code: "P3", Label: "Medium", Level: 3}, {Code: "P4", Label: "Low", Level: 4}}
	if diff := cmp.Diff(want, incident.DefaultScale()); diff != "" {
		t.Errorf("DefaultScale (-want +got):\n%s", diff)
	}
}

func TestCommandRole(t *testing.T) {
	labels := map[incident.CommandRole]string{
		incident.IncidentCommander:   "Incident Commander",
		incident.DeputyCommander:     "Deputy Incident Commander",
		incident.CommunicationsLead:  "Communications Lead",
		incident.OperationsLead:      "Operations Lead",
		incident.Scribe:              "Scribe",
		incident.SubjectMatterExpert: "Subject Matter Expert",
		incident.Responder:           "Responder",
	}
	roles := incident.CommandRoles()
	if len(roles) != len(labels) {
		t.Errorf("CommandRoles has %d roles, want %d", len(roles), len(labels))
	}
	for _, c := range roles {
		if c.String() != labels[c] {
			t.Errorf("%q.String() = %q, want %q", string(c), c.String(), labels[c])
		}
		textRoundTrip(t, c, string(c))
	}
	var c incident.CommandRole
	if err := c.UnmarshalText([]byte("Incident Commander")); errString(err) != `unknown command role "Incident Commander"; want one of incident-commander, deputy-commander, communications-lead, operations-lead, scribe, subject-matter-expert, responder` {
		t.Errorf("UnmarshalText(label) error = %v", err)
	}
	if got := incident.CommandRole("other").String(); got != "other" {
		t.Errorf("unknown role's String() = %q", got)
	}
}

func TestKinds(t *testing.T) {
	for k, label := range map[incident.ActionKind]string{incident.Mitigate: "Mitigate", incident.Prevent: "Prevent", incident.Process: "Process", "x": "x"} {
		if k.String() != label {
			t.Errorf("%q.String() = %q, want %q", string(k), k.String(), label)
		}
	}
	for _, k := range incident.ActionKinds() {
		textRoundTrip(t, k, string(k))
	}
	for k, label := range map[incident.LinkKind]string{incident.Postmortem: "Postmortem", incident.StatusPage: "Status page", incident.Talk: "Talk", incident.Article: "Article", "x": "x"} {
		if k.String() != label {
			t.Errorf("%q.String() = %q, want %q", string(k), k.String(), label)
		}
	}
	for _, k := range incident.LinkKinds() {
		textRoundTrip(t, k, string(k))
	}
	var a incident.ActionKind
	if err := a.UnmarshalText([]byte("Prevent")); errString(err) != `unknown action kind "Prevent"; want one of mitigate, prevent, process` {
		t.Errorf("ActionKind.UnmarshalText(Prevent) error = %v", err)
	}
	var l incident.LinkKind
	if err := l.UnmarshalText([]byte("blog")); errString(err) != `unknown link kind "blog"; want one of postmortem, status-page, talk, article` {
		t.Errorf("LinkKind.UnmarshalText(blog) error = %v", err)
	}
}

func TestIDValid(t *testing.T) {
	for id, want := range map[incident.ID]bool{
		"database-connection-pool-exhaustion": true,
		"ci-cd-pipeline-breakage":             true,
		"a":                                   true,
		"2023-outage":                         true,
		"":                                    false,
		"-a":                                  false,
		"a-":                                  false,
		"a--b":                                false,
		"A":                                   false,
		"a b":                                 false,
		"a_b":                                 false,
		"é":                                   false,
		incident.ID(make([]byte, 64)):         false,
		incident.ID(fmt.Sprintf("%064d", 0)):  true,
		incident.ID(fmt.Sprintf("%065d", 0)):  false,
	} {
		if got := id.Valid(); got != want {
			t.Errorf("ID(%q).Valid() = %v, want %v", string(id), got, want)
		}
	}
}
