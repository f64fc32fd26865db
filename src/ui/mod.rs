//! The Leptos interface. One concern per file; shared state comes from contexts set up once in [`App`], and
//! the app-wide effects (`follow_hash`, `persist_settings`, the edits' own) are installed there too.

mod banner;
mod browser;
mod bulletin;
mod chart_view;
mod collect;
mod collect_review;
mod components;
mod cycle_files;
mod data;
mod done_check;
mod edit_controls;
mod edits;
mod extensions;
mod group;
mod guarded_field;
mod header;
mod history;
mod import;
mod import_choices;
mod import_file;
mod import_fix;
mod import_preview;
mod import_source;
mod import_worker;
mod matrix;
mod my_tasks;
mod office_out;
mod overview;
mod pace;
mod plans;
mod preview_pager;
mod print;
mod quarantine;
mod recorded_figures;
mod report_page;
mod report_submit;
mod report_table;
mod reports;
mod search;
mod settings;
mod settled_select;
mod shell;
mod state;
mod sync;
mod sync_page;
mod target_summary;
mod targets;
mod task;
mod unit_prompt;
mod units;
mod update;

use crate::route::Route;
use leptos::prelude::*;
use state::{LangContext, MyUnitContext, PlanContext, RouteContext};
use std::sync::Arc;

/// Mounts the app on `<body>`; called from `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    // index.html may hold the prerendered overview; the app's own render replaces it, in the same task, so
    // nothing is painted in between.
    if let Some(prerendered) = document().get_element_by_id("prerender") {
        prerendered.remove();
    }
    leptos::mount::mount_to_body(App);
    // Mounting is synchronous, so the app is rendered and live here. scripts/bench.sh measures both marks
    // from navigation start; first-render was already set by index.html when the prerendered view showed.
    if let Some(performance) = window().performance() {
        let _ = performance.mark("lanbai:mounted");
        if performance
            .get_entries_by_name("lanbai:first-render")
            .length()
            == 0
        {
            let _ = performance.mark("lanbai:first-render");
        }
    }
}

/// The root: provides each piece of shared state once and installs the app-wide effects.
#[component]
pub fn App() -> impl IntoView {
    let plan = RwSignal::new(Arc::new(plans::initial_plan()));
    let route = RwSignal::new(Route::parse(&browser::current_hash()));
    let (stored, problem) = settings::load();
    let lang = RwSignal::new(stored.language);
    let my_unit = RwSignal::new(plan.with_untracked(|p| unit_of_plan(&stored, p)));
    let kept = StoredValue::new(stored.clone());
    let settings_context = settings::SettingsContext {
        stored: kept,
        review_date: RwSignal::new(stored.review_date),
        last_export_at: RwSignal::new(stored.last_export_at),
        reporter: RwSignal::new(stored.reporter),
        mode: RwSignal::new(stored.mode),
        phone: RwSignal::new(stored.phone),
        approver: RwSignal::new(stored.approver),
        problem: RwSignal::new(problem),
        save_failed: RwSignal::new(false),
    };
    provide_context(PlanContext(plan));
    provide_context(RouteContext(route));
    provide_context(LangContext(lang));
    provide_context(MyUnitContext(my_unit));
    let header_menu = RwSignal::new(false);
    provide_context(state::HeaderMenuContext(header_menu));
    provide_context(settings_context);
    let edits = edits::provide_edits(plan);
    sync::provide_sync();
    pace::provide_pace();
    chart_view::provide_chart_width();

    follow_hash(route);
    follow_plan_unit(plan, my_unit, settings_context);
    persist_settings(plan, lang, my_unit, settings_context);
    undo_redo_keys(edits, header_menu);

    view! { <shell::Shell/> }
}

/// Keeps the route signal in step with `location.hash` (links, Back/Forward, typed URLs), and moves focus
/// to the main region after a navigation so keyboard and screen-reader users land on the new page.
fn follow_hash(route: RwSignal<Route>) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&browser::current_hash()));
        browser::focus_main();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
}

/// The unit stored for `plan`, if the plan has it.
fn unit_of_plan(stored: &crate::storage::Settings, plan: &crate::plan::Plan) -> Option<String> {
    stored.unit_for(&plan.id, |id| plan.units.iter().any(|u| u.id == id))
}

/// When another plan is opened, "my unit" becomes the one chosen for that plan (or none): a unit of one plan
/// shown in another's picker, or linked as its duty list, leads nowhere.
fn follow_plan_unit(
    plan: RwSignal<Arc<crate::plan::Plan>>,
    my_unit: RwSignal<Option<String>>,
    settings: settings::SettingsContext,
) {
    Effect::new(move |previous: Option<String>| {
        let id = plan.with(|p| p.id.clone());
        if previous.as_ref().is_some_and(|p| *p != id) {
            let unit = settings
                .stored
                .with_value(|s| plan.with_untracked(|p| unit_of_plan(s, p)));
            if my_unit.get_untracked() != unit {
                my_unit.set(unit);
            }
        }
        id
    });
}

/// Saves the settings whenever one changes, and mirrors the language on `<html lang>`.
fn persist_settings(
    plan: RwSignal<Arc<crate::plan::Plan>>,
    lang: RwSignal<crate::i18n::Lang>,
    my_unit: RwSignal<Option<String>>,
    settings: settings::SettingsContext,
) {
    Effect::new(move |_| {
        let language = lang.get();
        browser::set_document_lang(language.html_lang());
        let mut stored = crate::storage::Settings {
            language,
            unit: None,
            units: settings.stored.with_value(|s| s.units.clone()),
            review_date: settings.review_date.get(),
            last_export_at: settings.last_export_at.get(),
            reporter: settings.reporter.get(),
            mode: settings.mode.get(),
            phone: settings.phone.get(),
            approver: settings.approver.get(),
        };
        // `my_unit` always belongs to the plan open now (`follow_plan_unit` swaps it with the plan).
        stored.choose_unit(&plan.with_untracked(|p| p.id.clone()), my_unit.get());
        let saved = settings::save(&stored);
        settings.stored.set_value(stored);
        settings.save_failed.set(!saved);
    });
}

/// Keyboard shortcuts: Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo edits, "/" focuses the search box —
/// except while typing in a field, where the keys belong to the field.
fn undo_redo_keys(edits: edits::Edits, header_menu: RwSignal<bool>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if browser::typing_in_field(&ev) {
            return;
        }
        // "/" jumps to the search box, as on most sites with search.
        if ev.key() == "/" && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key()) {
            if let Some(input) = document()
                .get_element_by_id("search-box")
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                ev.prevent_default();
                // On a narrow window the box is in the folded menu: unfold it, then focus once it shows.
                header_menu.set(true);
                request_animation_frame(move || {
                    let _ = input.focus();
                });
            }
            return;
        }
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let key = ev.key().to_lowercase();
        let done = match (key.as_str(), ev.shift_key()) {
            ("z", false) => edits.undo(),
            ("z", true) | ("y", _) => edits.redo(),
            _ => return,
        };
        if done {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}
