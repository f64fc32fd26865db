//! The reviewer's edits in the running app: the journal in memory, its fold into view state, and the store
//! that writes it to localStorage. Views call [`Edits::record`]; everything else (debounced saving, flushing
//! when the page is hidden, other tabs' writes, switching plans) is installed once by [`provide_edits`].

use crate::journal::{self, Op, OpKind, ViewState};
use crate::plan::Plan;
use crate::storage::browser::LocalStorage as BrowserKv;
use crate::storage::{KeyValue, LoadReport, Store, StoreError};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The first edit of a burst is written at once, so an edit made just before the tab crashes is not lost;
/// edits made within this long after it wait and are written together when it ends (a run of clicks does not
/// rewrite the chunk each time). `visibilitychange` and `pagehide` flush sooner.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// What the data banner and `#/data` show about storage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageHealth {
    /// The last write failed: the edits are in memory only until a write succeeds.
    pub save_error: Option<StoreError>,
    /// What the last load found (quarantined values, keys left alone, missing chunks).
    pub load: LoadReport,
    /// localStorage is unavailable (disabled, sandboxed): edits live in memory only.
    pub no_storage: bool,
}

/// Shared handle to the edits. `Copy`, so every view can hold one.
#[derive(Clone, Copy)]
pub struct Edits {
    /// The whole journal of the current plan, sorted by `(at, id)`.
    pub ops: RwSignal<Vec<Op>>,
    /// `fold(plan, ops)`: what every view shows.
    pub view: Memo<Arc<ViewState>>,
    pub health: RwSignal<StorageHealth>,
    /// The browser's answer to `navigator.storage.persist()`: `Some(true)` means it will not evict our data.
    pub persisted: RwSignal<Option<bool>>,
    store: StoredValue<Option<Store<BrowserKv>>, LocalStorage>,
    save_pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The unit the person reports for (我的单位) and their name (填报人): every op carries both.
    writer_unit: RwSignal<Option<String>>,
    reporter: RwSignal<Option<String>>,
    /// An edit made before a unit was chosen: the prompt asks for the unit, then records it.
    pub awaiting_unit: RwSignal<Option<OpKind>>,
}

pub fn use_edits() -> Edits {
    expect_context::<Edits>()
}

/// Milliseconds since the epoch, the clock every op carries.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A writer id unique to this page load (random digits and the start time): two tabs, or a duplicated tab,
/// never share one, so they never write the same keys.
fn fresh_writer_id() -> String {
    let random = (js_sys::Math::random() * 36f64.powi(6)) as u64;
    format!("w{}{random:x}", now_ms())
}

/// Creates the edits context for the plan signal and installs its effects.
pub fn provide_edits(plan: RwSignal<Arc<Plan>>) -> Edits {
    let ops = RwSignal::new(Vec::<Op>::new());
    let settings = super::settings::use_settings();
    let review = Memo::new(move |_| {
        super::settings::effective_review_date(
            settings.review_date.get().as_deref(),
            plan.read().meta.year,
        )
    });
    let view =
        Memo::new(move |_| Arc::new(journal::fold_at(&plan.read(), &ops.read(), &review.get())));
    let edits = Edits {
        ops,
        view,
        health: RwSignal::new(StorageHealth::default()),
        persisted: RwSignal::new(None),
        store: StoredValue::new_local(None),
        save_pending: StoredValue::new_local(None),
        writer_unit: super::state::use_my_unit(),
        reporter: settings.reporter,
        awaiting_unit: RwSignal::new(None),
    };
    provide_context(edits);
    open_store_for_plan(edits, plan);
    ask_persistent_storage(edits.persisted);
    flush_when_hidden(edits);
    sync_other_tabs(edits);
    edits
}

/// Opens the plan's store and loads its journal, again whenever another plan is opened.
fn open_store_for_plan(edits: Edits, plan: RwSignal<Arc<Plan>>) {
    let plan_id = Memo::new(move |_| plan.read().id.clone());
    Effect::new(move |_| {
        let id = plan_id.get();
        edits.flush();
        let Some(kv) = BrowserKv::new() else {
            edits.health.update(|h| h.no_storage = true);
            edits.store.set_value(None);
            edits.ops.set(Vec::new());
            return;
        };
        // Load and fold are timed as `lanbai:journal-load` for scripts/bench.sh (reading the memo folds now).
        let perf = window().performance();
        let _ = perf.as_ref().map(|p| p.mark("lanbai:journal-load-start"));
        let mut store = Store::open(kv, &id, &fresh_writer_id());
        let mut report = store.load(now_ms());
        let _ = perf.as_ref().map(|p| p.mark("lanbai:journal-read"));
        // The ops move to the signal; the report kept for the banner needs only the rest.
        edits.ops.set(std::mem::take(&mut report.ops));
        edits.view.with_untracked(|_| ());
        let _ = perf
            .map(|p| p.measure_with_start_mark("lanbai:journal-load", "lanbai:journal-load-start"));
        edits.health.set(StorageHealth {
            save_error: report.salvage_error.clone(),
            load: report,
            no_storage: false,
        });
        edits.store.set_value(Some(store));
    });
}

