# Sourced by the other scripts: the paths and pinned versions every step agrees on.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")"
export WASM_BINDGEN_VERSION
export BINARYEN_VERSION="132"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
# wasm-opt from the npm package binaryen@132 comes first: Debian's binaryen 108 produces a
# wasm that crashes on load (WebAssembly.Table.set(): Argument 1 is invalid).
export PATH="$ROOT/node_modules/binaryen/bin:$CARGO_HOME/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The origin the public pages name in their canonical, Open Graph and sitemap addresses (the
# one build setting for where the site lives; the path comes from the build's public URL).
# The default is the dinas' website as printed in the SOP book.
export SITE_ORIGIN="${SITE_ORIGIN:-https://www.distransnaker.katingankab.go.id}"
