//! Sync in the running app: when a folder is configured, a round runs at start, a moment after each edit, when
//! the browser comes back online or the window gets focus, and every few minutes; failures back off
//! exponentially. A round never blocks editing (edits are in localStorage first), and what it fetched is
//! merged into the page like another tab's edits. With sync off nothing here runs.

use std::time::Duration;

use leptos::prelude::*;

use super::edits::{Edits, now_ms, use_edits};
use super::state::use_plan;
use crate::storage::browser::LocalStorage as BrowserKv;
use crate::sync::config::{self, PASSWORD_KEY, SyncConfig};
use crate::sync::{SyncError, pending, round};

/// A moment after an edit, so a burst of edits goes up as one upload.
const AFTER_EDIT: Duration = Duration::from_secs(2);
/// Between rounds when nothing happens.
const EVERY: Duration = Duration::from_secs(180);
/// Back-off after failures: 5 s, 10 s, 20 s … up to 30 s while the server cannot be reached (a restarted
/// server fires no `online` event, and its edits should arrive within seconds of it being back; a listing
/// every 30 s costs nothing), and up to 5 minutes while it answers with an error.
const FIRST_RETRY_SECS: u64 = 5;
const LONGEST_RETRY_UNREACHABLE_SECS: u64 = 30;
const LONGEST_RETRY_SECS: u64 = 300;

/// What the header says about sync.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Off,
    Syncing,
    Synced { at: i64 },
    Offline { pending: u64 },
    Failed { error: SyncError, pending: u64 },
}

#[derive(Clone, Copy)]
pub struct SyncContext {
    pub config: RwSignal<SyncConfig>,
    pub password: RwSignal<String>,
    pub shown: RwSignal<Shown>,
    /// Rounds finished since the page opened (on the header's line as `data-rounds`, so a test can wait for
    /// the round after an edit rather than for a time).
    pub rounds: RwSignal<u32>,
    running: StoredValue<bool>,
    again: StoredValue<bool>,
    failures: StoredValue<u32>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    own_ops: StoredValue<usize>,
    edits: Edits,
    plan: RwSignal<std::sync::Arc<crate::plan::Plan>>,
}

pub fn use_sync() -> SyncContext {
    expect_context::<SyncContext>()
}

/// The tab's own storage, forgotten when the browser closes: where a password not "remembered" is kept.
fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The password as kept: until the browser is closed, or on this computer when the person asked for that.
fn stored_password() -> String {
    let local = BrowserKv::new().and_then(|kv| crate::storage::KeyValue::get(&kv, PASSWORD_KEY));
    local
        .or_else(|| tab_storage()?.get_item(PASSWORD_KEY).ok()?)
        .unwrap_or_default()
}

/// Keeps the password where the person chose; unticking "remember" removes the stored copy.
pub fn keep_password(password: &str, remember: bool) {
    if let Some(s) = tab_storage() {
        let _ = s.set_item(PASSWORD_KEY, password);
    }
    if let Some(kv) = BrowserKv::new() {
        use crate::storage::KeyValue;
        if remember {
            let _ = kv.set(PASSWORD_KEY, password);
        } else {
            kv.remove(PASSWORD_KEY);
        }
    }
}

