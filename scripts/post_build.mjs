// Trunk post-build hook. Trunk starts the hooks of one stage all at once, so the steps that rewrite the staged
// files run here, one after the other:
//   0. prerender.mjs the prerendered overview into index.html (before its inline scripts are hashed);
//      importer.mjs  the import worker's file names into index.html;
//   1. csp.mjs      the loader's hash into index.html's Content-Security-Policy;
//   2. the build id into sw.js, so every build has its own service-worker cache and a new deployment is seen;
//   3. onefile.mjs  dist/lanbai-planner.html, the one-file edition (needs the final index.html).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("post_build.mjs: set TRUNK_STAGING_DIR or pass the directory holding index.html");
  process.exit(1);
}

await import("./prerender.mjs");
await import("./importer.mjs");
await import("./csp.mjs");

// The build id: a hash of every built file (names and bytes), except the worker itself and what is derived.
const sw = join(dir, "sw.js");
if (existsSync(sw)) {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).filter((n) => n !== "sw.js" && n !== "lanbai-planner.html").sort()) {
    const file = join(dir, name);
    try {
      hash.update(name).update("\0").update(readFileSync(file)).update("\0");
    } catch {
      // A directory (Trunk's copy-dir): its files are not part of the app shell.
    }
  }
  const id = hash.digest("hex").slice(0, 16);
  const text = readFileSync(sw, "utf8");
  if (!text.includes("__LANBAI_BUILD_ID__")) {
    console.error("post_build.mjs: sw.js has no __LANBAI_BUILD_ID__ marker");
    process.exit(1);
  }
  writeFileSync(sw, text.replace("__LANBAI_BUILD_ID__", id));
  console.log(`post_build.mjs: service worker build id ${id}`);
}

await import("./onefile.mjs");
