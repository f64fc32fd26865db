//! Every localStorage key the app uses, as one enum. A page opened from `file://` shares localStorage with
//! every other file page, so all keys start with `lanbai:` and journal keys also carry the plan id; the `v1`
//! in journal keys is the *key layout* version (the data schema lives inside each value).
//!
//! `index.html`'s inline script reads these keys before any wasm runs, to decide whether the prerendered
//! overview is what the app will show: any `lanbai:` key but `lanbai:settings` hides it, and so do settings
//! with a language other than `zh`, a unit, a review date or an export time. The end-to-end test `prerender`
//! checks that script against the app; change both together.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// `lanbai:v1:{plan}:journal:{writer}:{chunk}` — one chunk of one writer's ops.
    Journal {
        plan: String,
        writer: String,
        chunk: u32,
    },
    /// `lanbai:v1:{plan}:meta:{writer}` — that writer's schema version and chunk count.
    Meta { plan: String, writer: String },
    /// `lanbai:quarantine:{ms}:{original key}` — a value the app could not read, kept verbatim.
    Quarantine { at: i64, original: String },
    /// `lanbai:settings`.
    Settings,
    /// `lanbai:plans` — the index of imported plans (the shipped plan is not stored).
    PlanIndex,
    /// `lanbai:plan:{id}` — one imported plan as JSON.
    Plan { id: String },
    /// `lanbai:active-plan` — the id of the plan last opened, so a reload reopens it.
    ActivePlan,
}

pub const ROOT: &str = "lanbai:";
const LAYOUT: &str = "lanbai:v1:";
pub const QUARANTINE_PREFIX: &str = "lanbai:quarantine:";
pub const PLAN_PREFIX: &str = "lanbai:plan:";

/// The prefix of every journal and meta key of one plan.
pub fn plan_prefix(plan: &str) -> String {
    format!("{LAYOUT}{plan}:")
}

/// Whether `key` is a journal or meta key of exactly `plan`. The prefix alone is not enough: plan ids may
/// contain `:`, so `lanbai:v1:a:` is also the start of every key of a plan called `a:b`.
pub fn is_of_plan(key: &str, plan: &str) -> bool {
    key.starts_with(&plan_prefix(plan))
        && matches!(Key::parse(key), Some(Key::Journal { plan: p, .. } | Key::Meta { plan: p, .. }) if p == plan)
}

/// Writer ids end up inside keys, so the separator is replaced rather than trusted.
pub fn clean_writer(writer: &str) -> String {
    let w: String = writer
        .chars()
        .map(|c| {
            if c == ':' || c.is_whitespace() {
                '_'
            } else {
                c
            }
        })
        .collect();
    if w.is_empty() { "w".into() } else { w }
}

impl Key {
    pub fn render(&self) -> String {
        match self {
            Key::Journal {
                plan,
                writer,
                chunk,
            } => format!("{LAYOUT}{plan}:journal:{writer}:{chunk}"),
            Key::Meta { plan, writer } => format!("{LAYOUT}{plan}:meta:{writer}"),
            Key::Quarantine { at, original } => format!("{QUARANTINE_PREFIX}{at}:{original}"),
            Key::Settings => format!("{ROOT}settings"),
            Key::PlanIndex => format!("{ROOT}plans"),
            Key::Plan { id } => format!("{PLAN_PREFIX}{id}"),
            Key::ActivePlan => format!("{ROOT}active-plan"),
        }
    }

    /// Parses from the right so a plan id containing `:` still round-trips.
    pub fn parse(s: &str) -> Option<Key> {
        match s {
            "lanbai:settings" => return Some(Key::Settings),
            "lanbai:plans" => return Some(Key::PlanIndex),
            "lanbai:active-plan" => return Some(Key::ActivePlan),
            _ => {}
        }
        if let Some(id) = s.strip_prefix(PLAN_PREFIX).filter(|id| !id.is_empty()) {
            return Some(Key::Plan { id: id.to_string() });
        }
        if let Some(rest) = s.strip_prefix(QUARANTINE_PREFIX) {
            let (at, original) = rest.split_once(':')?;
            return Some(Key::Quarantine {
                at: at.parse().ok()?,
                original: original.to_string(),
            });
        }
        let rest = s.strip_prefix(LAYOUT)?;
        let parts: Vec<&str> = rest.rsplitn(4, ':').collect();
        match parts.as_slice() {
            [chunk, writer, "journal", plan] => Some(Key::Journal {
                plan: plan.to_string(),
                writer: writer.to_string(),
                chunk: chunk.parse().ok()?,
            }),
            [writer, "meta", plan, ..] => {
                let plan = match parts.get(3) {
                    Some(p) => format!("{p}:{plan}"),
                    None => plan.to_string(),
                };
                Some(Key::Meta {
                    plan,
                    writer: writer.to_string(),
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in [
            Key::Journal {
                plan: "gansu-2020".into(),
                writer: "tab7".into(),
                chunk: 12,
            },
            Key::Meta {
                plan: "gansu-2020".into(),
                writer: "tab7".into(),
            },
            Key::Meta {
                plan: "a:b".into(),
                writer: "w".into(),
            },
            Key::Quarantine {
                at: 5,
                original: "lanbai:v1:p:journal:w:0".into(),
            },
            Key::Settings,
            Key::PlanIndex,
            Key::ActivePlan,
            Key::Plan {
                id: "plan-2021-ffc64a76".into(),
            },
        ] {
            assert_eq!(Key::parse(&k.render()), Some(k.clone()), "{}", k.render());
        }
        assert_eq!(Key::parse("lanbai:v1:p:journal:w:x"), None);
        assert_eq!(Key::parse("other:thing"), None);
        assert_eq!(clean_writer("a:b c"), "a_b_c");
    }

    #[test]
    fn a_plan_owns_its_keys_and_not_those_of_a_plan_whose_id_it_begins() {
        assert!(is_of_plan("lanbai:v1:a:journal:w:0", "a"));
        assert!(is_of_plan("lanbai:v1:a:meta:w", "a"));
        assert!(!is_of_plan("lanbai:v1:a:b:journal:w:0", "a"));
        assert!(!is_of_plan("lanbai:v1:a:b:meta:w", "a"));
        assert!(is_of_plan("lanbai:v1:a:b:journal:w:0", "a:b"));
        assert!(is_of_plan("lanbai:v1:a:b:meta:w", "a:b"));
        assert!(!is_of_plan("lanbai:v1:a:journal:w:x", "a"));
    }
}
