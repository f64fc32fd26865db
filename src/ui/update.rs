//! Offline notices from the shell. A new deployment is announced, never mixed in silently: the service worker
//! (public/sw.js) keeps serving the version this page started with, and public/register-sw.js tells the
//! page that a newer one is waiting — by the `lanbai:update-available` event, or by the
//! `window.lanbaiUpdateReady` flag when it found out before the app mounted. Reloading sends
//! `lanbai:apply-update` back, which activates the waiting worker and reloads once it controls the page.
//! Kept to DOM events so the wasm needs no service-worker bindings.

use super::state::tr;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The event the registration script fires when a new version is installed and waiting.
const UPDATE_AVAILABLE: &str = "lanbai:update-available";
/// The event this component fires to switch to the waiting version.
const APPLY_UPDATE: &str = "lanbai:apply-update";

/// Whether the registration script already saw a waiting version before the app mounted.
fn update_flag() -> bool {
    js_sys::Reflect::get(&window(), &JsValue::from_str("lanbaiUpdateReady"))
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// "A new version is available — reload", until the person reloads.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let available = RwSignal::new(update_flag());
    let handle = window_event_listener_untyped(UPDATE_AVAILABLE, move |_| available.set(true));
    on_cleanup(move || handle.remove());
    let reload = move |_| {
        let applied = web_sys::Event::new(APPLY_UPDATE)
            .ok()
            .and_then(|ev| window().dispatch_event(&ev).ok());
        // Without a registration script to answer, a plain reload still fetches the new version.
        if applied.is_none() {
            let _ = window().location().reload();
        }
    };
    move || {
        available.get().then(|| {
            view! {
                <p class="update-notice" role="status" id="update-notice">
                    {tr("有新版本可用", "A new version is available")}" — "
                    <button id="update-reload" on:click=reload>{tr("重新加载", "Reload")}</button>
                </p>
            }
        })
    }
}

/// Running from a saved file (the one-file edition): say where the edits live and how to keep them. Browsers
/// differ in how they key storage for file:// pages (by path in some, one store for all files in Chromium), so
/// the notice says "may" and points to export, which works everywhere.
#[component]
pub fn FileNotice() -> impl IntoView {
    let from_file = window().location().protocol().is_ok_and(|p| p == "file:");
    from_file.then(|| {
        view! {
            <p class="file-notice" role="note" id="file-notice">
                {tr(
                    "正在以本地文件方式运行：修改只保存在本浏览器中。换用其他浏览器或电脑，或移动、改名此文件后，可能看不到这些修改——请在“数据与备份”中导出修改，需要时再导入。",
                    "Running from a file: edits are kept in this browser only. In another browser or on another computer, or after the file is moved or renamed, they may not show — export them on Data and backup, and import them where needed.",
                )}
                " "<a href="#/data">{tr("导出修改", "Export edits")}</a>
            </p>
        }
    })
}
