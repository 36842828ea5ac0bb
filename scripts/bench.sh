#!/usr/bin/env bash
# Measures spokit on one core and prints the figures as a Markdown table:
# the Go benchmarks of a typical and a large synthetic case (synth.Typical,
# synth.Large) beside their raw fpdf and excelize baselines, then the
# time and peak memory of "spokit build" of the large case, and whether two
# builds under different time zones and locales are byte-identical.
#
# Each benchmark runs COUNT times (default 5) and the table gives the
# median of the runs, so a burst of other work on the machine moves one
# run, not the figure.
#
# Usage: scripts/bench.sh   (BENCHTIME=3s COUNT=3 scripts/bench.sh to change
# -benchtime and -count; it takes about four minutes with the defaults. Run
# it on an otherwise idle machine.)
set -euo pipefail
cd "$(dirname "$0")/.."

benchtime=${BENCHTIME:-1s}
count=${COUNT:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(go version | cut -d' ' -f3-)"
echo "Benchmarks run with GOMAXPROCS=1 (-cpu 1), -benchtime $benchtime, median of -count $count."
echo

go test -run '^$' -benchmem -cpu 1 -benchtime "$benchtime" -count "$count" \
  -bench '^(BenchmarkDecodeValidate|BenchmarkBundle|BenchmarkServiceCopy)$' ./spo >"$work/bench.txt"
go test -run '^$' -benchmem -cpu 1 -benchtime "$benchtime" -count "$count" \
  -bench '^(BenchmarkScreen|BenchmarkForms|BenchmarkWorkbook)$' ./casefile >>"$work/bench.txt"
go test -run '^$' -benchmem -cpu 1 -benchtime "$benchtime" -count "$count" \
  -bench '^BenchmarkBuild$' ./cmd/spokit >>"$work/bench.txt"

# A benchmark named X-fpdf or X-excelize is the baseline of X; the
# workbook's X-excelize-policy is excelize doing the disclosure policy and
# the screening's wording too. Each figure is the median of the runs; a
# ratio is that of the medians.
awk '
  /^Benchmark/ {
    name = $1; sub(/^Benchmark/, "", name)
    if (!(name in runs)) order[++n] = name
    k = ++runs[name]
    for (f = 3; f <= NF; f++) {
      if ($f == "ns/op") ns[name, k] = $(f - 1)
      if ($f == "B/op") bytes[name, k] = $(f - 1)
      if ($f == "allocs/op") allocs[name, k] = $(f - 1)
    }
  }
  function median(v, m,    i, j, t) {
    for (i = 2; i <= m; i++)
      for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
  }
  function med(a, name,    v, i) {
    split("", v)
    for (i = 1; i <= runs[name]; i++) v[i] = a[name, i]
    return median(v, runs[name])
  }
  function dur(v) {
    if (v >= 1e9) return sprintf("%.2f s", v / 1e9)
    if (v >= 1e6) return sprintf("%.1f ms", v / 1e6)
    return sprintf("%.0f µs", v / 1e3)
  }
  function mem(v) { return v >= 1048576 ? sprintf("%.1f MB", v / 1048576) : sprintf("%.0f kB", v / 1024) }
  END {
    print "| benchmark | time/op | allocs/op | memory/op | ratio to baseline |"
    print "|---|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      name = order[i]; ratio = ""
      for (b in runs) {
        if (b == name "-fpdf" || b == name "-excelize") ratio = sprintf("%.2fx", med(ns, name) / med(ns, b))
      }
      printf "| %s | %s | %d | %s | %s |\n", name, dur(med(ns, name)), med(allocs, name), mem(med(bytes, name)), ratio
    }
    pdf = raw = 0
    split("Forms/large Bundle/large ServiceCopy/large", docs, " ")
    for (i in docs) {
      if (runs[docs[i]] > 0) pdf += med(ns, docs[i])
      if (runs[docs[i] "-fpdf"] > 0) raw += med(ns, docs[i] "-fpdf")
    }
    if (raw > 0) printf "\nPDF work of the large case (forms, bundle, service copy): %s, %.2fx raw fpdf.\n", dur(pdf), pdf / raw
    if (runs["Workbook/large-excelize-policy"] > 0)
      printf "Workbook against excelize with the same disclosure policy and screening wording: typical %.2fx, large %.2fx.\n", med(ns, "Workbook/typical") / med(ns, "Workbook/typical-excelize-policy"), med(ns, "Workbook/large") / med(ns, "Workbook/large-excelize-policy")
    if (runs["Build/typical"] > 0) printf "Full builds of the typical case per second, one core: %.1f.\n", 1e9 / med(ns, "Build/typical")
  }
' "$work/bench.txt"

go build -o "$work/spokit" ./cmd/spokit
"$work/spokit" sample --incidents 1000 --statements 60 --pages 3 --exhibits 300 --images 50 --unused 500 --seed 8 -o "$work/large"
TZ=UTC GOMAXPROCS=1 /usr/bin/time -v "$work/spokit" build -o "$work/out" "$work/large/case.json" >/dev/null 2>"$work/time.txt"
elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
echo
echo "spokit build of the large case, GOMAXPROCS=1: $elapsed elapsed, $((rss / 1024)) MB peak resident memory, $(ls "$work/out" | wc -l) files."

env GOMAXPROCS=1 TZ=Pacific/Chatham LC_ALL=tr_TR.UTF-8 LANG=tr_TR.UTF-8 "$work/spokit" build -o "$work/again" "$work/large/case.json" >/dev/null
if diff -r "$work/out" "$work/again" >/dev/null; then
  echo "A second build under another time zone and locale is byte-identical."
else
  echo "A second build under another time zone and locale DIFFERS." >&2
  exit 1
fi
