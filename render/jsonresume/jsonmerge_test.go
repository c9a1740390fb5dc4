package jsonresume

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// jsonTiny is a portfolio small enough to spell merge results out.
func jsonTiny() incident.Portfolio {
	return incident.Portfolio{
		Title: "T", Tagline: "G",
		Incidents: []incident.Incident{{
			ID: "a", Title: "A", Role: incident.LedResolution, Severity: incident.P1,
			Duration:  incident.Duration{Text: "1h"},
			Situation: []string{"s"}, MyRole: []string{"m"}, Resolution: []string{"r"}, PermanentFix: []string{"f"},
		}},
	}
}

// indented is encoding/json's text of v with the given prefix and indent,
// as it goes after a key on a line that starts with prefix.
func indented(t *testing.T, v any, prefix, indent string) string {
	t.Helper()
	b, err := json.MarshalIndent(v, prefix, indent)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func merge(resume string, p incident.Portfolio, opts ...render.Option) (string, error) {
	var b bytes.Buffer
	err := Merge(&b, []byte(resume), p, opts...)
	return b.String(), err
}

// TestMergeResumeLayout spells out whole results: the new text takes the
// layout of the document around it, and nothing else changes.
func TestMergeResumeLayout(t *testing.T) {
	p := jsonTiny()
	x := referenceExtension(p)
	meta := struct {
		Ext Extension `json:"incidentLeadership"`
	}{x}
	c := page.NewConfig(nil)
	project := referenceProject(&c, &p, &p.Incidents[0])
	compact, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, in, want string
		opts           []render.Option
	}{
		{
			name: "empty document",
			in:   "{}",
			want: "{\n  \"meta\": " + indented(t, meta, "  ", "  ") + "\n}",
		},
		{
			name: "empty document with space and a final newline",
			in:   "{ \n}\n",
			want: "{\n  \"meta\": " + indented(t, meta, "  ", "  ") + " \n}\n",
		},
		{
			name: "empty meta with space and blank lines in it",
			in:   "{\n  \"meta\": {   \n\n   }\n}",
			want: "{\n  \"meta\": {\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + "   \n\n   }\n}",
		},
		{
			name: "empty meta with a space in it",
			in:   "{\n  \"meta\": { }\n}",
			want: "{\n  \"meta\": {\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + " \n  }\n}",
		},
		{
			name: "empty projects with a line break in it",
			in:   "{\n  \"projects\": [\n  ],\n  \"meta\": {}\n}",
			want: "{\n  \"projects\": [\n    " + indented(t, project, "    ", "  ") + "\n  ],\n  \"meta\": {\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + "\n  }\n}",
			opts: []render.Option{Projects()},
		},
		{
			name: "CR line ends",
			in:   "{\r  \"basics\": {}\r}\r",
			want: "{\r  \"basics\": {},\r  \"meta\": " + strings.ReplaceAll(indented(t, meta, "  ", "  "), "\n", "\r") + "\r}\r",
		},
		{
			name: "four spaces, no meta",
			in:   "{\n    \"basics\": {\n        \"name\": \"A\"\n    }\n}\n",
			want: "{\n    \"basics\": {\n        \"name\": \"A\"\n    },\n    \"meta\": " + indented(t, meta, "    ", "    ") + "\n}\n",
		},
		{
			name: "tabs, meta with other keys",
			in:   "{\n\t\"meta\": {\n\t\t\"version\": \"v1.0.0\"\n\t},\n\t\"basics\": {}\n}",
			want: "{\n\t\"meta\": {\n\t\t\"version\": \"v1.0.0\",\n\t\t\"incidentLeadership\": " + indented(t, x, "\t\t", "\t") + "\n\t},\n\t\"basics\": {}\n}",
		},
		{
			name: "empty meta",
			in:   "{\n  \"meta\": {}\n}",
			want: "{\n  \"meta\": {\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + "\n  }\n}",
		},
		{
			name: "compact",
			in:   `{"basics":{"name":"A"}}`,
			want: `{"basics":{"name":"A"},"meta":{"incidentLeadership":` + string(compact) + `}}`,
		},
		{
			name: "meta on one line in an indented document",
			in:   "{\n  \"meta\": {\"version\": \"v1\"}\n}",
			want: "{\n  \"meta\": {\"version\": \"v1\", \"incidentLeadership\": " + indented(t, x, "  ", "  ") + "}\n}",
		},
		{
			name: "projects on one line",
			in:   "{\n  \"projects\": [{\"name\": \"x\"}],\n  \"meta\": {}\n}",
			want: "{\n  \"projects\": [{\"name\": \"x\"}, " + indented(t, project, "  ", "  ") + "],\n  \"meta\": {\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + "\n  }\n}",
			opts: []render.Option{Projects()},
		},
		{
			name: "empty projects",
			in:   "{\n  \"projects\": [],\n  \"meta\": {}\n}",
			want: "{\n  \"projects\": [\n    " + indented(t, project, "    ", "  ") + "\n  ],\n  \"meta\": {\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + "\n  }\n}",
			opts: []render.Option{Projects()},
		},
		{
			name: "replace a different value",
			in:   "{\n  \"meta\": {\n    \"incidentLeadership\": {\"old\": true},\n    \"version\": \"v1\"\n  }\n}",
			want: "{\n  \"meta\": {\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + ",\n    \"version\": \"v1\"\n  }\n}",
			opts: []render.Option{Replace()},
		},
		{
			name: "top level",
			in:   "{\n  \"basics\": {}\n}",
			want: "{\n  \"basics\": {},\n  \"incidentLeadership\": " + indented(t, x, "  ", "  ") + "\n}",
			opts: []render.Option{TopLevel()},
		},
		{
			name: "byte order mark, escaped meta key",
			in:   "\xef\xbb\xbf{\n  \"m\\u0065ta\": {\n    \"version\": \"v1\"\n  }\n}",
			want: "\xef\xbb\xbf{\n  \"m\\u0065ta\": {\n    \"version\": \"v1\",\n    \"incidentLeadership\": " + indented(t, x, "    ", "  ") + "\n  }\n}",
		},
		{
			name: "spaces around the colon, CRLF",
			in:   "{\r\n  \"basics\" : {}\r\n}\r\n",
			want: "{\r\n  \"basics\" : {},\r\n  \"meta\" : " + strings.ReplaceAll(indented(t, meta, "  ", "  "), "\n", "\r\n") + "\r\n}\r\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := merge(tt.in, p, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// Merging the result again changes nothing.
			again, err := merge(got, p, tt.opts...)
			if err != nil {
				t.Fatalf("merging again: %v", err)
			}
			if again != got {
				t.Errorf("merging again changed the document:\n%s", cmp.Diff(got, again))
			}
		})
	}
}

