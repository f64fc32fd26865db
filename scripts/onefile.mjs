// Writes lanbai-planner.html next to index.html: the whole app in one file that runs from file:// with no
// server (a laptop in a meeting room, a file passed on a USB stick). The wasm-bindgen glue, the stylesheet
// and the wasm (base64) are inlined; init is called with the bytes, since file:// pages cannot fetch. The
// Content-Security-Policy is recomputed to allow exactly the inline script and style (sha256) plus
// 'wasm-unsafe-eval'. Service-worker registration and the manifest are dropped: neither works from file://.
// Run by scripts/post_build.mjs after csp.mjs; by hand: node scripts/onefile.mjs dist
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const fail = (msg) => {
  console.error(`onefile.mjs: ${msg}`);
  process.exit(1);
};
if (!dir) fail("set TRUNK_STAGING_DIR or pass the directory holding index.html");

let html = readFileSync(join(dir, "index.html"), "utf8");
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// Trunk's loader: `import init, * as bindings from './x.js'; ... init({ module_or_path: './x_bg.wasm' })`.
const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!loader) fail("no inline module loader in index.html");
const jsName = loader[1].match(/from\s+'\.\/([^']+\.js)'/)?.[1];
const wasmName = loader[1].match(/module_or_path:\s*'\.\/([^']+\.wasm)'/)?.[1];
if (!jsName || !wasmName) fail("cannot read the js and wasm names from the loader");
const glue = readFileSync(join(dir, jsName), "utf8");
if (/^\s*import\s/m.test(glue)) fail(`${jsName} imports other modules; inlining it would break them`);
const wasm = readFileSync(join(dir, wasmName));

// The glue is an ES module: inlined as a module script its exports are harmless and __wbg_init is in scope.
// Names added here start with __lanbai so they cannot collide with the glue's own (it declares `wasm`).
const script = `${glue}
const __lanbaiWasm = Uint8Array.from(atob("${wasm.toString("base64")}"), (c) => c.charCodeAt(0));
const __lanbaiInstance = await __wbg_init({ module_or_path: __lanbaiWasm });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __lanbaiInstance } }));
`.replace(/<\/script/gi, "<\\/script");

// The import worker (scripts/importer.mjs named its files): its glue and wasm go inline as text the page
// turns into a Blob worker (src/ui/import_worker.rs), since file:// pages cannot start workers from files.
const importer = html.match(/<meta id="lanbai-importer" data-js="\.\/([^"]+)" data-wasm="\.\/([^"]+)">/);
if (!importer) fail("no import worker named in index.html (scripts/importer.mjs)");
const importerGlue = readFileSync(join(dir, importer[1]), "utf8");
const importerWasm = readFileSync(join(dir, importer[2]));
const importerInline = `${importerGlue}
const __lanbaiWasm = Uint8Array.from(atob("${importerWasm.toString("base64")}"), (c) => c.charCodeAt(0));
`.replace(/<\/script/gi, "<\\/script");

const cssLink = html.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/);
if (!cssLink) fail("no stylesheet link in index.html");
const css = readFileSync(join(dir, cssLink[1]), "utf8").replace(/<\/style/gi, "<\\/style");
const svgIcon = readFileSync(join(dir, "icon.svg"));

html = html
  .replace(loader[0], () => `<script type="module">${script}</script>`)
  .replace(importer[0], () => `<script type="text/plain" id="lanbai-importer-inline">${importerInline}</script>`)
  .replace(cssLink[0], () => `<style>${css}</style>`)
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "")
  .replace(/<link rel="manifest"[^>]*>/g, "")
  .replace(/<link rel="apple-touch-icon"[^>]*>/g, "")
  .replace(/<script src="\.\/register-sw\.js"[^>]*><\/script>/g, "")
  .replace(/<link rel="icon" href="\.\/icon\.svg"/, `<link rel="icon" href="data:image/svg+xml;base64,${svgIcon.toString("base64")}"`);
if (/<link rel="(?:modulepreload|preload|manifest)"|register-sw\.js|<link rel="stylesheet"|data-js=|data-wasm=/.test(html)) {
  fail("a reference to a separate file is left in the one-file edition");
}

// Exactly the inline scripts and styles of this file, by hash.
const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
const csp = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
if (!csp.test(html)) fail("no Content-Security-Policy meta in index.html");
html = html.replace(csp, (_, open, policy, close) => {
  const next = policy
    .replace(/script-src [^;]*/, `script-src 'wasm-unsafe-eval' ${scripts.join(" ")}`)
    .replace(/style-src [^;]*/, `style-src ${styles.join(" ")}`);
  return open + next + close;
});

writeFileSync(join(dir, "lanbai-planner.html"), html);
console.log(`onefile.mjs: lanbai-planner.html (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB, wasm ${(wasm.length / 1024).toFixed(0)} KB inlined)`);
