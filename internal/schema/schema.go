// Package schema generates the JSON Schema of the portfolio content file,
// the file package load reads, from the Go types of package incident.
//
// The schema (draft 2020-12) is committed as portfolio.schema.json at the
// root of the repository; a content file that starts with
//
//	# yaml-language-server: $schema=./portfolio.schema.json
//
// is checked and completed as it is typed in editors that run
// yaml-language-server. The schema says what it can of the loader's rules:
// the keys, their types (under the YAML 1.2 core schema), the required
// keys, enums and patterns, text without control characters or line
// breaks, and safe URLs. Rules across fields, such as unique incident IDs
// or severities on a declared scale, are the loader's alone.
//
// Descriptions come from the doc comments of package incident. They are
// extracted when the package's tests run with -update and embedded, so
// Content needs no source tree at run time.
package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"time"

	"github.com/invopop/jsonschema"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/length"
)

// comments maps "importpath.Type" and "importpath.Type.Field" to the doc
// comment, as jsonschema.Reflector.AddGoComments makes them.
//
//go:embed comments.json
var comments []byte

// Content returns the JSON Schema of the content file: deterministic,
// indented by two spaces, ending with a newline.
func Content() ([]byte, error) {
	var cm map[string]string
	if err := json.Unmarshal(comments, &cm); err != nil {
		return nil, fmt.Errorf("schema: embedded comments: %w", err)
	}
	r := &jsonschema.Reflector{
		Anonymous:      true,
		ExpandedStruct: true,
		Mapper:         mapType(true),
		// Tell time.Duration from incident.Duration: the reflector finds
		// definitions by name, and both are "Duration".
		Namer: func(t reflect.Type) string {
			if t == reflect.TypeFor[time.Duration]() {
				return "time.Duration"
			}
			return ""
		},
		CommentMap: cm,
	}
	s := r.Reflect(&incident.Portfolio{})
	s.Title = "Incident-leadership portfolio"
	if err := refine(s); err != nil {
		return nil, err
	}
	return encode(s)
}

// Forms of the model's textual values; pattern.go says how their patterns
// are written.
const (
	datePattern = `(19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?`
	// dateTimePattern is RFC 3339's date-time, seconds optional as HTML
	// has them, the zone required.
	dateTimePattern = `(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])` +
		`T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])`
)

var (
	slugForm = form{
		body:    `[a-z0-9]+(-[a-z0-9]+)*`,
		comment: "A slug: lower-case ASCII letters and digits, in words joined by single hyphens.",
	}
	severityForm = form{
		body:    `[A-Za-z0-9._-]{1,32}`,
		comment: "A severity code: 1 to 32 ASCII letters, digits, '.', '_' or '-'.",
	}
	periodForm = form{
		body: `(` + datePattern + `(/` + datePattern + `)?|` + dateTimePattern + `(/` + dateTimePattern + `)?)`,
		comment: "A date, YYYY, YYYY-MM or YYYY-MM-DD with a year from 1900 to 2999, " +
			"or a date and time with its zone, as in 2023-03-14T13:42Z or 2023-03-14T13:42:05+01:00; " +
			"or a range of two dates, or of two dates and times, joined by '/'.",
	}
	dateTimeForm = form{
		body: dateTimePattern,
		comment: "A date and time with its zone, as in 2023-03-14T13:42Z or 2023-03-14T13:42:05+01:00: RFC 3339, " +
			"seconds optional.",
	}
	// figureTextForm is what a figure's text may not be: a text that
	// starts with a number, as in "20 min" or "12.5", or the YAML core
	// schema's infinity or NaN, which a JSON copy of a content file holds
	// as text (".nan").
	figureTextForm = form{body: `([-+]?\.?[0-9]|([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$)`}
	// lengthForm is the exact length of package length, which the
	// loader reads a duration's length by.
	lengthForm = form{
		body: length.Exact,
		comment: "A length, such as 4h, 2h 15m, 1h 30 min, 90 minutes or 1d 2h: " +
			"numbers of at most six digits (one decimal digit allowed before d, h or m), " +
			"each followed by a unit in any case, d, day, h, hr, hour, m, min, minute, s, sec or second " +
			"(in the plural too), " +
			"separated by nothing, spaces, commas or 'and'; at least one of the numbers is not zero.",
	}
	// approxLengthForm is what incident.ParseDuration reads: a length,
	// after an optional about, around, approx., approximately, roughly or ~.
	approxLengthForm = form{
		body: length.Approximate,
		comment: "A length such as 4h, 2h 15m or 90 minutes, optionally after about, around, approx., approximately, " +
			"roughly or ~, which make it approximate.",
		finalBreak: true,
	}
)

