//! The one place that tells a person their work is at risk: a failed save, data set aside, storage missing,
//! or many edits not yet exported. Shown above every page until the cause is gone.

use super::data::export_edits;
use super::edits::use_edits;
use super::settings::use_settings;
use super::state::use_lang;
use crate::storage::settings::SettingsProblem;
use leptos::prelude::*;

/// After this many edits since the last export, suggest one.
const EXPORT_NUDGE: usize = 20;

#[component]
pub fn Banner() -> impl IntoView {
    let lang = use_lang();
    let edits = use_edits();
    let settings = use_settings();
    let library = super::plans::use_library();
    let unexported = Memo::new(move |_| {
        let since = settings.last_export_at.get().unwrap_or(i64::MIN);
        edits.ops.read().iter().filter(|o| o.at > since).count()
    });
    move || {
        let lang = lang.get();
        let health = edits.health.get();
        let mut lines: Vec<AnyView> = Vec::new();
        if let Some(err) = &health.save_error {
            lines.push(view! {
                <p class="banner-error" role="alert">
                    {lang.pick(&err.message_zh(), &err.message_en()).to_string()}" "
                    <button on:click=move |_| { let _ = export_edits(); }>{lang.pick("立即导出", "Export now")}</button>
                </p>
            }.into_any());
        }
        if health.no_storage {
            lines.push(view! {
                <p class="banner-error" role="alert">{lang.pick(
                    "此浏览器不允许本应用使用本地存储：修改只在本页内存中，关闭即丢失。请导出修改记录。",
                    "This browser does not let the app use local storage: edits are only in this page's memory. Export them.")}</p>
            }.into_any());
        }
        let problem = settings.problem.get();
        let set_aside = health.load.quarantined.len()
            + usize::from(matches!(problem, Some(SettingsProblem::Quarantined(_))));
        let left_in_place = health.load.left_in_place.len()
            + usize::from(matches!(problem, Some(SettingsProblem::LeftInPlace(_))));
        // Quarantined, or (storage too full to move them aside) left in place: #/data lists both, so the
        // link always leads to them.
        let unreadable = [
            (
                set_aside,
                "quarantine-banner",
                "项存储数据无法读取，已原样隔离保存（未删除），应用用其余数据启动。",
                "stored values could not be read; they were set aside unchanged (not deleted) and the app started with the rest.",
            ),
            (
                left_in_place,
                "left-in-place-banner",
                "项存储数据无法读取；存储空间已满，未能隔离，已原样留在原处（未删除，也不会被覆盖），应用用其余数据启动。",
                "stored values could not be read; storage is full, so they were left where they are (unchanged, never written over) and the app started with the rest.",
            ),
        ];
        for (count, id, zh, en) in unreadable.into_iter().filter(|u| u.0 > 0) {
            lines.push(view! {
                <p class="banner-warning" role="status" id=id>
                    {format!("{} {count} {}", lang.pick("有", ""), lang.pick(zh, en))}
                    " "<a href="#/data">{lang.pick("查看并下载原始内容", "View and download the raw text")}</a>
                </p>
            }.into_any());
        }
        // The settings hold the last export time: an export made while storage is full is not remembered.
        if settings.save_failed.get() && !health.no_storage {
            lines.push(view! {
                <p class="banner-warning" role="status" id="settings-unsaved-banner">{lang.pick(
                    "浏览器存储已满：设置（包括上次导出的时间）未能保存，重新加载后会显示为“从未导出”。已下载的导出文件不受影响。",
                    "Browser storage is full: the settings (including when you last exported) could not be saved, so after a reload the last export shows as never. Files already downloaded are not affected.")}</p>
            }.into_any());
        }
        if health.load.missing_chunk_count > 0 {
            lines.push(view! {
                <p class="banner-warning" role="status" id="missing-banner">{format!("{} {}", health.load.missing_chunk_count, lang.pick(
                    "段修改记录已从浏览器存储中消失（可能被清除）。如有导出文件，请在“数据与备份”中导入。",
                    "pieces of the edit journal are gone from browser storage (cleared?). Import your last export on Data."))}</p>
            }.into_any());
        }
        if !health.load.id_clashes.is_empty() {
            lines.push(view! {
                <p class="banner-warning" role="status" id="clash-banner">{format!("{} {}", health.load.id_clashes.len(), lang.pick(
                    "条修改与另一条编号相同但内容不同（存储被手工改过？）：各只采用一条，两条都仍保存着。可在“修改记录”中核对。",
                    "edits share an id with another of different content (storage edited by hand?): one of each is used, both are still stored. Check them in History."))}</p>
            }.into_any());
        }
        if !health.load.newer.is_empty() {
            lines.push(view! {
                <p class="banner-warning" role="status">{lang.pick(
                    "浏览器中有更新版本应用写入的数据，本版本无法读取，已原样保留。",
                    "Browser storage holds data written by a newer version of the app; this version leaves it untouched.")}</p>
            }.into_any());
        }
        if let Some(problem) = library.startup.get() {
            lines.push(view! {
                <p class="banner-warning" role="status" id="plan-banner">
                    {problem.message(lang)}" "
                    <a href="#/plans">{lang.pick("查看计划", "See the plans")}</a>" "
                    <button on:click=move |_| library.startup.set(None)>{lang.pick("知道了", "Dismiss")}</button>
                </p>
            }.into_any());
        }
        let n = unexported.get();
        if n >= EXPORT_NUDGE && health.save_error.is_none() {
            lines.push(view! {
                <p class="banner-info" role="status">
                    {format!("{n} {}", lang.pick("条修改尚未导出备份。", "edits have not been exported yet."))}" "
                    <a href="#/data">{lang.pick("去导出", "Export")}</a>
                </p>
            }.into_any());
        }
        (!lines.is_empty()).then(|| view! { <div class="banners">{lines}</div> })
    }
}
