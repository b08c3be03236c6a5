#!/usr/bin/env bash
# Instruction counts and the profile of one benchmark case under callgrind: deterministic,
# unlike wall seconds on a shared machine (docs/performance.md, "Where the time goes").
#
#   cd Benchmarks && swift build -c release
#   scripts/callgrind.sh a 100000                      # case a at 100,000 callers: top functions
#   scripts/callgrind.sh c 100000 --scenario /tmp/skills10.yaml
#   TOP=40 scripts/callgrind.sh b 20000
#
# Arguments after the case and the callers go to `routesim-bench --child` (--scenario, --set).
# Valgrind 3.19 (Debian 12) cannot read the DWARF 5 that Swift 6.3 emits ("unhandled dwarf2
# abbrev form code 0x25 ... Possibly corrupted debuginfo file"), so the run uses a copy of the
# binary without debug info; function names come from the symbol table.
set -euo pipefail
cd "$(dirname "$0")/.."
case_name=${1:?usage: scripts/callgrind.sh CASE CALLERS [--scenario FILE] [--set KEY=VALUE ...]}
callers=${2:?usage: scripts/callgrind.sh CASE CALLERS [...]}
shift 2
top=${TOP:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build/release/routesim-bench "$work/routesim-bench"
strip --strip-debug "$work/routesim-bench"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$work/routesim-bench" --child "$case_name" --callers "$callers" --root .. "$@" >"$work/result.json" 2>"$work/valgrind.log"
total=$(grep -o 'refs: *[0-9,]*' "$work/valgrind.log" | tr -dc 0-9)
result=$(cat "$work/result.json")
callers_run=$(printf '%s' "$result" | sed -E 's/.*"callers":([0-9]+).*/\1/')
events_run=$(printf '%s' "$result" | sed -E 's/.*"events":([0-9]+).*/\1/')
echo "case $case_name, $callers_run callers, $events_run events: $total instructions" \
    "($((total / callers_run)) per caller, $((total / events_run)) per event, fixed costs included)"
demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }
echo
echo "self cost, top $top:"
callgrind_annotate --threshold=99 "$work/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | sed -n "2,$((top + 1))p" \
    | demangle | sed -E 's/ \[[^]]*\]$//; s/\?\?\?://; s#\./[^:]*:##'
echo
echo "inclusive cost, top $top below main:"
callgrind_annotate --inclusive=yes --threshold=99 "$work/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' \
    | demangle | sed -E 's/ \[[^]]*\]$//; s/\?\?\?://; s#\./[^:]*:##' \
    | grep -vE 'below main|libc_start|ld-linux|_start$|dispatch|Dispatch|thunk|partial apply|Database|SerializedDatabase|inTransaction|routesim_bench_main|Bench.main|PROGRAM TOTALS|0x0' \
    | head -n "$top"
