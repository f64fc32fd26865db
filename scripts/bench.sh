#!/usr/bin/env bash
# Builds the release site and prints the performance table: transfer size, first render against a static
# page of the same text, search, scrolling, journal and chart timings at 10,000 tasks (medians of several
# runs in one headless Chromium), then the native core benchmark at the same scale, then sync: 20 devices
# × 500 edits through a local nginx WebDAV folder.
# Usage: scripts/bench.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
[ "${1:-}" = "--no-build" ] || trunk build --release
cargo bench --features e2e --bench browser
cargo bench --features synthetic --bench scale
cargo bench --features e2e --bench sync