// mapType returns the reflector's Mapper, which gives the schema of the
// model's enums and textual forms; their strings may end with a block
// scalar's line break when finalBreak is set, as in the content file. It
// returns a new schema each time, since the reflector sets a property's
// description on it.
func mapType(finalBreak bool) func(reflect.Type) *jsonschema.Schema {
	str := func(f form) *jsonschema.Schema {
		f.finalBreak = finalBreak
		return f.schema()
	}
	return func(t reflect.Type) *jsonschema.Schema {
		switch t {
		case reflect.TypeFor[incident.ID]():
			s := str(slugForm)
			s.MaxLength = ptr(64)
			return s
		case reflect.TypeFor[incident.Role]():
			// Open: a portfolio may declare roles of its own.
			s := str(slugForm)
			s.MaxLength = ptr(64)
			s.Examples = keys(incident.BuiltinRoles(), func(d incident.RoleDef) string { return string(d.Key) })
			return s
		case reflect.TypeFor[incident.Severity]():
			s := str(severityForm)
			s.Examples = keys(incident.DefaultScale(), func(d incident.SeverityDef) string { return string(d.Code) })
			return s
		case reflect.TypeFor[incident.CommandRole]():
			return enum(incident.CommandRoles())
		case reflect.TypeFor[incident.ActionKind]():
			return enum(incident.ActionKinds())
		case reflect.TypeFor[incident.LinkKind]():
			return enum(incident.LinkKinds())
		case reflect.TypeFor[incident.EventKind]():
			return enum(incident.EventKinds())
		case reflect.TypeFor[incident.State]():
			return enum(incident.States())
		case reflect.TypeFor[incident.Tier]():
			return enum(incident.Tiers())
		case reflect.TypeFor[incident.Date]():
			s := str(dateTimeForm)
			s.Examples = []any{"2023-03-14T13:42Z", "2023-03-14T14:42+01:00"}
			return s
		case reflect.TypeFor[incident.Period]():
			return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
				str(periodForm),
				{Type: "integer", Minimum: "1900", Maximum: "2999", Description: "A bare year."},
			}}
		case reflect.TypeFor[time.Duration]():
			s := str(lengthForm)
			s.Examples = []any{"4h", "1h30m", "2d"}
			return s
		}
		return nil
	}
}

func keys[T any](list []T, key func(T) string) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = key(v)
	}
	return out
}

// enum is a string that is one of the values.
func enum[T ~string](values []T) *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: keys(values, func(v T) string { return string(v) })}
}

// encode writes s as the committed schema files hold it: indented, with
// HTML characters as themselves and the patterns' characters escaped
// (escapePatterns), and a final line break.
func encode(s *jsonschema.Schema) ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	b, err = escapePatterns(b)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func ptr(n uint64) *uint64 { return &n }

