#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, address and
# undefined-behaviour sanitizers) and runs each for a bounded time, from its
# seed corpus in tests/fuzz/corpus/<target>/ and the shared files that fit
# it. New inputs go to build/fuzz/corpus/ (not the repository); a crash
# leaves its input in build/fuzz/ and fails: make it a regression test.
# Usage: bash tools/fuzz.sh [seconds per target, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
cmake --preset fuzz >build/fuzz.log 2>&1 || { cat build/fuzz.log; exit 1; }
cmake --build --preset fuzz >>build/fuzz.log 2>&1 ||
  { tail -n 60 build/fuzz.log; exit 1; }
declare -A seeds=(
  [fuzz_operation]=""
  [fuzz_json_bodies]="shared/formats/examples"
  [fuzz_loaders]="shared/demo-mall shared/formats/examples"
  [fuzz_member_code]=""
)
for target in fuzz_operation fuzz_json_bodies fuzz_loaders fuzz_member_code; do
  out="build/fuzz/corpus/$target"
  mkdir -p "$out"
  # shellcheck disable=SC2086 # the seed folders are words
  if ! (cd build/fuzz && ASAN_OPTIONS=detect_leaks=1 \
        "./tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 \
        -print_final_stats=1 "corpus/$target" \
        "../../tests/fuzz/corpus/$target" \
        $(for s in ${seeds[$target]}; do echo "../../$s"; done)) \
        >"build/fuzz/$target.log" 2>&1; then
    tail -n 40 "build/fuzz/$target.log"
    echo "fuzz.sh: $target found a crash; its input is in build/fuzz/" >&2
    exit 1
  fi
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "build/fuzz/$target.log")
  echo "fuzz: $target ran ${runs:-?} inputs in ${seconds} s, no crash"
done
