// Post-build step: splices public/prerender.html, the app's own render of the overview (#/) for the shipped
// plan with nothing stored, into the staged index.html's <div id="prerender">. The page then shows the plan
// as soon as the HTML has arrived, like a static page, while the wasm loads; the app removes it on mount.
// The snapshot is written by scripts/prerender.sh, and the end-to-end test `prerender` fails when it no
// longer matches what the app renders.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("prerender.mjs: set TRUNK_STAGING_DIR or pass the directory holding index.html");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const snapshot = readFileSync(new URL("../public/prerender.html", import.meta.url), "utf8").trim();
const slot = '<div id="prerender"></div>';
if (!html.includes(slot)) {
  console.error(`prerender.mjs: index.html has no ${slot}`);
  process.exit(1);
}
writeFileSync(file, html.replace(slot, `<div id="prerender">${snapshot}</div>`));
console.log(`prerender.mjs: ${snapshot.length} characters of prerendered overview added`);