/// Asks the browser once, at start, to exempt our storage from eviction (`navigator.storage.persist()`); the
/// answer is shown on `#/data`. Browsers that do not support it leave the answer empty.
fn ask_persistent_storage(answer: RwSignal<Option<bool>>) {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    let Ok(promise) = manager.persist() else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(promise).await {
            answer.set(v.as_bool());
        }
    });
}

/// Writes pending edits as soon as the page is hidden (tab switch, close, laptop lid), so the debounce never
/// costs an edit.
fn flush_when_hidden(edits: Edits) {
    let handle = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            edits.flush();
        }
    });
    let pagehide = window_event_listener_untyped("pagehide", move |_| edits.flush());
    on_cleanup(move || {
        handle.remove();
        pagehide.remove();
    });
}

/// Another tab wrote edits of this plan: merge them in (union by id, so nothing of ours is lost).
fn sync_other_tabs(edits: Edits) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = ev.key();
        let incoming = edits.store.with_value(|store| {
            let store = store.as_ref()?;
            if !store.on_storage_event(key.as_deref()) {
                return None;
            }
            match key.as_deref() {
                Some(k) => store.read_changed(k),
                None => None,
            }
        });
        match incoming {
            Some(theirs) => {
                edits.merge_in(&theirs);
            }
            None if key.is_none() => edits.reload(),
            None => {}
        }
    });
    on_cleanup(move || handle.remove());
}

impl Edits {
    /// Records one edit: in memory and, for the first of a burst, in storage at once. Its clock is past every
    /// op the page has seen (see [`journal::clock`]), so what the person chose is what the page, the
    /// outline and a reload show, even after a colleague's fast clock.
    ///
    /// The op carries the person's unit and name. With no unit chosen yet the edit waits in
    /// `awaiting_unit` while the prompt asks for one (once), and is recorded as soon as it is chosen.
    pub fn record(&self, kind: OpKind) {
        let _ = self.record_op(kind);
    }

    /// [`Edits::record`], returning the op as recorded (`None` while it waits for a unit to be chosen).
    pub fn record_op(&self, kind: OpKind) -> Option<Op> {
        let Some(unit) = self.writer_unit.get_untracked() else {
            self.awaiting_unit.set(Some(kind));
            return None;
        };
        let kind = journal::permit::as_report_of(kind, &unit);
        let by = self
            .reporter
            .get_untracked()
            .filter(|b| !b.trim().is_empty());
        let (at, hlc) = self.ops.with_untracked(|ops| journal::stamp(ops, now_ms()));
        let op = self.store.try_update_value(|store| {
            let id = match store.as_mut() {
                Some(store) => store.next_op_id(),
                None => fresh_writer_id(),
            };
            Op {
                id,
                at,
                hlc: Some(hlc),
                kind,
                cause: None,
                unit: Some(unit),
                by,
            }
        });
        if let Some(op) = &op {
            self.push(op.clone());
        }
        op
    }

    /// Undoes this page's latest edit that is not undone yet. Returns false when there is nothing to undo.
    pub fn undo(&self) -> bool {
        self.undo_or_redo(journal::undo)
    }

    pub fn redo(&self) -> bool {
        self.undo_or_redo(journal::redo)
    }

    /// Whether undo / redo have something to act on (for the buttons' disabled state).
    pub fn can_undo_redo(&self) -> (bool, bool) {
        let prefix = self.writer();
        let stacks = self.ops.with(|ops| journal::stacks(ops, &prefix));
        (!stacks.undo.is_empty(), !stacks.redo.is_empty())
    }

    /// This page load's writer id (its ops are `<writer>-<n>`).
    pub fn writer_id(&self) -> String {
        self.writer()
    }

    fn writer(&self) -> String {
        self.store
            .with_value(|s| s.as_ref().map(|s| s.writer().to_string()))
            .unwrap_or_default()
    }

