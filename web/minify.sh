#!/bin/sh
# Minifies the app folder's JavaScript (ours, the QR encoder and the wasm
# module's glue) in place, each file still its own ES module (nothing is
# bundled), for the bytes a phone downloads. The QR encoder keeps its
# copyright and licence lines. Without esbuild
# (tools/setup.sh installs Debian's) the files stay as written, which
# work the same.
set -eu
if ! command -v esbuild >/dev/null; then
  echo "minify.sh: no esbuild, the app's JS is served unminified" >&2
  exit 0
fi
cd "$1"
min() { esbuild "$@" --minify --format=esm --outdir=. --allow-overwrite --log-level=warning; }
min $(find . -name '*.js' | LC_ALL=C sort)
notice=$(sed -n '3,10p' qrcode.mjs | sed 's@^// *@@' | grep -v '^$' | tr '\n' ' ')
min qrcode.mjs --out-extension:.js=.mjs "--banner:js=// $notice"
# emscripten's glue is only whitespace-minified (closure is not in Debian):
# renaming its locals saves ~7 KB of gzip.
min atrium.mjs --out-extension:.js=.mjs
