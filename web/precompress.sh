#!/bin/sh
# Writes .gz (and .br, where brotli is installed) beside each text and wasm
# file of the app folder given, for the server to send to browsers that
# accept them. Deterministic: no names or times in the gzip headers.
set -eu
find "$1" -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' \
  -o -name '*.mjs' -o -name '*.wasm' -o -name '*.json' \) | while read -r f; do
  gzip -9 -n -k -f "$f"
  if command -v brotli >/dev/null; then brotli -q 11 -k -f "$f"; fi
done