    fn undo_or_redo(&self, act: fn(&[Op], &str, String, i64) -> Option<Op>) -> bool {
        let prefix = self.writer();
        let id = self
            .store
            .try_update_value(|s| s.as_mut().map(|s| s.next_op_id()))
            .flatten();
        let Some(id) = id else { return false };
        let op = self
            .ops
            .with_untracked(|ops| act(ops, &prefix, id, now_ms()));
        match op {
            Some(op) => {
                self.push(op);
                true
            }
            None => false,
        }
    }

    fn push(&self, op: Op) {
        self.ops.update(|ops| {
            let sorted_tail = ops
                .last()
                .is_none_or(|last| last.order_key() <= op.order_key());
            ops.push(op.clone());
            if !sorted_tail {
                journal::sort_ops(ops);
            }
        });
        self.store.update_value(|s| {
            if let Some(s) = s.as_mut() {
                s.record(op);
            }
        });
        self.schedule_save();
    }

    /// Leading-edge debounce: with no write window open, write now and open one; within a window, leave the
    /// edit to the write at the window's end.
    fn schedule_save(&self) {
        if self.save_pending.with_value(Option::is_some) {
            return;
        }
        self.flush();
        let edits = *self;
        let handle = set_timeout_with_handle(
            move || {
                edits.save_pending.set_value(None);
                edits.flush();
            },
            SAVE_DELAY,
        )
        .ok();
        self.save_pending.set_value(handle);
    }

    /// Writes every pending edit now; a failure is shown and the edits stay in memory for the next try.
    pub fn flush(&self) {
        let result = self
            .store
            .try_update_value(|s| s.as_mut().map(|s| s.flush()))
            .flatten();
        if let Some(result) = result {
            let error = result.err();
            if self.health.with_untracked(|h| h.save_error != error) {
                self.health.update(|h| h.save_error = error);
            }
        }
    }

    /// Ops written by another tab or imported from a file: union by id, the journal stays sorted.
    pub fn merge_in(&self, incoming: &[Op]) -> usize {
        let result = self.ops.with_untracked(|ops| journal::merge(ops, incoming));
        let added = result.added;
        if added > 0 {
            self.ops.set(result.ops);
        }
        added
    }

    /// Adds imported ops to this page's own writes so they are stored, not just shown — all of them or none:
    /// when storage cannot hold them all, nothing is merged, the existing edits are untouched, and the error
    /// says so (a partial import shown as complete would be lost on the next reload).
    pub fn import(&self, incoming: &[Op]) -> Result<usize, StoreError> {
        let known: std::collections::HashSet<String> = self
            .ops
            .with_untracked(|ops| ops.iter().map(|o| o.id.clone()).collect());
        let fresh: Vec<Op> = incoming
            .iter()
            .filter(|o| !known.contains(&o.id))
            .cloned()
            .collect();
        let written = self
            .store
            .try_update_value(|s| s.as_mut().map(|s| s.append_all(fresh.iter().cloned())))
            .flatten();
        // Earlier edits that could not be written are still waiting; the banner keeps saying so.
        let waiting = match &written {
            Some(Err(e)) if e.unsaved() > 0 => Some(e.clone()),
            _ => None,
        };
        if written.is_some() && self.health.with_untracked(|h| h.save_error != waiting) {
            self.health.update(|h| h.save_error = waiting);
        }
        match written {
            Some(Err(e)) => Err(e),
            // Stored, or no storage at all (then the banner already says edits live in memory only).
            _ => Ok(self.merge_in(&fresh)),
        }
    }

    /// Re-reads everything from storage (another tab cleared or reset it).
    pub fn reload(&self) {
        let report = self
            .store
            .try_update_value(|s| s.as_mut().map(|s| s.load(now_ms())));
        if let Some(Some(report)) = report {
            self.ops.set(report.ops.clone());
            self.health.update(|h| h.load = report);
        }
    }

    /// Deletes this plan's stored journal (after the person confirmed and was offered an export) and starts
    /// afresh under a new writer id. Quarantined values and other plans are left alone.
    pub fn reset(&self, plan_id: &str) {
        if let Some(handle) = self.save_pending.try_update_value(|p| p.take()).flatten() {
            handle.clear();
        }
        let Some(kv) = BrowserKv::new() else { return };
        let keys = kv.keys().into_iter();
        for key in keys.filter(|k| crate::storage::keys::is_of_plan(k, plan_id)) {
            kv.remove(&key);
        }
        self.store
            .set_value(Some(Store::open(kv, plan_id, &fresh_writer_id())));
        self.ops.set(Vec::new());
        self.health.set(StorageHealth::default());
    }
}
