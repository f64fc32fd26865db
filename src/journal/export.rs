//! The edits file a reviewer hands to a colleague. It names its format, schema and plan so a wrong file is
//! refused with a reason, and carries a checksum of its ops so a truncated or hand-edited file is caught before
//! anything is merged. The checksum is of the ops' *content*: a JSON tool that re-saves the file (writing
//! `12.0` as `12`, re-indenting, re-ordering keys) changes no edit, so it must not make the file unreadable.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::op::Op;
use super::problem::OpProblem;
use crate::i18n::Lang;

pub const FORMAT: &str = "lanbai-planner-edits";
/// The schema of the file (not of localStorage). Bump with a conversion in `import_file` when the op shape
/// changes. 2: ops carry their unit and person, reports their unit and period; a schema-1 file reads as it
/// is (its ops are the edits of 未注明单位), and an older app refuses a schema-2 file as newer.
/// 3: the reporting cycle's submissions, reviews and deadline extensions (`submit`, `review`,
/// `request_extension`, `decide_extension`); schema-1 and -2 files read as they
/// are, and an app of schema 2 refuses a schema-3 file as newer rather than dropping its submissions.
/// 4: ops carry the hybrid logical clock `hlc` that orders them (`journal::clock`); older files order by
/// `at` as before.
pub const SCHEMA: u32 = 4;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    pub format: String,
    pub schema: u32,
    pub plan_id: String,
    /// Milliseconds since the Unix epoch.
    pub exported_at: i64,
    pub ops: Vec<Op>,
    /// FNV-1a 64 of the canonical JSON of `ops`, 16 lower-case hex digits.
    pub checksum: String,
}

/// Builds the file; the caller serialises it with [`ExportFile::to_json`].
pub fn export(plan_id: &str, exported_at: i64, ops: &[Op]) -> ExportFile {
    let ops = ops.to_vec();
    let checksum = checksum_of(&ops);
    ExportFile {
        format: FORMAT.into(),
        schema: SCHEMA,
        plan_id: plan_id.into(),
        exported_at,
        ops,
        checksum,
    }
}

impl ExportFile {
    /// Pretty JSON, one field per line, so a diff of two exports is readable.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A file name such as `lanbai-edits-gansu-2020-shuangqu-2020-06-30.json`.
    pub fn file_name(&self) -> String {
        let day = super::date::Date::from_unix_ms(self.exported_at).iso();
        format!("lanbai-edits-{}-{day}.json", self.plan_id)
    }
}

/// The checksum of typed ops: they are re-serialised through a `serde_json::Value`, whose serialisation is
/// canonical (sorted keys, shortest round-trip floats, `12` read into an `f64` written as `12.0`). For every
/// file this app exported that is exactly the text the checksum was first taken over, so old files still
/// import; a change of any edit's content still changes it.
pub fn checksum_of(ops: &[Op]) -> String {
    ops_checksum(&serde_json::to_value(ops).unwrap_or(Value::Null))
}

/// FNV-1a of the canonical serialisation of a JSON value (see [`checksum_of`]).
pub fn ops_checksum(ops: &Value) -> String {
    format!(
        "{:016x}",
        fnv1a64(serde_json::to_string(ops).unwrap_or_default().as_bytes())
    )
}

pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Why a file was refused. Each has a message in both languages for the import dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// Not JSON. Only the place is kept: the parser's own English text is not for people.
    NotJson {
        line: usize,
        column: usize,
        /// The text ends in the middle of a value: the file was cut short.
        cut_short: bool,
    },
    /// Valid JSON, but not an edits file (another app's data, a plan file…).
    NotEditsFile,
    OtherPlan {
        found: String,
        expected: String,
    },
    /// Written by a newer version of the app.
    NewerSchema {
        found: u64,
        supported: u32,
    },
    /// The schema is not a number this app wrote; `None` when the file has none.
    UnknownSchema {
        found: Option<String>,
    },
    /// The ops do not match the checksum: the file was truncated or edited by hand.
    ChecksumMismatch,
    InvalidOp {
        index: usize,
        id: Option<String>,
        reason: OpProblem,
    },
}

