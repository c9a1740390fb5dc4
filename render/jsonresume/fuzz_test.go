package jsonresume

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/textpos"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// fuzzResumes are the seeds of FuzzMergeResume.
var fuzzResumes = []string{
	`{}`, `{"basics":{"name":"A"}}`, "{\n  \"meta\": {\"version\": \"v1\"}\n}", `{"meta":{"incidentLeadership":1}}`,
	`{"meta":1}`, `{"projects":[{"type":"incident","incidentId":"a"},"x"]}`, `{"projects":[{"type":"incident","incidentId":"b"}]}`, `{"a":1,"a":2}`, `{"meta":{},"meta":{}}`,
	"\xef\xbb\xbf{\"bom\":true}", "{\r\n\t\"crlf\": [1, 2.50, -0, 1e+2]\r\n}", `{"big":123456789012345678901234567890}`,
	`{"s":"\u00e9\ud83d\ude92 \u2028 \"q\" \/ \\","lone":"\ud800"}`, `[]`, `"x"`, `{`, `{"a":1,}`, ``, `   `,
	`{"meta":{}}`, "{\n\t\"a\": [1, -0.5e3, \"\\u00e9\"]\n}", `{"meta":{"incidentLeadership":{}}}`,
	"{\r  \"cr\": {},\r  \"meta\": {   \r\r   },\r  \"projects\": [ ]\r}", "{\"latin1\": \"Jos\xe9\"}",
}

// FuzzMergeResume checks that for any JSON object as the user's résumé,
// the merged result minus what the merge adds equals the input token for
// token: the keys in order, numbers as written, strings with the same
// value. Any other input gets a *MergeError with a position in it, and a
// résumé the merge may not touch (a conflicting extension, a key given
// twice, a meta that is not an object) one too.
func FuzzMergeResume(f *testing.F) {
	for _, s := range fuzzResumes {
		f.Add([]byte(s))
	}
	p := jsonTiny()
	f.Fuzz(func(t *testing.T, resume []byte) {
		doc := bytes.TrimPrefix(resume, []byte("\xef\xbb\xbf"))
		object := json.Valid(doc) && utf8.Valid(doc) && bytes.TrimLeft(doc, " \t\r\n")[0] == '{'
		for _, opts := range [][]render.Option{nil, {TopLevel()}, {Projects()}, {Projects(), TopLevel()}} {
			c := page.NewConfig(opts)
			var out bytes.Buffer
			err := Merge(&out, resume, p, opts...)
			if err != nil {
				var me *MergeError
				if !errors.As(err, &me) {
					t.Fatalf("%T is not a *MergeError: %v", err, err)
				}
				line, col := textpos.LineCol(resume, len(resume))
				if me.Line < 1 || me.Col < 1 || me.Line > line || me.Line == line && me.Col > col {
					t.Errorf("%v: position outside the document (which ends at %d:%d)", err, line, col)
				}
				if object && mergeable(t, doc, &c) {
					t.Fatalf("%d options: refused %q: %v", len(opts), resume, err)
				}
				if out.Len() > 0 {
					t.Errorf("wrote %d bytes on error", out.Len())
				}
				continue
			}
			if !object {
				t.Fatalf("merged into %q, which is not a JSON object", resume)
			}
			in, got := readTree(t, doc), readTree(t, out.Bytes())
			stripOurs(in, &p, &c)
			stripMerge(t, in, got, &c)
			if diff := treeDiff(in, got); diff != "" {
				t.Fatalf("%d options: the merge changed %q (-input +result minus the extension):\n%s", len(opts), resume, diff)
			}
		}
	})
}

// stripOurs takes out of a résumé what a merge of p with c replaces: the
// extension, and with Projects the projects entries the merge owns.
func stripOurs(n *jsonNode, p *incident.Portfolio, c *page.Config) {
	ids := ourIDsNode(n, p)
	if c.TopLevel {
		n.remove(Key)
	} else if meta := n.get("meta"); meta != nil && meta.Kind == "object" {
		meta.remove(Key)
	}
	if projects := n.get("projects"); c.Projects && projects != nil && projects.Kind == "array" {
		var kept []*jsonNode
		for _, e := range projects.Vals {
			if !isOursNode(e, ids) {
				kept = append(kept, e)
			}
		}
		projects.Vals = kept
	}
}

// mergeable reports whether Merge must accept the JSON object doc
// with options c: no key it touches is given twice, meta is an object and
// projects an array when they are there, and no different extension value
// is in the way.
func mergeable(t *testing.T, doc []byte, c *page.Config) bool {
	top := readTree(t, doc)
	once := func(n *jsonNode, key string) bool {
		k := 0
		for _, name := range n.Keys {
			if name == key {
				k++
			}
		}
		return k <= 1
	}
	holder := top
	if !c.TopLevel {
		if !once(top, "meta") {
			return false
		}
		if holder = top.get("meta"); holder == nil {
			holder = &jsonNode{Kind: "object"}
		}
		if holder.Kind != "object" {
			return false
		}
	}
	if !once(holder, Key) || holder.get(Key) != nil {
		return false // a value there is equal (kept) or different (refused): left to the other tests
	}
	if c.Projects {
		if projects := top.get("projects"); !once(top, "projects") || projects != nil && projects.Kind != "array" {
			return false
		}
	}
	return true
}
