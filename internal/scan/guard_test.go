//go:build linux

package scan

import (
	"syscall"
	"testing"
	"unsafe"
)

// TestSpanGuardPages scans and escapes strings that start right after
// and end right before pages no one may read: the 32-byte loads of short
// strings in Span and Escape must stay within the page that holds them,
// and this test crashes if they do not.
func TestSpanGuardPages(t *testing.T) {
	page := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 3*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatalf("mmap: %v", err)
	}
	defer syscall.Munmap(mem)
	if err := syscall.Mprotect(mem[:page], syscall.PROT_NONE); err != nil {
		t.Fatalf("mprotect: %v", err)
	}
	if err := syscall.Mprotect(mem[2*page:], syscall.PROT_NONE); err != nil {
		t.Fatalf("mprotect: %v", err)
	}
	mid := mem[page : 2*page]
	for i := range mid {
		mid[i] = 'a'
	}
	set := sets["html"]
	for n := 0; n <= 100; n++ {
		for _, start := range []int{0, 1, 31, 32, page/2 - n/2, page - n - 1, page - n} {
			if start < 0 || start+n > page {
				continue
			}
			b := mid[start : start+n]
			s := unsafe.String(unsafe.SliceData(b), n)
			for pos := -1; pos < n; pos++ {
				if pos >= 0 {
					b[pos] = '.'
					if e := escapers["markdown"]; complete(t, e, s, 200, e.Escape) != spec(e, s) {
						t.Fatalf("Escape of %d bytes at %d with '.' at %d is wrong", n, start, pos)
					}
					b[pos] = '<'
				}
				if got, want := set.Span(s), naive(set, s); got != want {
					t.Fatalf("Span of %d bytes at %d with '<' at %d = %d, want %d", n, start, pos, got, want)
				}
				if got, want := set.SpanPair(s, 'a'), naivePair(set, s, 'a'); got != want {
					t.Fatalf("SpanPair of %d bytes at %d with '<' at %d = %d, want %d", n, start, pos, got, want)
				}
				if pos >= 0 {
					b[pos] = 'a'
				}
			}
			if got, want := complete(t, escapers["html"], s, 200, escapers["html"].Escape), spec(escapers["html"], s); got != want {
				t.Fatalf("Escape of %d bytes at %d = %q, want %q", n, start, got, want)
			}
			if n >= 2 && start+n == page {
				// A ':' and one byte at the end of the page: looking for
				// the "//" after it must not read past the page.
				b[n-2], b[n-1] = ':', '/'
				e := escapers["markdown"]
				if got, want := complete(t, e, s, 200, e.Escape), spec(e, s); got != want {
					t.Fatalf("Escape of %q at the end of a page = %q, want %q", s, got, want)
				}
				b[n-2], b[n-1] = 'a', 'a'
			}
		}
	}
}
