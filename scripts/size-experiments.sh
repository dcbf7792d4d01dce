#!/usr/bin/env bash
# Measures the release wasm size (raw / gzip / brotli after wasm-bindgen and wasm-opt) for
# several release-profile choices, each in its own target dir so they do not disturb the
# main build. Slow (a full build per variant). Results go to target/size-experiments.txt and
# are copied by hand into docs/benchmarks.md.
#   bash scripts/size-experiments.sh [variant ...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
out=target/size-experiments.txt
mkdir -p target
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(z-lto s-lto z-nolto z-lto-cu16 z-lto-erase)

measure() { # name wasm-opt-level file
  local name=$1 level=$2 wasm=$3 dir
  dir=$(mktemp -d)
  wasm-bindgen --target web --no-typescript --out-dir "$dir" "$wasm"
  wasm-opt "-$level" --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$dir"/*_bg.wasm -o "$dir/opt.wasm"
  printf '%-22s wasm-opt -%-2s raw %8d  gzip %7d  brotli %7d\n' "$name" "$level" \
    "$(stat -c %s "$dir/opt.wasm")" "$(gzip -9c "$dir/opt.wasm" | wc -c)" \
    "$(brotli -c -q 11 "$dir/opt.wasm" | wc -c)" | tee -a "$out"
  rm -rf "$dir"
}

for v in "${variants[@]}"; do
  env_vars=(CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort)
  flags=""
  case $v in
    z-lto) ;;
    s-lto) env_vars+=(CARGO_PROFILE_RELEASE_OPT_LEVEL=s) ;;
    z-nolto) env_vars+=(CARGO_PROFILE_RELEASE_LTO=false) ;;
    z-lto-cu16) env_vars+=(CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16) ;;
    z-lto-unwind) env_vars+=(CARGO_PROFILE_RELEASE_PANIC=unwind) ;;
    z-lto-erase) flags="--cfg erase_components" ;;
    *) echo "unknown variant $v" >&2; exit 2 ;;
  esac
  target="$ROOT/target/size-$v"
  echo "== $v" >&2
  env "${env_vars[@]}" RUSTFLAGS="$flags" CARGO_TARGET_DIR="$target" \
    nice -n 10 cargo build --locked --release --target wasm32-unknown-unknown --bin layanan-sop >&2
  wasm="$target/wasm32-unknown-unknown/release/layanan-sop.wasm"
  measure "$v" Oz "$wasm"
  [ "$v" != z-lto ] || measure "$v" Os "$wasm"
done
