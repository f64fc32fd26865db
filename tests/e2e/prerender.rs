//! The prerendered overview in `index.html` (`public/prerender.html`, spliced in by `scripts/prerender.mjs`):
//! it must be exactly what the app itself renders at `#/`, show the plan before any wasm has run, and stay
//! hidden whenever the app would show something else.
//!
//! `scripts/prerender.sh` rewrites the snapshot: it runs [`the_prerendered_overview_is_what_the_app_renders`]
//! with `LANBAI_WRITE_PRERENDER=1`, which writes the app's render instead of comparing it.

use crate::browser::{Browser, copy_of_site, dist_dir};
use crate::edits::{set_value, wait_saved};
use crate::open;
use crate::server::StaticServer;
use std::path::PathBuf;
use std::time::Duration;

/// The app's render as the prerender holds it: every element the app put in `<body>`, without Leptos' empty
/// marker comments, with the values the app gave its fields written out as attributes, and the form controls
/// disabled (typing into a static copy would be lost when the app mounts).
const CAPTURE: &str = r#"
const root = document.createElement("div");
for (const e of document.body.children) {
  if (["SCRIPT", "NOSCRIPT", "LINK"].includes(e.tagName) || e.id === "prerender") continue;
  const copy = e.cloneNode(true);
  const fields = e.querySelectorAll("input");
  copy.querySelectorAll("input").forEach((c, i) => { if (fields[i].value) c.setAttribute("value", fields[i].value); });
  root.appendChild(copy);
}
root.querySelectorAll("input, select, textarea, button").forEach((e) => e.setAttribute("disabled", ""));
return root.innerHTML.replaceAll("<!---->", "");
"#;

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/prerender.html")
}