// jsonNode is a JSON value as read token by token: keys in order and
// numbers as written.
type jsonNode struct {
	Kind string // object, array, string, number, bool or null
	Keys []string
	Vals []*jsonNode
	Text string // a string's value, a number's literal, "true" or "false"
}

func readTree(t *testing.T, doc []byte) *jsonNode {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(doc, []byte("\xef\xbb\xbf"))))
	dec.UseNumber()
	n, err := readNode(dec)
	if err != nil {
		t.Fatalf("%v in\n%s", err, doc)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("more after the document: %v", err)
	}
	return n
}

func readNode(dec *json.Decoder) (*jsonNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		n := &jsonNode{Kind: "array"}
		if v == '{' {
			n.Kind = "object"
		}
		for dec.More() {
			if n.Kind == "object" {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				n.Keys = append(n.Keys, k.(string))
			}
			c, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			n.Vals = append(n.Vals, c)
		}
		_, err := dec.Token() // the closing delimiter
		return n, err
	case string:
		return &jsonNode{Kind: "string", Text: v}, nil
	case json.Number:
		return &jsonNode{Kind: "number", Text: string(v)}, nil
	case bool:
		return &jsonNode{Kind: "bool", Text: map[bool]string{true: "true", false: "false"}[v]}, nil
	}
	return &jsonNode{Kind: "null"}, nil
}

func (n *jsonNode) get(key string) *jsonNode {
	for i, k := range n.Keys {
		if k == key {
			return n.Vals[i]
		}
	}
	return nil
}

