#!/usr/bin/env bash
# Runs clang-tidy (checks in .clang-tidy) over core/, kiosk/ and server/
# (what ships; tools/ — load drivers, benchmarks, the CLI — are left to the
# compiler's warnings, to keep CI within its time), using the compile
# commands of the build folder given (default build/dev).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
# The compile commands without g++'s precompiled headers, which clang
# cannot read (cmake/pch.cmake).
db="$build/tidy"
mkdir -p "$db"
sed -E 's# -Winvalid-pch##g; s# -include [^ "]*cmake_pch\.hxx##g' \
  "$build/compile_commands.json" >"$db/compile_commands.json"
mapfile -t files < <(git ls-files --cached --others --exclude-standard \
  'core/*.cc' 'kiosk/*.cc' 'server/*.cc')
# Stopped (TERM), it stops starting files; those under way finish.
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$db" --quiet --warnings-as-errors='*' \
    --extra-arg=-Wno-unknown-warning-option 2>/dev/null &
workers=$!
trap 'kill "$workers" 2>/dev/null; exit 143' TERM
wait "$workers"
echo "tidy: ${#files[@]} files clean"
