// Trunk post-build step: tells the page where the plan-import worker's files are. Trunk builds the worker
// (`<link data-trunk rel="rust" data-type="worker" data-bin="importer">`) to hashed file names and writes
// nothing about it into index.html; this adds
//   <meta id="lanbai-importer" data-js="./importer-<hash>.js" data-wasm="./importer-<hash>_bg.wasm">
// which src/ui/import_worker.rs reads to start the worker, sw.js reads to keep both files offline, and
// onefile.mjs replaces by the inlined worker. Run by scripts/post_build.mjs; by hand: node scripts/importer.mjs dist
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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
const js = one(/^importer(-[0-9a-f]+)?\.js$/, "importer glue (importer-*.js)");
const wasm = one(/^importer(-[0-9a-f]+)?_bg\.wasm$/, "importer wasm (importer-*_bg.wasm)");

const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
if (html.includes('id="lanbai-importer"')) fail("index.html already names the importer");
if (!html.includes("</head>")) fail("index.html has no </head>");
const meta = `<meta id="lanbai-importer" data-js="./${js}" data-wasm="./${wasm}">`;
writeFileSync(file, html.replace("</head>", () => `${meta}\n</head>`));
console.log(`importer.mjs: ${js}, ${wasm}`);
