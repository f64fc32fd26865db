// Registers public/sw.js for the app's own directory, so the app works offline after the first visit, also
// when it is hosted under a sub-path such as /planner/. Not from file:// (the one-file edition), where
// browsers do not run service workers. When a new deployment is installed and waiting, the page is told by
// the `lanbai:update-available` event (and the `lanbaiUpdateReady` flag, in case the app mounts later); the
// app answers `lanbai:apply-update` when the person chooses to reload (src/ui/update.rs).
(function () {
  if (location.protocol === "file:" || !("serviceWorker" in navigator)) return;
  var reloading = false;
  function announce() {
    window.lanbaiUpdateReady = true;
    window.dispatchEvent(new Event("lanbai:update-available"));
  }
  navigator.serviceWorker.register("./sw.js", { scope: "./" }).then(function (reg) {
    // A worker waiting while a page is controlled is a new version; on a first visit nothing controls the page.
    if (reg.waiting && navigator.serviceWorker.controller) announce();
    // Look for a new deployment now, not only on the next navigation.
    reg.update().catch(function () {});
    reg.addEventListener("updatefound", function () {
      var worker = reg.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
      });
    });
    window.addEventListener("lanbai:apply-update", function () {
      if (!reg.waiting) { location.reload(); return; }
      reloading = true;
      reg.waiting.postMessage({ type: "SKIP_WAITING" });
    });
    // Ask for a newer version now and then while the app stays open all day.
    setInterval(function () { reg.update().catch(function () {}); }, 30 * 60 * 1000);
  }).catch(function (err) {
    console.warn("service worker not registered:", err);
  });
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
  });
})();
