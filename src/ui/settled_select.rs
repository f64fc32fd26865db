//! A `<select>` whose choice is recorded once the person has settled on it. Chromium fires `change` at
//! every arrow key on a closed select, so stepping from 未开始 to 已完成 would record three edits (each in
//! history, each sent with the report). A choice made with the mouse is recorded at once; one made with the
//! keys is recorded on Enter, on leaving the box, or a second after the last key.

use leptos::prelude::*;
use std::time::Duration;

/// How long after the last key a keyboard choice is taken as settled.
const SETTLE: Duration = Duration::from_millis(1000);

#[derive(Clone, Copy)]
pub struct SettledSelect {
    commit: Callback<String>,
    /// A navigation key was pressed since the last recorded choice: the next `change` waits.
    keyed: StoredValue<bool>,
    pending: StoredValue<Option<String>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl SettledSelect {
    pub fn new(commit: impl Fn(String) + Send + Sync + 'static) -> Self {
        Self {
            commit: Callback::new(commit),
            keyed: StoredValue::new(false),
            pending: StoredValue::new(None),
            timer: StoredValue::new(None),
        }
    }

    pub fn keydown(&self, ev: &leptos::ev::KeyboardEvent) {
        match ev.key().as_str() {
            "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp"
            | "PageDown" => self.keyed.set_value(true),
            "Enter" => self.settle(),
            _ => {}
        }
    }

    pub fn change(&self, ev: &leptos::ev::Event) {
        let value = event_target_value(ev);
        if !self.keyed.get_value() {
            self.commit.run(value);
            return;
        }
        self.pending.set_value(Some(value));
        self.clear_timer();
        let this = *self;
        let handle = set_timeout_with_handle(move || this.settle(), SETTLE).ok();
        self.timer.set_value(handle);
    }

    /// Records the waiting choice now (Enter, blur, the timer).
    pub fn settle(&self) {
        self.clear_timer();
        self.keyed.set_value(false);
        if let Some(value) = self.pending.try_update_value(Option::take).flatten() {
            self.commit.run(value);
        }
    }

    fn clear_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