func (n *jsonNode) remove(key string) *jsonNode {
	for i, k := range n.Keys {
		if k == key {
			v := n.Vals[i]
			n.Keys = append(n.Keys[:i:i], n.Keys[i+1:]...)
			n.Vals = append(n.Vals[:i:i], n.Vals[i+1:]...)
			if len(n.Keys) == 0 {
				n.Keys, n.Vals = nil, nil // as read
			}
			return v
		}
	}
	return nil
}

// isOursNode reports whether a projects entry is one a merge owns: marked
// a "type" holding the word "incident" and an "incidentId" in ids, each given once.
func isOursNode(n *jsonNode, ids map[string]bool) bool {
	if n.Kind != "object" {
		return false
	}
	types, idCount := 0, 0
	for _, k := range n.Keys {
		switch k {
		case "type":
			types++
		case "incidentId":
			idCount++
		}
	}
	typ, id := n.get("type"), n.get("incidentId")
	return types == 1 && idCount == 1 && typ.Kind == "string" && slices.Contains(strings.Fields(typ.Text), "incident") && id.Kind == "string" && ids[id.Text]
}

// ourIDsNode returns the incident IDs whose marked projects entries a merge
// of p into the résumé n owns: p's, and those listed by the extension
// values in n, at the top level and in meta.
func ourIDsNode(n *jsonNode, p *incident.Portfolio) map[string]bool {
	ids := map[string]bool{}
	for _, in := range p.Incidents {
		ids[string(in.ID)] = true
	}
	for i, k := range n.Keys {
		switch {
		case k == Key:
			extensionIDsNode(n.Vals[i], ids)
		case k == "meta" && n.Vals[i].Kind == "object":
			for j, mk := range n.Vals[i].Keys {
				if mk == Key {
					extensionIDsNode(n.Vals[i].Vals[j], ids)
				}
			}
		}
	}
	return ids
}

// extensionIDsNode adds the string "id" of each of the extension's
// "incidents" to ids.
func extensionIDsNode(ext *jsonNode, ids map[string]bool) {
	for i, k := range ext.Keys {
		if k != "incidents" || ext.Vals[i].Kind != "array" {
			continue
		}
		for _, in := range ext.Vals[i].Vals {
			for j, ik := range in.Keys {
				if ik == "id" && in.Vals[j].Kind == "string" {
					ids[in.Vals[j].Text] = true
				}
			}
		}
	}
}

// stripMerge takes out of a merged document what Merge added to in:
// the extension, our projects entries, and meta or projects when in had
// none. It returns the extension and our entries. After a merge, the
// entries it owns are exactly those of the incidents its extension lists.
func stripMerge(t *testing.T, in, merged *jsonNode, c *page.Config) (ext *jsonNode, ours []*jsonNode) {
	t.Helper()
	if c.TopLevel {
		ext = merged.remove(Key)
	} else if meta := merged.get("meta"); meta != nil {
		ext = meta.remove(Key)
		if in.get("meta") == nil && len(meta.Keys) == 0 {
			merged.remove("meta")
		}
	}
	if projects := merged.get("projects"); c.Projects && projects != nil {
		ids := map[string]bool{}
		if ext != nil {
			extensionIDsNode(ext, ids)
		}
		var kept []*jsonNode
		for _, e := range projects.Vals {
			if isOursNode(e, ids) {
				ours = append(ours, e)
			} else {
				kept = append(kept, e)
			}
		}
		projects.Vals = kept // nil when empty, as read
		if in.get("projects") == nil {
			merged.remove("projects")
		}
	}
	return ext, ours
}

// treeDiff is cmp.Diff, quicker when there is no difference.
func treeDiff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return cmp.Diff(want, got)
}

// wantTree is the tree of v as encoding/json writes it.
func wantTree(t *testing.T, v any) *jsonNode {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return readTree(t, b)
}

