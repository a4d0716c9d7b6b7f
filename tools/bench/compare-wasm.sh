#!/usr/bin/env bash
# Runs the portable benchmark natively (release) and as wasm under node,
# each `runs` times (default 7), and prints the median of each case and the
# wasm/native ratio. Build first: cmake --build --preset release and wasm.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-7}"
native=build/release/tools/bench/portable_bench
wasm=build/wasm/tools/bench/portable_bench.js
for f in "$native" "$wasm"; do
  [ -e "$f" ] || { echo "missing $f: build the release and wasm presets" >&2; exit 1; }
done
{
  for _ in $(seq "$runs"); do
    "$native" | sed 's/^/native /'
    node --no-experimental-fetch "$wasm" | sed 's/^/wasm /'
  done
} | awk '
  { v[$1 FS $2] = v[$1 FS $2] " " $3; cases[$2] = 1 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
      if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)]
  }
  END {
    printf "%-30s %14s %14s %7s\n", "case (median ns)", "native", "wasm", "ratio"
    for (c in cases) {
      n = median(v["native" FS c]); w = median(v["wasm" FS c])
      printf "%-30s %14d %14d %6.2fx\n", c, n, w, w / n
    }
  }'
