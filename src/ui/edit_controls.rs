//! The forms on a task page that record progress: status, percent, deadline, dated notes, and the actual
//! figures of its targets per city. Each control records one journal op; nothing here writes storage.

use super::edits::use_edits;
use super::guarded_field::GuardedField;
use super::pace::{PaceBadge, use_pace};
use super::state::{tr, use_lang};
use crate::i18n::format_number;
use crate::journal::{OpKind, Region};
use crate::plan::{Target, Task};
use leptos::prelude::*;

/// The deadline of one task. Only the coordinating unit changes it (when the plan names one); everyone
/// else sees it, with the reason they cannot change it.
#[component]
pub fn TaskEditor(task: Task) -> impl IntoView {
    let edits = use_edits();
    let plan = super::state::use_plan();
    let my_unit = super::state::use_my_unit();
    let id = task.id();
    let state = {
        let id = id.clone();
        Memo::new(move |_| edits.view.read().tasks.get(&id).cloned())
    };
    // Another tab's save must not replace what is being typed (issue 17 item 7).
    let deadline = GuardedField::new(move || {
        state
            .read()
            .as_ref()
            .map(|s| s.deadline.clone())
            .unwrap_or_default()
    });
    let may_change = Memo::new(move |_| {
        let plan = plan.read();
        match (&plan.meta.coordinator, my_unit.get()) {
            (None, _) | (_, None) => true,
            (Some(c), Some(mine)) => *c == mine,
        }
    });
    let on_deadline = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            deadline.committed();
            edits.record(OpKind::SetDeadline {
                task: id.clone(),
                date: (!value.is_empty()).then_some(value),
            });
        }
    };
    view! {
        <section class="editor deadline-editor" aria-labelledby="deadline-title">
            <h2 id="deadline-title">
                {tr("完成时限", "Deadline")}" "<PaceBadge task_id=id.clone()/>
            </h2>
            <div class="editor-grid">
                <label>
                    <span>{tr("完成时限", "Deadline")}</span>
                    <input
                        id="task-deadline"
                        type="date"
                        aria-label=tr("完成时限", "Deadline")
                        disabled=move || !may_change.get()
                        node_ref=deadline.node
                        on:input=move |_| deadline.typed()
                        on:blur=move |_| deadline.left()
                        on:change=on_deadline
                    />
                </label>
            </div>
            {move || (!may_change.get()).then(|| view! {
                <p class="owner-note">{tr("完成时限由汇总单位调整。", "The coordinating unit changes deadlines.")}</p>
            })}
            {deadline.notice("完成时限", "deadline", |v| if v.is_empty() { "—".into() } else { v.to_string() })}
        </section>
    }
}

