//! The `#/data` section listing values the app could not read: each one set aside verbatim (or, when storage
//! was too full to move it, left where it was), with its raw text for download, and for a journal chunk a way
//! back in: load a repaired copy. Kept apart from `data.rs` so the import and export code there changes
//! independently.

use super::browser;
use super::data::MAX_IMPORT_BYTES;
use super::edits::{Edits, use_edits};
use super::settings::use_settings;
use super::state::use_lang;
use crate::i18n::Lang;
use crate::storage::browser::LocalStorage as BrowserKv;
use crate::storage::settings::SettingsProblem;
use crate::storage::{Key, KeyValue, quarantine, schema};
use leptos::prelude::*;

/// One unreadable value as the list shows it.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// Where the raw text is now: a quarantine key, or the original key when it could not be moved.
    holder: String,
    original: String,
    left_in_place: bool,
}

/// Everything the banner counts, so that each "view and download" leads to a line here: the quarantine
/// keys in storage, and the values this load had to leave in place because storage was full.
fn entries(edits: Edits, problem: Option<SettingsProblem>) -> Vec<Entry> {
    let mut list: Vec<Entry> = BrowserKv::new()
        .map(|kv| quarantine::list(&kv))
        .unwrap_or_default()
        .into_iter()
        .map(|(holder, original)| Entry {
            holder,
            original,
            left_in_place: false,
        })
        .collect();
    let mut in_place: Vec<String> = edits
        .health
        .with(|h| h.load.left_in_place.iter().map(|l| l.key.clone()).collect());
    if let Some(SettingsProblem::LeftInPlace(l)) = problem {
        in_place.push(l.key);
    }
    list.extend(in_place.into_iter().map(|key| Entry {
        holder: key.clone(),
        original: key,
        left_in_place: true,
    }));
    list
}

fn raw_text(entry: &Entry) -> Option<String> {
    let kv = BrowserKv::new()?;
    if entry.left_in_place {
        kv.get(&entry.holder)
    } else {
        quarantine::raw(&kv, &entry.holder)
    }
}

#[component]
pub fn Quarantined() -> impl IntoView {
    let lang = use_lang();
    let edits = use_edits();
    let settings = use_settings();
    let list = Memo::new(move |_| entries(edits, settings.problem.get()));
    let message = RwSignal::new(None::<(bool, String)>);
    move || {
        let lang = lang.get();
        let list = list.get();
        (!list.is_empty()).then(|| {
            let items = list.into_iter().map(|entry| {
                let file = format!("lanbai-quarantine-{}.txt", entry.original.replace(':', "_"));
                let is_chunk = matches!(Key::parse(&entry.original), Some(Key::Journal { .. }));
                let where_now = entry.left_in_place.then(|| lang.pick(
                    "（存储已满，未能隔离，原样留在原处，不会被覆盖）",
                    " (storage was full: left where it was, unchanged, and never written over)"));
                let original = entry.original.clone();
                let download = move |_| {
                    if let Some(raw) = raw_text(&entry) {
                        let _ = browser::download(&file, "text/plain;charset=utf-8", &raw);
                    }
                };
                let repair = is_chunk.then(|| view! {
                    " "
                    <label class="file-button">
                        <span>{lang.pick("导入修复后的副本…", "Load a repaired copy…")}</span>
                        <input class="repair-file" type="file" accept=".txt,.json,text/plain,application/json"
                            aria-label=lang.pick("导入修复后的副本", "Load a repaired copy")
                            on:change=move |ev| on_repaired_file(ev, edits, lang, message)/>
                    </label>
                });
                view! {
                    <li>
                        <code>{original}</code>{where_now}" "
                        <button class="download-quarantine" on:click=download>{lang.pick("下载原始内容", "Download the raw text")}</button>
                        {repair}
                    </li>
                }
            }).collect_view();
            view! {
                <section>
                    <h2>{lang.pick("无法读取而隔离的数据", "Unreadable data set aside")}</h2>
                    <p>{lang.pick("这些存储值无法读取，已原样保存，没有删除。可下载原始内容；修改记录片段修复后可作为副本导入，其中可读的修改会保存到本机。",
                        "These stored values could not be read. They were kept unchanged, not deleted; download the raw text. A piece of the edit journal, once repaired, can be loaded back: its readable edits are saved here.")}</p>
                    <ul id="quarantine-list">{items}</ul>
                    {move || message.get().map(|(ok, text)| view! {
                        <p class=if ok { "ok" } else { "error" } role=if ok { "status" } else { "alert" } id="repair-message">{text}</p>
                    })}
                </section>
            }
        })
    }
}

/// Reads the chosen repaired copy and imports its readable ops, as an edits file would be.
fn on_repaired_file(
    ev: leptos::ev::Event,
    edits: Edits,
    lang: Lang,
    message: RwSignal<Option<(bool, String)>>,
) {
    // Cleared at once, so choosing the same file again after another repair fires `change` again.
    let input = event_target::<web_sys::HtmlInputElement>(&ev);
    let chosen = input.files().and_then(|files| files.get(0));
    input.set_value("");
    let Some(file) = chosen else { return };
    if file.size() as usize > MAX_IMPORT_BYTES {
        message.set(Some((
            false,
            lang.pick(
                "文件太大，不像是一个修改记录片段。",
                "The file is too large to be a piece of the edit journal.",
            )
            .into(),
        )));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        message.set(Some(match text {
            Some(text) => recover(edits, lang, &text),
            None => (
                false,
                lang.pick("无法读取该文件。", "The file could not be read.")
                    .into(),
            ),
        }));
    });
}

/// The repaired text goes through the same chunk reader as stored chunks; its good ops are stored under this
/// tab's writer, all or none.
fn recover(edits: Edits, lang: Lang, text: &str) -> (bool, String) {
    let read = match schema::read_chunk(text) {
        Ok(read) if !read.ops.is_empty() => read,
        Ok(_) => {
            return (
                false,
                lang.pick(
                    "该副本中没有可读取的修改。",
                    "The copy holds no readable edits.",
                )
                .into(),
            );
        }
        Err(_) => {
            return (
                false,
                lang.pick(
                    "该文件不是可读取的修改记录片段：请选择从这里下载、修复后的原始内容。",
                    "The file is not a readable piece of the edit journal: choose the raw text downloaded here, once repaired.",
                )
                .into(),
            );
        }
    };
    let found = read.ops.len();
    match edits.import(&read.ops) {
        Ok(added) => {
            let skipped = if read.bad.is_empty() {
                ""
            } else {
                lang.pick(
                    "副本中仍有无法读取的部分，已跳过。",
                    " Parts of the copy still could not be read and were skipped.",
                )
            };
            (
                true,
                match lang {
                    Lang::Zh => format!(
                        "从修复的副本中读出 {found} 条修改，其中 {added} 条是新的，已保存到本机。{skipped}"
                    ),
                    Lang::En => format!(
                        "Read {found} edits from the repaired copy; {added} were new and are now saved here.{skipped}"
                    ),
                },
            )
        }
        Err(err) => (false, err.import_refused(lang, found)),
    }
}
