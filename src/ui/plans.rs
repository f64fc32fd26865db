//! The plans in this browser: the library context (list, open, notices), the header plan switcher and
//! `#/plans` (open, rename, export, delete). Switching only sets the plan signal: everything else, edits
//! included, follows the plan id.

use super::browser;
use super::components::set_title;
use super::state::{tr, use_lang, use_plan, use_route};
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::route::Route;
use crate::storage::plans::{self, PlanEntry, PlansError, SHIPPED_ID};
use crate::storage::{KeyValue, KvError, MemoryKv};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// Used when the page has no localStorage (disabled, sandboxed): imports then last for the visit.
    static MEMORY: MemoryKv = MemoryKv::new();
    /// A problem met while choosing the plan at start-up, before any context exists to show it.
    static STARTUP_PROBLEM: RefCell<Option<PlansError>> = const { RefCell::new(None) };
}

/// localStorage when there is one, else memory.
pub enum Kv {
    Local(crate::storage::browser::LocalStorage),
    Memory(MemoryKv),
}

impl Kv {
    pub fn open() -> Kv {
        match crate::storage::browser::LocalStorage::new() {
            Some(local) => Kv::Local(local),
            None => Kv::Memory(MEMORY.with(Clone::clone)),
        }
    }
}

impl KeyValue for Kv {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            Kv::Local(kv) => kv.get(key),
            Kv::Memory(kv) => kv.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        match self {
            Kv::Local(kv) => kv.set(key, value),
            Kv::Memory(kv) => kv.set(key, value),
        }
    }
    fn remove(&self, key: &str) {
        match self {
            Kv::Local(kv) => kv.remove(key),
            Kv::Memory(kv) => kv.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match self {
            Kv::Local(kv) => kv.keys(),
            Kv::Memory(kv) => kv.keys(),
        }
    }
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The plan to open at start-up (the one last opened), read before the app mounts.
pub fn initial_plan() -> Plan {
    let (plan, problem) = plans::initial(&Kv::open(), now_ms());
    STARTUP_PROBLEM.with(|p| *p.borrow_mut() = problem);
    plan
}

/// The library as the interface sees it. Signals are captured when a component is created, so the methods
/// also work from event handlers.
#[derive(Clone, Copy)]
pub struct Library {
    pub entries: RwSignal<Vec<PlanEntry>>,
    /// A sentence about the last thing that went wrong, shown on the plans and import pages.
    pub notice: RwSignal<Option<String>>,
    /// The text being imported, kept for the visit so looking something up does not lose it.
    pub draft: RwSignal<String>,
    /// What went wrong choosing the plan at start-up, for the banner above every page until dismissed.
    pub startup: RwSignal<Option<PlansError>>,
    plan: RwSignal<Arc<Plan>>,
    lang: RwSignal<Lang>,
}

/// Provides the library to the shell; also follows other tabs' imports through `storage` events.
pub fn provide_library() {
    let lib = Library {
        entries: RwSignal::new(Vec::new()),
        notice: RwSignal::new(None),
        draft: RwSignal::new(String::new()),
        startup: RwSignal::new(None),
        plan: use_plan(),
        lang: use_lang(),
    };
    lib.refresh();
    if let Some(problem) = STARTUP_PROBLEM.with(|p| p.borrow_mut().take()) {
        lib.notice
            .set(Some(problem.message(lib.lang.get_untracked())));
        lib.startup.set(Some(problem));
    }
    provide_context(lib);
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k.starts_with("lanbai:plan")) {
            lib.refresh();
        }
    });
    on_cleanup(move || handle.remove());
}

pub fn use_library() -> Library {
    expect_context::<Library>()
}

impl Library {
    pub fn refresh(&self) {
        let (entries, problem) = plans::list(&Kv::open(), now_ms());
        self.entries.set(entries);
        if let Some(problem) = problem {
            let message = PlansError::Unreadable(problem).message(self.lang.get_untracked());
            self.notice.set(Some(message));
        }
    }

    /// Opens a plan and goes to its overview; the error sentence when it cannot be read.
    pub fn open(&self, id: &str) -> Result<(), String> {
        let kv = Kv::open();
        let lang = self.lang.get_untracked();
        let plan = plans::load(&kv, id, now_ms()).map_err(|e| {
            self.refresh();
            e.message(lang)
        })?;
        if let Err(e) = plans::set_active(&kv, id) {
            // The plan still opens; only the choice is not remembered for the next visit.
            self.notice.set(Some(PlansError::Storage(e).message(lang)));
        }
        self.plan.set(Arc::new(plan));
        Ok(())
    }

