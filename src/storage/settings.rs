//! Small per-browser preferences in one key. A broken value must never stop the app from starting: it is
//! quarantined, every field that still reads is kept, and the rest fall back to defaults.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::keys::Key;
use super::kv::{KeyValue, KvError};
use super::quarantine::{LeftInPlace, QuarantineEntry, quarantine};
use super::schema::CURRENT;

/// The interface language, stored as "zh" / "en".
pub use crate::i18n::Lang as Language;

/// Missing fields take their defaults, so a settings value from before a field existed still reads strictly.
/// Early v1 values also carry `unexported_edits`; that count is derived from the journal now, so it is ignored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    /// The unit picked in the header for the plan open when it was picked. Kept for apps from before `units`
    /// existed, which read only this field; this app reads it only as a fallback (see `unit_for`).
    pub unit: Option<String>,
    /// The unit picked in the header, per plan id: each plan has units of its own, so a unit chosen in one
    /// plan must never be shown, or linked to, in another.
    pub units: std::collections::BTreeMap<String, String>,
    /// ISO date the pace is measured at; `None` means today.
    pub review_date: Option<String>,
    /// Milliseconds since the epoch of the last export, shown next to the data status.
    pub last_export_at: Option<i64>,
    /// The person's name as they sign reports (填报人), asked with the unit before the first edit.
    pub reporter: Option<String>,
    /// How the person works: reporting for their unit (填报) or coordinating (汇总督办).
    pub mode: WorkMode,
    /// 联系电话 and 审核人 as last given with a submission, offered again with the next.
    pub phone: Option<String>,
    pub approver: Option<String>,
}

/// The two ways of working, chosen in the header. A mode, not a permission: what each unit may write is
/// checked on every op whatever the mode (see `journal::permit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkMode {
    /// 填报: I report for my unit.
    #[default]
    Report,
    /// 汇总督办: I coordinate (collect, review, chase, publish).
    Coordinate,
}

/// What happened to an unreadable settings value.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingsProblem {
    Quarantined(QuarantineEntry),
    LeftInPlace(LeftInPlace),
}

/// Reads the settings; on an unreadable value, salvages what it can and moves the raw text aside.
pub fn load_settings(kv: &impl KeyValue, now_ms: i64) -> (Settings, Option<SettingsProblem>) {
    let key = Key::Settings.render();
    let Some(raw) = kv.get(&key) else {
        return (Settings::default(), None);
    };
    let value: Option<Value> = serde_json::from_str(&raw).ok();
    let strict = value
        .as_ref()
        .filter(|v| v.get("schema").and_then(Value::as_u64) == Some(u64::from(CURRENT)));
    if let Some(s) = strict.and_then(|v| Settings::deserialize(v).ok()) {
        return (s, None);
    }
    let reason = match &value {
        None => "settings are not JSON",
        Some(v) if v.get("schema").and_then(Value::as_u64) != Some(u64::from(CURRENT)) => {
            "settings have an unknown schema version"
        }
        Some(_) => "settings have the wrong shape",
    };
    let settings = value.as_ref().map(salvage).unwrap_or_default();
    let problem = match quarantine(kv, &key, &raw, reason, now_ms) {
        Ok(entry) => SettingsProblem::Quarantined(entry),
        Err(left) => SettingsProblem::LeftInPlace(left),
    };
    (settings, Some(problem))
}

/// Field by field, so one bad field does not cost the others.
fn salvage(v: &Value) -> Settings {
    fn field<T: serde::de::DeserializeOwned + Default>(v: &Value, name: &str) -> T {
        v.get(name)
            .and_then(|f| T::deserialize(f).ok())
            .unwrap_or_default()
    }
    Settings {
        language: field(v, "language"),
        unit: field(v, "unit"),
        units: field(v, "units"),
        review_date: field(v, "review_date"),
        last_export_at: field(v, "last_export_at"),
        reporter: field(v, "reporter"),
        mode: field(v, "mode"),
        phone: field(v, "phone"),
        approver: field(v, "approver"),
    }
}

