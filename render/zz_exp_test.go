package render

import (
	"bytes"
	"testing"
	"unsafe"

	"github.com/incident-leadership/portfolio/incident"
)

func packPortfolio(p incident.Portfolio) incident.Portfolio {
	arena := make([]byte, 0, 64<<20)
	put := func(s string) string {
		if s == "" {
			return s
		}
		start := len(arena)
		arena = append(arena, s...)
		b := arena[start:len(arena)]
		return unsafe.String(&b[0], len(b))
	}
	q := p.Clone()
	for i := range q.Incidents {
		in := &q.Incidents[i]
		in.ID = incident.ID(put(string(in.ID)))
		in.Title = put(in.Title)
		for _, ss := range [][]string{in.Situation, in.MyRole, in.Resolution, in.PermanentFix} {
			for j := range ss {
				ss[j] = put(ss[j])
			}
		}
	}
	return q
}

func BenchmarkExpPacked(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		p := benchPortfolio(n)
		for _, name := range []string{"heap", "packed"} {
			q := p
			if name == "packed" {
				q = packPortfolio(p)
			}
			b.Run(name+"/"+map[int]string{1000: "1k", 10000: "10k"}[n], func(b *testing.B) {
				var page bytes.Buffer
				HTML(&page, q)
				buf := bytes.NewBuffer(make([]byte, 0, 2*page.Len()))
				b.SetBytes(int64(page.Len()))
				for b.Loop() {
					buf.Reset()
					HTML(buf, q)
				}
			})
		}
	}
}

func BenchmarkExpEscape(b *testing.B) {
	p := benchPortfolio(1000)
	var ss []string
	total := 0
	for _, in := range p.Incidents[:100] {
		for _, s := range in.Situation {
			ss = append(ss, s)
			total += len(s)
		}
	}
	buf := make([]byte, 0, 1<<20)
	h := htmlWriter{buf: &buf}
	b.Run("escape", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			buf = buf[:0]
			for _, s := range ss {
				h.text(s)
			}
		}
	})
	b.Run("span", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, s := range ss {
				for i := 0; i < len(s); i++ {
					i += htmlTextEsc.stop.Span(s[i:])
				}
			}
		}
	})
	b.Run("copy", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			buf = buf[:0]
			for _, s := range ss {
				h.str(s)
			}
		}
	})
}
