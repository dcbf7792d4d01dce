#!/usr/bin/env bash
# The README's serve command: installs what is missing, builds the release and serves it at
# http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/install-tools.sh
bash scripts/build.sh dist /
echo "Layanan SOP Katingan: http://127.0.0.1:8080/"
exec node tests/e2e/server.mjs dist 8080 /
