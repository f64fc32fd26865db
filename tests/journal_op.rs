//! The stored/exported shape of an op and the checks serde cannot make. The JSON shape is part of the v1 file
//! and storage formats: if this test has to change, a schema version has to change too.

use lanbai_planner::journal::op::task_of_target;
use lanbai_planner::journal::{Op, OpKind, Region, Status};

fn op(kind: OpKind) -> Op {
    Op {
        id: "a-1".into(),
        at: 1,
        hlc: None,
        kind,
        cause: None,
        unit: None,
        by: None,
    }
}

#[test]
fn json_shape_is_stable() {
    let o = Op {
        id: "w-1".into(),
        at: 5,
        hlc: None,
        kind: OpKind::SetActual {
            target: "t6.k1".into(),
            region: Region::Place("兰州".into()),
            as_of: "2020-06-30".into(),
            value: 40.0,
        },
        cause: None,
        unit: None,
        by: None,
    };
    let json = serde_json::to_string(&o).unwrap_or_default();
    assert_eq!(
        json,
        r#"{"id":"w-1","at":5,"kind":{"type":"set_actual","target":"t6.k1","region":{"place":"兰州"},"as_of":"2020-06-30","value":40.0}}"#
    );
    let back: Result<Op, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(o));
}

#[test]
fn validation_catches_what_serde_lets_through() {
    assert!(
        op(OpKind::SetProgress {
            task: "t1".into(),
            unit: None,
            period: None,
            percent: 100
        })
        .validate()
        .is_ok()
    );
    assert!(
        op(OpKind::SetProgress {
            task: "t1".into(),
            unit: None,
            period: None,
            percent: 101
        })
        .validate()
        .is_err()
    );
    assert!(
        op(OpKind::SetDeadline {
            task: "t1".into(),
            date: Some("2020-02-30".into())
        })
        .validate()
        .is_err()
    );
    let nan = OpKind::SetActual {
        target: "t6.k1".into(),
        region: Region::Total,
        as_of: "2020-01-01".into(),
        value: f64::NAN,
    };
    assert!(op(nan).validate().is_err());
    assert!(
        op(OpKind::SetStatus {
            task: String::new(),
            unit: None,
            period: None,
            status: Status::Done
        })
        .validate()
        .is_err()
    );
}

#[test]
fn fields_pair_add_and_delete_of_one_note() {
    let add = OpKind::AddNote {
        task: "t1".into(),
        note_id: "n".into(),
        date: "2020-01-01".into(),
        author: None,
        text: "x".into(),
    };
    let del = OpKind::DeleteNote {
        task: "t1".into(),
        note_id: "n".into(),
    };
    assert_eq!(add.field(), del.field());
    assert_eq!(task_of_target("t6.k1"), "t6");
}
