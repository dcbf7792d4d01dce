#!/usr/bin/env bash
# Release build into a dist directory: `scripts/build.sh [dist-dir] [public-url]`.
# The public URL is the path the app is hosted under ("/" or e.g. "/layanan-sop/"): routes,
# manifest scope and the service worker all follow it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
dist=${1:-dist}
public_url=${2:-/}
trunk build --release --locked --dist "$dist" --public-url "$public_url"
