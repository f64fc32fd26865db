//! The library of imported plans: each plan under `lanbai:plan:{id}`, an index under `lanbai:plans`, and the
//! plan last opened under `lanbai:active-plan`. The shipped Gansu plan is never stored: it is compiled in,
//! always listed first, and cannot be replaced, renamed or deleted, so no stored value can take it away.
//!
//! Writes are ordered so that a refused write (a full storage) leaves everything stored before it as it
//! was; unreadable values are quarantined, never deleted. A deleted plan's edits stay in storage under its
//! id: re-importing the same text gives the same id and finds them again.

use serde::{Deserialize, Serialize};

use super::keys::{Key, PLAN_PREFIX};
use super::kv::{KeyValue, KvError};
use super::quarantine::{LeftInPlace, QuarantineEntry, quarantine};
use super::schema::CURRENT;
use crate::plan::Plan;
use crate::plan::curation::PLAN_ID;

/// The id of the shipped plan.
pub const SHIPPED_ID: &str = PLAN_ID.1;

/// One plan as the library lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: String,
    /// The name the person gave it (the plan's title unless renamed).
    pub name: String,
    /// Milliseconds since the epoch; 0 for the shipped plan and for entries rebuilt after a broken index.
    pub imported_at: i64,
    pub task_count: usize,
}

impl PlanEntry {
    pub fn is_shipped(&self) -> bool {
        self.id == SHIPPED_ID
    }
}

#[derive(Serialize, Deserialize)]
struct Index {
    schema: u32,
    plans: Vec<PlanEntry>,
}

#[derive(Serialize)]
struct StoredPlanRef<'a> {
    schema: u32,
    plan: &'a Plan,
}

#[derive(Deserialize)]
struct StoredPlan {
    schema: u32,
    plan: Plan,
}

/// What to do when the plan being saved has the id of one already saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    /// Save nothing and return [`PlansError::Exists`], so the interface can ask.
    Ask,
    /// Overwrite the saved plan (only after the person confirmed); never allowed for the shipped plan.
    Replace,
    /// Save under the id with a numeric suffix (`…-2`), keeping both.
    Copy,
}

/// An unreadable value and where it went.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Quarantined(QuarantineEntry),
    /// Could not be moved aside (storage full): it stays untouched and nothing writes over it.
    LeftInPlace(LeftInPlace),
}

#[derive(Debug, Clone, PartialEq)]
pub enum PlansError {
    /// The text gave no tasks: a plan without tasks is not worth keeping.
    NoTasks,
    EmptyName,
    Exists(PlanEntry),
    /// The shipped plan was asked to be replaced, renamed or deleted.
    Shipped,
    NotFound(String),
    Unreadable(Problem),
    /// The pointer to the plan last opened could not be followed: it named no stored plan, or was not a plan
    /// id at all. It was moved aside like any unreadable value (or, storage being full, left alone).
    ActivePointer {
        aside: Problem,
    },
    Storage(KvError),
}

impl From<KvError> for PlansError {
    fn from(e: KvError) -> Self {
        PlansError::Storage(e)
    }
}

/// The shipped plan's entry.
pub fn shipped_entry() -> PlanEntry {
    let plan = crate::plan::seed::gansu();
    PlanEntry {
        id: SHIPPED_ID.to_string(),
        name: plan.meta.title,
        imported_at: 0,
        task_count: plan.tasks.len(),
    }
}

/// Every plan, the shipped one first, then the imported ones in the order they were saved; plus what was
/// unreadable on the way.
pub fn list(kv: &impl KeyValue, now_ms: i64) -> (Vec<PlanEntry>, Option<Problem>) {
    let (entries, problem) = read_index(kv, now_ms);
    let mut out = vec![shipped_entry()];
    out.extend(entries.into_iter().filter(|e| !e.is_shipped()));
    (out, problem)
}

