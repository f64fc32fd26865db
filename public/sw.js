// Service worker: the app keeps working with the network gone (a meeting room without Wi-Fi).
// Cache-first, one cache per build: BUILD_ID is replaced after every `trunk build` by scripts/post_build.mjs
// with a hash of the built files, so a new deployment is a new worker with a new cache, and this file changing
// is what tells the browser a new version exists. The page is never served a mix of two builds: the old
// worker keeps serving its own cache until the person chooses to reload (public/register-sw.js).
// Trunk hashes asset names, so the worker learns them from the built index.html when it installs.
const BUILD_ID = "__LANBAI_BUILD_ID__";
const PREFIX = "lanbai-planner-";
const CACHE = PREFIX + BUILD_ID;
// Fixed names next to index.html; the hashed wasm, js and css are read from index.html itself.
// The source text is linked from the overview, so it is kept too.
const FIXED = ["./", "./index.html", "./register-sw.js", "./manifest.webmanifest", "./icon.svg", "./icon-192.png",
  "./icon-512.png", "./gansu-2020-shuangqu-yaodian-part1.txt"];

/** Same-directory files index.html refers to: `href="./x"`, `src="./x"`, `from './x'`, `module_or_path: './x'`,
 *  and the import worker's `data-js="./x"`, `data-wasm="./x"` (scripts/importer.mjs). */
function assetsOf(html) {
  const found = new Set();
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)=["']\.\/([^"'?#]+)["']|(?:from|module_or_path:)\s*["']\.\/([^"'?#]+)["']/g)) {
    found.add("./" + (m[1] || m[2]));
  }
  return [...found];
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Bypass the HTTP cache: the files must be exactly this build's.
    const page = await fetch("./index.html", { cache: "reload" });
    if (!page.ok) throw new Error("index.html: HTTP " + page.status);
    const html = await page.clone().text();
    await cache.put("./index.html", page.clone());
    await cache.put("./", page);
    const rest = [...new Set([...FIXED, ...assetsOf(html)])].filter((u) => u !== "./" && u !== "./index.html");
    await Promise.all(rest.map(async (url) => {
      const res = await fetch(url, { cache: "reload" });
      // A missing optional file (an icon) must not stop the app from working offline.
      if (res.ok) await cache.put(url, res);
    }));
  })());
  // No skipWaiting here: an open page keeps its version until the person reloads (see "message").
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every page of the app is index.html (routes live in the hash): opening the app's directory or its
    // index.html, with any query, is answered with it. Other navigations (the source text) are plain files.
    const path = new URL(req.url).pathname;
    const scope = new URL(self.registration.scope).pathname;
    const shell = req.mode === "navigate" && (path === scope || path === scope + "index.html");
    const hit = await cache.match(shell ? "./index.html" : req, { ignoreSearch: shell });
    if (hit) return hit;
    try {
      return await fetch(req);
    } catch (err) {
      if (req.mode === "navigate") {
        return new Response("离线且本版本尚未缓存。Offline, and this version is not cached yet.", {
          status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" },
        });
      }
      throw err;
    }
  })());
});