impl Settings {
    /// The unit chosen for `plan`, if it is one of that plan's units (`is_unit`). The per-plan record wins;
    /// a value stored before units were per plan applies to whichever plan has a unit of that id.
    pub fn unit_for(&self, plan: &str, is_unit: impl Fn(&str) -> bool) -> Option<String> {
        match self.units.get(plan) {
            Some(unit) => Some(unit).filter(|u| is_unit(u)).cloned(),
            None => self.unit.clone().filter(|u| is_unit(u)),
        }
    }

    /// Records `unit` (or none) as the choice for `plan`, and as the single value old apps read.
    pub fn choose_unit(&mut self, plan: &str, unit: Option<String>) {
        match &unit {
            Some(u) => self.units.insert(plan.to_string(), u.clone()),
            None => self.units.insert(plan.to_string(), String::new()),
        };
        self.unit = unit;
    }
}

pub fn save_settings(kv: &impl KeyValue, settings: &Settings) -> Result<(), KvError> {
    let mut value = serde_json::to_value(settings).map_err(|e| KvError::Other(e.to_string()))?;
    if let Value::Object(map) = &mut value {
        map.insert("schema".into(), Value::from(CURRENT));
    }
    kv.set(&Key::Settings.render(), &value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryKv;

    #[test]
    fn the_chosen_unit_belongs_to_its_plan() {
        let gansu = |u: &str| u == "白银市" || u == "兰州市";
        let other = |u: &str| u == "市科技局";
        let mut s = Settings {
            unit: Some("白银市".into()),
            ..Settings::default()
        };
        // A value from before units were per plan applies where it is a unit, and nowhere else.
        assert_eq!(s.unit_for("gansu", gansu).as_deref(), Some("白银市"));
        assert_eq!(s.unit_for("other", other), None);
        s.choose_unit("other", Some("市科技局".into()));
        assert_eq!(s.unit_for("other", other).as_deref(), Some("市科技局"));
        // Choosing in the other plan does not change Gansu's choice, even though `unit` moved on.
        s.choose_unit("gansu", Some("白银市".into()));
        s.choose_unit("other", Some("市科技局".into()));
        assert_eq!(s.unit_for("gansu", gansu).as_deref(), Some("白银市"));
        // "None chosen" in a plan is remembered as such, not replaced by the old single value.
        s.choose_unit("gansu", None);
        assert_eq!(s.unit_for("gansu", gansu), None);
        assert_eq!(s.unit_for("other", other).as_deref(), Some("市科技局"));
        // A stored unit the plan no longer has is not offered.
        s.units.insert("gansu".into(), "已撤销的单位".into());
        assert_eq!(s.unit_for("gansu", gansu), None);
    }

    #[test]
    fn round_trip_and_defaults() {
        let kv = MemoryKv::new();
        assert_eq!(load_settings(&kv, 0), (Settings::default(), None));
        let s = Settings {
            language: Language::En,
            unit: Some("省科技厅".into()),
            ..Settings::default()
        };
        assert_eq!(save_settings(&kv, &s), Ok(()));
        assert_eq!(load_settings(&kv, 0), (s, None));
    }

    #[test]
    fn bad_settings_are_quarantined_and_salvaged() {
        let kv = MemoryKv::new();
        let raw = r#"{"schema":1,"language":"en","review_date":42}"#;
        assert_eq!(kv.set("lanbai:settings", raw), Ok(()));
        let (s, problem) = load_settings(&kv, 42);
        assert_eq!(s.language, Language::En);
        assert_eq!(s.review_date, None);
        assert!(
            matches!(problem, Some(SettingsProblem::Quarantined(ref e)) if e.key == "lanbai:quarantine:42:lanbai:settings")
        );
        assert_eq!(
            kv.get("lanbai:quarantine:42:lanbai:settings").as_deref(),
            Some(raw)
        );
        assert_eq!(kv.get("lanbai:settings"), None);

        assert_eq!(kv.set("lanbai:settings", "{not json"), Ok(()));
        kv.set_quota(Some(kv.used()));
        let (s, problem) = load_settings(&kv, 43);
        assert_eq!(s, Settings::default());
        assert!(
            matches!(problem, Some(SettingsProblem::LeftInPlace(_))),
            "a full store keeps the original"
        );
        assert_eq!(kv.get("lanbai:settings").as_deref(), Some("{not json"));
    }
}
