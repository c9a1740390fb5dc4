#!/bin/bash
# Paired A/B: for each variant and each format it touches, N pairs of runs
# (base then variant, or variant then base, alternating), each one whole
# 1k page benchmark of 300 ms, so that each pair is measured seconds apart.
mkdir -p /tmp/tricks/out
cd /tmp/tricks/src-base/render
N=${N:-10}
all="html markdown text jsonresume"
plan=(
  "base2:$all"
  "purego:$all"
  "noahead:$all"
  "noescaper:html jsonresume"
  "nomdplain:markdown"
  "noflowplain:text"
  "nojsonquick:jsonresume"
  "nonumber:$all"
  "nosafehref:$all"
  "nodirect:html"
  "nomdheads:markdown"
  "nopools:html"
  "nopools-plain:$all"
)
one() { # one BINARY BENCH OUT
  /tmp/tricks/$1.test -test.run '^$' -test.bench "$2" -test.benchtime 300ms -test.count 1 -test.cpu 1 -test.benchmem >> "$3" 2>&1
}
for entry in "${plan[@]}"; do
  v=${entry%%:*}; fs=${entry#*:}
  bin=${v%-plain}
  for f in $fs; do
    if [ "$v" = "nopools-plain" ]; then b="^BenchmarkPlainWriter\$/^$f\$/1k\$"; else b="^BenchmarkRender\$/^$f\$/^1k\$/^impl=render\$"; fi
    for i in $(seq 1 $N); do
      if [ $((i % 2)) = 1 ]; then one base "$b" /tmp/tricks/out/$v.base.txt; one $bin "$b" /tmp/tricks/out/$v.var.txt
      else one $bin "$b" /tmp/tricks/out/$v.var.txt; one base "$b" /tmp/tricks/out/$v.base.txt; fi
    done
    echo "$v $f done $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)" >> /tmp/tricks/out/progress
  done
done
