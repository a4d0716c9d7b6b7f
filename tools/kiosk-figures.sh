#!/usr/bin/env bash
# The kiosk's performance figures (issue "The kiosk"), from a release
# build: a route on the demo mall (Google Benchmark), the UI's CPU time per
# frame at 1920x1080 (build and render, every frame redrawn, the guide with
# a store chosen and its walk drawn), and the CPU an idle kiosk uses. Runs
# under Xvfb; not a test (it measures, it asserts nothing).
#   bash tools/kiosk-figures.sh [--server HOST:PORT] [--idle SECONDS]
# With --server the idle kiosk syncs with that atriumd every 5 s, as in a
# mall; without, it tries an address where nothing listens.
set -euo pipefail
cd "$(dirname "$0")/.."
server=127.0.0.1:1
idle=30
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    *) echo "kiosk-figures.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
cmake --preset release >/dev/null
cmake --build --preset release --target route_bench atrium-kiosk >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kiosk() {
  xvfb-run -a -s "-screen 0 1920x1080x24" build/release/kiosk/atrium-kiosk \
    --mode guide --demo shared/demo-mall --server "$server" \
    --replica "$work/replica.db" "$@"
}

echo "== a route on the demo mall"
build/release/tools/bench/route_bench --benchmark_min_time=0.5
echo "== UI CPU per frame, 1920x1080, the guide with 星巴克's walk drawn"
printf 'frames 2\ntype XBK\ntap 星巴克\nframes 2\n' >"$work/route.script"
kiosk --script "$work/route.script" --measure-frames 1000
echo "== idle CPU, ${idle} s untouched (server $server)"
kiosk --measure-idle "$idle"
