#!/usr/bin/env bash
# Fetches the SQLite amalgamation (sqlite3.c, sqlite3.h) that the wasm build
# compiles, into third_party/sqlite/ (not committed). It comes from the npm
# package better-sqlite3, pinned by version and checked against its
# registry integrity hash. Does nothing when the files are there.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=third_party/sqlite
[ -f "$dest/sqlite3.c" ] && [ -f "$dest/sqlite3.h" ] && exit 0

package=better-sqlite3@12.11.1
integrity='sha512-dq9AtApgg5PGFtBzPFSBl3HZQjHok5gaQCM6zh2Yk0aSmDCs1CbnVI8/HgASQkNKsWFpseIO9beg5xxpYhbIfA=='
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetch-sqlite: $package (SQLite amalgamation for wasm)"
(cd "$tmp" && npm pack --silent "$package" >/dev/null)
tarball=$(ls "$tmp"/*.tgz)
actual=$(node -e 'const c = require("crypto"), fs = require("fs");
  process.stdout.write("sha512-" + c.createHash("sha512")
    .update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tarball")
if [ "$actual" != "$integrity" ]; then
  echo "fetch-sqlite: $package does not match its pinned hash" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$tmp" package/deps/sqlite3/sqlite3.c \
  package/deps/sqlite3/sqlite3.h
mkdir -p "$dest"
mv "$tmp"/package/deps/sqlite3/sqlite3.[ch] "$dest/"
