#!/usr/bin/env bash
# Times whole-process builds of surveysite and Hugo on the same synthetic
# Markdown (internal/synth, seed 1), alternating the two, RUNS times each,
# and prints median, min and max wall time and peak RSS. See
# docs/performance.md for the figures and how to install Hugo.
#
#   bench/compare.sh [PAGES ...]        (default: 1000 10000; RUNS=7)
#
# CORPUS=varied writes the corpus with synthsite -varied (sections, Hugo's
# front-matter forms, long-tailed sizes, code, footnotes, images) instead
# of the uniform pages; THEME=minimal builds both with a minimal theme
# (bench/minimal, bench/hugo-minimal, and search: false, since Hugo writes
# no search index) instead of the default theme and its Hugo equivalent
# (bench/hugo). After the runs it checks that both wrote
# the same pages (every page's and section's index.html).
#
# Output goes to /dev/shm so disk flushes do not add noise.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
corpus=${CORPUS:-uniform}
theme=${THEME:-default}
hugodir=bench/hugo
[ "$theme" = minimal ] && hugodir=bench/hugo-minimal
work=${WORK:-/dev/shm/surveysite-bench}
hugo=${HUGO:-$(command -v hugo || echo "$HOME/go/bin/hugo")}
[ -x "$hugo" ] || { echo "hugo not found: GOTOOLCHAIN=go1.27.4 go install github.com/gohugoio/hugo@v0.166.0" >&2; exit 2; }
[ $# -gt 0 ] || set -- 1000 10000
mkdir -p "$work"
go build -o "$work/surveysite" ./cmd/surveysite
echo "surveysite $(git rev-parse --short HEAD 2>/dev/null || echo dev), $("$hugo" version | cut -d' ' -f1-2), $(nproc) cores, $runs runs each, corpus $corpus, theme $theme"

# measure CMD...: prints "seconds peak_kb" for one run.
measure() {
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -o "$work/rss" -f '%M' "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(tail -1 "$work/rss")"
}
# stats FILE: median min max of column 1 (ms) and median of column 2 (KB)
median() { sort -n | awk '{v[NR]=$1} END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'; }
stats() {
  local m mn mx r
  m=$(cut -d' ' -f1 "$1" | median)
  mn=$(cut -d' ' -f1 "$1" | sort -n | head -1)
  mx=$(cut -d' ' -f1 "$1" | sort -n | tail -1)
  r=$(cut -d' ' -f2 "$1" | median)
  awk -v m="$m" -v mn="$mn" -v mx="$mx" -v r="$r" 'BEGIN { printf "%.3f %.3f %.3f %.0f\n", m/1000, mn/1000, mx/1000, r/1024 }'
}

printf '%-7s %-11s %8s %8s %8s %9s\n' pages tool median_s min_s max_s rss_MB
for n in "$@"; do
  gen="$work/gen-$corpus-$n"; src="$work/src-$corpus-$theme-$n"; hsrc="$work/hugo-$corpus-$theme-$n"
  if [ ! -d "$gen" ]; then
    flags=""; [ "$corpus" = varied ] && flags="-varied"
    go run ./cmd/synthsite -out "$gen" -pages "$n" -seed 1 $flags
  fi
  rm -rf "$src" "$hsrc"; mkdir -p "$hsrc"
  cp -r "$gen" "$src"
  if [ "$theme" = minimal ]; then
    cp -r bench/minimal/templates/. "$src/templates/"
    cp bench/minimal/surveysite.yaml "$src/" # search: false, as Hugo writes no index
  fi
  cp -r "$hugodir/." "$hsrc/"; cp -r "$gen/content" "$hsrc/content"
  [ -d "$gen/static" ] && cp -r "$gen/static" "$hsrc/static"
  : > "$work/s-$n"; : > "$work/h-$n"
  for _ in 1; do # warm-up: file cache and Hugo's module resolution
    "$work/surveysite" build --source "$src" --dest "$work/out-s-$n" --force >/dev/null
    "$hugo" --quiet --source "$hsrc" --destination "$work/out-h-$n" >/dev/null
  done
  for ((i = 0; i < runs; i++)); do
    measure "$work/surveysite" build --source "$src" --dest "$work/out-s-$n" --force >> "$work/s-$n"
    rm -rf "$work/out-h-$n"
    measure "$hugo" --quiet --source "$hsrc" --destination "$work/out-h-$n" >> "$work/h-$n"
  done
  read -r sm smin smax srss < <(stats "$work/s-$n")
  read -r hm hmin hmax hrss < <(stats "$work/h-$n")
  printf '%-7s %-11s %8s %8s %8s %9s\n' "$n" surveysite "$sm" "$smin" "$smax" "$srss"
  printf '%-7s %-11s %8s %8s %8s %9s\n' "$n" hugo "$hm" "$hmin" "$hmax" "$hrss"
  awk -v a="$sm" -v b="$hm" -v c="$srss" -v d="$hrss" 'BEGIN { printf "%-7s ratio       time %.2f   rss %.2f\n", "", a/b, c/d }'
  # Both must have written the same pages: compare the folders holding an
  # index.html under the content's sections (tag pages are named apart).
  pages() { (cd "$1" && find . -name index.html -not -path './tags/*' -not -path './search/*' | sort); }
  if diff <(pages "$work/out-s-$n") <(pages "$work/out-h-$n") > "$work/pages-$n.diff"; then
    echo "        same pages: $(pages "$work/out-s-$n" | wc -l) index.html files"
  else
    echo "        pages differ ($(grep -c '^[<>]' "$work/pages-$n.diff") lines, see $work/pages-$n.diff)"
  fi
done
