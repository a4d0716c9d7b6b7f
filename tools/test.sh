#!/usr/bin/env bash
# Runs every check and test: formatting, then the suites natively (g++
# debug, warnings as errors), under address and undefined-behaviour
# sanitizers, and as wasm under node, then clang-tidy. Each workflow's full
# log is kept in build/<preset>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh

echo "== format"
bash tools/check-format.sh

passed=0
for preset in dev asan wasm; do
  echo "== $preset"
  mkdir -p build
  log="build/$preset.log"
  if ! cmake --workflow --preset "$preset" >"$log" 2>&1; then
    tail -n 80 "$log"
    echo "test.sh: the $preset workflow failed; full log in $log" >&2
    exit 1
  fi
  grep -E 'tests passed|Total Test time' "$log"
  n=$(sed -nE 's/.*tests passed, 0 tests failed out of ([0-9]+).*/\1/p' "$log")
  passed=$((passed + n))
done

echo "== clang-tidy"
bash tools/check-tidy.sh build/dev

echo "test.sh: $passed passed, 0 failed"
