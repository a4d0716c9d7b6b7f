#!/usr/bin/env bash
# Fetches what the wasm build and its tests use, into third_party/ (not
# committed), each pinned by version and checked against its hash; skips
# what is there already:
# - SQLite's canonical sources (Debian's 3.40.1, as the native library), from
#   which the wasm build generates its cut-down amalgamation
#   (cmake/sqlite_wasm.cmake);
# from npm, each checked against its registry integrity hash:
# - fake-indexeddb, an in-memory IndexedDB, for the node test of the store
#   on IDBFS;
# - qrcode-generator, the QR code encoder the H5 app draws member codes with;
# - playwright-core, which drives Debian's Chromium in the app's browser
#   tests (it downloads no browser).
set -euo pipefail
cd "$(dirname "$0")/.."

# fetch PACKAGE@VERSION INTEGRITY: unpacks the package into $tmp/package.
fetch() {
  local package=$1 integrity=$2 tarball actual
  (cd "$tmp" && npm pack --silent "$package" >/dev/null)
  tarball=$(ls "$tmp"/*.tgz)
  actual=$(node -e 'const c = require("crypto"), fs = require("fs");
    process.stdout.write("sha512-" + c.createHash("sha512")
      .update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tarball")
  if [ "$actual" != "$integrity" ]; then
    echo "fetch-third-party: $package does not match its pinned hash" >&2
    exit 1
  fi
  tar -xzf "$tarball" -C "$tmp"
  rm "$tarball"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -f third_party/sqlite-src/configure ]; then
  echo "fetch-third-party: sqlite3 3.40.1 sources (Debian)"
  curl -sSf -o "$tmp/sqlite.tar.xz" \
    http://deb.debian.org/debian/pool/main/s/sqlite3/sqlite3_3.40.1.orig.tar.xz
  echo "aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655  $tmp/sqlite.tar.xz" | sha256sum -c --quiet
  tar -xJf "$tmp/sqlite.tar.xz" -C "$tmp"
  mkdir -p third_party
  rm -rf third_party/sqlite-src third_party/sqlite
  mv "$tmp"/sqlite3-3.40.1 third_party/sqlite-src
fi

if [ ! -f third_party/fake-indexeddb/auto/index.js ]; then
  echo "fetch-third-party: fake-indexeddb@6.2.8 (IndexedDB for node tests)"
  fetch fake-indexeddb@6.2.8 \
    'sha512-mpVW/HLUqwKXJ6F/s0hMgdK1eQfM4ncTHDioNGHWL0WKV3VcZCoZq1NKgboBbAge07aRCO7L48yziKssL59XEQ=='
  mkdir -p third_party
  rm -rf third_party/fake-indexeddb
  mv "$tmp"/package third_party/fake-indexeddb
fi

if [ ! -f third_party/qrcode-generator/qrcode.mjs ]; then
  echo "fetch-third-party: qrcode-generator@2.0.4 (QR codes in the H5 app)"
  fetch qrcode-generator@2.0.4 \
    'sha512-mZSiP6RnbHl4xL2Ap5HfkjLnmxfKcPWpWe/c+5XxCuetEenqmNFf1FH/ftXPCtFG5/TDobjsjz6sSNL0Sr8Z9g=='
  mkdir -p third_party/qrcode-generator
  mv "$tmp"/package/dist/qrcode.mjs third_party/qrcode-generator/
  rm -rf "$tmp"/package
fi

if [ ! -f third_party/playwright-core/package.json ]; then
  echo "fetch-third-party: playwright-core@1.65.1 (browser tests)"
  fetch playwright-core@1.65.1 \
    'sha512-hqPpz7blSMPxWVdoeE1yiBSzXsKiVOd2k+kjCvmUywD2GPO2Dd9HfcWnq9NN0GHbNZDFgZ9JfBFr+X5/BLo0qw=='
  mkdir -p third_party
  rm -rf third_party/playwright-core
  mv "$tmp"/package third_party/playwright-core
fi
