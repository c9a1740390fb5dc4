package incident

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Role is the person's part in an incident. Its value is the stable key
// written in the content file, such as "caused-and-fixed". A portfolio may
// declare roles of its own in Portfolio.Roles.
type Role string

// The built-in roles.
const (
	// CausedAndFixed: the person's change caused the incident, and they fixed it for good.
	CausedAndFixed Role = "caused-and-fixed"
	// LedResolution: the person led the response to an outage they did not cause.
	LedResolution Role = "led-resolution"
)

// BuiltinRoles are the roles every portfolio knows, in legend order.
var builtinRoles = [...]RoleDef{
	{Key: CausedAndFixed, Label: "Caused & Fixed"},
	{Key: LedResolution, Label: "Led Resolution"},
}

// BuiltinRoles returns the roles every portfolio knows, in legend order.
func BuiltinRoles() []RoleDef { return append([]RoleDef(nil), builtinRoles[:]...) }

// String returns the label of a built-in role ("Caused & Fixed") and the key
// of any other. Portfolio.RoleLabel also knows declared roles.
func (r Role) String() string {
	for _, d := range builtinRoles {
		if d.Key == r {
			return d.Label
		}
	}
	return string(r)
}

// MarshalText returns the role's key.
func (r Role) MarshalText() ([]byte, error) { return []byte(r), nil }

// UnmarshalText sets the role from its key. Whether the key is known is for
// Portfolio.Validate to say, since portfolios may declare their own.
func (r *Role) UnmarshalText(b []byte) error {
	if !isSlug(string(b)) {
		return fmt.Errorf("malformed role %q: want a key such as %q", b, CausedAndFixed)
	}
	*r = Role(b)
	return nil
}

// RoleDef declares a role and the label pages show for it.
type RoleDef struct {
	// Key is the role's stable key, a slug such as "incident-commander-on-call".
	Key Role `json:"key"`
	// Label is what pages show, such as "Led Resolution".
	Label string `json:"label"`
}

// Severity is an incident's severity code, kept exactly as written: "P1" on
// the default scale, or a code of the portfolio's own scale such as "SEV-1".
type Severity string

// The default severity scale.
const (
	P1 Severity = "P1"
	P2 Severity = "P2"
	P3 Severity = "P3"
	P4 Severity = "P4"
)

var defaultScale = [...]SeverityDef{
	{Code: P1, Label: "Critical", Level: 1},
	{Code: P2, Label: "High", Level: 2},
	{Code: P3, Label: "Medium", Level: 3},
	{Code: P4, Label: "Low", Level: 4},
}

// DefaultScale returns the severity scale used when a portfolio declares
// none: P1 Critical, P2 High, P3 Medium, P4 Low.
func DefaultScale() []SeverityDef { return append([]SeverityDef(nil), defaultScale[:]...) }

// String returns the code, such as "P1".
func (s Severity) String() string { return string(s) }

// MarshalText returns the code.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText sets the code. Whether it is on the scale is for
// Portfolio.Validate to say.
func (s *Severity) UnmarshalText(b []byte) error {
	if err := checkCode(string(b)); err != nil {
		return fmt.Errorf("malformed severity %q: %w", b, err)
	}
	*s = Severity(b)
	return nil
}

func checkCode(s string) error {
	if s == "" {
		return errors.New("empty")
	}
	if len(s) > 32 {
		return errors.New("longer than 32 bytes")
	}
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return errors.New("want letters, digits, '-', '_' or '.'")
		}
	}
	return nil
}

// SeverityDef declares one step of a severity scale.
type SeverityDef struct {
	// Code is the severity as written on incidents, such as "P1" or "SEV-1".
	Code Severity `json:"code"`
	// Label is the word pages show beside the code, such as "Critical".
	Label string `json:"label"`
	// Level orders the scale: a lower level is more severe.
	Level int `json:"level"`
	// Tier is the colour tier pages draw the level in: critical, high, medium, low or info; see TierOn for the default.
	Tier Tier `json:"tier,omitempty"`
}

// CommandRole is the person's role in the incident-command structure.
type CommandRole string

// The incident-command roles.
const (
	IncidentCommander   CommandRole = "incident-commander"
	DeputyCommander     CommandRole = "deputy-commander"
	CommunicationsLead  CommandRole = "communications-lead"
	OperationsLead      CommandRole = "operations-lead"
	Scribe              CommandRole = "scribe"
	SubjectMatterExpert CommandRole = "subject-matter-expert"
	Responder           CommandRole = "responder"
)

