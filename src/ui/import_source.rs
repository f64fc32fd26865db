//! The source beside the import preview: the numbered lines of the pasted or read text, the flagged ones
//! marked with the parser's reasons (in the reader's language), a page of them at a time.

use super::import_preview::{Digest, PAGE};
use super::preview_pager::Pager;
use super::state::use_lang;
use crate::i18n::Lang;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Up to this many lines the whole source can be shown; beyond, only the flagged lines and their neighbours.
const FULL_SOURCE_LINES: usize = 400;
const CONTEXT_LINES: usize = 2;

/// The numbered source: by default only the flagged lines and their neighbours, a page of flagged lines at a
/// time (the person's attention belongs there); all lines on request when the text is short. Flagged lines
/// are marked and explained.
#[component]
pub(super) fn SourceLines(source: Arc<str>, digest: Arc<Digest>) -> impl IntoView {
    let lang = use_lang();
    let total = source.lines().count();
    let flagged = digest.flagged.len();
    let guesses = digest.guesses;
    let show_all = RwSignal::new(false);
    let page = RwSignal::new(0usize);
    // "Every line was understood" would claim too much while roles are guessed: say what is known.
    let summary = move || {
        match (flagged, guesses, lang.get()) {
        (0, 0, lang) => lang
            .pick(
                "没有未能读懂的行；各单位的职责均有原文依据（见单位旁的说明）。",
                "No line was left unread; every unit's role is stated in the text (see the word beside it).",
            )
            .to_string(),
        (0, g, Lang::Zh) => format!(
            "没有未能读懂的行，但有 {g} 个单位的职责原文未写明，标为“推测”，请在下方任务中核对。"
        ),
        (0, g, Lang::En) => format!(
            "No line was left unread, but the text does not state the role of {g} units; they are marked “guess” in the tasks below. Please check them."
        ),
        (n, _, Lang::Zh) => format!("{n} 行未能完全读懂，已在下方标出，请核对原文："),
        (n, _, Lang::En) => format!(
            "{n} lines were not fully understood; they are marked below. Please check them against the original:"
        ),
    }
    };
    let toggle_label = move || match (show_all.get(), lang.get()) {
        (false, Lang::Zh) => format!("显示全部 {total} 行"),
        (false, Lang::En) => format!("Show all {total} lines"),
        (true, lang) => lang
            .pick("只显示需要核对的行", "Show only the lines to check")
            .to_string(),
    };
    view! {
        <section class="source-view">
            <h3>{move || lang.get().pick("原文与需要核对的行", "Source and lines to check")}</h3>
            <p id="preview-diagnostics-summary">{summary}</p>
            {(total <= FULL_SOURCE_LINES).then(|| view! {
                <button
                    class="source-toggle"
                    aria-pressed=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|all| *all = !*all)
                >
                    {toggle_label}
                </button>
            })}
            {move || (!show_all.get()).then(|| view! {
                <Pager id="preview-line-pager" total=flagged page what=("处", "lines to check")/>
            })}
            {move || {
                let lang = lang.get();
                let items = if show_all.get() {
                    source_items(&source, &digest.flagged, (1, total), true, lang)
                } else {
                    let shown = digest.flagged.iter().skip(page.get() * PAGE).take(PAGE);
                    let flags: Vec<(usize, Vec<String>)> = shown.cloned().collect();
                    let first = flags.first().map(|f| f.0.saturating_sub(CONTEXT_LINES));
                    let last = flags.last().map(|f| f.0 + CONTEXT_LINES);
                    match (first, last) {
                        (Some(first), Some(last)) => source_items(&source, &flags, (first, last), false, lang),
                        _ => Vec::new(),
                    }
                };
                (!items.is_empty()).then(|| view! { <ol class="source-lines">{items}</ol> })
            }}
        </section>
    }
}

/// Lines `first..=last` (1-based): all of them, or those flagged or within [`CONTEXT_LINES`] of a flag in
/// `flags`, with a gap mark where lines are left out.
fn source_items(
    source: &str,
    flags: &[(usize, Vec<String>)],
    (first, last): (usize, usize),
    all: bool,
    lang: Lang,
) -> Vec<AnyView> {
    let by_line: BTreeMap<usize, &Vec<String>> = flags.iter().map(|(no, m)| (*no, m)).collect();
    let near_flag = |no: usize| {
        by_line
            .range(no.saturating_sub(CONTEXT_LINES)..=no + CONTEXT_LINES)
            .next()
            .is_some()
    };
    let mut items = Vec::new();
    let mut gap = false;
    let start = first.max(1);
    for (k, line) in source.lines().enumerate().skip(start - 1) {
        let no = k + 1;
        if no > last {
            break;
        }
        if !all && !near_flag(no) {
            gap = true;
            continue;
        }
        if gap && !items.is_empty() {
            items.push(view! { <li class="source-gap" aria-hidden="true">"…"</li> }.into_any());
        }
        gap = false;
        let messages = by_line.get(&no).map(|m| {
            m.iter()
                .map(|m| explain(m, lang))
                .collect::<Vec<_>>()
                .join("；")
        });
        let flagged = messages.is_some();
        items.push(
            view! {
                <li class="source-line" class:flagged=flagged value=no>
                    <span class="line-no" aria-hidden="true">{no}</span>
                    <span class="line-text">{line.to_string()}</span>
                    {messages.map(|m| view! { <span class="line-message">{format!("⚠ {m}")}</span> })}
                </li>
            }
            .into_any(),
        );
    }
    items
}

/// The parser reports in English; people read Chinese first. Unknown messages are shown as they are.
fn explain(message: &str, lang: Lang) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("no plan year found", "没有找到计划年份"),
        (
            "note outside the plan structure",
            "说明文字不在任何任务之内",
        ),
        (
            "responsibility line outside any task",
            "责任单位行不属于任何任务",
        ),
        (
            "line after a task not understood",
            "任务之后的这一行未能识别",
        ),
        ("text outside any heading", "这段文字不在任何标题之下"),
        (
            "text before a group's first task",
            "任务组第一项任务之前的文字",
        ),
        ("annotation not understood", "括注未能识别"),
        ("unclosed annotation bracket", "括注缺少右括号"),
        ("annotation bracket not closed", "括注缺少右括号"),
        ("task names no responsible unit", "任务没有注明责任单位"),
    ];
    if lang == Lang::En {
        return message.to_string();
    }
    match KNOWN.iter().find(|(en, _)| message.starts_with(en)) {
        Some((en, zh)) if message.len() == en.len() => (*zh).to_string(),
        Some((_, zh)) => format!("{zh}（{message}）"),
        None if message.starts_with("task numbered") => format!("任务编号不连续（{message}）"),
        None => message.to_string(),
    }
}
