#!/usr/bin/env bash
# Runs the portable benchmarks (the core's cases, and the store applying
# batches of earns) natively (release) and as wasm under node, each `runs`
# times (default 7), and prints the median of each case and the wasm/native
# ratio (the median of the runs' own ratios).
# Builds what it runs (the release and wasm presets must be configured).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --build --preset release --target portable_bench portable_store_bench
cmake --build --preset wasm --target portable_bench portable_store_bench
runs="${1:-7}"
native=build/release/tools/bench/portable_bench
wasm=build/wasm/tools/bench/portable_bench.js
native_store=build/release/tools/bench/portable_store_bench
wasm_store=build/wasm/tools/bench/portable_store_bench.js
# The store's database goes on tmpfs: the ratio is of computation.
export ATRIUM_BENCH_DIR="${ATRIUM_BENCH_DIR:-/dev/shm}"
for f in "$native" "$wasm" "$native_store" "$wasm_store"; do
  [ -e "$f" ] || { echo "missing $f: build the release and wasm presets" >&2; exit 1; }
done
{
  for r in $(seq "$runs"); do
    "$native" | sed "s/^/native $r /"
    node --no-experimental-fetch "$wasm" | sed "s/^/wasm $r /"
    "$native_store" | sed "s/^/native $r /"
    node --no-experimental-fetch "$wasm_store" | sed "s/^/wasm $r /"
  done
} | awk '
  { t[$1 FS $3] = t[$1 FS $3] " " $4; one[$1 FS $2 FS $3] = $4; cases[$3] = 1 }
  function median(list,   a, n, i, j, x) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
      if (a[j] + 0 < a[i] + 0) { x = a[i]; a[i] = a[j]; a[j] = x }
    return a[int((n + 1) / 2)]
  }
  END {
    # The ratio is the median of each run'"'"'s own wasm/native ratio: the two
    # halves of a run are seconds apart, so load on a shared machine that
    # drifts over minutes cancels out.
    printf "%-34s %10s %10s %7s\n", "case (median ns)", "native", "wasm", "ratio"
    for (c in cases) {
      ratios = ""
      for (r = 1; r <= '"$runs"'; r++)
        ratios = ratios " " one["wasm" FS r FS c] / one["native" FS r FS c]
      printf "%-34s %10d %10d %6.2fx\n", c, median(t["native" FS c]),
             median(t["wasm" FS c]), median(ratios)
    }
  }'
