package page

import (
	"strings"

	"github.com/incident-leadership/portfolio/incident"
)

// SafeHref reports whether s may be a link's target: an
// incident.SafeURL other than "". incident.SafeURL parses the URL, which
// allocates; the common cases are decided here without it: plain http,
// https, absolute-path and fragment URLs are safe, and any other scheme is
// not.
func SafeHref(s string) bool {
	if s == "" {
		return false
	}
	scheme, ok := URLScheme(s)
	switch {
	case !ok:
		return false
	case scheme == "" && (s[0] == '#' || s[0] == '/' && (len(s) == 1 || s[1] != '/')):
		if plainURLTail(s) {
			return true
		}
	case (scheme == "https" || scheme == "http") && len(s) > len(scheme)+3 && s[len(scheme):len(scheme)+3] == "://":
		rest := s[len(scheme)+3:]
		host := 0
		for host < len(rest) && urlHost[rest[host]] {
			host++
		}
		hostEnds := host == len(rest) || rest[host] == '/' || rest[host] == '?' || rest[host] == '#'
		if host > 0 && plainURLTail(rest[host:]) && hostEnds {
			return true
		}
	case scheme != "" && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") &&
		!strings.EqualFold(scheme, "mailto"):
		return false
	}
	return incident.SafeURL(s)
}

// URLScheme returns the scheme of s as net/url reads it, or "" when s
// has none; ok is false when s starts with ':'.
func URLScheme(s string) (scheme string, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", true
			}
		case c == ':':
			return s[:i], i > 0
		default:
			return "", true
		}
	}
	return "", true
}

// plainURLTail reports whether the path, query and fragment s holds
// only bytes no URL parser objects to: letters, digits, the punctuation
// of URLTail and well-formed percent escapes.
func plainURLTail(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !IsHex(s[i+1]) || !IsHex(s[i+2]) {
				return false
			}
			i += 2
			continue
		}
		if !URLTail[c] {
			return false
		}
	}
	return true
}

func IsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// urlHost and URLTail mark the bytes of a plain host name, and of
// a plain path, query and fragment.
var urlHost, URLTail = func() (host, tail [256]bool) {
	for c := range 256 {
		host[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.'
		tail[c] = host[c]
	}
	for _, c := range "_~/?#&=+,;:@!$*()'" {
		tail[c] = true
	}
	return host, tail
}()
