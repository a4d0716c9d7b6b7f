#!/usr/bin/env bash
# The main job: builds Atrium and runs the demo: loads the demo mall from
# shared/demo-mall, replays its members' receipts through the core and
# prints a member's points statement. Extra arguments go to `atriumctl demo`
# (e.g. --member M0002, --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target atriumctl >/dev/null
exec build/release/tools/atriumctl demo "$@"
