//! 同步 / Sync (`#/sync`): where the shared folder is, the account, a connection test with a plain verdict,
//! creating the plan's folder when the server has none, and turning sync on or off. Also the header's one
//! line about where the edits are, and the devices seen (listed on #/data too).

use leptos::prelude::*;

use super::components::set_title;
use super::edits::{now_ms, use_edits};
use super::state::{tr, use_lang, use_plan};
use super::sync::{Shown, keep_password, use_sync};
use crate::i18n::Lang;
use crate::storage::browser::LocalStorage as BrowserKv;
use crate::sync::browser::Dav;
use crate::sync::config::{self, SyncConfig};
use crate::sync::state::devices;
use crate::sync::{SyncError, Transport};

/// "3 分钟前" / "3 minutes ago".
fn ago(at: i64, now: i64, lang: Lang) -> String {
    let minutes = (now - at).max(0) / 60_000;
    match (minutes, lang) {
        (0, Lang::Zh) => "刚刚".into(),
        (0, Lang::En) => "just now".into(),
        (m, Lang::Zh) if m < 120 => format!("{m} 分钟前"),
        (m, Lang::En) if m < 120 => format!("{m} min ago"),
        (m, Lang::Zh) => format!("{} 小时前", m / 60),
        (m, Lang::En) => format!("{} h ago", m / 60),
    }
}

/// The header's line: 已同步（3 分钟前）/ 离线：N 条修改待同步 / 同步失败：…; nothing while sync is off.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let sync = use_sync();
    let lang = use_lang();
    // Ticks so "3 分钟前" stays true without a round.
    let now = RwSignal::new(now_ms());
    let tick = set_interval_with_handle(
        move || now.set(now_ms()),
        std::time::Duration::from_secs(30),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    move || {
        let lang = lang.get();
        let (text, class) = match sync.shown.get() {
            Shown::Off => return None,
            Shown::Syncing => (lang.pick("同步中…", "Syncing…").to_string(), "syncing"),
            Shown::Synced { at } => (
                match lang {
                    Lang::Zh => format!("已同步（{}）", ago(at, now.get(), lang)),
                    Lang::En => format!("Synced ({})", ago(at, now.get(), lang)),
                },
                "synced",
            ),
            Shown::Offline { pending } => (
                match lang {
                    Lang::Zh => format!("离线：{pending} 条修改待同步"),
                    Lang::En => format!("Offline: {pending} edits waiting to sync"),
                },
                "offline",
            ),
            Shown::Failed { error, .. } => (
                format!(
                    "{}{}",
                    lang.pick("同步失败：", "Sync failed: "),
                    error.message(lang)
                ),
                "failed",
            ),
        };
        let title = text.clone();
        Some(
            view! { <a class=format!("sync-status {class}") href="#/sync" role="status" title=title data-rounds=move || sync.rounds.get()>{text}</a> },
        )
    }
}