// TestMergeResumeKeepsEverything merges into a range of résumés and checks,
// token by token, that the result minus what the merge adds is the input:
// keys in order, numbers as written, strings with the same meaning.
func TestMergeResumeKeepsEverything(t *testing.T) {
	sample, err := os.ReadFile("testdata/jsonresume-sample-1.3.1.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	resumes := map[string]string{
		"sample":  string(sample),
		"empty":   `{}`,
		"numbers": "{\n  \"big\": 123456789012345678901234567890,\n  \"exp\": 1.0e10,\n  \"negzero\": -0,\n  \"E\": 1E+2,\n  \"list\": [0.10, -1.5e-7, 0, -0.0],\n  \"meta\": {\"n\": 1.50}\n}",
		"escapes": `{"name":"\u00e9\ud83d\ude92 \u2028 \"q\" \/ \\ \t","k\u0065y":["\u003c","<",">&"],"dup":1,"dup":2,"lone":"\ud800"}`, // raw invalid UTF-8 is refused: TestMergeResumeErrors
		"projects": `{
  "projects": [
    {"name": "Mine", "type": "incident"},
    {"name": "Also mine", "incidentId": "not-ours-without-type"},
    {"name": "Mine with the marker", "type": "incident", "incidentId": "my-own-outage"},
    "not even an object"
  ],
  "meta": {"version": "v1.0.0", "lastModified": "2024-01-01T00:00:00"}
}`,
		"nested": `{"a":[[[{"b":[{}]}]]],"meta":{"x":{"y":[1,{"z":null}]}}}`,
	}
	p := jsonFull(t)
	wantExt, wantProjects := map[string]*jsonNode{}, map[string]*jsonNode{}
	for oname, opts := range jsonOptionSets {
		wantExt[oname] = wantTree(t, referenceExtension(p, opts...))
		if projects := referenceDoc(p, opts...).Projects; projects != nil {
			wantProjects[oname] = wantTree(t, *projects)
		}
	}
	for rname, resume := range resumes {
		for oname, opts := range jsonOptionSets {
			c := page.NewConfig(opts)
			var b bytes.Buffer
			if err := Merge(&b, []byte(resume), p, opts...); err != nil {
				t.Fatalf("%s, %s: %v", rname, oname, err)
			}
			in, got := readTree(t, []byte(resume)), readTree(t, b.Bytes())
			ext, ours := stripMerge(t, in, got, &c)
			if diff := treeDiff(in, got); diff != "" {
				t.Errorf("%s, %s: the merge changed the résumé (-input +result minus the extension):\n%s", rname, oname, diff)
			}
			if diff := treeDiff(wantExt[oname], ext); diff != "" {
				t.Errorf("%s, %s: extension (-want +got):\n%s", rname, oname, diff)
			}
			if c.Projects {
				if diff := treeDiff(wantProjects[oname].Vals, ours); diff != "" {
					t.Errorf("%s, %s: projects entries (-want +got):\n%s", rname, oname, diff)
				}
			}
			// Where the input had text, the bytes are still there.
			for _, lit := range []string{"123456789012345678901234567890", "1.0e10", "-0,", "1E+2", "0.10", "-0.0", "1.50", `\u00e9\ud83d\ude92`, `k\u0065y`, `\ud800`} {
				if strings.Contains(resume, lit) && !strings.Contains(b.String(), lit) {
					t.Errorf("%s, %s: %q is gone", rname, oname, lit)
				}
			}
		}
	}
}

// TestMergeResumeProjects merges twice with different selections: the
// second merge replaces the entries of the first, in place, and keeps the
// user's own entries, including one added between the merges.
func TestMergeResumeProjects(t *testing.T) {
	p := jsonBundled(t)
	in := `{
  "projects": [
    {"name": "First of mine"},
    {"name": "Second of mine", "type": "incident"}
  ]
}`
	first, err := merge(in, p, Projects())
	if err != nil {
		t.Fatal(err)
	}
	// The user adds a project at the end.
	edited := strings.Replace(first, "\n  ]", ",\n    {\"name\": \"Added later\"}\n  ]", 1)
	second, err := merge(edited, p, Projects(), render.Roles(incident.LedResolution), Replace())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Projects []struct {
			Name       string `json:"name"`
			IncidentID string `json:"incidentId"`
		} `json:"projects"`
	}
	if err := json.Unmarshal([]byte(second), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Projects {
		got = append(got, e.Name+"|"+e.IncidentID)
	}
	want := []string{
		"First of mine|",
		"Second of mine|",
		"Message Queue Backlog Causing Service Degradation|message-queue-backlog",
		"Kubernetes Node Group Rolling Update Failure|kubernetes-node-group-rollout",
		"Added later|",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("projects after two merges (-want +got):\n%s", diff)
	}
	// The user's entries keep their bytes.
	for _, s := range []string{`{"name": "First of mine"}`, `{"name": "Second of mine", "type": "incident"}`, `{"name": "Added later"}`} {
		if !strings.Contains(second, s) {
			t.Errorf("%s is gone", s)
		}
	}
	// The same merge again changes nothing.
	third, err := merge(second, p, Projects(), render.Roles(incident.LedResolution))
	if err != nil {
		t.Fatal(err)
	}
	if third != second {
		t.Errorf("merging again changed the document:\n%s", cmp.Diff(second, third))
	}
	// Without Projects, the entries stay as they are.
	if fourth, err := merge(second, p, render.Roles(incident.LedResolution)); err != nil || fourth != second {
		t.Errorf("merging without Projects: err %v, changed %v", err, fourth != second)
	}
}

