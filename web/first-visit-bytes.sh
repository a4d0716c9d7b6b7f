#!/bin/sh
# Prints what a phone's first visit downloads from the app folder given:
# every file the page and its service worker fetch, as the server sends
# them gzip -9 and brotli -q 11 (precompress.sh wrote both). Given a
# budget in bytes of gzip as well, fails when the visit is over it.
set -eu
cd "$1"
budget="${2:-}"
sum() { find . -name "*.$1" -exec stat -c '%s' {} + | awk '{s += $1} END {print s}'; }
gz=$(sum gz)
echo "first visit: $gz bytes gzip, $(sum br) bytes brotli ($(find . -name '*.gz' | wc -l) files)"
if [ -n "$budget" ] && [ "$gz" -gt "$budget" ]; then
  echo "first-visit-bytes: over the budget of $budget bytes gzip: make the module smaller (web/CMakeLists.txt says where its bytes go)" >&2
  exit 1
fi
