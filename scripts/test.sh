#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test layer and
# prints each layer's counts. Exits non-zero if any layer fails.
#   1. native   cargo test of the domain crate (catalogue, durations, calendar, cases, ...) and
#               of the site generator (page metadata, the compiled-in catalogue)
#   2. wasm     wasm-bindgen-test in headless Chromium (browser glue of both bundles)
#   3. e2e      Playwright (playwright-core + Debian chromium) against the release builds
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/install-tools.sh || { echo "install failed" >&2; exit 1; }
mkdir -p target/test-logs
declare -A PASS FAIL STATUS

# Sums "test result: ... N passed; M failed" lines of cargo / wasm-bindgen-test output.
count_cargo() {
  local log=$1 layer=$2
  PASS[$layer]=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
  FAIL[$layer]=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
}

run_layer() {
  local layer=$1; shift
  local log="target/test-logs/$layer.log"
  printf '\n==> [%s] %s\n' "$layer" "$*"
  "$@" 2>&1 | tee "$log"
  STATUS[$layer]=${PIPESTATUS[0]}
}

run_layer native cargo test --locked -p sop-domain --features loader -p site
count_cargo target/test-logs/native.log native

run_layer wasm cargo test --locked --target wasm32-unknown-unknown -p layanan-sop -p staff --test web
count_cargo target/test-logs/wasm.log wasm

e2e() {
  # Three release builds: the app at the root; the same app with another version (the
  # service worker's update path); and the app under a sub-path (hosting at /layanan-sop/).
  bash scripts/build.sh dist / &&
  APP_VERSION="$(date +%s)-update" bash scripts/build.sh dist-update / &&
  bash scripts/build.sh dist-sub /layanan-sop/ &&
  node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
}
run_layer e2e e2e
PASS[e2e]=$(grep -Eo '^ℹ pass [0-9]+' target/test-logs/e2e.log | awk '{print $3}' | tail -n1)
FAIL[e2e]=$(grep -Eo '^ℹ fail [0-9]+' target/test-logs/e2e.log | awk '{print $3}' | tail -n1)

printf '\n%-8s %8s %8s %s\n' layer passed failed result
rc=0
for layer in native wasm e2e; do
  p=${PASS[$layer]:-0}; f=${FAIL[$layer]:-0}; s=${STATUS[$layer]:-1}
  result=ok
  # A layer that ran no test at all is a failure too: it proves nothing.
  if [ "$s" -ne 0 ] || [ "${f:-0}" -ne 0 ] || [ "${p:-0}" -eq 0 ]; then result=FAILED; rc=1; fi
  printf '%-8s %8s %8s %s\n' "$layer" "${p:-0}" "${f:-0}" "$result"
done
exit $rc