/// One plan by id. An unreadable stored plan is quarantined and reported.
pub fn load(kv: &impl KeyValue, id: &str, now_ms: i64) -> Result<Plan, PlansError> {
    if id == SHIPPED_ID {
        return Ok(crate::plan::seed::gansu());
    }
    let key = Key::Plan { id: id.to_string() }.render();
    let raw = kv
        .get(&key)
        .ok_or_else(|| PlansError::NotFound(id.to_string()))?;
    match read_plan(&raw) {
        Some(mut plan) => {
            // The key is the truth: a copy keeps its own id even if the JSON inside was edited by hand.
            plan.id = id.to_string();
            Ok(plan)
        }
        None => Err(PlansError::Unreadable(move_aside(
            kv,
            &key,
            &raw,
            "stored plan is not readable plan JSON",
            now_ms,
        ))),
    }
}

/// Saves `plan` under `name` (the plan title when blank) and returns its entry; the id may differ from the
/// plan's own when saved as a copy. On any failure nothing stored before is changed.
pub fn save(
    kv: &impl KeyValue,
    mut plan: Plan,
    name: &str,
    now_ms: i64,
    on_conflict: OnConflict,
) -> Result<PlanEntry, PlansError> {
    if plan.tasks.is_empty() {
        return Err(PlansError::NoTasks);
    }
    let mut entries = readable_index(kv, now_ms)?;
    let taken = |id: &str| {
        id == SHIPPED_ID
            || entries.iter().any(|e| e.id == id)
            || kv.get(&Key::Plan { id: id.to_string() }.render()).is_some()
    };
    let replacing = taken(&plan.id);
    if replacing {
        match on_conflict {
            OnConflict::Ask => {
                let existing = entries
                    .iter()
                    .find(|e| e.id == plan.id)
                    .cloned()
                    .unwrap_or_else(|| {
                        if plan.id == SHIPPED_ID {
                            shipped_entry()
                        } else {
                            entry_for(&plan, &plan.meta.title, 0)
                        }
                    });
                return Err(PlansError::Exists(existing));
            }
            OnConflict::Replace if plan.id == SHIPPED_ID => return Err(PlansError::Shipped),
            OnConflict::Replace => {}
            OnConflict::Copy => {
                let base = plan.id.clone();
                plan.id = (2..)
                    .map(|n| format!("{base}-{n}"))
                    .find(|id| !taken(id))
                    .unwrap_or(base);
            }
        }
    }
    let replacing = replacing && on_conflict == OnConflict::Replace;
    let name = match name.trim() {
        "" => plan.meta.title.trim(),
        n => n,
    };
    let entry = entry_for(&plan, name, now_ms);
    match entries.iter_mut().find(|e| e.id == entry.id) {
        Some(slot) => *slot = entry.clone(),
        None => entries.push(entry.clone()),
    }
    let plan_key = Key::Plan {
        id: entry.id.clone(),
    }
    .render();
    let plan_raw = write_plan(&plan);
    let index_key = Key::PlanIndex.render();
    let index_raw = write_index(entries);
    if replacing {
        // The old plan must survive a refused write: index first, then the plan; undo the index if needed.
        let old_index = kv.get(&index_key);
        kv.set(&index_key, &index_raw)?;
        if let Err(e) = kv.set(&plan_key, &plan_raw) {
            match old_index {
                Some(old) => {
                    let _ = kv.set(&index_key, &old);
                }
                None => kv.remove(&index_key),
            }
            return Err(e.into());
        }
    } else {
        kv.set(&plan_key, &plan_raw)?;
        if let Err(e) = kv.set(&index_key, &index_raw) {
            kv.remove(&plan_key);
            return Err(e.into());
        }
    }
    Ok(entry)
}

/// Gives an imported plan another name.
pub fn rename(kv: &impl KeyValue, id: &str, name: &str, now_ms: i64) -> Result<(), PlansError> {
    if id == SHIPPED_ID {
        return Err(PlansError::Shipped);
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(PlansError::EmptyName);
    }
    let mut entries = readable_index(kv, now_ms)?;
    let entry = entries
        .iter_mut()
        .find(|e| e.id == id)
        .ok_or_else(|| PlansError::NotFound(id.to_string()))?;
    entry.name = name.to_string();
    kv.set(&Key::PlanIndex.render(), &write_index(entries))?;
    Ok(())
}

