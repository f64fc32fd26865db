//! The `#/data` section listing values the app could not read: each one set aside verbatim, with its raw
//! text for download. Kept apart from `data.rs` so the import and export code there changes independently.

use super::browser;
use super::edits::use_edits;
use super::state::use_lang;
use crate::storage::browser::LocalStorage as BrowserKv;
use crate::storage::quarantine;
use leptos::prelude::*;

#[component]
pub fn Quarantined() -> impl IntoView {
    let lang = use_lang();
    let edits = use_edits();
    let entries = Memo::new(move |_| {
        edits.health.track();
        BrowserKv::new()
            .map(|kv| quarantine::list(&kv))
            .unwrap_or_default()
    });
    move || {
        let lang = lang.get();
        let list = entries.get();
        (!list.is_empty()).then(|| {
            let items = list.into_iter().map(|(key, original)| {
                let file = format!("lanbai-quarantine-{}.txt", original.replace(':', "_"));
                let download = move |_| {
                    if let Some(raw) = BrowserKv::new().and_then(|kv| quarantine::raw(&kv, &key)) {
                        let _ = browser::download(&file, "text/plain;charset=utf-8", &raw);
                    }
                };
                view! {
                    <li>
                        <code>{original}</code>" "
                        <button class="download-quarantine" on:click=download>{lang.pick("下载原始内容", "Download the raw text")}</button>
                    </li>
                }
            }).collect_view();
            view! {
                <section>
                    <h2>{lang.pick("无法读取而隔离的数据", "Unreadable data set aside")}</h2>
                    <p>{lang.pick("这些存储值无法读取，已原样移到隔离区，没有删除。可下载原始内容。",
                        "These stored values could not be read. They were moved aside unchanged, not deleted; download the raw text.")}</p>
                    <ul id="quarantine-list">{items}</ul>
                </section>
            }
        })
    }
}
