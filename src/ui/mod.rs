//! The Leptos interface. One concern per file; shared state comes from `state` contexts set up in [`App`].

mod browser;
mod components;
mod group;
mod import;
mod import_preview;
mod matrix;
mod overview;
mod plans;
mod search;
mod settings;
mod shell;
mod state;
mod task;
mod units;

use crate::route::Route;
use leptos::prelude::*;
use state::{LangContext, MyUnitContext, PlanContext, RouteContext};
use std::sync::Arc;

/// Mounts the app on `<body>`; called from `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The root: provides each piece of shared state once and installs the app-wide effects.
#[component]
pub fn App() -> impl IntoView {
    let plan = RwSignal::new(Arc::new(plans::initial_plan()));
    let route = RwSignal::new(Route::parse(&browser::current_hash()));
    let stored = settings::load();
    let lang = RwSignal::new(stored.lang);
    let my_unit = RwSignal::new(stored.unit);
    provide_context(PlanContext(plan));
    provide_context(RouteContext(route));
    provide_context(LangContext(lang));
    provide_context(MyUnitContext(my_unit));

    follow_hash(route);
    persist_settings(lang, my_unit);

    view! { <shell::Shell/> }
}

/// Keeps the route signal in step with `location.hash` (links, Back/Forward, typed URLs), and moves focus
/// to the main region after a navigation so keyboard and screen-reader users land on the new page.
fn follow_hash(route: RwSignal<Route>) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&browser::current_hash()));
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
}

/// Saves the language and the chosen unit whenever either changes, and mirrors the language on `<html lang>`.
fn persist_settings(lang: RwSignal<crate::i18n::Lang>, my_unit: RwSignal<Option<String>>) {
    Effect::new(move |_| {
        let lang = lang.get();
        browser::set_document_lang(lang.html_lang());
        settings::save(&settings::Settings {
            lang,
            unit: my_unit.get(),
        });
    });
}