/// Dated progress notes (进展情况) of one task: the list, and a form to add one.
#[component]
pub fn TaskNotes(task: Task) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let id = task.id();
    let notes = {
        let id = id.clone();
        Memo::new(move |_| {
            edits
                .view
                .read()
                .tasks
                .get(&id)
                .map(|t| t.notes.clone())
                .unwrap_or_default()
        })
    };
    let text = RwSignal::new(String::new());
    let author = RwSignal::new(String::new());
    // Today (clamped into the plan year), not the review date: a note written in June is a June note.
    let date = RwSignal::new(today_in_plan_year(
        &super::state::use_plan().read_untracked(),
    ));
    let error = RwSignal::new(None::<&'static str>);
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let body = text.get_untracked().trim().to_string();
            if body.is_empty() {
                error.set(Some(
                    lang.get_untracked()
                        .pick("请先填写进展内容", "Write the note first"),
                ));
                return;
            }
            let day = date.get_untracked();
            if crate::journal::date::Date::parse(&day).is_none() {
                error.set(Some(
                    lang.get_untracked().pick("请填写日期", "Enter a date"),
                ));
                return;
            }
            let who = author.get_untracked().trim().to_string();
            error.set(None);
            edits.record(OpKind::AddNote {
                task: id.clone(),
                // Unique across units and tabs: the time and a random tail.
                note_id: format!(
                    "n{}{:x}",
                    super::edits::now_ms(),
                    (js_sys::Math::random() * 1e9) as u32
                ),
                date: day,
                author: (!who.is_empty()).then_some(who),
                text: body,
            });
            text.set(String::new());
        }
    };
    let my_unit = super::state::use_my_unit();
    let plan = super::state::use_plan();
    // A deleted note is said so, with the way back, rather than vanishing silently.
    let deleted = RwSignal::new(false);
    let list = {
        let id = id.clone();
        move || {
            let lang = lang.get();
            let items = notes.get();
            if items.is_empty() {
                return view! { <p class="muted">{lang.pick("尚无进展记录。", "No progress notes yet.")}</p> }.into_any();
            }
            items
                .into_iter()
                .rev()
                .map(|n| {
                    let task = id.clone();
                    let note_id = n.id.clone();
                    // Only the unit that wrote a note (or the coordinating unit) may delete it.
                    let mine = my_unit.get();
                    let may_delete = n.unit.is_none()
                        || mine.is_none()
                        || mine == n.unit
                        || mine.as_deref().is_some_and(|m| crate::journal::permit::is_coordinator(&plan.read(), m));
                    view! {
                        <li class="note">
                            <p class="note-meta">
                                <time>{n.date.clone()}</time>
                                {n.unit.clone().map(|u| view! { " · "<span class="note-unit">{u}</span> })}
                                {n.author.clone().map(|a| view! { " · "<span>{a}</span> })}
                                {may_delete.then(|| view! {
                                    <button
                                        class="link-button"
                                        aria-label=lang.pick("删除这条进展", "Delete this note")
                                        on:click=move |_| {
                                            edits.record(OpKind::DeleteNote { task: task.clone(), note_id: note_id.clone() });
                                            deleted.set(true);
                                        }
                                    >
                                        {lang.pick("删除", "Delete")}
                                    </button>
                                })}
                            </p>
                            // User text: a text node, never parsed as HTML.
                            <p class="note-text">{n.text.clone()}</p>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <section class="notes" aria-labelledby="notes-title">
            <h2 id="notes-title">{tr("进展情况", "Progress notes")}</h2>
            <form class="note-form" on:submit=add>
                <label class="wide">
                    <span>{tr("备注", "Note")}</span>
                    <textarea
                        id="note-text"
                        rows="3"
                        aria-label=tr("备注", "Note")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <label>
                    <span>{tr("日期", "Date")}</span>
                    <input id="note-date" type="date" aria-label=tr("日期", "Date") prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                </label>
                <label>
                    <span>{tr("填报人（可选）", "Author (optional)")}</span>
                    <input id="note-author" type="text" aria-label=tr("填报人", "Author") prop:value=move || author.get() on:input=move |ev| author.set(event_target_value(&ev))/>
                </label>
                <button type="submit" id="note-add">{tr("添加进展", "Add note")}</button>
            </form>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || deleted.get().then(|| view! {
                <p class="notice" id="note-deleted" role="status">{tr("已删除这条进展。", "Note deleted. ")}
                    <button class="link-button" id="note-undo" on:click=move |_| { edits.undo(); deleted.set(false); }>{tr("撤销", "Undo")}</button>
                </p>
            })}
            <ol class="note-list">{list}</ol>
        </section>
    }
}

/// Today's date clamped into the plan's year: the default date of a new note or figure.
fn today_in_plan_year(plan: &crate::plan::Plan) -> String {
    super::settings::effective_review_date(None, plan.meta.year)
}

/// Whether the person (as `mine`) may write the figure of a region `owner` answers for: its owner, the
/// coordinating unit, anyone while no unit is chosen (the prompt asks first), and anyone for a total when the
/// plan names no coordinating unit.
pub(super) fn may_write_region(
    plan: &crate::plan::Plan,
    mine: Option<&str>,
    owner: Option<&str>,
) -> bool {
    match mine {
        None => true,
        Some(mine) => {
            owner == Some(mine)
                || crate::journal::permit::is_coordinator(plan, mine)
                || plan.meta.coordinator.is_none() && owner.is_none()
        }
    }
}

/// The unit that reports a region's figure of `target` (see `journal::permit`), `None` for the office.
pub(super) fn region_owner(
    plan: &crate::plan::Plan,
    target: &Target,
    region: &Region,
) -> Option<String> {
    let task_id = crate::journal::op::task_of_target(&target.id);
    let task = plan.tasks.iter().find(|t| t.id() == task_id)?;
    match region {
        Region::Place(p) => crate::journal::permit::place_owner(task, p),
        Region::Total => crate::journal::permit::total_owner(task),
    }
    .map(str::to_string)
}

/// The regions a target can be reported for: each place of its split, then the total.
pub fn regions(target: &Target) -> Vec<Region> {
    let mut regions: Vec<Region> = target
        .split
        .iter()
        .map(|s| Region::Place(s.place.clone()))
        .collect();
    regions.push(Region::Total);
    regions
}

/// Actual figures of one target: latest per region, attainment, pace, and a form to report a value.
#[component]
pub fn TargetActuals(target: Target) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let pace = use_pace();
    let plan = super::state::use_plan();
    let target_id = target.id.clone();
    let state = {
        let id = target_id.clone();
        Memo::new(move |_| {
            edits
                .view
                .read()
                .targets
                .get(&id)
                .cloned()
                .unwrap_or_default()
        })
    };
    // Today (clamped into the plan year), not the review date: a figure typed in June is a June figure.
    let as_of = RwSignal::new(today_in_plan_year(&plan.read_untracked()));
    let error = RwSignal::new(None::<String>);
    let rows = regions(&target)
        .into_iter()
        .map(|region| {
            let label = match &region {
                Region::Total => "合计".to_string(),
                Region::Place(p) => p.clone(),
            };
            let planned = match &region {
                Region::Total => Some(target.value),
                Region::Place(p) => target.split.iter().find(|s| &s.place == p).map(|s| s.value),
            };
            let input = RwSignal::new(String::new());
            let aria = format!("{} {label} {}", lang.get_untracked().pick("实际值", "Actual"), target.indicator);
            // Only the unit that answers for the region (or the coordinating unit) reports its figure.
            let owner = region_owner(&plan.read_untracked(), &target, &region);
            let my_unit = super::state::use_my_unit();
            let may_write = {
                let owner = owner.clone();
                Memo::new(move |_| may_write_region(&plan.read(), my_unit.get().as_deref(), owner.as_deref()))
            };
            let owner_words = move || match (&owner, lang.get()) {
                (Some(o), crate::i18n::Lang::Zh) => format!("由 {o} 填报"),
                (Some(o), crate::i18n::Lang::En) => format!("reported by {o}"),
                (None, crate::i18n::Lang::Zh) => "由汇总单位填报".to_string(),
                (None, crate::i18n::Lang::En) => "reported by the coordinating unit".to_string(),
            };
            let record = {
                let region = region.clone();
                let target_id = target_id.clone();
                move || {
                    let raw = input.get_untracked();
                    let day = as_of.get_untracked();
                    match read_figure(&raw, lang.get_untracked()) {
                        Ok(v) => {
                            if crate::journal::date::Date::parse(&day).is_none() {
                                error.set(Some(lang.get_untracked().pick("请填写截至日期", "Enter the as-of date").into()));
                                return;
                            }
                            error.set(None);
                            edits.record(OpKind::SetActual {
                                target: target_id.clone(),
                                region: region.clone(),
                                as_of: day,
                                value: v,
                            });
                            input.set(String::new());
                        }
                        Err(message) => error.set(Some(message)),
                    }
                }
            };
            let latest = {
                let region = region.clone();
                move || {
                    state.read().latest(&region).map(|r| format!("{}（{}）", format_number(r.value), r.as_of))
                }
            };
            let series = {
                let region = region.clone();
                move || state.read().series.get(&region).map(|s| s.len()).unwrap_or(0)
            };
            view! {
                <tr>
                    <th scope="row">{label.clone()}</th>
                    <td class="num">{planned.map(format_number).unwrap_or_else(|| "—".into())}</td>
                    <td class="num latest">{move || latest().unwrap_or_else(|| "—".into())}</td>
                    <td class="num muted">{series}</td>
                    <td>
                        <Show when=move || may_write.get() fallback=move || view! { <span class="owner-note">{owner_words.clone()}</span> }>
                            <input type="number" min="0" step="any" class="actual-input" aria-label=aria.clone()
                                prop:value=move || input.get() on:input=move |ev| input.set(event_target_value(&ev))
                                on:keydown={ let record = record.clone(); move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { record() } }/>
                            <button class="record-actual" on:click={ let record = record.clone(); move |_| record() }>{tr("记录", "Record")}</button>
                        </Show>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let summary = {
        let target = target.clone();
        move || {
            let year = plan.read().meta.year;
            let standing = crate::journal::standing::target_standing(
                &target,
                Some(&state.get()),
                year,
                &pace.review_date.get(),
            );
            super::target_summary::summary_view(standing, &target.measure, lang.get())
        }
    };
    view! {
        <div class="target-actuals" id=format!("actuals-{}", target.id)>
            <h3>{format!("{} · {}", target.indicator, crate::plan::query::target_value_label(&target))}" "{summary}</h3>
            <table class="actuals">
                <thead>
                    <tr>
                        <th scope="col">{tr("地区", "Region")}</th>
                        <th scope="col">{tr("目标", "Target")}</th>
                        <th scope="col">{tr("最新实际值（截至）", "Latest actual (as of)")}</th>
                        <th scope="col">{tr("填报次数", "Reports")}</th>
                        <th scope="col">{tr("填报", "Report")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <label class="as-of">
                <span>{tr("截至日期", "As of")}</span>
                <input type="date" aria-label=format!("{} {}", lang.get_untracked().pick("截至日期", "As of"), target.indicator) prop:value=move || as_of.get() on:input=move |ev| as_of.set(event_target_value(&ev))/>
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <super::recorded_figures::RecordedFigures target=target.clone() state/>
        </div>
    }
}

/// A figure typed into a box, or the message to show beside it. The same rule every reader of ops applies
/// (`actual_ok`), so no form can store what an import would refuse.
pub(super) fn read_figure(raw: &str, lang: crate::i18n::Lang) -> Result<f64, String> {
    match raw.trim().parse::<f64>() {
        Ok(v) if crate::journal::op::actual_ok(v).is_ok() => Ok(v),
        _ => Err(match lang {
            crate::i18n::Lang::Zh => format!("“{raw}”不是有效数字"),
            crate::i18n::Lang::En => format!("“{raw}” is not a valid number"),
        }),
    }
}
