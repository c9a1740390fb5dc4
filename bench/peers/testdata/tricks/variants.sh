#!/bin/bash
# variants.sh NAME [TAGS]: a copy of the committed tree in /tmp/tricks/src-NAME
# with the patch NAME applied (none for base and purego), and its render test
# binary, /tmp/tricks/NAME.test, built with TAGS. The patches are never
# committed; see ../../RESULTS.md.
set -euo pipefail
name=$1; tags=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
dir=/tmp/tricks/src-$name
rm -rf "$dir"; mkdir -p "$dir"
git -C "$root" archive HEAD | tar -x -C "$dir"
cd "$dir"
p() { # p FILE PYTHON-OLD PYTHON-NEW: replace exactly once
  python3 - "$@" <<'PY'
import sys
f, old, new = sys.argv[1:4]
s = open(f).read()
n = s.count(old)
if n != 1:
    sys.exit(f"{f}: {n} matches of {old!r}")
open(f, 'w').write(s.replace(old, new))
PY
}
case $name in
base|purego) ;;
noahead) p render/render.go $'func (s *selection) aheadOf(i int) {\n' $'func (s *selection) aheadOf(i int) {\n\tif true {\n\t\treturn\n\t}\n' ;;
noescaper)
  p render/html.go $'\tif !scan.Vector() {\n\t\t*h.buf = b\n\t\th.escapeSpan(e, s)' $'\tif true {\n\t\t*h.buf = b\n\t\th.escapeSpan(e, s)'
  p render/jsonresume.go $'\tif !scan.Vector() {\n\t\tj.bodySpan(s)' $'\tif true {\n\t\tj.bodySpan(s)' ;;
nomdplain) p render/markdown.go 'if scan.Vector() && m.textPlain(s) {' 'if false && m.textPlain(s) {' ;;
noflowplain) p render/text.go 'var textLineOn = true' 'var textLineOn = false' ;;
nojsonquick) p render/jsonresume.go 'return j.plain && j.depth <= jsonQuickDepth && cap(j.b)-len(j.b) >= jsonQuick' 'return false' ;;
nonumber) p render/render.go 'if v == math.Trunc(v) && math.Abs(v) < 1e15' 'if false && v == math.Trunc(v) && math.Abs(v) < 1e15' ;;
nosafehref) p render/html.go $'func htmlSafeHref(s string) bool {\n' $'func htmlSafeHref(s string) bool {\n\tif true {\n\t\treturn s != "" && incident.SafeURL(s)\n\t}\n' ;;
nodirect) p render/html.go $'\tcase *bytes.Buffer:\n\t\tif w.Available() >= htmlRoom {' $'\tcase *bytes.Buffer:\n\t\tif false && w.Available() >= htmlRoom {' ;;
nomdheads)
  p render/markdown.go 'm.str(mdSectionHeads[m.c.headingOffset][k])' 'm.heading(3, s.Name)'
  p render/markdown.go $'for k, s := range in.Sections() {\n\t\tm.block()' $'for _, s := range in.Sections() {\n\t\tm.block()' ;;
nopools)
  p render/render.go 'c := configPool.Get().(*config)' 'c := configPool.New().(*config)'
  p render/render.go $'\tconfigPool.Put(c)\n' ''
  p render/render.go 'b := bufPool.Get().(*bufio.Writer)' 'b := bufPool.New().(*bufio.Writer)'
  p render/render.go $'\t\tbufPool.Put(o.pooled)\n' ''
  p render/html.go 'h.pool.b = htmlBufs.Get().(*[]byte)' 'h.pool.b = htmlBufs.New().(*[]byte)'
  p render/html.go $'\t\thtmlBufs.Put(pool.b)\n' $'\t\t_ = pool.b\n' ;;
*) echo "unknown $name"; exit 1 ;;
esac
cp "$here/plain_test.go" render/zz_plain_test.go
go vet ./render >/dev/null 2>&1 || { go vet ./render; exit 1; }
go test -c ${tags:+-tags $tags} -o /tmp/tricks/$name.test ./render
echo "built $name"
