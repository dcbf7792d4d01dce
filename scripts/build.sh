#!/usr/bin/env bash
# Release build into a dist directory: `scripts/build.sh [dist-dir] [public-url]`.
# The public URL is the path the site is hosted under ("/" or e.g. "/layanan-sop/"): routes,
# manifest scope and the service worker all follow it. SITE_ORIGIN (README) is the origin
# the public pages name in their canonical and preview addresses.
#
# Three Trunk builds, one per bundle (the katalog's and the SOP pages' citizen bundles, the
# staff bundle), then scripts/post-build.mjs assembles the site with the site generator.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
dist=${1:-dist}
public_url=${2:-/}
work="target/trunk/$(basename "$dist")"
trunk build staff.html --release --locked --dist "$work/staff" --public-url "$public_url"
trunk build index.html --release --locked --dist "$work/katalog" --public-url "$public_url"
trunk build sop.html --release --locked --dist "$work/sop" --public-url "$public_url"
node scripts/post-build.mjs "$dist" "$public_url" "$work"
