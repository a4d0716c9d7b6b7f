#!/usr/bin/env bash
# The main job: builds atriumd and runs it with the demo mall on SQLite in
# ./data (seeded by `atriumctl seed` when new: the demo members and 1,000
# generated ones with a year of receipts), on http://127.0.0.1:8080, with
# the demo's payment provider (tools/paysim, on 127.0.0.1:8090; its
# merchant key is made once in data/pay.key). Ctrl-C stops both; the data
# stays. --reset, --members N and --member-visits N go to the seeding
# (--reset: seed afresh); other arguments to atriumd (e.g. --port 9090).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target atriumd atriumctl paysim >/dev/null
# The H5 app: the core as wasm, with the pages (build/wasm/web/app).
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target atrium_app >/dev/null
seed=()
serve=()
while [ $# -gt 0 ]; do
  case "$1" in
    --reset) seed+=("$1") ;;
    --members | --member-visits) seed+=("$1" "$2"); shift ;;
    --demo) seed+=("$1" "$2"); serve+=("$1" "$2"); shift ;;
    *) serve+=("$1") ;;
  esac
  shift
done
if [ ! -e data/atrium.db ] || [ ${#seed[@]} -gt 0 ]; then  # new, or asked
  echo "seeding the demo mall into ./data..."
  build/release/tools/atriumctl seed --data data ${seed[@]+"${seed[@]}"}
fi
if [ ! -s data/pay.key ]; then
  (umask 077 && head -c 24 /dev/urandom | base64 >data/pay.key)
fi
build/release/tools/paysim/paysim --key-file data/pay.key --port 8090 &
paysim=$!
trap 'kill "$paysim" 2>/dev/null || true' EXIT
build/release/server/atriumd --data data --pay-url http://127.0.0.1:8090 \
  --pay-key-file data/pay.key ${serve[@]+"${serve[@]}"}