// Rules for the string properties the reflector leaves plain, by
// "Type.property" ("Type.property[]" for a list's items), as
// incident.Portfolio.Validate checks them.
var textRules = map[string]textRule{
	"Portfolio.title":         requiredText,
	"Portfolio.tagline":       requiredText,
	"Portfolio.intro[]":       requiredText,
	"Portfolio.legend":        plainText,
	"Link.text":               requiredText,
	"Link.href":               linkURL,
	"RoleDef.label":           requiredText,
	"SeverityDef.label":       requiredText,
	"Incident.title":          requiredText,
	"Incident.situation[]":    requiredText,
	"Incident.myRole[]":       requiredText,
	"Incident.resolution[]":   requiredText,
	"Incident.permanentFix[]": requiredText,
	"Incident.org":            plainText,
	"Incident.tags[]":         requiredText,
	"Duration.text":           requiredText,
	"Figure.label":            requiredText,
	"Figure.unit":             plainText,
	"Figure.note":             plainText,
	"Action.text":             requiredText,
	"WriteUp.title":           requiredText,
	"WriteUp.url":             webURL,
	"Lessons.file":            plainText,
	"Lessons.heading":         plainText,
	"Lessons.items[]":         requiredText,
	"Incident.summary[]":      requiredText,
	"Incident.trigger[]":      requiredText,
	"Incident.rootCause[]":    requiredText,
	"Incident.detection[]":    requiredText,
	"Incident.wentWell[]":     requiredText,
	"Incident.wentWrong[]":    requiredText,
	"Incident.gotLucky[]":     requiredText,
	"Event.text":              requiredText,
}

// A textRule is how a string property is checked.
type textRule int

const (
	plainText    textRule = iota + 1 // text: no control characters
	requiredText                     // text that shows something
	linkURL                          // an http, https, mailto or relative URL
	webURL                           // an http or https URL
)

// apply makes prop, a plain string's schema, check rule: a reference to
// a text form of $defs, or a URL's form.
func (rule textRule) apply(prop *jsonschema.Schema, link, web form) {
	switch rule {
	case plainText:
		prop.Type, prop.Ref = "", "#/$defs/"+textDef
	case requiredText:
		prop.Type, prop.Ref = "", "#/$defs/"+requiredTextDef
	case linkURL:
		link.applyTo(prop)
	case webURL:
		web.applyTo(prop)
	}
}