#[component]
pub fn SyncPage() -> impl IntoView {
    let lang = use_lang();
    set_title(lang.get_untracked().pick("同步", "Sync").to_string());
    let sync = use_sync();
    let plan = use_plan();
    let draft = RwSignal::new(sync.config.get_untracked());
    let password = RwSignal::new(sync.password.get_untracked());
    let verdict = RwSignal::new(None::<(bool, String)>);
    let missing_folder = RwSignal::new(false);
    let dav = move || {
        let c = draft.get_untracked();
        Dav::new(
            &c.folder,
            &plan.with_untracked(|p| p.id.clone()),
            &c.user,
            &password.get_untracked(),
        )
    };
    let test = move |_| {
        let lang = lang.get_untracked();
        verdict.set(Some((true, lang.pick("正在连接…", "Connecting…").into())));
        leptos::task::spawn_local(async move {
            let result = match dav() {
                Ok(d) => d.list().await,
                Err(e) => Err(e),
            };
            missing_folder.set(result == Err(SyncError::NoFolder));
            verdict.set(Some(match result {
                Ok(entries) => {
                    let n = entries
                        .iter()
                        .filter(|e| crate::sync::layout::parse_file_name(&e.name).is_some())
                        .count();
                    (
                        true,
                        match lang {
                            Lang::Zh => format!("连接成功：本计划的文件夹中有 {n} 个同步文件"),
                            Lang::En => {
                                format!("Connected: the plan's folder holds {n} sync files")
                            }
                        },
                    )
                }
                Err(e) => (false, e.message(lang)),
            }));
        });
    };
    let create = move |_| {
        let lang = lang.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match dav() {
                Ok(d) => d.make_folder().await,
                Err(e) => Err(e),
            };
            missing_folder.set(false);
            verdict.set(Some(match result {
                Ok(()) => (
                    true,
                    lang.pick("已创建本计划的同步文件夹", "Created the plan's sync folder")
                        .into(),
                ),
                Err(e) => (false, e.message(lang)),
            }));
        });
    };
    let save = move |enabled: bool| {
        let c = SyncConfig {
            enabled,
            ..draft.get_untracked()
        };
        let saved = BrowserKv::new().is_some_and(|kv| config::save(&kv, &c).is_ok());
        keep_password(&password.get_untracked(), c.remember);
        sync.password.set(password.get_untracked());
        draft.set(c.clone());
        sync.config.set(c);
        if !saved {
            let lang = lang.get_untracked();
            verdict.set(Some((false, lang.pick("本机存储已满，设置未能保存（本次打开仍然有效）", "Storage is full: the settings were not saved (they apply until the page is closed)").into())));
        }
    };
    let field = move |f: fn(&mut SyncConfig, String)| {
        move |ev: leptos::ev::Event| draft.update(|c| f(c, event_target_value(&ev)))
    };
    view! {
        <article class="page sync-page">
            <h1>{tr("同步", "Sync")}</h1>
            <p class="muted">{tr(
                "把修改同步到单位服务器上的共享文件夹（WebDAV），各单位的电脑联网后几秒内就能看到彼此的修改。不开启时，修改只保存在本机，与以前一样。",
                "Syncs edits through a shared folder (WebDAV) on the office's own server: every computer sees the others' edits within seconds of being online. Off, edits stay in this browser as before.")}</p>
            <form class="sync-form" on:submit=move |ev| { ev.prevent_default(); save(true); }>
                <label>{tr("文件夹地址", "Folder URL")}
                    <input id="sync-folder" type="text" prop:value=move || draft.with(|c| c.folder.clone()) on:input=field(|c, v| c.folder = v)/>
                </label>
                <label>{tr("用户名", "User name")}
                    <input id="sync-user" type="text" autocomplete="username" prop:value=move || draft.with(|c| c.user.clone()) on:input=field(|c, v| c.user = v)/>
                </label>
                <label>{tr("密码", "Password")}
                    <input id="sync-password" type="password" autocomplete="current-password" prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                </label>
                <label class="check">
                    <input id="sync-remember" type="checkbox" prop:checked=move || draft.with(|c| c.remember)
                        on:change=move |ev| draft.update(|c| c.remember = event_target_checked(&ev))/>
                    {tr("在这台电脑上记住密码（否则关闭浏览器后需重新输入）", "Remember the password on this computer (otherwise it is asked again after the browser closes)")}
                </label>
                <div class="actions">
                    <button type="button" id="sync-test" on:click=test>{tr("测试连接", "Test connection")}</button>
                    <button type="submit" id="sync-on">{move || if sync.config.with(|c| c.enabled) { tr("保存", "Save")() } else { tr("开启同步", "Turn sync on")() }}</button>
                    {move || sync.config.with(|c| c.enabled).then(|| view! {
                        <button type="button" id="sync-off" on:click=move |_| save(false)>{tr("关闭同步", "Turn sync off")}</button>
                    })}
                    {move || sync.config.with(|c| c.enabled).then(|| view! {
                        <button type="button" id="sync-now" on:click=move |_| sync.sync_now()>{tr("立即同步", "Sync now")}</button>
                    })}
                </div>
            </form>
            {move || verdict.get().map(|(ok, text)| view! {
                <p id="sync-verdict" class=if ok { "notice" } else { "notice error" } role="status">{text}</p>
            })}
            {move || matches!(sync.shown.get(), Shown::Failed { error: SyncError::Unauthorized, .. }).then(|| view! {
                <p class="notice error" id="sync-ask-password">{tr(
                    "服务器不接受这个用户名或密码：请重新输入后点“保存”。修改都保存在本机。",
                    "The server refused this user name or password: enter them again and press Save. Every edit is kept here.")}</p>
            })}
            {move || (missing_folder.get() || matches!(sync.shown.get(), Shown::Failed { error: SyncError::NoFolder, .. })).then(|| view! {
                <button type="button" id="sync-create" on:click=create>{tr("在服务器上创建本计划的文件夹", "Create the plan's folder on the server")}</button>
            })}
            <p class="sync-line">{tr("现在：", "Now: ")}<SyncStatus/>{move || (sync.shown.get() == Shown::Off).then(|| tr("未开启", "off")())}</p>
            <Devices/>
        </article>
    }
}

/// Every writer (a page load on some computer) whose edits this browser holds, latest first, with a warning
/// for a computer whose clock is far ahead (its times are wrong; the hybrid clock keeps it from winning
/// every later edit, but its dates still mislead).
#[component]
pub fn Devices() -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let now = now_ms();
        let list = edits.ops.with(|ops| devices(ops, now));
        if list.is_empty() {
            return None;
        }
        let me = edits.writer_id();
        let rows = list
            .into_iter()
            .map(|d| {
                let when = super::history::when(d.last_at);
                let warn = d.ahead_ms.map(|ms| {
                    let days = ms / 86_400_000;
                    match lang {
                        Lang::Zh => format!("此设备的时钟快了约 {days} 天，请校准"),
                        Lang::En => format!("this device's clock is about {days} days ahead: set it right"),
                    }
                });
                let ahead = warn.is_some();
                let this = (d.writer == me).then(|| lang.pick("（本页）", " (this page)"));
                view! {
                    <tr class:clock-ahead=ahead>
                        <td>{d.unit.unwrap_or_else(|| lang.pick("未注明单位", "unit not recorded").into())}</td>
                        <td><code>{d.writer}</code>{this}</td>
                        <td>{when}</td>
                        <td class="num">{d.ops}</td>
                        <td class="warn">{warn}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="devices">
                <h2>{lang.pick("见过的设备", "Devices seen")}</h2>
                <div class="h-scroll">
                    <table>
                        <thead><tr>
                            <th>{lang.pick("单位", "Unit")}</th>
                            <th>{lang.pick("写入者", "Writer")}</th>
                            <th>{lang.pick("最后修改", "Last edit")}</th>
                            <th>{lang.pick("修改条数", "Edits")}</th>
                            <th>{lang.pick("提示", "Note")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    }
}
