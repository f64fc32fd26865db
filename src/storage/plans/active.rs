//! The pointer to the plan last opened (`lanbai:active-plan`): read at start-up, written when a plan is
//! opened. It is stored data like any other, so one that cannot be followed is quarantined, not deleted.

use super::super::keys::Key;
use super::super::kv::{KeyValue, KvError};
use super::{PlansError, Problem, SHIPPED_ID, load, move_aside};
use crate::plan::Plan;

/// The id of the plan to open at start-up: the one last opened, else the shipped plan.
pub fn active_id(kv: &impl KeyValue) -> String {
    kv.get(&Key::ActivePlan.render())
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| SHIPPED_ID.to_string())
}

/// Remembers the plan opened. The shipped plan is the default, so choosing it just clears the key.
pub fn set_active(kv: &impl KeyValue, id: &str) -> Result<(), KvError> {
    let key = Key::ActivePlan.render();
    if id == SHIPPED_ID {
        kv.remove(&key);
        Ok(())
    } else {
        kv.set(&key, id)
    }
}

/// The plan to show at start-up. Whatever goes wrong, the app still opens: with the shipped plan, and the
/// reason to show. A pointer that cannot be followed is stored data like any other, so it is quarantined,
/// never just deleted, and the reason goes to the banner.
pub fn initial(kv: &impl KeyValue, now_ms: i64) -> (Plan, Option<PlansError>) {
    let key = Key::ActivePlan.render();
    let Some(raw) = kv.get(&key) else {
        return (crate::plan::seed::gansu(), None);
    };
    let id = raw.trim();
    if plausible_id(id) {
        match load(kv, id, now_ms) {
            Ok(plan) => return (plan, None),
            Err(PlansError::NotFound(_)) => {}
            // The plan was quarantined, and its quarantine key names it: the pointer holds nothing more, so
            // it may go. The plan's problem is the news.
            Err(e @ PlansError::Unreadable(Problem::Quarantined(_))) => {
                kv.remove(&key);
                return (crate::plan::seed::gansu(), Some(e));
            }
            // Anything else (a plan that could not be moved aside) is not about the pointer: it stays, and
            // the next start tries and reports again.
            Err(e) => return (crate::plan::seed::gansu(), Some(e)),
        }
    }
    let aside = move_aside(
        kv,
        &key,
        &raw,
        "the pointer to the plan last opened names no readable plan",
        now_ms,
    );
    (
        crate::plan::seed::gansu(),
        Some(PlansError::ActivePointer { aside }),
    )
}

/// What `set_active` writes: a plan id, never empty, never long, no control characters.
fn plausible_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 128 && !id.chars().any(char::is_control)
}