pub fn provide_sync() -> SyncContext {
    let stored = BrowserKv::new()
        .map(|kv| config::load(&kv))
        .unwrap_or_default();
    let ctx = SyncContext {
        config: RwSignal::new(stored),
        password: RwSignal::new(stored_password()),
        shown: RwSignal::new(Shown::Off),
        rounds: RwSignal::new(0),
        running: StoredValue::new(false),
        again: StoredValue::new(false),
        failures: StoredValue::new(0),
        timer: StoredValue::new_local(None),
        own_ops: StoredValue::new(0),
        edits: use_edits(),
        plan: use_plan(),
    };
    provide_context(ctx);
    let plan = ctx.plan;
    let plan_id = Memo::new(move |_| plan.read().id.clone());
    // At start, when sync is turned on or its settings change, and when another plan is opened.
    Effect::new(move |_| {
        plan_id.track();
        let on = ctx.config.with(|c| c.enabled);
        ctx.failures.set_value(0);
        if on {
            ctx.sync_now();
        } else {
            ctx.cancel_timer();
            ctx.shown.set(Shown::Off);
        }
    });
    // A moment after this page's own edits (not after merges, which would only start another round).
    Effect::new(move |_| {
        // With sync off this does nothing, and does not read (or scan) the journal at every edit.
        if !ctx.config.with(|c| c.enabled) {
            return;
        }
        let writer = ctx.edits.writer_id();
        let prefix = format!("{writer}-");
        let mine = ctx
            .edits
            .ops
            .with(|ops| ops.iter().filter(|o| o.id.starts_with(&prefix)).count());
        if mine != ctx.own_ops.get_value() {
            ctx.own_ops.set_value(mine);
            if !ctx.running.get_value() {
                ctx.schedule(AFTER_EDIT);
            } else {
                ctx.again.set_value(true);
            }
        }
    });
    let online = window_event_listener_untyped("online", move |_| ctx.sync_now());
    let focus = window_event_listener_untyped("focus", move |_| ctx.sync_now());
    on_cleanup(move || {
        online.remove();
        focus.remove();
    });
    ctx
}

impl SyncContext {
    /// Starts a round now (or right after the one running).
    pub fn sync_now(&self) {
        if !self.config.with_untracked(|c| c.enabled) {
            return;
        }
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        self.cancel_timer();
        self.running.set_value(true);
        self.shown.set(Shown::Syncing);
        let ctx = *self;
        leptos::task::spawn_local(async move { ctx.run().await });
    }

    fn cancel_timer(&self) {
        if let Some(h) = self.timer.try_update_value(|t| t.take()).flatten() {
            h.clear();
        }
    }

    fn schedule(&self, delay: Duration) {
        self.cancel_timer();
        let ctx = *self;
        let handle = set_timeout_with_handle(move || ctx.sync_now(), delay).ok();
        self.timer.set_value(handle);
    }

    async fn run(self) {
        self.edits.flush();
        let plan = self.plan.with_untracked(|p| p.id.clone());
        let config = self.config.get_untracked();
        let password = self.password.get_untracked();
        let Some(kv) = BrowserKv::new() else {
            self.running.set_value(false);
            self.shown.set(Shown::Failed {
                error: SyncError::LocalFull,
                pending: 0,
            });
            return;
        };
        let result =
            match crate::sync::browser::Dav::new(&config.folder, &plan, &config.user, &password) {
                Ok(dav) => {
                    let nonce = (js_sys::Math::random() * 4_294_967_296.0) as u64;
                    round(&kv, &dav, &plan, &self.edits.writer_id(), now_ms(), nonce).await
                }
                Err(e) => Err(e),
            };
        self.running.set_value(false);
        self.rounds.update(|n| *n += 1);
        match result {
            Ok(r) => {
                self.edits.merge_in(&r.new_ops);
                if !r.quarantined.is_empty() {
                    // The quarantine list on #/data is derived from storage; nudge it.
                    self.edits.health.update(|_| ());
                }
                self.failures.set_value(0);
                self.shown.set(Shown::Synced { at: now_ms() });
                if self.again.get_value() {
                    self.again.set_value(false);
                    self.schedule(AFTER_EDIT);
                } else {
                    self.schedule(EVERY);
                }
            }
            Err(error) => {
                self.again.set_value(false);
                let pending = pending(&kv, &plan);
                let failures = self.failures.get_value().saturating_add(1);
                self.failures.set_value(failures);
                if error.retry_helps() {
                    let longest = match error {
                        SyncError::Unreachable(_) => LONGEST_RETRY_UNREACHABLE_SECS,
                        _ => LONGEST_RETRY_SECS,
                    };
                    let secs = FIRST_RETRY_SECS
                        .saturating_mul(1 << failures.saturating_sub(1).min(10))
                        .min(longest);
                    self.schedule(Duration::from_secs(secs));
                }
                self.shown.set(match error {
                    SyncError::Unreachable(_) => Shown::Offline { pending },
                    error => Shown::Failed { error, pending },
                });
            }
        }
    }
}
