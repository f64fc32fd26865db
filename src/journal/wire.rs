//! How `OpKind` and `Cause` are read from JSON. Their stored form is tagged by a `type` field; serde's derive
//! reads such enums by first buffering each object into a generic `Content` tree and then reading the
//! variant from it, which is slow (a 10,000-edit journal is parsed at every start) and pulls some 40 KB of
//! buffering code into the wasm. Here the object is read once into a flat struct of optional fields, and the
//! variant is built from it. The JSON accepted is the same as the derive's: unknown fields are ignored, a
//! missing field is an error naming it, and `date` may be null on `set_deadline`.

use serde::Deserialize;

use super::cycle::{TaskReason, Verdict};
use super::op::{Cause, OpKind, Region, Status, TextPart};
use super::period::Cadence;

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindTag {
    SetStatus,
    SetProgress,
    SetReport,
    SetCadence,
    SetDeadline,
    AddNote,
    DeleteNote,
    SetActual,
    ClearActual,
    Submit,
    Review,
    RequestExtension,
    DecideExtension,
}

/// The `type` of each `KindTag`, as written in files (to tell "unknown kind" from "malformed" in messages).
pub(super) const KIND_TAGS: [&str; 13] = [
    "set_status",
    "set_progress",
    "set_report",
    "set_cadence",
    "set_deadline",
    "add_note",
    "delete_note",
    "set_actual",
    "clear_actual",
    "submit",
    "review",
    "request_extension",
    "decide_extension",
];

/// Every field any `OpKind` variant has, all optional.
#[derive(Deserialize)]
pub(super) struct OpKindWire {
    #[serde(rename = "type")]
    kind: KindTag,
    task: Option<String>,
    status: Option<Status>,
    percent: Option<u8>,
    date: Option<String>,
    note_id: Option<String>,
    author: Option<String>,
    text: Option<String>,
    target: Option<String>,
    region: Option<Region>,
    as_of: Option<String>,
    value: Option<f64>,
    unit: Option<String>,
    period: Option<String>,
    part: Option<TextPart>,
    cadence: Option<Cadence>,
    due_day: Option<u8>,
    submission: Option<String>,
    phone: Option<String>,
    approver: Option<String>,
    ops: Option<Vec<String>>,
    verdict: Option<Verdict>,
    reason: Option<String>,
    tasks: Option<Vec<TaskReason>>,
    request: Option<String>,
    approve: Option<bool>,
}

fn need<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

impl TryFrom<OpKindWire> for OpKind {
    type Error = String;

