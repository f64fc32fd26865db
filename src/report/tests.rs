use super::html::{escape, report_html};
use super::*;
use crate::journal::{Light, Op, OpKind, Status, fold, fold_at};
use crate::plan::seed::gansu;

fn op(id: &str, at: i64, kind: OpKind) -> Op {
    Op {
        id: id.into(),
        at,
        hlc: None,
        kind,
        cause: None,
        unit: None,
        by: None,
    }
}

/// Task 6 in progress at 40% with a note and Lanzhou/Baiyin actuals for new products.
fn edited() -> (Plan, ViewState) {
    let plan = gansu();
    let ops = vec![
        op(
            "w-1",
            1,
            OpKind::SetStatus {
                task: "t6".into(),
                unit: None,
                period: None,
                status: Status::InProgress,
            },
        ),
        op(
            "w-2",
            2,
            OpKind::SetProgress {
                task: "t6".into(),
                unit: None,
                period: None,
                percent: 40,
            },
        ),
        op(
            "w-3",
            3,
            OpKind::AddNote {
                task: "t6".into(),
                note_id: "n1".into(),
                date: "2020-05-31".into(),
                author: None,
                text: "已完成新产品摸底, \"第一批\"".into(),
            },
        ),
        op(
            "w-4",
            4,
            OpKind::SetActual {
                target: "t6.k1".into(),
                region: Region::Place("兰州".into()),
                as_of: "2020-05-31".into(),
                value: 30.0,
            },
        ),
        op(
            "w-5",
            5,
            OpKind::SetActual {
                target: "t6.k1".into(),
                region: Region::Place("白银".into()),
                as_of: "2020-05-31".into(),
                value: 8.0,
            },
        ),
        op(
            "w-6",
            6,
            OpKind::SetActual {
                target: "t6.k3".into(),
                region: Region::Place("白银".into()),
                as_of: "2020-05-31".into(),
                value: 15.0,
            },
        ),
    ];
    // The ops are dated 1970, so they read as January's reports (schema 1: the period of their time).
    let view = fold_at(&plan, &ops, "2020-01-31");
    (plan, view)
}

#[test]
fn every_task_is_one_row_in_its_group_in_plan_order() {
    let (plan, view) = edited();
    let report = build(&plan, &view, "2020-06-30", Lang::Zh);
    assert_eq!(report.groups.len(), 3);
    assert!(report.groups[0].heading.starts_with("(一)"));
    let numbers: Vec<u32> = report
        .groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| r.number))
        .collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    assert_eq!(report.review_date, "2020-06-30");
    assert!(
        report
            .coverage
            .as_deref()
            .is_some_and(|c| c.contains("第2期")),
        "{:?}",
        report.coverage
    );
}

#[test]
fn a_row_carries_units_targets_progress_and_status_in_words() {
    let (plan, view) = edited();
    let report = build(&plan, &view, "2020-06-30", Lang::Zh);
    let t6 = report
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.number == 6)
        .expect("task 6");
    assert_eq!(t6.lead, "兰州市、白银市");
    assert_eq!(
        t6.implementing,
        "兰州新区、兰州高新区、白银高新区、兰州经开区"
    );
    assert!(
        t6.targets.contains("新产品100个以上（兰州80、白银20）"),
        "{}",
        t6.targets
    );
    assert!(
        t6.targets.contains("实际38（兰州30、白银8）"),
        "{}",
        t6.targets
    );
    // Only 白银 has reported 高新技术企业: no total, each place against its share, the silent one named.
    assert!(
        t6.targets
            .contains("高新技术企业100家以上（兰州80、白银20），兰州未填报、白银15/20（75%）"),
        "{}",
        t6.targets
    );
    assert_eq!(t6.progress, "40%；2020-05-31 已完成新产品摸底, \"第一批\"");
    assert!(t6.status.starts_with("推进中 · "), "{}", t6.status);
    assert_eq!(t6.pace, Light::Ahead);
    let t1 = &report.groups[0].rows[0];
    assert_eq!(
        (t1.progress.as_str(), t1.status.as_str()),
        ("0%", "未开始 · 未填报")
    );
    assert_eq!(t1.pace, Light::NotReported);
}

