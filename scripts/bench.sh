#!/usr/bin/env bash
# The benchmark: builds the release and measures what users wait for, in headless Chromium
# (Playwright + CDP) on 127.0.0.1, against the budgets in docs/benchmarks.md. Prints one table
# and writes target/bench.json. Not part of the tests: machines are noisy.
#   bash scripts/bench.sh [--quick]     (--quick: fewer runs, no Lighthouse)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/install-tools.sh
bash scripts/build.sh dist /
# The diagram benchmark page (the app's diagram component alone, see src/bin/diagram_bench.rs).
LSK_BENCH_BUILD=1 trunk build bench/diagram.html --release --locked --dist target/bench-dist --public-url /
# 10,000 synthetic cases for the staff pages, exactly as the app stores them.
mkdir -p target/bench
# The release build: a debug sopctl takes minutes for 10,000 cases.
cargo run -q --locked --release -p sop-domain --features loader --bin sopctl -- \
  synth-cases data 10000 target/bench/cases-10000.json --seed 7
node scripts/bench/run.mjs "$@"
