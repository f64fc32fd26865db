//! `#/data`: where the edits live and how safe they are, export and import of edits files, quarantined
//! values (in `quarantine.rs`), and the reset. Every path that could lose work asks first and offers an export.

use super::browser;
use super::components::set_title;
use super::edits::{now_ms, use_edits};
use super::settings::use_settings;
use super::state::{tr, use_lang, use_plan};
use crate::journal::screen::{Screened, describe, screen};
use crate::journal::{ExportFile, Side, export, import_file};
use crate::storage::KeyValue;
use crate::storage::browser::LocalStorage as BrowserKv;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Larger edits files are refused before reading: 10,000 edits are about 2 MB.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// Offers the current journal as an edits file and remembers when.
pub fn export_edits() -> Result<(), String> {
    let edits = use_edits();
    let plan = use_plan();
    let settings = use_settings();
    let now = now_ms();
    let file = edits
        .ops
        .with_untracked(|ops| export(&plan.read_untracked().id, now, ops));
    browser::download(&file.file_name(), "application/json", &file.to_json())?;
    settings.last_export_at.set(Some(now));
    Ok(())
}

/// Bytes this app holds in localStorage (UTF-16, as browsers count the quota).
fn bytes_used() -> usize {
    BrowserKv::new()
        .map(|kv| {
            kv.keys()
                .into_iter()
                .filter(|k| k.starts_with(crate::storage::keys::ROOT))
                .map(|k| {
                    (k.encode_utf16().count()
                        + kv.get(&k).map(|v| v.encode_utf16().count()).unwrap_or(0))
                        * 2
                })
                .sum()
        })
        .unwrap_or(0)
}

#[component]
pub fn DataPage() -> impl IntoView {
    let lang = use_lang();
    set_title(
        lang.get_untracked()
            .pick("数据与备份", "Data and backup")
            .to_string(),
    );
    view! {
        <article class="page data-page">
            <h1>{tr("数据与备份", "Data and backup")}</h1>
            <StorageStatus/>
            <ExportImport/>
            <p><a href="#/sync">{tr("同步到单位服务器…", "Sync through the office's server…")}</a></p>
            <super::sync_page::Devices/>
            <super::quarantine::Quarantined/>
            <Reset/>
        </article>
    }
}

#[component]
fn StorageStatus() -> impl IntoView {
    let lang = use_lang();
    let edits = use_edits();
    let settings = use_settings();
    let persisted = edits.persisted;
    let used = Memo::new(move |_| {
        edits.ops.track();
        bytes_used()
    });
    let last_export = move || {
        settings.last_export_at.get().map(|at| {
            let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
            format!(
                "{}-{:02}-{:02} {:02}:{:02}",
                d.get_full_year(),
                d.get_month() + 1,
                d.get_date(),
                d.get_hours(),
                d.get_minutes()
            )
        })
    };
    let sync = super::sync::use_sync();
    view! {
        <section>
            <h2>{tr("修改保存在哪里", "Where your edits live")}</h2>
            <p>{move || if sync.config.with(|c| c.enabled) {
                lang.get().pick(
                    "修改先保存在这台电脑的这个浏览器里（localStorage），并同步到单位服务器上的共享文件夹（见“同步”页）。",
                    "Edits are kept in this browser on this computer (localStorage) first, and synced to the shared folder on the office's server (see the Sync page).")
            } else {
                lang.get().pick(
                    "所有修改只保存在这台电脑的这个浏览器里（localStorage），不会上传。清除浏览器数据会删除它们：请定期导出备份文件。",
                    "All edits are kept only in this browser on this computer (localStorage); nothing is uploaded. Clearing browser data deletes them: export a backup file regularly.")
            }}</p>
            <dl class="facts">
                <dt>{tr("修改条数", "Edits")}</dt>
                <dd id="edit-count">{move || edits.ops.read().len()}</dd>
                <dt>{tr("占用空间", "Space used")}</dt>
                <dd>{move || format!("{:.1} KB", used.get() as f64 / 1024.0)}</dd>
                <dt>{tr("持久存储", "Persistent storage")}</dt>
                <dd id="persisted">{move || match persisted.get() {
                    Some(true) => lang.get().pick("已获准：浏览器不会自动清除", "granted: the browser will not evict it"),
                    Some(false) => lang.get().pick("未获准：空间紧张时浏览器可能清除，请多导出备份", "not granted: the browser may evict it under pressure; export often"),
                    None => lang.get().pick("浏览器不支持或尚未回答", "not supported or no answer yet"),
                }}</dd>
                <dt>{tr("上次导出", "Last export")}</dt>
                <dd id="last-export">{move || last_export().unwrap_or_else(|| lang.get().pick("从未导出", "never").to_string())}</dd>
            </dl>
        </section>
    }
}

