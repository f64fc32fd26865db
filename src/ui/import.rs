//! `#/import`: paste a plan text or open a file, see what the importer reads (live, debounced), and save it
//! as a new plan. Nothing is saved until the person asks, and never from an empty or taskless text.

use super::import_file::{check_file, is_office, read_file};
use super::import_preview::{Digest, Preview};
use super::import_worker::{
    FileFailure, cancel_background, mark, parse_in_background, read_file_in_background,
    retry_background,
};
use super::plans::{Kv, now_ms, use_library};
use super::state::{tr, use_lang};
use crate::i18n::Lang;
use crate::parse::Parsed;
use crate::plan::fix::UnitFix;
use crate::route::Route;
use crate::storage::plans::{self, OnConflict, PlanEntry, PlansError};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Long enough to let a typist finish a word, short enough to feel live.
const PARSE_DELAY: Duration = Duration::from_millis(300);

/// The preview on screen: the digest of one parse and the very text it was parsed from.
#[derive(Clone)]
struct Shown {
    digest: Arc<Digest>,
    source: Arc<str>,
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let lib = use_library();
    let lang = use_lang();
    super::components::set_title(
        lang.get_untracked()
            .pick("导入计划", "Import a plan")
            .to_string(),
    );
    let text = lib.draft;
    let preview = RwSignal::new(None::<Shown>);
    let busy = RwSignal::new(None::<usize>);
    // The import worker could not start or failed: the text is kept, and the page offers to try again.
    let unavailable = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<PlanEntry>);
    // Kept while the text is edited (a correction that no longer matches a task is skipped); cleared when
    // another file is read and after saving.
    let fixes = RwSignal::new(Vec::<UnitFix>::new());
    // The unit that collects the reports of the imported plan (汇总单位), chosen before saving.
    let coordinator = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);

    // The parse runs in the import worker; the page shows that it is reading, and keeps the previous preview
    // until the new one is ready. The parser lives only in the worker (it is not part of the first load), so
    // without a worker there is no preview: the page says so and offers to try again, and keeps the text.
    let show = move |parsed: Parsed, source: Arc<str>| {
        // The person may have left the page meanwhile: then there is nothing to show.
        busy.try_set(None);
        unavailable.try_set(false);
        preview.try_set(Some(Shown {
            digest: Arc::new(Digest::new(Arc::new(parsed))),
            source,
        }));
        mark("lanbai:import-shown");
    };
    let reparse = move || {
        let source: Arc<str> = Arc::from(text.get_untracked());
        if source.trim().is_empty() {
            cancel_background();
            busy.set(None);
            preview.set(None);
            return;
        }
        mark("lanbai:import-parse");
        busy.set(Some(source.lines().count()));
        let shown = source.clone();
        parse_in_background(&source, move |result| match result {
            Ok(parsed) => show(parsed, shown),
            Err(_) => {
                busy.try_set(None);
                unavailable.try_set(true);
            }
        });
    };
    let schedule = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(set_timeout_with_handle(reparse, PARSE_DELAY).ok());
    };
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });
    // A draft kept from earlier in the visit is previewed at once.
    reparse();

    // The box shows the draft, but what was just typed or pasted is not written back into it: a pasted
    // 2 MB text would be copied and laid out a second time, on the page's thread.
    let text_box = NodeRef::<leptos::html::Textarea>::new();
    let from_box = StoredValue::new(false);
    Effect::new(move |_| {
        text.with(|t| {
            if from_box.get_value() {
                from_box.set_value(false);
            } else if let Some(el) = text_box.get() {
                el.set_value(t);
            }
        })
    });
    let on_input = move |ev: leptos::ev::Event| {
        from_box.set_value(true);
        text.set(event_target_value(&ev));
        conflict.set(None);
        message.set(None);
        schedule();
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Choosing the same file again must fire `change` again.
        input.set_value("");
        fixes.set(Vec::new());
        let lang = lang.get_untracked();
        if let Err(problem) = check_file(&file, lang) {
            message.set(Some(problem));
            return;
        }
        message.set(Some(lang.pick("正在读取文件…", "Reading the file…").into()));
        if is_office(&file.name()) {
            leptos::task::spawn_local(async move {
                let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer),
                    Err(e) => {
                        message.set(Some(format!(
                            "{}{e:?}",
                            lang.pick("无法读取文件：", "Could not read the file: ")
                        )));
                        return;
                    }
                };
                cancel_background();
                message.set(None);
                busy.set(Some(0));
                read_file_in_background(&bytes, move |answer| {
                    busy.try_set(None);
                    match answer {
                        Ok((parsed, read)) => {
                            // The text read from the file becomes the draft: it can be seen and corrected.
                            let source: Arc<str> = Arc::from(read.as_str());
                            text.try_set(read);
                            conflict.try_set(None);
                            message.try_set(None);
                            show(parsed, source);
                        }
                        Err(FileFailure::Refused(why)) => {
                            message.try_set(Some(why.message(lang).to_string()));
                        }
                        Err(FileFailure::Unavailable(_)) => {
                            message.try_set(Some(
                                lang.pick(
                                    "无法读取这个 Word/Excel 文件：文件可能已损坏，或本浏览器不能在后台读取文件。可在 Word、WPS 或 Excel 中另存为 .docx / .xlsx 再试，或复制文字粘贴到上框。已有的计划和记录不受影响。",
                                    "This Word/Excel file could not be read: it may be damaged, or this browser cannot read files in the background. Save it again as .docx / .xlsx in Word, WPS or Excel, or paste its text above. Saved plans and records are not affected.",
                                )
                                .to_string(),
                            ));
                        }
                    }
                });
            });
            return;
        }
        leptos::task::spawn_local(async move {
            match read_file(&file).await {
                Ok(content) => {
                    text.set(content);
                    conflict.set(None);
                    message.set(None);
                    reparse();
                }
                Err(e) => message.set(Some(format!(
                    "{}{e}",
                    lang.pick("无法读取文件：", "Could not read the file: ")
                ))),
            }
        });
    };
    let save = move |mode: OnConflict| {
        let lang = lang.get_untracked();
        let source = text.get_untracked();
        if source.trim().is_empty() {
            message.set(Some(
                lang.pick(
                    "请先粘贴计划文本或选择文件。",
                    "Paste a plan text or choose a file first.",
                )
                .into(),
            ));
            return;
        }
        // The preview's parse, which is of this very text once the preview has caught up with the typing.
        let mut plan = match preview.get_untracked() {
            Some(shown) if *shown.source == *source => shown.digest.parsed().plan.clone(),
            _ => {
                message.set(Some(
                    lang.pick(
                        "识别尚未完成：请等下方预览出现后再保存。",
                        "The text is still being read: save once the preview below has appeared.",
                    )
                    .into(),
                ));
                reparse();
                return;
            }
        };
        fixes.with_untracked(|f| crate::plan::fix::apply(&mut plan, f));
        let office = coordinator.get_untracked();
        if plan.units.iter().any(|u| u.id == office) {
            plan.meta.coordinator = Some(office);
        }
        match plans::save(&Kv::open(), plan, &name.get_untracked(), now_ms(), mode) {
            Ok(entry) => {
                lib.refresh();
                match lib.open(&entry.id) {
                    Ok(()) => {
                        text.set(String::new());
                        fixes.set(Vec::new());
                        lib.notice.set(None);
                        super::browser::push_hash(&Route::Overview);
                    }
                    Err(e) => message.set(Some(e)),
                }
            }
            Err(PlansError::Exists(existing)) => conflict.set(Some(existing)),
            Err(e) => message.set(Some(e.message(lang))),
        }
    };
    let replace = move |_| {
        let Some(existing) = conflict.get_untracked() else {
            return;
        };
        let question = match lang.get_untracked() {
            Lang::Zh => format!(
                "用这份文本替换已保存的「{}」吗？原计划会被覆盖；进度记录保留。",
                existing.name
            ),
            Lang::En => format!(
                "Replace the saved “{}” with this text? The saved plan is overwritten; its progress records stay.",
                existing.name
            ),
        };
        if window().confirm_with_message(&question).unwrap_or(false) {
            save(OnConflict::Replace);
        }
    };

    view! {
        <article class="page import-page">
            <h1>{tr("导入计划", "Import a plan")}</h1>
            <p class="muted">
                {tr(
                    "粘贴一份工作要点或任务分工文本，或选择 Word（.docx）、Excel（.xlsx、.xls）、.txt、.md、.html 文件。下方即时显示识别结果；确认无误后保存为新计划。文本只保存在本浏览器中。",
                    "Paste a work plan (工作要点 / 任务分工) or choose a Word (.docx), Excel (.xlsx, .xls), .txt, .md or .html file. What the importer reads shows below as you type; save it as a new plan when it looks right. The text stays in this browser.",
                )}
            </p>
            <div class="import-inputs">
                <label for="import-text">{tr("计划文本", "Plan text")}</label>
                <textarea
                    id="import-text"
                    aria-label=tr("计划文本", "Plan text")
                    rows="14"
                    spellcheck="false"
                    node_ref=text_box
                    on:input=on_input
                ></textarea>
                <span class="muted">{tr("或从文件读取：", "Or read a file: ")}</span>
                <label class="file-button">
                    <span>{tr("选择计划文件（Word、Excel、文本）…", "Choose a plan file (Word, Excel, text)…")}</span>
                    <input
                        type="file"
                        id="import-file"
                        aria-label=tr("从文件读取计划", "Read a plan from a file")
                        accept=".docx,.xlsx,.xls,.ods,.et,.doc,.wps,.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                        on:change=on_file
                    />
                </label>
            </div>
            {move || message.get().map(|m| view! { <p class="notice import-message" role="alert">{m}</p> })}
            {move || busy.get().map(|lines| view! {
                <p class="notice import-busy" role="status">
                    <progress aria-label=tr("正在识别", "Reading")></progress>" "
                    {match lang.get() {
                        l if lines == 0 => l.pick("正在读取文件…", "Reading the file…").to_string(),
                        Lang::Zh => format!("正在识别 {lines} 行文本…"),
                        Lang::En => format!("Reading {lines} lines…"),
                    }}
                </p>
            })}
            {move || unavailable.get().then(|| view! {
                <p class="notice import-unavailable" role="alert">
                    {tr(
                        "未能载入识别程序（网络中断，或本浏览器不允许后台程序），所以还没有预览。您的文本已保留，不会丢失。",
                        "The reader could not be loaded (the network dropped, or this browser does not allow background workers), so there is no preview yet. Your text is kept.",
                    )}
                    " "
                    <button id="import-retry" on:click=move |_| {
                        retry_background();
                        unavailable.set(false);
                        reparse();
                    }>{tr("重试", "Try again")}</button>
                </p>
            })}
            {move || match preview.get() {
                None => (busy.get().is_none()).then(|| view! {
                    <p class="muted import-empty">{tr("还没有文本。", "No text yet.")}</p>
                })
                .into_any(),
                Some(shown) if shown.digest.parsed().plan.tasks.is_empty() => view! {
                    <p class="notice import-unreadable" role="status">
                        {tr(
                            "没有识别出任何任务：任务应以“1.”“（1）”等编号开头，并注明牵头单位或责任单位。这样的文本不能保存。",
                            "No tasks were recognised: tasks start with a number such as “1.” or “（1）” and name a lead or responsible unit. Such a text cannot be saved.",
                        )}
                    </p>
                    <Preview digest=shown.digest source=shown.source fixes/>
                }
                .into_any(),
                Some(shown) => view! { <Preview digest=shown.digest source=shown.source fixes/> }.into_any(),
            }}
            <div class="import-save">
                <label>
                    <span>{tr("汇总单位（收集各单位报送、审核、催办）", "Coordinating unit (collects, reviews, reminds)")}</span>
                    <select id="import-coordinator" aria-label=tr("汇总单位", "Coordinating unit")
                        on:change=move |ev| coordinator.set(event_target_value(&ev))>
                        <option value="">{tr("（不设：任何单位都可审核）", "(none: any unit may review)")}</option>
                        {move || preview.with(|p| p.as_ref().map(|p| p.digest.parsed().plan.units.clone())).unwrap_or_default()
                            .into_iter()
                            .map(|u| view! { <option value=u.id.clone() selected=coordinator.get_untracked() == u.id>{u.name}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>{tr("计划名称", "Plan name")}</span>
                    <input
                        type="text"
                        id="import-name"
                        aria-label=tr("计划名称", "Plan name")
                        placeholder=move || preview.with(|p| p.as_ref().map(|p| p.digest.parsed().plan.meta.title.clone())).unwrap_or_default()
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </label>
                <button
                    id="import-save"
                    disabled=move || busy.get().is_some() || preview.with(|p| p.as_ref().is_none_or(|p| p.digest.parsed().plan.tasks.is_empty()))
                    on:click=move |_| save(OnConflict::Ask)
                >
                    {tr("保存为新计划", "Save as a new plan")}
                </button>
            </div>
            {move || conflict.get().map(|existing| view! {
                <div class="notice import-conflict" role="alert">
                    <p>
                        {match lang.get() {
                            Lang::Zh => format!("本浏览器已保存过同一计划：「{}」（{} 项任务）。", existing.name, existing.task_count),
                            Lang::En => format!("This plan is already saved as “{}” ({} tasks).", existing.name, existing.task_count),
                        }}
                    </p>
                    <button id="import-copy" on:click=move |_| save(OnConflict::Copy)>{tr("另存为副本", "Save as a copy")}</button>
                    {(!existing.is_shipped()).then(|| view! {
                        <button class="danger" on:click=replace>{tr("替换已保存的计划…", "Replace the saved plan…")}</button>
                    })}
                    <button on:click=move |_| conflict.set(None)>{tr("取消", "Cancel")}</button>
                </div>
            })}
        </article>
    }
}