impl ImportError {
    /// The message in `lang`, naming plans by their title where `title` knows the id (the plans in this
    /// browser) instead of by an id such as `plan-2021-88a7e311`.
    pub fn message_named(&self, lang: Lang, title: impl Fn(&str) -> Option<String>) -> String {
        let ImportError::OtherPlan { found, expected } = self else {
            return lang
                .pick(&self.message_zh(), &self.message_en())
                .to_string();
        };
        match lang {
            Lang::Zh => {
                let name = |id: &str| {
                    title(id).map_or_else(
                        || "（本浏览器中没有的一份计划）".to_string(),
                        |t| format!("《{t}》"),
                    )
                };
                format!(
                    "该文件属于另一份计划{}，当前打开的是{}。请先在“计划库”中打开文件所属的计划。",
                    name(found),
                    name(expected)
                )
            }
            Lang::En => {
                let name = |id: &str| {
                    title(id).map_or_else(
                        || "a plan not in this browser".to_string(),
                        |t| format!("“{t}”"),
                    )
                };
                format!(
                    "This file belongs to another plan, {}; the open plan is {}. Open the file's plan in the plan library first.",
                    name(found),
                    name(expected)
                )
            }
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            ImportError::TooLarge { bytes, max } => {
                format!("文件过大（{bytes} 字节，上限 {max} 字节）。")
            }
            ImportError::NotJson {
                line,
                cut_short: true,
                ..
            } => {
                format!("不是完整的 JSON 文件：内容在第 {line} 行处中断，可能没有下载或复制完整。")
            }
            ImportError::NotJson { line, column, .. } => {
                format!("不是有效的 JSON 文件（第 {line} 行第 {column} 列出错）。")
            }
            ImportError::NotEditsFile => "这不是本应用导出的修改记录文件。".into(),
            ImportError::OtherPlan { found, expected } => {
                format!("该文件属于另一份计划（{found}），当前计划为 {expected}。")
            }
            ImportError::NewerSchema { found, .. } => {
                format!("该文件由更新版本的应用导出（格式版本 {found}），请先更新应用。")
            }
            ImportError::UnknownSchema { found: Some(found) } => {
                format!("无法识别的格式版本：{found}。")
            }
            ImportError::UnknownSchema { found: None } => "文件中没有格式版本，无法识别。".into(),
            ImportError::ChecksumMismatch => {
                "校验和不符：文件可能被截断或手工修改过，未导入任何内容。".into()
            }
            ImportError::InvalidOp { index, id, reason } => {
                format!(
                    "第 {} 条修改（{}）无效：{}。未导入任何内容。",
                    index + 1,
                    id.as_deref().unwrap_or("无编号"),
                    reason.message(Lang::Zh)
                )
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ImportError::TooLarge { bytes, max } => format!("The file is too large ({bytes} bytes; the limit is {max})."),
            ImportError::NotJson {
                line,
                cut_short: true,
                ..
            } => format!(
                "This is not a complete JSON file: it stops at line {line}; perhaps it was not fully downloaded or copied."
            ),
            ImportError::NotJson { line, column, .. } => {
                format!("This is not a valid JSON file (error at line {line}, column {column}).")
            }
            ImportError::NotEditsFile => "This is not an edits file exported by this app.".into(),
            ImportError::OtherPlan { found, expected } => {
                format!("The file belongs to another plan ({found}); this plan is {expected}.")
            }
            ImportError::NewerSchema { found, supported } => format!(
                "The file was exported by a newer version of the app (schema {found}, this version reads up to {supported}). Please update."
            ),
            ImportError::UnknownSchema { found: Some(found) } => {
                format!("Unknown schema version: {found}.")
            }
            ImportError::UnknownSchema { found: None } => {
                "The file has no schema version, so it cannot be read.".into()
            }
            ImportError::ChecksumMismatch => {
                "The checksum does not match: the file was truncated or edited. Nothing was imported.".into()
            }
            ImportError::InvalidOp { index, id, reason } => format!(
                "Edit #{} ({}) is invalid: {}. Nothing was imported.",
                index + 1,
                id.as_deref().unwrap_or("no id"),
                reason.message(Lang::En)
            ),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for ImportError {}

/// Reads an edits file. All or nothing: any error means no op is returned, so a bad file never half-merges.
pub fn import_file(
    text: &str,
    expected_plan_id: &str,
    max_bytes: usize,
) -> Result<ExportFile, ImportError> {
    if text.len() > max_bytes {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: max_bytes,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        cut_short: e.classify() == serde_json::error::Category::Eof,
    })?;
    let Value::Object(obj) = value else {
        return Err(ImportError::NotEditsFile);
    };
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotEditsFile);
    }
    match obj.get("schema") {
        Some(Value::Number(n))
            if n.as_u64()
                .is_some_and(|v| (1..=u64::from(SCHEMA)).contains(&v)) => {}
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > u64::from(SCHEMA)) => {
            return Err(ImportError::NewerSchema {
                found: n.as_u64().unwrap_or_default(),
                supported: SCHEMA,
            });
        }
        other => {
            return Err(ImportError::UnknownSchema {
                found: other.map(Value::to_string),
            });
        }
    }
    let plan_id = match obj.get("plan_id") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(ImportError::NotEditsFile),
    };
    if plan_id != expected_plan_id {
        return Err(ImportError::OtherPlan {
            found: plan_id,
            expected: expected_plan_id.into(),
        });
    }
    let exported_at = obj
        .get("exported_at")
        .and_then(Value::as_i64)
        .ok_or(ImportError::NotEditsFile)?;
    let (Some(Value::Array(raw_ops)), Some(Value::String(checksum))) =
        (obj.get("ops"), obj.get("checksum"))
    else {
        return Err(ImportError::NotEditsFile);
    };
    // Read every op into its typed form first: the checksum is over their content (see `checksum_of`).
    let mut ops = Vec::with_capacity(raw_ops.len());
    for (index, raw) in raw_ops.iter().enumerate() {
        let op = Op::deserialize(raw).map_err(|_| ImportError::InvalidOp {
            index,
            id: raw.get("id").and_then(Value::as_str).map(str::to_string),
            reason: unreadable_reason(raw),
        })?;
        ops.push(op);
    }
    if checksum_of(&ops) != *checksum {
        return Err(ImportError::ChecksumMismatch);
    }
    let mut seen = HashSet::new();
    for (index, op) in ops.iter().enumerate() {
        let invalid = |reason| ImportError::InvalidOp {
            index,
            id: Some(op.id.clone()),
            reason,
        };
        op.validate().map_err(invalid)?;
        if !seen.insert(op.id.as_str()) {
            return Err(invalid(OpProblem::DuplicateId));
        }
    }
    Ok(ExportFile {
        format: FORMAT.into(),
        schema: SCHEMA,
        plan_id,
        exported_at,
        ops,
        checksum: checksum.clone(),
    })
}

/// Why serde could not read an op, in our words: a `type` this version does not know, or else a missing or
/// mistyped part.
fn unreadable_reason(raw: &Value) -> OpProblem {
    let kind = raw
        .get("kind")
        .and_then(|k| k.get("type"))
        .and_then(Value::as_str);
    match kind {
        Some(tag) if !super::wire::KIND_TAGS.contains(&tag) => OpProblem::UnknownKind,
        _ => OpProblem::Unreadable,
    }
}
