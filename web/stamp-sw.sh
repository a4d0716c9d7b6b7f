#!/bin/sh
# Stamps the app folder's service worker (sw.js) with the files it caches
# and a version that changes whenever any of them does, so a new build
# replaces the phone's cached shell. Run on the assembled folder, before
# precompress.sh.
set -eu
cd "$1"
files=$(find . -type f ! -name sw.js ! -name '.*' ! -name '*.gz' ! -name '*.br' \
  | sed 's#^\./##' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$(for f in $files; do printf "'%s'," "$f"; done)
sed -i "s#^const BUILD = .*#const BUILD = { version: '$version', files: [${list%,}] };#" sw.js
grep -q "version: '$version'" sw.js
