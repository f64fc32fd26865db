//! `#/bulletin/2020-04` (通报): the period's bulletin on screen, in print (A4), and as downloads — the
//! bulletin as a Word document and the 台账 as an Excel workbook, written in the worker (`office_out`).
//! Screen, print and Word file are drawn from the same blocks (`report::bulletin_doc`).

use super::components::set_title;
use super::edits::use_edits;
use super::office_out::{DOCX, XLSX, download_office};
use super::report_page::review_day;
use super::state::{tr, use_lang, use_plan};
use crate::journal::Period;
use crate::report::bulletin::bulletin;
use crate::report::bulletin_doc::{Block, blocks, title};
use crate::report::ledger::ledger;
use crate::report::office::Job;
use crate::route::Route;
use leptos::prelude::*;

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Heading(text) => view! { <h2>{text}</h2> }.into_any(),
        Block::Para(text) => view! { <p class="bulletin-text">{text}</p> }.into_any(),
        Block::Table { head, rows } => view! {
            <div class="h-scroll">
                <table class="bulletin-table">
                    <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>{rows.into_iter().map(|r| view! {
                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}</tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}

#[component]
pub fn BulletinPage(period: String) -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let Some(period) = Period::parse(&period) else {
        return view! { <super::components::NotFound what=Route::Bulletin(period).to_hash()/> }
            .into_any();
    };
    let message = RwSignal::new(None::<(bool, String)>);
    let made = Memo::new(move |_| {
        let view = edits.view.read();
        edits
            .ops
            .with(|ops| bulletin(&plan.read(), ops, period, review_day(&view)))
    });
    Effect::new(move |_| set_title(title(&made.read(), lang.get())));
    let busy = RwSignal::new(false);
    let finish = move |result: Result<(), String>| {
        busy.set(false);
        message.set(Some(match result {
            Ok(()) => (
                true,
                lang.get_untracked()
                    .pick("已下载。", "Downloaded.")
                    .to_string(),
            ),
            Err(e) => (false, e),
        }));
    };
    let word = move |_| {
        let lang = lang.get_untracked();
        let b = made.get_untracked();
        // The Word file is always the Chinese 公文, whatever the interface language.
        let job = Job::Bulletin {
            title: title(&b, crate::i18n::Lang::Zh),
            blocks: blocks(&b, crate::i18n::Lang::Zh),
        };
        busy.set(true);
        download_office(
            &job,
            format!("通报-{}.docx", period.key()),
            DOCX,
            lang,
            finish,
        );
    };
    let excel = move |_| {
        let lang = lang.get_untracked();
        let plan = plan.get_untracked();
        let schedule = edits.view.read_untracked().schedule;
        let l = edits
            .ops
            .with_untracked(|ops| ledger(&plan, ops, period, &schedule.periods(plan.meta.year)));
        busy.set(true);
        download_office(
            &Job::Ledger { ledger: l },
            format!("台账-{}.xlsx", period.key()),
            XLSX,
            lang,
            finish,
        );
    };
    let print = |_| {
        let _ = window().print();
    };
    let neighbours = move || {
        let lang = lang.get();
        let periods = edits.view.read().schedule.periods(plan.read().meta.year);
        let at = periods.iter().position(|p| *p == period);
        let link = |p: Option<&Period>, arrow_before: bool| {
            p.map(|p| {
                let label = p.label(lang);
                let text = if arrow_before {
                    format!("← {label}")
                } else {
                    format!("{label} →")
                };
                view! { <a href=Route::Bulletin(p.key()).to_hash()>{text}</a> }
            })
        };
        let before = at
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| periods.get(i));
        let after = at.and_then(|i| periods.get(i + 1));
        view! { <nav class="pager" aria-label=lang.pick("其他报告期", "Other periods")>{link(before, true)}{link(after, false)}</nav> }
    };
    view! {
        <article class="page bulletin-page">
            <h1 id="bulletin-title">{move || title(&made.read(), lang.get())}</h1>
            <div class="toolbar">
                <button id="print-bulletin" on:click=print>{tr("打印（A4）", "Print (A4)")}</button>
                <button id="download-bulletin-docx" disabled=move || busy.get() on:click=word>{tr("下载通报（Word）", "Download the bulletin (Word)")}</button>
                <button id="download-ledger-xlsx" disabled=move || busy.get() on:click=excel>{tr("下载台账（Excel）", "Download the ledger (Excel)")}</button>
            </div>
            {move || busy.get().then(|| view! { <p class="muted" role="status" id="bulletin-busy">{tr("正在生成文件…", "Making the file…")}</p> })}
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "ok" } else { "error" } role=if ok { "status" } else { "alert" } id="bulletin-message">{text}</p>
            })}
            <div class="bulletin" id="bulletin">
                {move || blocks(&made.read(), lang.get()).into_iter().map(block_view).collect_view()}
            </div>
            {neighbours}
        </article>
    }
    .into_any()
}
