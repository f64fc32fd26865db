#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present at the right version:
# the wasm32 target, Trunk, wasm-bindgen-cli (the exact version in Cargo.lock), wasm-opt from npm,
# and Debian's chromium, chromium-driver, a CJK font, poppler-utils (pdftotext), LibreOffice (writer and
# calc, headless) and nginx with its WebDAV module (the sync tests' server). Safe to run again; a warm
# run takes seconds.
# Usage: scripts/setup.sh [--browser]   (--browser also installs the browser packages the tests need)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
# The two `cargo install`s are most of a cold set-up. Both tools only drive other programs (cargo, wasm-opt,
# the browser), so they are built for build speed, not for their own speed: no LTO, parallel codegen, -O1.
install_fast() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=true cargo install "$@"
}
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
  install_fast trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the library version exactly; its own lockfile cannot be used here (--locked fails).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2.5 minutes)"
  install_fast wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-opt from npm: Debian's binaryen is too old and produces a wasm that fails at start-up.
if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132 (version_132)" ]; then
  say "installing wasm-opt (npm binaryen, as pinned in package-lock.json)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
  # pdftotext reads the printed 任务分工表 back in the end-to-end tests.
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  # LibreOffice headless opens the downloaded 通报 (.docx) and 台账 (.xlsx) in the tests, as Word would.
  command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
  # nginx with the WebDAV extension module (PROPFIND) is the sync server of the end-to-end tests.
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -e /usr/lib/nginx/modules/ngx_http_dav_ext_module.so ] || missing+=(libnginx-mod-http-dav-ext)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
