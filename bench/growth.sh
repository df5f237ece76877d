#!/usr/bin/env bash
# Times surveysite builds and the floor (bench/floor) on the varied synthetic
# corpus at 1,000, 10,000 and 100,000 pages, alternating the two, and prints
# one line per run: pages, tool, wall s, user s, system s, peak RSS KB. See
# docs/performance.md ("Growth to 100,000 pages", "The floor").
#
#   bench/growth.sh [PAGES ...]     (default: 1000 10000 100000; RUNS=5, 3 at 100,000)
#
# Corpora (synthsite -varied, seed 1) and output go to /dev/shm.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${WORK:-/dev/shm/surveysite-growth}
[ $# -gt 0 ] || set -- 1000 10000 100000
mkdir -p "$work"
go build -o "$work/surveysite" ./cmd/surveysite
go build -o "$work/floor" ./bench/floor
for n in "$@"; do
  src="$work/varied-$n"
  [ -d "$src" ] || go run ./cmd/synthsite -out "$src" -pages "$n" -seed 1 -varied
  runs=${RUNS:-5}; [ "$n" -ge 100000 ] && runs=${RUNS:-3}
  "$work/surveysite" build --quiet --source "$src" --dest "$work/out" --force >/dev/null 2>&1 # warm-up
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "$n surveysite %e %U %S %M" "$work/surveysite" build --quiet --source "$src" --dest "$work/out" --force 2>&1 >/dev/null | tail -1
    rm -rf "$work/floor-out"
    /usr/bin/time -f "$n floor %e %U %S %M" "$work/floor" -source "$src" -dest "$work/floor-out" 2>&1 >/dev/null | tail -1
  done
done
