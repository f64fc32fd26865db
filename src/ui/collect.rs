//! `#/collect` (汇总督办): the coordinating office's page for the cycle. Submission files go in many at once
//! (picker or drag-and-drop), each with a line saying what it added; the table of units × periods shows who
//! has submitted (and how late), who was returned or passed; 未报送 lists the units still missing with a
//! ready-to-send 催办 reminder each; a cell opens the submission for review (`collect_review`).

use super::browser;
use super::components::set_title;
use super::cycle_files::{FileLine, files_of, take_files};
use super::edits::use_edits;
use super::report_page::review_day;
use super::state::{tr, use_lang, use_my_unit, use_plan};
use crate::i18n::Lang;
use crate::journal::cycle::{self, Standing, reminder, reminders_text, reporting_units};
use crate::journal::permit::is_coordinator;
use crate::route::{CollectQuery, Route};
use leptos::prelude::*;

/// The list of files taken in, one line each.
#[component]
pub fn FileLines(lines: RwSignal<Vec<FileLine>>) -> impl IntoView {
    view! {
        <ul class="file-lines" aria-live="polite">
            {move || lines.get().into_iter().map(|l| view! {
                <li class=if l.ok { "ok" } else { "error" } data-file=l.name.clone()>
                    <strong>{l.name.clone()}</strong>"："{l.text.clone()}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn CollectPage(query: CollectQuery) -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let my_unit = use_my_unit();
    set_title(lang.get_untracked().pick("汇总督办", "Collect").to_string());
    let not_coordinator = move || {
        let plan = plan.read();
        let mine = my_unit.get();
        let ok = match (&plan.meta.coordinator, mine.as_deref()) {
            (None, _) => true,
            (Some(_), Some(m)) => is_coordinator(&plan, m),
            (Some(_), None) => false,
        };
        (!ok).then(|| {
            let who = plan.meta.coordinator.clone().unwrap_or_default();
            view! {
                <p class="notice" id="collect-not-coordinator">{move || match lang.get() {
                    Lang::Zh => format!("审核与催办由汇总单位（{who}）进行：请在页首把工作方式设为“汇总督办”。"),
                    Lang::En => format!("Reviews and reminders are the coordinating unit's ({who}): set the way of working at the top to “Coordinate”."),
                }}</p>
            }
        })
    };
    let selected = query.unit.clone().zip(
        query
            .period
            .clone()
            .and_then(|p| crate::journal::Period::parse(&p)),
    );
    view! {
        <article class="page collect-page">
            <h1>{tr("汇总督办", "Collect and review")}</h1>
            <p class="period">{tr("报告期：", "Period: ")}{move || super::reports::period_words(&use_edits().view.read(), lang.get())}
                " "<a id="bulletin-link" href=move || Route::Bulletin(use_edits().view.read().period.key()).to_hash()>{tr("本期通报与台账 →", "This period's bulletin and ledger →")}</a></p>
            {not_coordinator}
            <DropFiles/>
            <super::extensions::PendingExtensions/>
            <Filters missing=query.missing/>
            {if query.missing { view! { <Reminders/> }.into_any() } else { view! { <StandingTable/> }.into_any() }}
            {selected.map(|(unit, period)| view! { <super::collect_review::SubmissionReview unit period/> })}
        </article>
    }
}

/// The picker (several files at once) and the drop zone around it.
#[component]
fn DropFiles() -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let lines = RwSignal::new(Vec::<FileLine>::new());
    let over = RwSignal::new(false);
    let take = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        lines.set(Vec::new());
        let plan_now = plan.get_untracked();
        let id = plan_now.id.clone();
        take_files(files, edits, plan_now, id, lang.get_untracked(), lines);
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        let files = files_of(input.as_ref().and_then(|i| i.files()));
        if let Some(i) = input.as_ref() {
            i.set_value("");
        }
        take(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        take(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    view! {
        <section class="drop-files" class:over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop>
            <h2>{tr("导入报送文件", "Take in submission files")}</h2>
            <p>{tr("把各单位发来的“报送-…json”文件拖到这里，或一次选择多个文件。每个文件单独校验后合并，重复导入不会产生变化。", "Drop the units' “报送-….json” files here, or choose several at once. Each file is checked and merged on its own; importing one twice changes nothing.")}</p>
            <label class="file-button">
                <span>{tr("选择报送文件…", "Choose submission files…")}</span>
                <input id="collect-files" type="file" multiple=true accept=".json,application/json" aria-label=tr("选择报送文件", "Choose submission files") on:change=on_change/>
            </label>
            <FileLines lines/>
        </section>
    }
}

#[component]
fn Filters(missing: bool) -> impl IntoView {
    let all = Route::Collect(CollectQuery::default()).to_hash();
    let only_missing = Route::Collect(CollectQuery {
        missing: true,
        ..Default::default()
    })
    .to_hash();
    view! {
        <nav class="filters" aria-label=tr("筛选", "Filter")>
            <a href=all aria-current=(!missing).then_some("page")>{tr("全部单位", "All units")}</a>
            <a href=only_missing id="filter-missing" aria-current=missing.then_some("page")>{tr("未报送（催办）", "Not submitted (remind)")}</a>
        </nav>
    }
}

/// Units × periods up to the one under review; each cell links to that submission.
#[component]
fn StandingTable() -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let cycle = Memo::new(move |_| edits.ops.with(|ops| cycle::cycle(&plan.read(), ops)));
    move || {
        let lang = lang.get();
        let plan = plan.read();
        let view = edits.view.read();
        let today = review_day(&view);
        let c = cycle.read();
        // From the first period anyone submitted for (where the cycle started here) to the one under review.
        let first = c
            .all()
            .iter()
            .map(|s| s.period.under(view.schedule.cadence))
            .min()
            .unwrap_or(view.period);
        let periods: Vec<_> = view
            .schedule
            .periods(plan.meta.year)
            .into_iter()
            .filter(|p| *p >= first && *p <= view.period)
            .collect();
        let head = periods
            .iter()
            .map(|p| view! { <th scope="col">{p.label(lang)}</th> })
            .collect_view();
        let rows = reporting_units(&plan)
            .into_iter()
            .map(|unit| {
                let cells = periods
                    .iter()
                    .map(|p| {
                        let standing = c.standing(&unit, *p, view.schedule, today);
                        let href = Route::Collect(CollectQuery {
                            unit: Some(unit.clone()),
                            period: Some(p.key()),
                            missing: false,
                        })
                        .to_hash();
                        let words = standing.words(lang);
                        let cell = match standing {
                            Standing::Missing { .. } => view! { <span>{words}</span> }.into_any(),
                            _ => view! { <a href=href>{words}</a> }.into_any(),
                        };
                        view! { <td class=format!("standing-{}", standing.slug()) data-period=p.key()>{cell}</td> }
                    })
                    .collect_view();
                view! { <tr data-unit=unit.clone()><th scope="row">{unit.clone()}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="h-scroll">
                <table class="standing-table" id="standing-table">
                    <thead><tr><th scope="col">{lang.pick("单位", "Unit")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}

/// 催办: for each unit that has not submitted for the period under review, the reminder to send, and the
/// whole list as a text file.
#[component]
fn Reminders() -> impl IntoView {
    let lang = use_lang();
    let plan = use_plan();
    let edits = use_edits();
    let cycle = Memo::new(move |_| edits.ops.with(|ops| cycle::cycle(&plan.read(), ops)));
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        let lang = lang.get_untracked();
        let plan = plan.read_untracked();
        let view = edits.view.read_untracked();
        let text = reminders_text(
            &plan,
            &cycle.read_untracked(),
            view.period,
            view.schedule,
            review_day(&view),
            lang,
        );
        let name = format!("催办-{}.txt", view.period.key());
        if let Err(e) = browser::download(&name, "text/plain;charset=utf-8", &text) {
            message.set(Some(e));
        }
    };
    let list = move || {
        let lang = lang.get();
        let plan = plan.read();
        let view = edits.view.read();
        let today = review_day(&view);
        let c = cycle.read();
        let missing: Vec<String> = reporting_units(&plan)
            .into_iter()
            .filter(|u| {
                matches!(
                    c.standing(u, view.period, view.schedule, today),
                    Standing::Missing { .. }
                )
            })
            .collect();
        if missing.is_empty() {
            return view! { <p class="ok" id="no-missing">{lang.pick("本期各单位均已报送。", "Every unit has submitted for this period.")}</p> }.into_any();
        }
        let count = missing.len();
        let items = missing
            .into_iter()
            .map(|unit| {
                let text = reminder(&plan, &unit, view.period, view.schedule, today, lang);
                let standing = c.standing(&unit, view.period, view.schedule, today).words(lang);
                // Tall enough to show the whole notice at the page's width (about 55 characters a line).
                let rows = text
                    .lines()
                    .map(|l| l.chars().count().div_ceil(55).max(1))
                    .sum::<usize>()
                    .max(4);
                view! {
                    <li class="reminder" data-unit=unit.clone()>
                        <p><strong>{unit.clone()}</strong>" · "{standing}</p>
                        <textarea readonly=true rows=rows.to_string() aria-label=format!("{} {unit}", lang.pick("催办通知", "Reminder for")) on:focus=move |ev| {
                            if let Some(t) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok()) { t.select(); }
                        }>{text}</textarea>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p id="missing-count">{format!("{}{count}{}", lang.pick("本期未报送：", "Not submitted this period: "), lang.pick(" 个单位。点击通知文字即全选，可复制发送。", " units. Click a reminder to select it for copying."))}</p>
            <ul class="reminders">{items}</ul>
        }
        .into_any()
    };
    view! {
        <section class="reminders-section" aria-labelledby="reminders-title">
            <h2 id="reminders-title">{tr("催办", "Reminders")}</h2>
            {list}
            <button id="download-reminders" on:click=download>{tr("下载催办清单（.txt）", "Download the reminders (.txt)")}</button>
            {move || message.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}