    pub fn message(&self, error: &PlansError) -> String {
        error.message(self.lang.get_untracked())
    }
}

/// The header's plan switcher.
#[component]
pub fn PlanSwitcher() -> impl IntoView {
    let lib = use_library();
    let plan = use_plan();
    let on_change = move |ev: leptos::ev::Event| {
        let select = event_target::<web_sys::HtmlSelectElement>(&ev);
        match lib.open(&select.value()) {
            Ok(()) => browser::push_hash(&Route::Overview),
            Err(message) => {
                select.set_value(&plan.get_untracked().id);
                lib.notice.set(Some(message));
                browser::push_hash(&Route::Plans(None));
            }
        }
    };
    view! {
        <label class="plan-picker">
            <span>{tr("计划", "Plan")}</span>
            <select aria-label=tr("计划", "Plan") id="plan-switcher" on:change=on_change>
                {move || {
                    let current = plan.get().id.clone();
                    lib.entries
                        .get()
                        .into_iter()
                        .map(|e| {
                            let selected = e.id == current;
                            view! { <option value=e.id selected=selected>{e.name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
        // A plan that could not be opened (at start-up or from a link) is said where the plan is chosen.
        {move || lib.notice.get().map(|notice| view! {
            <a class="plan-problem" href=Route::Plans(None).to_hash() title=notice.clone() aria-label=notice>"⚠"</a>
        })}
    }
}

/// `#/plans`, and `#/plans?open={id}` which opens that plan and goes to its overview.
#[component]
pub fn PlansPage(open: Option<String>) -> impl IntoView {
    let lib = use_library();
    let lang = use_lang();
    let route = use_route();
    set_title(lang.get_untracked().pick("计划库", "Plans").to_string());
    if let Some(id) = open {
        // After the render, not during it: opening changes the route this page is rendered from.
        Effect::new(move |_| match lib.open(&id) {
            Ok(()) => {
                browser::replace_hash(&Route::Overview);
                route.set(Route::Overview);
            }
            Err(message) => {
                lib.notice.set(Some(message));
                browser::replace_hash(&Route::Plans(None));
            }
        });
    } else {
        lib.refresh();
    }
    let confirming = RwSignal::new(None::<String>);
    view! {
        <article class="page plans-page">
            <h1>{tr("计划库", "Plans")}</h1>
            <p class="muted">
                {tr(
                    "计划保存在本浏览器中。每个计划的进度记录各自独立保存；删除计划不会删除它的进度记录，重新导入同一文本即可找回。",
                    "Plans are kept in this browser. Each plan keeps its own progress records; deleting a plan leaves its records in place, and importing the same text again finds them.",
                )}
            </p>
            {move || lib.notice.get().map(|n| view! { <p class="notice" role="alert">{n}</p> })}
            <p><a href=Route::Import.to_hash() class="button">{tr("导入新计划", "Import a plan")}</a></p>
            <table class="plans-table">
                <thead>
                    <tr>
                        <th scope="col">{tr("名称", "Name")}</th>
                        <th scope="col">{tr("任务数", "Tasks")}</th>
                        <th scope="col">{tr("导入日期", "Imported")}</th>
                        <th scope="col">{tr("操作", "Actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || lib.entries.get().into_iter().map(|e| view! { <PlanRow entry=e confirming/> }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}

#[component]
fn PlanRow(entry: PlanEntry, confirming: RwSignal<Option<String>>) -> impl IntoView {
    let lib = use_library();
    let lang = use_lang();
    let plan = use_plan();
    let id = entry.id.clone();
    let shipped = entry.is_shipped();
    let is_current = {
        let id = id.clone();
        Memo::new(move |_| plan.get().id == id)
    };
    let open = {
        let id = id.clone();
        move |_| match lib.open(&id) {
            Ok(()) => browser::push_hash(&Route::Overview),
            Err(message) => lib.notice.set(Some(message)),
        }
    };
    let rename = {
        let (id, name) = (id.clone(), entry.name.clone());
        move |_| {
            let question = lang.get_untracked().pick("新的名称：", "New name:");
            let Ok(Some(answer)) = window().prompt_with_message_and_default(question, &name) else {
                return;
            };
            match plans::rename(&Kv::open(), &id, &answer, now_ms()) {
                Ok(()) => lib.notice.set(None),
                Err(e) => lib.notice.set(Some(lib.message(&e))),
            }
            lib.refresh();
        }
    };
    let export = {
        let (id, name) = (id.clone(), entry.name.clone());
        move |_| export_plan(lib, &id, &name)
    };
    let delete = {
        let (id, name) = (id.clone(), entry.name.clone());
        move |_| {
            let question = match lang.get_untracked() {
                Lang::Zh => format!("确定从本浏览器删除计划「{name}」吗？"),
                Lang::En => format!("Delete the plan “{name}” from this browser?"),
            };
            if !window().confirm_with_message(&question).unwrap_or(false) {
                return;
            }
            match plans::delete(&Kv::open(), &id, now_ms()) {
                Ok(()) => {
                    lib.notice.set(None);
                    if plan.get_untracked().id == id {
                        let _ = lib.open(SHIPPED_ID);
                    }
                }
                Err(e) => lib.notice.set(Some(lib.message(&e))),
            }
            confirming.set(None);
            lib.refresh();
        }
    };
    let ask_delete = {
        let id = id.clone();
        move |_| confirming.set(Some(id.clone()))
    };
    let asking = {
        let id = id.clone();
        move || confirming.get().as_deref() == Some(id.as_str())
    };
    let name = entry.name.clone();
    // Every row has the same buttons: their accessible names say which plan they act on.
    let label = {
        let name = name.clone();
        move |zh: &str, en: &str| match lang.get() {
            Lang::Zh => format!("{zh}「{name}」"),
            Lang::En => format!("{en} “{name}”"),
        }
    };
    view! {
        <tr class="plan-row" class:current=is_current>
            <th scope="row">
                {entry.name.clone()}
                {shipped.then(|| view! { <span class="badge">{tr("内置", "Built-in")}</span> })}
                {move || is_current.get().then(|| view! { <span class="badge">{tr("当前", "Current")}</span> })}
            </th>
            <td class="num">{entry.task_count}</td>
            <td>{format_day(entry.imported_at)}</td>
            <td class="actions">
                <button class="open-plan" aria-label={let l = label.clone(); move || l("打开", "Open")} on:click=open>{tr("打开", "Open")}</button>
                <button class="export-plan" aria-label={let l = label.clone(); move || l("导出", "Export")} on:click=export.clone()>{tr("导出 JSON", "Export JSON")}</button>
                {(!shipped).then(|| view! {
                    <button class="rename-plan" aria-label={let l = label.clone(); move || l("改名", "Rename")} on:click=rename>{tr("改名", "Rename")}</button>
                    <button class="delete-plan" aria-label={let l = label.clone(); move || l("删除", "Delete")} on:click=ask_delete>{tr("删除…", "Delete…")}</button>
                })}
                {move || asking().then(|| view! {
                    <div class="confirm-delete" role="group" aria-label=tr("删除计划", "Delete plan")>
                        <p>
                            {match lang.get() {
                                Lang::Zh => format!("删除「{name}」之前，建议先导出计划 JSON 和它的进度记录（数据页）。"),
                                Lang::En => format!("Before deleting “{name}”, export the plan JSON and its progress records (Data page)."),
                            }}
                        </p>
                        <button on:click=export.clone()>{tr("先导出计划 JSON", "Export the plan JSON first")}</button>
                        <button class="danger confirm-delete-plan" on:click=delete.clone()>{tr("删除", "Delete")}</button>
                        <button on:click=move |_| confirming.set(None)>{tr("取消", "Cancel")}</button>
                    </div>
                })}
            </td>
        </tr>
    }
}

/// Downloads a plan as JSON (the format of the shipped `plan.json`), named after the plan.
fn export_plan(lib: Library, id: &str, name: &str) {
    let plan = match plans::load(&Kv::open(), id, now_ms()) {
        Ok(plan) => plan,
        Err(e) => return lib.notice.set(Some(lib.message(&e))),
    };
    let json = match serde_json::to_string_pretty(&plan) {
        Ok(json) => json,
        Err(e) => return lib.notice.set(Some(e.to_string())),
    };
    let safe: String = name
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    if let Err(e) = browser::download(&format!("{safe}.json"), "application/json", &json) {
        lib.notice.set(Some(e));
    }
}

/// A local calendar day, or a dash for "not recorded".
fn format_day(ms: i64) -> String {
    if ms <= 0 {
        return "—".into();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// An import refusal in the page's language, with plans named by the titles this browser knows.
pub fn import_error_words(err: &crate::journal::ImportError, lang: crate::i18n::Lang) -> String {
    let entries = match err {
        crate::journal::ImportError::OtherPlan { .. } => plans::list(&Kv::open(), now_ms()).0,
        _ => Vec::new(),
    };
    err.message_named(lang, |id| {
        entries.iter().find(|e| e.id == id).map(|e| e.name.clone())
    })
}
