// Trunk post-build hook: replaces CSP_SCRIPT_HASHES in the staged index.html with the sha256 of each inline
// script, so the Content-Security-Policy allows Trunk's loader and nothing else inline.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("csp.mjs: set TRUNK_STAGING_DIR or pass the directory holding index.html");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
if (!html.includes("CSP_SCRIPT_HASHES")) {
  console.error("csp.mjs: no CSP_SCRIPT_HASHES placeholder in index.html");
  process.exit(1);
}
writeFileSync(file, html.replace("CSP_SCRIPT_HASHES", hashes.join(" ")));
console.log(`csp.mjs: ${hashes.length} inline script hash(es) added`);
