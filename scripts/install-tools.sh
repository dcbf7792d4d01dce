#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already present at the
# right version. Safe to run again and again; a fresh machine takes ~15 minutes (trunk and
# wasm-bindgen-cli compile from source), a warm one a few seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\n==> %s\n' "$*"; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

step "Rust target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

step "trunk $TRUNK_VERSION"
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$" \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  # Not --locked: the published lockfile pins a crate version the registry no longer offers.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "Chromium and ChromeDriver (Debian)"
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

step "Java runtime (the W3C HTML checker, npm vnu-jar, runs on it)"
if ! command -v java >/dev/null; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless
fi

step "npm packages (playwright-core, binaryen $BINARYEN_VERSION, axe-core, ...)"
# node_modules/.stamp records the lockfile it was installed from, so a changed lockfile
# reinstalls and an unchanged one costs nothing.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.stamp 2>/dev/null)" != "$lock_sum" ]; then
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: Playwright drives Debian's /usr/bin/chromium.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.stamp
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  echo "wasm-opt on PATH is not binaryen $BINARYEN_VERSION: $(command -v wasm-opt || echo none)" >&2
  exit 1
fi

step "tools ready"
printf '  %s\n' "$(trunk --version)" "$(wasm-bindgen --version)" "$(wasm-opt --version)" \
  "$("$CHROMIUM" --version 2>/dev/null)" "$("$CHROMEDRIVER" --version 2>/dev/null | cut -d' ' -f1-2)" \
  "$(java -version 2>&1 | head -n1)"
