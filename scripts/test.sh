#!/usr/bin/env bash
# Runs every check and test: formatting, clippy (native and wasm32), the native tests, the release build
# with its size report, the end-to-end tests against that build in headless Chromium, and the browser tests
# (wasm-bindgen-test, files tests/*browser*.rs). Installs missing tools first (scripts/setup.sh --browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy (native, wasm32)"
cargo clippy --all-targets --features e2e -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "release build"
trunk build --release
scripts/size.sh

step "native and end-to-end tests"
cargo test --features e2e

step "browser tests (headless Chromium)"
browser_tests=()
for f in tests/*browser*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done
cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"
