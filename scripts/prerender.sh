#!/usr/bin/env bash
# Rewrites public/prerender.html, the prerendered overview that index.html shows while the wasm loads, from
# the app's own render of #/ in headless Chromium, then rebuilds the site so dist/ holds it. Run it after
# changing what the overview, header or outline show; the end-to-end test `prerender` says when it is due.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
trunk build --release
LANBAI_WRITE_PRERENDER=1 cargo test --features e2e --test e2e the_prerendered_overview_is_what_the_app_renders
trunk build --release
git diff --stat -- public/prerender.html