/// What an import would do, shown before anything is applied: every choice the merge makes is said.
#[derive(Clone)]
struct Preview {
    file: ExportFile,
    screened: Screened,
}

/// How many ops each list of the preview names; the rest are counted.
const LISTED: usize = 20;

#[component]
fn ExportImport() -> impl IntoView {
    let lang = use_lang();
    let edits = use_edits();
    let plan = use_plan();
    let message = RwSignal::new(None::<(bool, String)>);
    let preview = RwSignal::new(None::<Preview>);
    let choices = RwSignal::new(std::collections::BTreeMap::<usize, Side>::new());
    let on_export = move |_| match export_edits() {
        Ok(()) => message.set(Some((
            true,
            lang.get_untracked().pick("已导出。", "Exported.").into(),
        ))),
        Err(e) => message.set(Some((false, e))),
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        if let Some(i) = input.as_ref() {
            i.set_value("");
        }
        preview.set(None);
        let size = file.size() as usize;
        if size > MAX_IMPORT_BYTES {
            let err = crate::journal::ImportError::TooLarge {
                bytes: size,
                max: MAX_IMPORT_BYTES,
            };
            message.set(Some((
                false,
                lang.get_untracked()
                    .pick(&err.message_zh(), &err.message_en())
                    .to_string(),
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    message.set(Some((
                        false,
                        lang.get_untracked()
                            .pick("无法读取该文件。", "The file could not be read.")
                            .into(),
                    )));
                    return;
                }
            };
            let plan_id = plan.read_untracked().id.clone();
            match import_file(&text, &plan_id, MAX_IMPORT_BYTES) {
                Ok(file) => {
                    let screened = edits.ops.with_untracked(|ops| {
                        screen(&plan.read_untracked(), ops, &file.ops, now_ms())
                    });
                    message.set(None);
                    choices.set(Default::default());
                    preview.set(Some(Preview { file, screened }));
                }
                Err(err) => message.set(Some((
                    false,
                    super::plans::import_error_words(&err, lang.get_untracked()),
                ))),
            }
        });
    };
    let apply = move |_| {
        if let Some(p) = preview.get_untracked() {
            let lang = lang.get_untracked();
            preview.set(None);
            message.set(Some(match edits.import(&p.screened.accepted) {
                Ok(added) => {
                    let kept = super::import_choices::apply_choices(
                        edits,
                        &p.screened.merge.conflicts,
                        &choices.get_untracked(),
                    );
                    let kept = (kept > 0).then(|| {
                        format!(
                            "{}{kept}{}",
                            lang.pick("按你的选择保留了 ", " "),
                            lang.pick(" 项的另一方数值。", " conflicts kept as you chose.")
                        )
                    });
                    (
                        true,
                        format!(
                            "{} {added} {}{}",
                            lang.pick("已合并", "Merged"),
                            lang.pick("条修改。", "edits."),
                            kept.unwrap_or_default()
                        ),
                    )
                }
                Err(err) => (false, err.import_refused(lang, p.screened.accepted.len())),
            }));
        }
    };
    let preview_view = move || {
        preview.get().map(|p| {
            let lang = lang.get();
            let result = &p.screened.merge;
            let conflicts = view! { <super::import_choices::ConflictChoices conflicts=result.conflicts.clone() choices/> };
            let fresh: Vec<crate::journal::Op> = edits.ops.with_untracked(|ops| {
                let here: std::collections::HashSet<&str> = ops.iter().map(|o| o.id.as_str()).collect();
                p.screened.accepted.iter().filter(|o| !here.contains(o.id.as_str())).cloned().collect()
            });
            let writers = super::import_choices::writers(&fresh, lang).into_iter().map(|w| view! { <li>{w}</li> }).collect_view();
            let held = listed(
                p.screened.held.iter().map(|h| format!("{}：{}", describe(&h.op, lang), h.reason.message(lang))),
                lang,
            );
            let unseen = listed(
                p.screened.not_in_plan.iter().map(|i| format!("{}：{}", i.op_id, i.reason.message(lang))),
                lang,
            );
            let summary = format!("{} {} · {} {} · {} {}{}",
                lang.pick("文件中", "In the file:"), p.file.ops.len(),
                lang.pick("新增", "new:"), result.added,
                lang.pick("冲突", "conflicts:"), result.conflicts.len(),
                if p.screened.held.is_empty() { String::new() } else {
                    format!(" · {} {}", lang.pick("不导入", "not imported:"), p.screened.held.len())
                });
            view! {
                <div class="import-preview" role="region" aria-label=lang.pick("导入预览", "Import preview")>
                    <p id="import-summary">{summary}</p>
                    <p>{lang.pick("文件中的新修改来自：", "The file's new edits are by:")}</p>
                    <ul id="import-writers">{writers}</ul>
                    {(!result.conflicts.is_empty()).then(|| view! { <ul class="conflicts">{conflicts}</ul> })}
                    {(!p.screened.held.is_empty()).then(|| view! {
                        <p class="error">{lang.pick("以下修改不会导入，文件中其余的修改仍可合并：",
                            "These edits will not be imported; the rest of the file can still be merged:")}</p>
                        <ul id="import-held">{held}</ul>
                    })}
                    {(!p.screened.not_in_plan.is_empty()).then(|| view! {
                        <p>{lang.pick("以下修改所指的内容不在本计划中：会保存，但不会显示：",
                            "These edits refer to things this plan does not have: they are kept but not shown:")}</p>
                        <ul id="import-not-in-plan">{unseen}</ul>
                    })}
                    <button id="import-apply" on:click=apply>{lang.pick("合并这些修改", "Merge these edits")}</button>
                    <button on:click=move |_| preview.set(None)>{lang.pick("取消", "Cancel")}</button>
                </div>
            }
        })
    };
    view! {
        <section>
            <h2>{tr("导出与导入", "Export and import")}</h2>
            <p>{tr("导出的文件可发给同事；导入时按修改编号合并，同一字段以较晚的修改为准，重复导入不会产生变化。", "An exported file can be sent to a colleague. Importing merges by edit id; for the same field the later edit wins; importing twice changes nothing.")}</p>
            <div class="toolbar">
                <button id="export-edits" on:click=on_export>{tr("导出修改记录", "Export edits")}</button>
                <label class="file-button">
                    <span>{tr("导入修改记录文件…", "Import an edits file…")}</span>
                    <input id="import-file" type="file" accept=".json,application/json" aria-label=tr("导入修改记录文件", "Import edits file") on:change=on_file/>
                </label>
            </div>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "ok" } else { "error" } role=if ok { "status" } else { "alert" } id="data-message">{text}</p>
            })}
            {preview_view}
        </section>
    }
}

