//! 序时进度 in the interface: the review date in force, every task's pace derived once from the edits, and the
//! red / amber / green marks the 督查督办 systems use (always with words, never colour alone). A task nobody
//! has reported on yet is "未填报" (grey), not red: a fresh copy of the plan should not open as a wall of red.

use super::edits::use_edits;
use super::settings::{effective_review_date, use_settings};
use super::state::{use_lang, use_plan};
use crate::journal::{Pace, Status, task_pace};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The review date and the pace of every task, derived from plan, edits and settings.
#[derive(Clone, Copy)]
pub struct PaceContext {
    pub review_date: Memo<String>,
    pub tasks: Memo<Arc<BTreeMap<String, Pace>>>,
}

pub fn provide_pace() {
    let plan = use_plan();
    let edits = use_edits();
    let settings = use_settings();
    let review_date = Memo::new(move |_| {
        effective_review_date(settings.review_date.get().as_deref(), plan.read().meta.year)
    });
    let tasks = Memo::new(move |_| {
        let year = plan.read().meta.year;
        let review = review_date.get();
        let view = edits.view.get();
        Arc::new(
            view.tasks
                .iter()
                .filter(|(_, state)| state.last_change.is_some())
                .map(|(id, state)| (id.clone(), task_pace(state, year, &review)))
                .collect(),
        )
    });
    provide_context(PaceContext { review_date, tasks });
}

pub fn use_pace() -> PaceContext {
    expect_context::<PaceContext>()
}

pub fn pace_class(pace: Pace) -> &'static str {
    match pace {
        Pace::Ahead => "pace-ahead",
        Pace::OnTrack => "pace-on-track",
        Pace::Behind => "pace-behind",
    }
}

/// Words for a pace; `None` is a task nobody has reported on.
pub fn pace_words(lang: crate::i18n::Lang, pace: Option<Pace>) -> &'static str {
    match pace {
        Some(p) => lang.pick(p.label_zh(), p.label_en()),
        None => lang.pick("未填报", "Not reported"),
    }
}

/// The pace of one task as a coloured badge with words.
#[component]
pub fn PaceBadge(task_id: String) -> impl IntoView {
    let pace = use_pace();
    let lang = use_lang();
    move || {
        let p = pace.tasks.read().get(&task_id).copied();
        view! {
            <span class=format!("pace {}", p.map(pace_class).unwrap_or("pace-none"))>
                {pace_words(lang.get(), p)}
            </span>
        }
    }
}

/// A small status dot for lists; its meaning is in the title and in hidden text for screen readers.
#[component]
pub fn PaceDot(task_id: String) -> impl IntoView {
    let pace = use_pace();
    let edits = use_edits();
    let lang = use_lang();
    move || {
        let p = pace.tasks.read().get(&task_id).copied();
        let status = edits
            .view
            .read()
            .tasks
            .get(&task_id)
            .map(|t| t.status)
            .unwrap_or(Status::NotStarted);
        let lang = lang.get();
        let words = format!(
            "{} · {}",
            lang.pick(status.label_zh(), status.label_en()),
            pace_words(lang, p)
        );
        let title = words.clone();
        view! {
            <span class=format!("dot {} status-{status:?}", p.map(pace_class).unwrap_or("pace-none")) title=title>
                <span class="visually-hidden">{words}</span>
            </span>
        }
    }
}
