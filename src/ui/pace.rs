//! The lights in the interface: the review date in force and every task's light for the period under
//! review, as `fold` derives them from the units' reports (see `journal::reports`), shown as the familiar
//! green / red / grey marks of the 督查督办 systems — always with words, never colour alone. A task whose
//! lead units have not reported for the period is 未填报 (grey), never "on track".

use super::edits::use_edits;
use super::settings::{effective_review_date, use_settings};
use super::state::{use_lang, use_plan};
use crate::journal::Light;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The review date and the light of every task, derived from plan, edits and settings.
#[derive(Clone, Copy)]
pub struct PaceContext {
    pub review_date: Memo<String>,
    pub tasks: Memo<Arc<BTreeMap<String, Light>>>,
}

pub fn provide_pace() {
    let plan = use_plan();
    let edits = use_edits();
    let settings = use_settings();
    let review_date = Memo::new(move |_| {
        effective_review_date(settings.review_date.get().as_deref(), plan.read().meta.year)
    });
    let tasks = Memo::new(move |_| {
        Arc::new(
            edits
                .view
                .read()
                .tasks
                .iter()
                .map(|(id, state)| (id.clone(), state.light))
                .collect(),
        )
    });
    provide_context(PaceContext { review_date, tasks });
}

pub fn use_pace() -> PaceContext {
    expect_context::<PaceContext>()
}

pub fn light_words(lang: crate::i18n::Lang, light: Light) -> &'static str {
    lang.pick(light.label_zh(), light.label_en())
}

/// A light as a coloured badge with words.
#[component]
pub fn LightBadge(light: Light, #[prop(optional)] overdue: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span class=format!("pace {}", light.css_class())>{move || light_words(lang.get(), light)}</span>
        {overdue.then(|| view! { " "<span class="pace pace-behind">{move || lang.get().pick("逾期", "Overdue")}</span> })}
    }
}

/// The light of one task as a badge, with 逾期 when it is past its deadline and not done.
#[component]
pub fn PaceBadge(task_id: String) -> impl IntoView {
    let edits = use_edits();
    move || {
        let (light, overdue) = edits
            .view
            .read()
            .tasks
            .get(&task_id)
            .map_or((Light::NotReported, false), |t| (t.light, t.overdue));
        view! { <LightBadge light overdue/> }
    }
}

/// A small status dot for lists; its meaning is in the title and in hidden text for screen readers.
#[component]
pub fn PaceDot(task_id: String) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    move || {
        let view = edits.view.read();
        let Some(task) = view.tasks.get(&task_id) else {
            return view! { <span class="dot pace-none"></span> }.into_any();
        };
        let lang = lang.get();
        let mut words = format!(
            "{} · {}",
            lang.pick(task.status.label_zh(), task.status.label_en()),
            light_words(lang, task.light)
        );
        if task.overdue {
            words.push_str(lang.pick(" · 逾期", " · overdue"));
        }
        let title = words.clone();
        view! {
            <span class=format!("dot {} status-{:?}", task.light.css_class(), task.status) title=title>
                <span class="visually-hidden">{words}</span>
            </span>
        }
        .into_any()
    }
}
