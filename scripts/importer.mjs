// Trunk post-build step: tells the page where the plan-import worker's files are. Trunk builds the worker
// (`<link data-trunk rel="rust" data-type="worker" data-bin="importer">`) to importer.js and
// importer_bg.wasm and writes nothing about it into index.html. This renames both after a hash of their
// bytes (like Trunk's own files, so an HTTP cache never pairs a new page with an old worker; the glue does
// not name its wasm, the page passes it) and adds
//   <meta id="lanbai-importer" data-js="./importer-<hash>.js" data-wasm="./importer-<hash>_bg.wasm">
// which src/ui/import_worker.rs reads to start the worker, sw.js reads to keep both files offline, and
// onefile.mjs replaces by the inlined worker. Run by scripts/post_build.mjs; by hand: node scripts/importer.mjs dist
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const fail = (msg) => {
  console.error(`importer.mjs: ${msg}`);
  process.exit(1);
};
if (!dir) fail("set TRUNK_STAGING_DIR or pass the directory holding index.html");

const names = readdirSync(dir);
const one = (pattern, what) => {
  const found = names.filter((n) => pattern.test(n));
  if (found.length !== 1) fail(`expected one ${what} in ${dir}, found ${JSON.stringify(found)}`);
  return found[0];
};
const builtJs = one(/^importer(-[0-9a-f]+)?\.js$/, "importer glue (importer.js)");
const builtWasm = one(/^importer(-[0-9a-f]+)?_bg\.wasm$/, "importer wasm (importer_bg.wasm)");
const hash = createHash("sha256")
  .update(readFileSync(join(dir, builtJs)))
  .update(readFileSync(join(dir, builtWasm)))
  .digest("hex")
  .slice(0, 16);
const js = `importer-${hash}.js`;
const wasm = `importer-${hash}_bg.wasm`;
renameSync(join(dir, builtJs), join(dir, js));
renameSync(join(dir, builtWasm), join(dir, wasm));

const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
if (html.includes('id="lanbai-importer"')) fail("index.html already names the importer");
if (!html.includes("</head>")) fail("index.html has no </head>");
const meta = `<meta id="lanbai-importer" data-js="./${js}" data-wasm="./${wasm}">`;
writeFileSync(file, html.replace("</head>", () => `${meta}\n</head>`));
console.log(`importer.mjs: ${js}, ${wasm}`);
