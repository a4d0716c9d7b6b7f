#!/usr/bin/env bash
# Runs every check and test: formatting, then the suites natively under
# address and undefined-behaviour sanitizers (g++ debug, warnings as
# errors) and as wasm under node (with the web module's tests), the H5 app
# in headless Chromium against the sanitized server (its log then scanned
# for phones, plates and tokens), the release preset in full (what users
# build; its suites include the sync simulation at 10,000 operations and
# the crash test at 100 kills), each libFuzzer target for
# 30 s (tools/fuzz.sh, clang), and clang-tidy over the
# dev preset's compile commands: tidy runs from the start in the background
# at the lowest priority, on what the builds and tests leave idle (linking,
# single-threaded tests), and is waited for at the end. Each workflow's
# full log is kept in build/<preset>.log, tidy's in build/tidy.log. (The
# dev preset is only configured, for tidy: its build would repeat the asan
# one without its checks.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh

echo "== format"
bash tools/check-format.sh

passed=0
mkdir -p build
cmake --preset dev >build/dev.log 2>&1 || { cat build/dev.log; exit 1; }
# In this session: a session of its own would be scheduled as an equal of
# the builds, whatever its nice value.
nice -n 19 bash tools/check-tidy.sh build/dev >build/tidy.log 2>&1 &
tidy_pid=$!
trap 'kill "$tidy_pid" 2>/dev/null || true' EXIT
for preset in asan wasm; do
  echo "== $preset"
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

echo "== the H5 app in headless Chromium (against the asan atriumd)"
if ! ATRIUMD="$PWD/build/asan/server/atriumd" PAYSIM="$PWD/build/asan/tools/paysim/paysim" \
     ATRIUMCTL="$PWD/build/asan/tools/atriumctl" \
     ATRIUM_APP_DIR="$PWD/build/wasm/web/app" \
     ATRIUM_SOURCE_DIR="$PWD" PLAYWRIGHT_CORE="$PWD/third_party/playwright-core" \
     ATRIUM_SERVER_LOG="$PWD/build/browser-atriumd.log" \
     ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
     node --test web/tests/app.e2e.mjs >build/browser.log 2>&1; then
  tail -n 80 build/browser.log
  echo "test.sh: the browser tests failed; full log in build/browser.log" >&2
  exit 1
fi
grep -E '^# (pass|fail|figures)' build/browser.log
# No phone, plate, token or device key in what the server or the tests
# logged (the kiosk's history: tests/kiosk/kiosk_replica_test.cc).
bash tools/scan-logs.sh build/browser.log build/browser-atriumd.log
# The phone's first visit within its budget: 450 KB of gzip.
sh web/first-visit-bytes.sh build/wasm/web/app 450000
n=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' build/browser.log)
passed=$((passed + n))

echo "== release: every target built as users build it (g++ -O3, warnings as errors), every suite, the sync simulation (10,000 operations) and the crash test (100 kills)"
if ! cmake --workflow --preset release >build/release.log 2>&1; then
  tail -n 80 build/release.log
  echo "test.sh: the release workflow failed; full log in build/release.log" >&2
  exit 1
fi
grep -E 'tests passed|Total Test time' build/release.log
n=$(sed -nE 's/.*tests passed, 0 tests failed out of ([0-9]+).*/\1/p' build/release.log)
passed=$((passed + n))

echo "== fuzz: each libFuzzer target for 30 s under ASan/UBSan (tools/fuzz.sh)"
bash tools/fuzz.sh 30

echo "== clang-tidy"
if ! wait "$tidy_pid"; then
  cat build/tidy.log
  echo "test.sh: clang-tidy found problems" >&2
  exit 1
fi
trap - EXIT
tail -n 1 build/tidy.log

echo "test.sh: $passed passed, 0 failed"