// TestMergeResumeOwnedProjects spells out which projects entries a merge
// with Projects replaces: those whose "type" holds the word "incident" and whose
// incidentId is the portfolio's or listed in the résumé's extension value
// (an earlier merge's). Every other entry stays, bytes and place.
func TestMergeResumeOwnedProjects(t *testing.T) {
	p := jsonTiny()
	// An earlier portfolio held "a" and an incident since removed.
	earlier := jsonTiny()
	earlier.Incidents = append(earlier.Incidents, earlier.Incidents[0])
	earlier.Incidents[1].ID, earlier.Incidents[1].Title = "gone", "Gone"
	c := page.NewConfig(nil)
	compact := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ours := compact(referenceProject(&c, &p, &p.Incidents[0]))
	gone := compact(referenceProject(&c, &earlier, &earlier.Incidents[1]))
	ext := compact(referenceExtension(p))
	oldExt := compact(referenceExtension(earlier))
	meta := `"meta":{"incidentLeadership":` + ext + `}`
	for _, tt := range []struct {
		name, in, want string
		opts           []render.Option // besides Projects
		replace        bool
	}{
		{
			name: "an earlier version's entry, marked \"incident\" alone, is ours",
			in:   `{"projects":[{"name":"A","type":"incident","incidentId":"a"},{"name":"mine"}]}`,
			want: `{"projects":[` + ours + `,{"name":"mine"}],` + meta + `}`,
		},
		{
			name: "a type without the word is the user's",
			in:   `{"projects":[{"name":"A","type":"incidental","incidentId":"a"}]}`,
			want: `{"projects":[{"name":"A","type":"incidental","incidentId":"a"},` + ours + `],` + meta + `}`,
		},
		{
			name: "marker with a foreign ID is the user's",
			in:   `{"projects":[{"name":"mine","type":"incident","incidentId":"my-own-outage"}]}`,
			want: `{"projects":[{"name":"mine","type":"incident","incidentId":"my-own-outage"},` + ours + `],` + meta + `}`,
		},
		{
			name: "foreign ID kept in place among ours",
			in:   `{"projects":[` + ours + `,{"name":"mine","type":"incident","incidentId":"my-own-outage"},{"x":1}]}`,
			want: `{"projects":[` + ours + `,{"name":"mine","type":"incident","incidentId":"my-own-outage"},{"x":1}],` + meta + `}`,
		},
		{
			name:    "foreign ID kept with Replace",
			in:      `{"projects":[{"type":"incident","incidentId":"my-own-outage"}],"meta":{"incidentLeadership":` + oldExt + `}}`,
			want:    `{"projects":[{"type":"incident","incidentId":"my-own-outage"},` + ours + `],` + meta + `}`,
			replace: true,
		},
		{
			name:    "incident removed since the earlier merge",
			in:      `{"projects":[{"name":"mine"},` + ours + `,` + gone + `,{"name":"later"}],"meta":{"incidentLeadership":` + oldExt + `}}`,
			want:    `{"projects":[{"name":"mine"},` + ours + `,{"name":"later"}],` + meta + `}`,
			replace: true,
		},
		{
			name: "removed incident first, earlier extension at the top level",
			in:   `{"incidentLeadership":` + oldExt + `,"projects":[` + gone + `,{"name":"mine"},` + ours + `]}`,
			want: `{"incidentLeadership":` + oldExt + `,"projects":[` + ours + `,{"name":"mine"}],` + meta + `}`,
		},
		{
			name: "removed incident, earlier extension in meta, merging at the top level",
			in:   `{"projects":[` + gone + `],"meta":{"incidentLeadership":` + oldExt + `}}`,
			want: `{"projects":[` + ours + `],"meta":{"incidentLeadership":` + oldExt + `},"incidentLeadership":` + ext + `}`,
			opts: []render.Option{TopLevel()},
		},
		{
			name: "removed incident without an earlier extension is the user's",
			in:   `{"projects":[` + gone + `]}`,
			want: `{"projects":[` + gone + `,` + ours + `],` + meta + `}`,
		},
		{
			name: "our ID edited by the user is replaced",
			in:   `{"projects":[{"name":"A, my words","type":"incident","incidentId":"a","highlights":["mine"]},{"name":"mine"}]}`,
			want: `{"projects":[` + ours + `,{"name":"mine"}],` + meta + `}`,
		},
		{
			name: "escaped ID is ours",
			in:   `{"projects":[{"type":"incident","incidentId":"\u0061"}]}`,
			want: `{"projects":[` + ours + `],` + meta + `}`,
		},
		{
			name: "not marked as ours",
			in:   `{"projects":[{"type":"incident","incidentId":1},{"type":"incident","type":"incident","incidentId":"a"},{"type":"incident","incidentId":"a","incidentId":"a"},{"type":"Incident","incidentId":"a"},{"incidentId":"a"},{"type":"incident"},"a"]}`,
			want: `{"projects":[{"type":"incident","incidentId":1},{"type":"incident","type":"incident","incidentId":"a"},{"type":"incident","incidentId":"a","incidentId":"a"},{"type":"Incident","incidentId":"a"},{"incidentId":"a"},{"type":"incident"},"a",` + ours + `],` + meta + `}`,
		},
		{
			name:    "not selected: ours removed, the user's kept",
			in:      `{"projects":[` + ours + `,{"type":"incident","incidentId":"my-own-outage"}],"meta":{"incidentLeadership":` + ext + `}}`,
			want:    `{"projects":[{"type":"incident","incidentId":"my-own-outage"}],"meta":{"incidentLeadership":` + compact(referenceExtension(p, render.IDs())) + `}}`,
			opts:    []render.Option{render.IDs()},
			replace: true,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]render.Option{Projects()}, tt.opts...)
			first := opts
			if tt.replace {
				first = append(opts[:len(opts):len(opts)], Replace())
			}
			got, err := merge(tt.in, p, first...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// Merging the result again changes nothing, Replace or not.
			for _, opts := range [][]render.Option{first, opts} {
				again, err := merge(got, p, opts...)
				if err != nil {
					t.Fatalf("merging again: %v", err)
				}
				if again != got {
					t.Errorf("merging again changed the document:\n%s", cmp.Diff(got, again))
				}
			}
		})
	}
}