async fn wait_mounted(b: &Browser) {
    for _ in 0..200 {
        let mounted = b
            .eval("return performance.getEntriesByName('lanbai:mounted').length > 0")
            .await;
        if mounted.as_bool() == Some(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the app never mounted");
}

async fn prerender_hidden(b: &Browser) -> bool {
    b.eval("return document.documentElement.classList.contains('no-prerender')")
        .await
        .as_bool()
        .expect("a boolean")
}

/// Waits until the stored settings hold a unit (or none).
async fn stored_unit_is(b: &Browser, set: bool) {
    for _ in 0..200 {
        let v = b
            .eval("const s = JSON.parse(localStorage.getItem('lanbai:settings') || '{}'); return s.unit != null")
            .await;
        if v.as_bool() == Some(set) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the settings never stored unit = {set}");
}

/// Loads `hash` afresh (the gate in index.html runs on every load) and waits for the app.
async fn load(b: &Browser, server: &StaticServer, hash: &str) {
    b.goto("about:blank").await;
    b.goto(&server.url(hash)).await;
    wait_mounted(b).await;
}

#[tokio::test]
async fn the_prerendered_overview_is_what_the_app_renders() {
    let (server, b) = open("prerender-snapshot").await;
    b.goto(&server.url("#/")).await;
    wait_mounted(&b).await;
    b.wait_for_text("#unreported", "10").await;
    let rendered = b.eval(CAPTURE).await.as_str().expect("html").to_string();
    b.close().await;
    assert!(rendered.contains("<h1>甘肃省出台2020年双区建设工作要点</h1>"));
    let path = snapshot_path();
    if std::env::var_os("LANBAI_WRITE_PRERENDER").is_some() {
        std::fs::write(&path, format!("{rendered}\n")).expect("write public/prerender.html");
        return;
    }
    let stored = std::fs::read_to_string(&path).expect("public/prerender.html");
    assert!(
        stored.trim() == rendered,
        "public/prerender.html is not what the app renders at #/ any more: run scripts/prerender.sh"
    );
    let index = std::fs::read_to_string(dist_dir().join("index.html")).expect("dist/index.html");
    assert!(
        index.contains(stored.trim()),
        "dist/index.html does not hold public/prerender.html: rebuild the site"
    );
}

#[tokio::test]
async fn the_plan_shows_before_any_wasm_has_run() {
    // The site as a person on a slow line sees it while the wasm is still arriving.
    let site = copy_of_site("no-wasm", |f| f.extension().is_none_or(|e| e != "wasm"));
    let server = StaticServer::start(&site.0, "/");
    let b = Browser::start("prerender-nowasm").await;
    b.goto(&server.url("#/")).await;
    assert_eq!(b.text("h1").await, "甘肃省出台2020年双区建设工作要点");
    let shown = b
        .eval("return getComputedStyle(document.getElementById('prerender')).display")
        .await;
    assert_eq!(shown.as_str(), Some("block"));
    assert_eq!(
        b.texts(".outline-tasks .task-no").await,
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    );
    let marks = b
        .eval("return ['lanbai:first-render', 'lanbai:mounted'].map((n) => performance.getEntriesByName(n).length)")
        .await;
    assert_eq!(
        marks,
        serde_json::json!([1, 0]),
        "first render, not mounted"
    );
    let enabled = b
        .eval("return document.querySelectorAll('#prerender :is(input, select, textarea, button):not([disabled])').length")
        .await;
    assert_eq!(
        enabled.as_u64(),
        Some(0),
        "no control takes input before the app runs"
    );
    // A deep link hides the overview rather than show the wrong page.
    b.goto("about:blank").await;
    b.goto(&server.url("#/task/3")).await;
    assert!(prerender_hidden(&b).await);
    b.close().await;
    server.stop();
}

#[tokio::test]
async fn the_prerender_stays_hidden_whenever_the_app_would_show_something_else() {
    let (server, b) = open("prerender-gate").await;
    load(&b, &server, "#/").await;
    assert!(!prerender_hidden(&b).await, "nothing stored");
    assert_eq!(
        b.eval("return document.querySelectorAll('#prerender, header.topbar').length")
            .await
            .as_u64(),
        Some(1),
        "the app replaced the prerendered copy"
    );
    // The app has written its default settings by now; they change nothing on the overview.
    load(&b, &server, "#/").await;
    assert!(!prerender_hidden(&b).await, "default settings");
    load(&b, &server, "#/units").await;
    assert!(prerender_hidden(&b).await, "another page");

    load(&b, &server, "#/").await;
    b.click(".lang-toggle").await;
    b.wait_for_text(".lang-toggle", "中文").await;
    load(&b, &server, "#/").await;
    assert!(prerender_hidden(&b).await, "English");
    b.click(".lang-toggle").await;
    b.wait_for_text(".lang-toggle", "English").await;
    load(&b, &server, "#/").await;
    assert!(!prerender_hidden(&b).await, "back to Chinese");

    set_value(&b, ".unit-picker select", "省科技厅").await;
    stored_unit_is(&b, true).await;
    load(&b, &server, "#/").await;
    assert!(prerender_hidden(&b).await, "a chosen unit");
    set_value(&b, ".unit-picker select", "").await;
    stored_unit_is(&b, false).await;
    load(&b, &server, "#/").await;
    assert!(!prerender_hidden(&b).await, "no unit again");

    // An edit (the first one asks for the unit), with the unit cleared again afterwards.
    load(&b, &server, "#/task/2").await;
    set_value(&b, "#task-progress", "30").await;
    set_value(&b, "#prompt-unit", crate::OFFICE).await;
    b.click("#prompt-ok").await;
    wait_saved(&b).await;
    set_value(&b, ".unit-picker select", "").await;
    stored_unit_is(&b, false).await;
    load(&b, &server, "#/").await;
    assert!(prerender_hidden(&b).await, "a stored edit");

    b.eval("localStorage.clear(); localStorage.setItem('lanbai:settings', '{not json'); return 0")
        .await;
    load(&b, &server, "#/").await;
    assert!(prerender_hidden(&b).await, "unreadable settings");
    b.close().await;
}