// refine adds to the reflected schema what the reflector cannot know: text
// and URL patterns, non-empty lists, the two forms of a duration, and the
// default role and severity lists of a portfolio that declares none. It
// fails when a string property has no rule, so that a new field of the
// model cannot go unchecked, and when a rule names no property, so that a
// renamed field cannot lose its rule.
func refine(root *jsonschema.Schema) error {
	text, required, err := textForms()
	if err != nil {
		return err
	}
	link, web, err := urlForms()
	if err != nil {
		return err
	}
	types := map[string]*jsonschema.Schema{"Portfolio": root}
	maps.Copy(types, root.Definitions)
	used := map[string]bool{}
	for name, def := range types {
		if def.Properties == nil {
			continue
		}
		for p := def.Properties.Oldest(); p != nil; p = p.Next() {
			key, prop := name+"."+p.Key, p.Value
			switch {
			case prop.Type == "string" && prop.Pattern == "" && prop.Enum == nil:
				if textRules[key] == 0 {
					return fmt.Errorf("schema: no text rule for %s", key)
				}
				textRules[key].apply(prop, link, web)
				used[key] = true
			case prop.Type == "array" && prop.Items != nil && prop.Items.Type == "string" && prop.Items.Pattern == "":
				if textRules[key+"[]"] == 0 {
					return fmt.Errorf("schema: no text rule for %s[]", key)
				}
				textRules[key+"[]"].apply(prop.Items, link, web)
				used[key+"[]"] = true
			}
		}
	}
	for key := range textRules {
		if !used[key] {
			return fmt.Errorf("schema: text rule for %s matches no property", key)
		}
	}
	for _, key := range []string{
		"Portfolio.incidents", "Incident.situation", "Incident.myRole", "Incident.resolution", "Incident.permanentFix",
		"Lessons.items",
	} {
		property(types, key).MinItems = ptr(1)
	}
	property(types, "Incident.tags").UniqueItems = true
	property(types, "SeverityDef.level").Minimum = "0"

	// A duration is a length such as "4h" or "about 6 hours", prose that
	// does not look like a length, such as "Weekend (Fri-Sun)", or the
	// mapping {text, length, approximate}, whose approximate needs a
	// length.
	d := types["Duration"]
	approxTrue := jsonschema.NewProperties()
	approxTrue.Set("approximate", &jsonschema.Schema{Const: true})
	lengthText := approxLengthForm.schema()
	lengthText.Examples = []any{"4h", "2h 15m", "about 6 hours"}
	root.Definitions["Duration"] = &jsonschema.Schema{
		Description: d.Description,
		OneOf: []*jsonschema.Schema{
			lengthText,
			{
				Comments: "Prose: text that does not look like a length, one that starts with a digit, or with +, - " +
					"or . and a digit, after an optional about, around, approx., approximately, roughly or ~.",
				Ref:      "#/$defs/" + requiredTextDef,
				Examples: []any{"Weekend (Fri-Sun)"},
				Not:      &jsonschema.Schema{Type: "string", Pattern: length.LooksLike},
			},
			{
				Type: d.Type, Properties: d.Properties, Required: d.Required,
				AdditionalProperties: d.AdditionalProperties,
				AllOf: []*jsonschema.Schema{{
					If:   &jsonschema.Schema{Properties: approxTrue, Required: []string{"approximate"}},
					Then: &jsonschema.Schema{Required: []string{"length"}},
				}},
			},
		},
	}

	// A figure's value, and its value before, is a number or a text that
	// does not start with one.
	for _, key := range []string{"Figure.value", "Figure.before"} {
		prop := property(types, key)
		prop.AnyOf = []*jsonschema.Schema{
			{Type: prop.Type},
			{
				Comments: "Text, such as \"staged over hours\", that does not start with a number: a number goes " +
					"without quotes, its unit in unit.",
				Ref: "#/$defs/" + requiredTextDef,
				Not: &jsonschema.Schema{Type: "string", Pattern: "^" + figureTextForm.body},
			},
		}
		prop.Type = ""
	}

	// The text forms, which most string properties refer to.
	for name, def := range map[string]*jsonschema.Schema{textDef: text, requiredTextDef: required} {
		if root.Definitions[name] != nil {
			return fmt.Errorf("schema: $defs already holds a %s", name)
		}
		root.Definitions[name] = def
	}
	root.Comments = portableComment

	// Without declared roles or severities, an incident's role and
	// severity come from the built-in lists.
	root.AllOf = []*jsonschema.Schema{
		whenNone("roles", "role",
			keys(incident.BuiltinRoles(), func(d incident.RoleDef) string { return string(d.Key) })),
		whenNone("severities", "severity",
			keys(incident.DefaultScale(), func(d incident.SeverityDef) string { return string(d.Code) })),
	}
	return nil
}

// whenNone says: when the portfolio declares no list (absent or empty),
// every incident's field is one of builtin.
func whenNone(list, field string, builtin []any) *jsonschema.Schema {
	empty := jsonschema.NewProperties()
	empty.Set(list, &jsonschema.Schema{MaxItems: ptr(0)})
	inner := jsonschema.NewProperties()
	inner.Set(field, &jsonschema.Schema{Enum: builtin})
	incidents := jsonschema.NewProperties()
	incidents.Set("incidents", &jsonschema.Schema{Items: &jsonschema.Schema{Properties: inner}})
	return &jsonschema.Schema{
		If:   &jsonschema.Schema{Properties: empty},
		Then: &jsonschema.Schema{Properties: incidents},
	}
}

// property returns the schema of the property key ("Type.property"), or
// nil when types has none.
func property(types map[string]*jsonschema.Schema, key string) *jsonschema.Schema {
	typ, name, _ := strings.Cut(key, ".")
	if types[typ] == nil || types[typ].Properties == nil {
		return nil
	}
	p, _ := types[typ].Properties.Get(name)
	return p
}