var commandRoles = [...]label[CommandRole]{
	{IncidentCommander, "Incident Commander"},
	{DeputyCommander, "Deputy Incident Commander"},
	{CommunicationsLead, "Communications Lead"},
	{OperationsLead, "Operations Lead"},
	{Scribe, "Scribe"},
	{SubjectMatterExpert, "Subject Matter Expert"},
	{Responder, "Responder"},
}

// CommandRoles returns the known incident-command roles.
func CommandRoles() []CommandRole { return keysOf(commandRoles[:]) }

// String returns the role's label, such as "Incident Commander".
func (c CommandRole) String() string { return labelOf(commandRoles[:], c) }

// MarshalText returns the role's key.
func (c CommandRole) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText sets the role from its key.
func (c *CommandRole) UnmarshalText(b []byte) error {
	return parseKey(c, b, commandRoles[:], "command role")
}

// ActionKind classifies an action item.
type ActionKind string

// The kinds of action item.
const (
	Mitigate ActionKind = "mitigate"
	Prevent  ActionKind = "prevent"
	Process  ActionKind = "process"
)

var actionKinds = [...]label[ActionKind]{
	{Mitigate, "Mitigate"},
	{Prevent, "Prevent"},
	{Process, "Process"},
}

// ActionKinds returns the kinds of action item.
func ActionKinds() []ActionKind { return keysOf(actionKinds[:]) }

// String returns the kind's label, such as "Prevent".
func (k ActionKind) String() string { return labelOf(actionKinds[:], k) }

// MarshalText returns the kind's key.
func (k ActionKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText sets the kind from its key.
func (k *ActionKind) UnmarshalText(b []byte) error {
	return parseKey(k, b, actionKinds[:], "action kind")
}

// LinkKind classifies a write-up.
type LinkKind string

// The kinds of write-up.
const (
	Postmortem LinkKind = "postmortem"
	StatusPage LinkKind = "status-page"
	Talk       LinkKind = "talk"
	Article    LinkKind = "article"
)

var linkKinds = [...]label[LinkKind]{
	{Postmortem, "Postmortem"},
	{StatusPage, "Status page"},
	{Talk, "Talk"},
	{Article, "Article"},
}

// LinkKinds returns the kinds of write-up.
func LinkKinds() []LinkKind { return keysOf(linkKinds[:]) }

// String returns the kind's label, such as "Status page".
func (k LinkKind) String() string { return labelOf(linkKinds[:], k) }

// MarshalText returns the kind's key.
func (k LinkKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText sets the kind from its key.
func (k *LinkKind) UnmarshalText(b []byte) error { return parseKey(k, b, linkKinds[:], "link kind") }

// label is a key of a closed set, such as an action kind, and the label
// pages show for it.
type label[T ~string] struct {
	key   T
	label string
}

// keysOf returns the keys of a closed set, in its order.
func keysOf[T ~string](set []label[T]) []T {
	out := make([]T, len(set))
	for i, l := range set {
		out[i] = l.key
	}
	return out
}

// labelOf returns the label of key, or the key itself when the set does
// not hold it.
func labelOf[T ~string](set []label[T], key T) string {
	for _, l := range set {
		if l.key == key {
			return l.label
		}
	}
	return string(key)
}

// parseKey sets *v to the key b names, or says which keys the set holds;
// what names the set in the error, as in "action kind".
func parseKey[T ~string](v *T, b []byte, set []label[T], what string) error {
	for _, l := range set {
		if string(l.key) == string(b) {
			*v = l.key
			return nil
		}
	}
	return fmt.Errorf("unknown %s %q; want one of %s", what, b, joinKeys(keysOf(set)))
}

func joinKeys[T ~string](keys []T) string {
	var b strings.Builder
	for i, k := range keys {
		if slices.Contains(keys[:i], k) {
			continue // declared twice, which has its own error
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(k))
	}
	return b.String()
}

// isSlug reports whether s is lower-case ASCII words of letters and digits
// joined by single hyphens, at most 64 bytes.
func isSlug(s string) bool {
	if s == "" || len(s) > 64 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Valid reports whether id is a well-formed slug.
func (id ID) Valid() bool { return isSlug(string(id)) }