    fn try_from(w: OpKindWire) -> Result<OpKind, String> {
        Ok(match w.kind {
            KindTag::SetStatus => OpKind::SetStatus {
                task: need(w.task, "task")?,
                unit: w.unit,
                period: w.period,
                status: need(w.status, "status")?,
            },
            KindTag::SetProgress => OpKind::SetProgress {
                task: need(w.task, "task")?,
                unit: w.unit,
                period: w.period,
                percent: need(w.percent, "percent")?,
            },
            KindTag::SetReport => OpKind::SetReport {
                task: need(w.task, "task")?,
                unit: need(w.unit, "unit")?,
                period: need(w.period, "period")?,
                part: need(w.part, "part")?,
                text: need(w.text, "text")?,
            },
            KindTag::SetCadence => OpKind::SetCadence {
                cadence: need(w.cadence, "cadence")?,
                due_day: need(w.due_day, "due_day")?,
            },
            KindTag::SetDeadline => OpKind::SetDeadline {
                task: need(w.task, "task")?,
                date: w.date,
            },
            KindTag::AddNote => OpKind::AddNote {
                task: need(w.task, "task")?,
                note_id: need(w.note_id, "note_id")?,
                date: need(w.date, "date")?,
                author: w.author,
                text: need(w.text, "text")?,
            },
            KindTag::DeleteNote => OpKind::DeleteNote {
                task: need(w.task, "task")?,
                note_id: need(w.note_id, "note_id")?,
            },
            KindTag::SetActual => OpKind::SetActual {
                target: need(w.target, "target")?,
                region: need(w.region, "region")?,
                as_of: need(w.as_of, "as_of")?,
                value: need(w.value, "value")?,
            },
            KindTag::ClearActual => OpKind::ClearActual {
                target: need(w.target, "target")?,
                region: need(w.region, "region")?,
                as_of: need(w.as_of, "as_of")?,
            },
            KindTag::Submit => OpKind::Submit {
                submission: need(w.submission, "submission")?,
                unit: need(w.unit, "unit")?,
                period: need(w.period, "period")?,
                phone: w.phone.unwrap_or_default(),
                approver: w.approver.unwrap_or_default(),
                ops: w.ops.unwrap_or_default(),
            },
            KindTag::Review => OpKind::Review {
                submission: need(w.submission, "submission")?,
                unit: need(w.unit, "unit")?,
                period: need(w.period, "period")?,
                verdict: need(w.verdict, "verdict")?,
                reason: w.reason.unwrap_or_default(),
                tasks: w.tasks.unwrap_or_default(),
            },
            KindTag::RequestExtension => OpKind::RequestExtension {
                request: need(w.request, "request")?,
                task: need(w.task, "task")?,
                date: need(w.date, "date")?,
                reason: w.reason.unwrap_or_default(),
            },
            KindTag::DecideExtension => OpKind::DecideExtension {
                request: need(w.request, "request")?,
                task: need(w.task, "task")?,
                approve: need(w.approve, "approve")?,
                reason: w.reason.unwrap_or_default(),
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum CauseTag {
    Undo,
    Redo,
}

#[derive(Deserialize)]
pub(super) struct CauseWire {
    #[serde(rename = "type")]
    kind: CauseTag,
    op: String,
}

impl From<CauseWire> for Cause {
    fn from(w: CauseWire) -> Cause {
        match w.kind {
            CauseTag::Undo => Cause::Undo(w.op),
            CauseTag::Redo => Cause::Redo(w.op),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::op::Op;
    use super::*;

    /// Every variant, as the derive writes it, reads back equal.
    #[test]
    fn every_variant_round_trips() {
        let kinds = [
            OpKind::SetStatus {
                task: "t1".into(),
                unit: None,
                period: None,
                status: Status::OnHold,
            },
            OpKind::SetStatus {
                task: "t1".into(),
                unit: Some("白银市".into()),
                period: Some("2020-05".into()),
                status: Status::InProgress,
            },
            OpKind::SetProgress {
                task: "t1".into(),
                unit: None,
                period: None,
                percent: 40,
            },
            OpKind::SetProgress {
                task: "t1".into(),
                unit: Some("兰州市".into()),
                period: Some("2020-Q2".into()),
                percent: 90,
            },
            OpKind::SetReport {
                task: "t6".into(),
                unit: "兰州市".into(),
                period: "2020-05".into(),
                part: TextPart::NextSteps,
                text: "下月完成验收".into(),
            },
            OpKind::SetCadence {
                cadence: Cadence::Quarterly,
                due_day: 20,
            },
            OpKind::SetDeadline {
                task: "t1".into(),
                date: Some("2020-06-30".into()),
            },
            OpKind::SetDeadline {
                task: "t1".into(),
                date: None,
            },
            OpKind::AddNote {
                task: "t2".into(),
                note_id: "n1".into(),
                date: "2020-03-01".into(),
                author: Some("张三".into()),
                text: "已召开推进会".into(),
            },
            OpKind::AddNote {
                task: "t2".into(),
                note_id: "n2".into(),
                date: "2020-03-02".into(),
                author: None,
                text: "x".into(),
            },
            OpKind::DeleteNote {
                task: "t2".into(),
                note_id: "n1".into(),
            },
            OpKind::SetActual {
                target: "t6.k1".into(),
                region: Region::Place("兰州".into()),
                as_of: "2020-05-31".into(),
                value: 30.5,
            },
            OpKind::ClearActual {
                target: "t6.k1".into(),
                region: Region::Total,
                as_of: "2020-05-31".into(),
            },
            OpKind::Submit {
                submission: "w-9".into(),
                unit: "白银市".into(),
                period: "2020-04".into(),
                phone: "0943-1234567".into(),
                approver: "王五".into(),
                ops: vec!["w-1".into(), "w-2".into()],
            },
            OpKind::Review {
                submission: "w-9".into(),
                unit: "白银市".into(),
                period: "2020-04".into(),
                verdict: Verdict::Returned,
                reason: "请补充数据".into(),
                tasks: vec![TaskReason {
                    task: "t6".into(),
                    reason: "缺少白银数据".into(),
                }],
            },
            OpKind::RequestExtension {
                request: "w-10".into(),
                task: "t6".into(),
                date: "2020-09-30".into(),
                reason: "受疫情影响".into(),
            },
            OpKind::DecideExtension {
                request: "w-10".into(),
                task: "t6".into(),
                approve: true,
                reason: String::new(),
            },
        ];
        for (i, kind) in kinds.into_iter().enumerate() {
            for cause in [
                None,
                Some(Cause::Undo("w-1".into())),
                Some(Cause::Redo("w-2".into())),
            ] {
                let op = Op {
                    id: format!("w-{i}"),
                    at: 1_600_000_000_000,
                    hlc: (i % 2 == 1).then_some(crate::journal::clock::Hlc {
                        ms: 1_600_000_000_000,
                        n: i as u32,
                    }),
                    kind: kind.clone(),
                    cause,
                    unit: (i % 2 == 0).then(|| "白银市".into()),
                    by: (i % 3 == 0).then(|| "张三".into()),
                };
                let json = serde_json::to_string(&op).expect("serialise");
                let back: Op = serde_json::from_str(&json).expect("read back");
                assert_eq!(back, op, "{json}");
            }
        }
    }

    #[test]
    fn fields_in_any_order_and_unknown_fields_are_read() {
        let json = r#"{"at":5,"kind":{"status":"done","extra":1,"task":"t3","type":"set_status"},"id":"w-1",
            "cause":{"op":"w-0","type":"undo"}}"#;
        let op: Op = serde_json::from_str(json).expect("read");
        assert_eq!(
            op.kind,
            OpKind::SetStatus {
                task: "t3".into(),
                unit: None,
                period: None,
                status: Status::Done
            }
        );
        assert_eq!(op.cause, Some(Cause::Undo("w-0".into())));
    }

    #[test]
    fn a_missing_field_or_an_unknown_type_is_an_error_that_says_which() {
        let missing = serde_json::from_str::<OpKind>(r#"{"type":"set_progress","task":"t1"}"#);
        assert!(missing.is_err_and(|e| e.to_string().contains("percent")));
        let unknown = serde_json::from_str::<OpKind>(r#"{"type":"set_colour","task":"t1"}"#);
        assert!(unknown.is_err_and(|e| e.to_string().contains("set_colour")));
        let wrong =
            serde_json::from_str::<OpKind>(r#"{"type":"set_progress","task":"t1","percent":300}"#);
        assert!(wrong.is_err(), "percent is a u8");
        let no_type = serde_json::from_str::<OpKind>(r#"{"task":"t1","percent":3}"#);
        assert!(no_type.is_err_and(|e| e.to_string().contains("type")));
    }
}
