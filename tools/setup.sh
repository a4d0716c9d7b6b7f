#!/usr/bin/env bash
# Installs everything Atrium needs on Debian 12, as root. Idempotent: when
# nothing is missing it only checks, quietly, in about a second.
set -euo pipefail

# Debian packages, by what needs them.
packages=(
  # native build and tests
  g++ cmake ninja-build pkg-config git
  nlohmann-json3-dev libsqlite3-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  # the server (Boost.Beast is header-only; libsodium for its crypto); every
  # program's command line (CLI11)
  libboost-dev libsodium-dev libcli11-dev
  # style checks
  clang-format clang-tidy
  # the libFuzzer targets (tools/fuzz.sh): clang and its fuzzer runtime
  clang libclang-rt-14-dev
  # the wasm build (its system libraries ship prebuilt, nothing downloads);
  # the SQLite amalgamation it generates from SQLite's sources (curl, xz,
  # tclsh, make)
  emscripten curl ca-certificates xz-utils tcl make
  # the H5 app as served: its JS minified, precompressed .br files
  esbuild brotli
  # the H5 app's browser tests: Debian's Chromium (driven by playwright-core,
  # fetched below) and a real QR decoder
  chromium zbar-tools
  # the kiosk: Dear ImGui with its backends, GLFW, OpenGL (Mesa), QR codes,
  # a CJK font, and a headless X server for its screens
  libimgui-dev libglfw3-dev libgl1-mesa-dev libgl1-mesa-dri libqrcodegencpp-dev
  fonts-wqy-microhei xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Emscripten runs its tools and our wasm tests on node; 18 or newer.
if ! command -v node >/dev/null ||
   [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  echo "setup: node 18 or newer is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# SQLite's sources, from which the wasm build makes its SQLite, fake-indexeddb for the
# node test of the store on IDBFS, the app's QR encoder and playwright-core
# (third_party/, not committed).
bash "$(dirname "$0")/fetch-third-party.sh"