func TestMergeResumeSampleGolden(t *testing.T) {
	sample, err := os.ReadFile("testdata/jsonresume-sample-1.3.1.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Merge(&b, sample, jsonBundled(t), Projects()); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample-merged.golden.json", b.Bytes())
}

func TestMergeResumeErrors(t *testing.T) {
	p := jsonTiny()
	merged, err := merge("{\n  \"basics\": {}\n}", p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, in string
		opts     []render.Option
		want     string
		conflict bool
	}{
		{name: "empty", in: "", want: "1:1: unexpected end of JSON input"},
		{name: "only space", in: "  \n ", want: "2:2: unexpected end of JSON input"},
		{name: "trailing comma", in: `{"a": 1,}`, want: `1:9: invalid character '}' looking for beginning of object key string`},
		{name: "bad literal on line 3", in: "{\n  \"a\": 1,\n  \"b\": tru\n}", want: `3:11: invalid character '\n' in literal true (expecting 'e')`},
		{name: "column counts characters", in: `{"é": "ü" x}`, want: `1:11: invalid character 'x' after object key:value pair`},
		{name: "unterminated", in: `{"a": [1, 2`, want: "1:12: unexpected end of JSON input"},
		{name: "after the document", in: "{}\n{}", want: "2:1: invalid character '{' after top-level value"},
		{name: "CR line ends", in: "{\r  \"a\": 1,\r\r  \"b\": tru\r}", want: `4:11: invalid character '\r' in literal true (expecting 'e')`},
		{name: "CR line ends, a byte order mark", in: "\xef\xbb\xbf{\r\"a\": 1,\r\"b\": [,]\r}", want: `3:7: invalid character ',' looking for beginning of value`},
		{name: "Latin-1", in: "{\"basics\": {\"name\": \"Jos\xe9\"}}", want: "1:25: invalid UTF-8: save the file as UTF-8"},
		{name: "Latin-1 on line 3, CRLF", in: "{\r\n  \"a\": 1,\r\n  \"b\": \"caf\xe9\"\r\n}", want: "3:12: invalid UTF-8: save the file as UTF-8"},
		{name: "UTF-16", in: "\xff\xfe{\x00}\x00", want: "1:1: invalid UTF-8: save the file as UTF-8"},
		{name: "invalid UTF-8 after a byte order mark", in: "\xef\xbb\xbf{\"a\": \"\xc3(\"}", want: "1:8: invalid UTF-8: save the file as UTF-8"},
		{name: "array", in: " [1, 2]", want: "1:2: not a JSON object but an array: a résumé is an object"},
		{name: "string", in: `"resume"`, want: "1:1: not a JSON object but a string: a résumé is an object"},
		{name: "null", in: `null`, want: "1:1: not a JSON object but null: a résumé is an object"},
		{name: "number", in: `12`, want: "1:1: not a JSON object but a number: a résumé is an object"},
		{name: "meta array", in: `{"meta": []}`, want: "1:10: meta: not an object but an array"},
		{name: "meta true", in: `{"meta": true}`, want: "1:10: meta: not an object but a boolean"},
		{name: "projects object", in: `{"projects": {}}`, opts: []render.Option{Projects()}, want: "1:14: projects: not an array but an object"},
		{name: "projects object without Projects", in: `{"projects": {}}`},
		{name: "duplicate meta", in: "{\"meta\": {},\n \"meta\": {}}", want: `2:2: meta: duplicate key`},
		{name: "duplicate extension", in: `{"meta": {"incidentLeadership": 1, "incidentLeadership": 1}}`, want: `1:36: meta.incidentLeadership: duplicate key`},
		{name: "duplicate projects", in: `{"projects": [], "projects": []}`, opts: []render.Option{Projects()}, want: `1:18: projects: duplicate key`},
		{name: "different value", in: "{\n  \"meta\": {\n    \"incidentLeadership\": {\"old\": true}\n  }\n}", want: "3:27: meta.incidentLeadership: holds a different value; pass jsonresume.Replace() to overwrite it", conflict: true},
		{name: "different value at the top", in: `{"incidentLeadership": []}`, opts: []render.Option{TopLevel()}, want: "1:24: incidentLeadership: holds a different value; pass jsonresume.Replace() to overwrite it", conflict: true},
		{name: "other selection", in: merged, opts: []render.Option{render.Tags("no-such-tag")}, want: "4:27: meta.incidentLeadership: holds a different value; pass jsonresume.Replace() to overwrite it", conflict: true},
		{name: "same value", in: merged},
		{name: "same value, other whitespace and key order", in: reorder(t, merged)},
		{name: "other selection replaced", in: merged, opts: []render.Option{render.Tags("no-such-tag"), Replace()}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Merge(&b, []byte(tt.in), p, tt.opts...)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got error %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			var me *MergeError
			if !errors.As(err, &me) {
				t.Errorf("%T is not a *MergeError", err)
			}
			if got := errors.Is(err, ErrConflict); got != tt.conflict {
				t.Errorf("errors.Is(err, ErrConflict) = %v", got)
			}
			if b.Len() > 0 {
				t.Errorf("wrote %d bytes before failing", b.Len())
			}
		})
	}
}

// reorder rewrites a document compactly with its object keys sorted.
func reorder(t *testing.T, doc string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v) // maps: sorted keys
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMergeErrorFileName(t *testing.T) {
	err := Merge(io.Discard, []byte("{\n  \"a\" 1\n}"), jsonTiny())
	var me *MergeError
	if !errors.As(err, &me) || me.Line != 2 || me.Col != 7 {
		t.Fatalf("got %#v", err)
	}
	if got, want := errorsWithName("resume.json", err), "resume.json:2:7: invalid character '1' after object key"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func errorsWithName(name string, err error) string { return name + ":" + err.Error() }
