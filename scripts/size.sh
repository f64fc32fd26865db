#!/usr/bin/env bash
# Prints the transfer size of the built site (dist/): wasm, js, css and html, raw, gzip -9 and brotli -q 11,
# then the size of the one-file edition dist/lanbai-planner.html.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "size.sh: dist/ is missing; run trunk build --release first" >&2; exit 1; }
node - <<'JS'
const fs = require("fs"), zlib = require("zlib"), path = require("path");
const files = fs.readdirSync("dist").filter((f) => /\.(wasm|js|css|html)$/.test(f) && !f.startsWith("lanbai-planner.html"));
const row = (name, raw) => {
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { name, raw: raw.length, gz, br };
};
const rows = files.map((f) => row(f, fs.readFileSync(path.join("dist", f))));
const total = rows.reduce((a, r) => ({ name: "total", raw: a.raw + r.raw, gz: a.gz + r.gz, br: a.br + r.br }), { raw: 0, gz: 0, br: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log("file".padEnd(44) + "raw KB".padStart(8) + " gzip KB".padStart(8) + "  br KB".padStart(8));
for (const r of [...rows, total]) console.log(r.name.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));
// The one-file edition (scripts/onefile.mjs): everything inlined, wasm as base64, opened from file://.
if (fs.existsSync("dist/lanbai-planner.html")) {
  const r = row("lanbai-planner.html (one-file edition)", fs.readFileSync("dist/lanbai-planner.html"));
  console.log(r.name.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));
}
JS
