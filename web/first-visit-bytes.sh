#!/bin/sh
# Prints what a phone's first visit downloads from the app folder given:
# every file the page and its service worker fetch, as the server sends
# them gzip -9 and brotli -q 11 (precompress.sh wrote both).
set -eu
cd "$1"
sum() { find . -name "*.$1" -exec stat -c '%s' {} + | awk '{s += $1} END {print s}'; }
echo "first visit: $(sum gz) bytes gzip, $(sum br) bytes brotli ($(find . -name '*.gz' | wc -l) files)"
