//! The reader's settings in the running app: language, own unit, review date and last export, read once at
//! start (an unreadable value is quarantined by `storage::settings`, and the banner says so) and written
//! back by the `persist_settings` effect whenever one changes.

use crate::storage::browser::LocalStorage as BrowserKv;
use crate::storage::settings::SettingsProblem;
use crate::storage::{Settings, load_settings, save_settings};
use leptos::prelude::*;

/// Settings that are not covered by their own context (language and unit have theirs).
#[derive(Clone, Copy)]
pub struct SettingsContext {
    /// ISO date the 序时进度 is measured at; `None` means today (clamped into the plan year).
    pub review_date: RwSignal<Option<String>>,
    /// When the edits were last exported (ms since the epoch).
    pub last_export_at: RwSignal<Option<i64>>,
    /// The person's name as they sign reports (填报人).
    pub reporter: RwSignal<Option<String>>,
    /// 填报 or 汇总督办 (see `WorkMode`).
    pub mode: RwSignal<crate::storage::settings::WorkMode>,
    /// 联系电话 and 审核人 as last given with a submission.
    pub phone: RwSignal<Option<String>>,
    pub approver: RwSignal<Option<String>>,
    /// The settings as last read or written: the unit chosen per plan lives here (the open plan's is
    /// `MyUnitContext`), with the fallbacks `Settings::unit_for` applies.
    pub stored: StoredValue<crate::storage::Settings>,
    /// What was wrong with the stored settings at start, for the banner.
    pub problem: RwSignal<Option<SettingsProblem>>,
    /// The last settings write failed (quota): shown on `#/data`.
    pub save_failed: RwSignal<bool>,
}

pub fn use_settings() -> SettingsContext {
    expect_context::<SettingsContext>()
}

pub fn load() -> (Settings, Option<SettingsProblem>) {
    match BrowserKv::new() {
        Some(kv) => load_settings(&kv, super::edits::now_ms()),
        None => (Settings::default(), None),
    }
}

pub fn save(settings: &Settings) -> bool {
    BrowserKv::new().is_some_and(|kv| save_settings(&kv, settings).is_ok())
}

/// Today's date in the browser's time zone, ISO.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The review date in force: the chosen one, else today, clamped into the plan year (a 2020 plan reviewed in
/// 2026 is reviewed as at its year end).
pub fn effective_review_date(chosen: Option<&str>, year: i32) -> String {
    let day = chosen.map(str::to_string).unwrap_or_else(today);
    crate::journal::pace::clamp_into_year(&day, year)
}
