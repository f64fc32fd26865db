//! Shared state of the app, one context each: the plan, the current route, the interface language and the
//! reader's own unit. Everything else is derived from these through memos.

use crate::i18n::Lang;
use crate::plan::Plan;
use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// The plan being viewed. An `Arc` so every view can hold it cheaply; a signal so another plan can be opened.
#[derive(Clone, Copy)]
pub struct PlanContext(pub RwSignal<Arc<Plan>>);

/// The route, kept in step with `location.hash` by the `follow_hash` effect.
#[derive(Clone, Copy)]
pub struct RouteContext(pub RwSignal<Route>);

/// The interface language (persisted in settings).
#[derive(Clone, Copy)]
pub struct LangContext(pub RwSignal<Lang>);

/// The unit the reader works for, chosen in the header (persisted), so its duty list is one click away.
#[derive(Clone, Copy)]
pub struct MyUnitContext(pub RwSignal<Option<String>>);

/// Whether the header's menu is unfolded (windows narrower than 64rem fold the header's tools into it).
/// A context because the "/" shortcut opens it to reach the search box.
#[derive(Clone, Copy)]
pub struct HeaderMenuContext(pub RwSignal<bool>);

pub fn use_plan() -> RwSignal<Arc<Plan>> {
    expect_context::<PlanContext>().0
}

pub fn use_route() -> RwSignal<Route> {
    expect_context::<RouteContext>().0
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<LangContext>().0
}

pub fn use_my_unit() -> RwSignal<Option<String>> {
    expect_context::<MyUnitContext>().0
}

/// Shorthand for a translated string that follows the language signal.
pub fn tr(
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().pick(zh, en)
}
