#!/usr/bin/env bash
# The main job: builds atriumd and runs it with the demo mall on SQLite in
# ./data (seeded on first start: the demo members and 1,000 generated ones
# with a year of receipts), on http://127.0.0.1:8080. Ctrl-C stops it; the
# data stays. Extra arguments go to atriumd (e.g. --reset, --port 9090,
# --members 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target atriumd >/dev/null
# The H5 app: the core as wasm, with the pages (build/wasm/web/app).
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target atrium_app >/dev/null
exec build/release/server/atriumd --data data "$@"