#[test]
fn english_changes_the_words_around_the_plan_text_only() {
    let (plan, view) = edited();
    let report = build(&plan, &view, "2020-06-30", Lang::En);
    let t1 = &report.groups[0].rows[0];
    assert_eq!(t1.status, "Not started · Not reported");
    assert_eq!(
        t1.lead,
        build(&plan, &view, "2020-06-30", Lang::Zh).groups[0].rows[0].lead
    );
    assert_eq!(columns(Lang::En)[0], "No.");
}

#[test]
fn csv_has_bom_header_group_lines_and_quoted_cells() {
    let (plan, view) = edited();
    let report = build(&plan, &view, "2020-06-30", Lang::Zh);
    let csv = report_csv(&report, Lang::Zh);
    assert!(csv.starts_with("\u{FEFF}序号,任务,牵头单位,实施单位,配合单位,目标,进展,状态\r\n"));
    assert!(csv.ends_with("\r\n"));
    // header + 3 group lines + 10 tasks; the note's comma and quotes are quoted, not split.
    let t6 = csv
        .split("\r\n")
        .find(|l| l.starts_with("6,"))
        .expect("row of task 6");
    assert!(
        t6.contains("\"40%；2020-05-31 已完成新产品摸底, \"\"第一批\"\"\""),
        "{t6}"
    );
    assert!(
        csv.contains("\r\n\"(一)加强顶层设计,"),
        "group headings with commas are quoted"
    );
}

#[test]
fn unit_duty_csv_lists_only_that_units_tasks_with_its_role() {
    let (plan, view) = edited();
    let csv = unit_duties_csv(&plan, &view, "兰州市", Lang::Zh).expect("兰州市");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert!(lines[0].starts_with("\u{FEFF}本单位职责,序号,任务,"));
    let t6 = lines.iter().find(|l| l.contains(",6,")).expect("task 6");
    assert!(t6.starts_with("牵头单位,6,"), "{t6}");
    assert!(lines.len() > 2, "{lines:?}");
    assert!(unit_duties_csv(&plan, &view, "no such unit", Lang::Zh).is_none());
}

#[test]
fn html_escapes_every_text_and_allows_no_script() {
    assert_eq!(
        escape("<a href=\"x\">&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
    );
    assert_eq!(escape("兰州市"), "兰州市");
    let mut plan = gansu();
    plan.meta.title = "<script>alert(1)</script>".into();
    let view = fold(&plan, &[]);
    let html = report_html(&build(&plan, &view, "2020-06-30", Lang::Zh), Lang::Zh);
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("default-src 'none'"));
    let hostile = op(
        "w-9",
        9,
        OpKind::AddNote {
            task: "t2".into(),
            note_id: "n9".into(),
            date: "2020-05-01".into(),
            author: None,
            text: "<img src=x onerror=alert(1)>".into(),
        },
    );
    let view = fold(&plan, &[hostile]);
    let body = html::report_body_html(&build(&plan, &view, "2020-06-30", Lang::Zh), Lang::Zh);
    assert!(!body.contains("<img"), "{body}");
    assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("size:A4 landscape"));
    assert_eq!(html.matches("<tr class=\"report-group\">").count(), 3);
    assert_eq!(html.matches("<td class=\"num\">").count(), 10);
}

#[test]
fn file_names_lose_characters_windows_forbids() {
    assert_eq!(
        file_name("兰州市/白银市:责任清单", "2020-06-30", "csv"),
        "兰州市_白银市_责任清单-2020-06-30.csv"
    );
}

/// Issue 15, item 5: a task printed as 已完成 while its progress or targets say otherwise carries "待核对".
#[test]
fn a_done_task_the_figures_contradict_is_marked_to_check() {
    let (plan, _) = edited();
    let ops = vec![
        op(
            "d-1",
            1,
            OpKind::SetStatus {
                task: "t1".into(),
                unit: None,
                period: None,
                status: Status::Done,
            },
        ),
        op(
            "d-2",
            2,
            OpKind::SetProgress {
                task: "t1".into(),
                unit: None,
                period: None,
                percent: 90,
            },
        ),
    ];
    let view = fold_at(&plan, &ops, "2020-01-31");
    let report = build(&plan, &view, "2020-06-30", Lang::Zh);
    let t1 = &report.groups[0].rows[0];
    assert!(t1.status.starts_with("已完成"), "{}", t1.status);
    assert!(t1.status.contains("待核对：进度为 90%"), "{}", t1.status);
}