/// Removes an imported plan from the library. Its edits are kept (see the module documentation); when it
/// was the active plan, the shipped plan becomes active.
pub fn delete(kv: &impl KeyValue, id: &str, now_ms: i64) -> Result<(), PlansError> {
    if id == SHIPPED_ID {
        return Err(PlansError::Shipped);
    }
    let mut entries = readable_index(kv, now_ms)?;
    let plan_key = Key::Plan { id: id.to_string() }.render();
    let before = entries.len();
    entries.retain(|e| e.id != id);
    if entries.len() == before && kv.get(&plan_key).is_none() {
        return Err(PlansError::NotFound(id.to_string()));
    }
    kv.set(&Key::PlanIndex.render(), &write_index(entries))?;
    kv.remove(&plan_key);
    if active_id(kv) == id {
        kv.remove(&Key::ActivePlan.render());
    }
    Ok(())
}

fn entry_for(plan: &Plan, name: &str, now_ms: i64) -> PlanEntry {
    PlanEntry {
        id: plan.id.clone(),
        name: name.to_string(),
        imported_at: now_ms,
        task_count: plan.tasks.len(),
    }
}

fn read_plan(raw: &str) -> Option<Plan> {
    serde_json::from_str::<StoredPlan>(raw)
        .ok()
        .filter(|s| s.schema == CURRENT)
        .map(|s| s.plan)
}

fn write_plan(plan: &Plan) -> String {
    let stored = StoredPlanRef {
        schema: CURRENT,
        plan,
    };
    // Plain data of strings and numbers: serialising it cannot fail (no maps with non-string keys).
    serde_json::to_string(&stored).unwrap_or_default()
}

fn write_index(plans: Vec<PlanEntry>) -> String {
    serde_json::to_string(&Index {
        schema: CURRENT,
        plans,
    })
    .unwrap_or_default()
}

/// The index for a write: refuses when a broken index could not be moved aside, so it is never overwritten.
fn readable_index(kv: &impl KeyValue, now_ms: i64) -> Result<Vec<PlanEntry>, PlansError> {
    match read_index(kv, now_ms) {
        (_, Some(left @ Problem::LeftInPlace(_))) => Err(PlansError::Unreadable(left)),
        (entries, _) => Ok(entries),
    }
}

/// Reads the index. A broken one is quarantined and rebuilt from the plan keys, which hold everything but
/// the names given and the import times.
fn read_index(kv: &impl KeyValue, now_ms: i64) -> (Vec<PlanEntry>, Option<Problem>) {
    let key = Key::PlanIndex.render();
    let Some(raw) = kv.get(&key) else {
        return (Vec::new(), None);
    };
    let index = serde_json::from_str::<Index>(&raw)
        .ok()
        .filter(|i| i.schema == CURRENT);
    if let Some(index) = index {
        return (index.plans, None);
    }
    let problem = move_aside(kv, &key, &raw, "plan index is not readable", now_ms);
    let rebuilt: Vec<PlanEntry> = kv
        .keys()
        .into_iter()
        .filter_map(|k| {
            let id = k.strip_prefix(PLAN_PREFIX)?.to_string();
            let plan = read_plan(&kv.get(&k)?)?;
            Some(PlanEntry {
                id,
                name: plan.meta.title.clone(),
                imported_at: 0,
                task_count: plan.tasks.len(),
            })
        })
        .collect();
    if matches!(problem, Problem::Quarantined(_)) {
        // Best effort: if this write fails, the next read rebuilds again.
        let _ = kv.set(&key, &write_index(rebuilt.clone()));
    }
    (rebuilt, Some(problem))
}

fn move_aside(kv: &impl KeyValue, key: &str, raw: &str, reason: &str, now_ms: i64) -> Problem {
    match quarantine(kv, key, raw, reason, now_ms) {
        Ok(entry) => Problem::Quarantined(entry),
        Err(left) => Problem::LeftInPlace(left),
    }
}

mod active;
mod message;

pub use active::{active_id, initial, set_active};
#[cfg(test)]
mod tests;