/// The first [`LISTED`] lines as list items, then how many more there are.
fn listed(lines: impl ExactSizeIterator<Item = String>, lang: crate::i18n::Lang) -> impl IntoView {
    let total = lines.len();
    let mut items: Vec<String> = lines.take(LISTED).collect();
    if total > LISTED {
        items.push(format!(
            "{} {} {}",
            lang.pick("……另有", "…and"),
            total - LISTED,
            lang.pick("条", "more")
        ));
    }
    items
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view()
}

#[component]
fn Reset() -> impl IntoView {
    let lang = use_lang();
    let edits = use_edits();
    let plan = use_plan();
    let on_reset = move |_| {
        let lang = lang.get_untracked();
        let count = edits.ops.read_untracked().len();
        let ask = |text: &str| window().confirm_with_message(text).unwrap_or(false);
        if count > 0
            && ask(lang.pick(
                "重置前先导出一份修改记录备份吗？",
                "Export a backup of your edits before resetting?",
            ))
        {
            let _ = export_edits();
        }
        let question = format!(
            "{} {count} {}",
            lang.pick("将删除本计划的全部", "This deletes all"),
            lang.pick(
                "条修改，恢复为原始计划。确定吗？",
                "edits of this plan and returns to the shipped plan. Are you sure?"
            )
        );
        if ask(&question) {
            edits.reset(&plan.read_untracked().id);
        }
    };
    view! {
        <section>
            <h2>{tr("重置", "Reset")}</h2>
            <p>{tr("删除本计划的全部修改，恢复为发布的原始计划。", "Delete every edit of this plan and return to the plan as published.")}</p>
            <button id="reset" class="danger" on:click=on_reset>{tr("重置为原始计划…", "Reset to the shipped plan…")}</button>
        </section>
    }
}
