//! Issue 17, items 3, 9, 10 and 11, tried as a person would in Chromium against the release build: hostile
//! and re-saved edits files imported through `#/data`, an op dated 2099 already in storage, an edit made just
//! before the tab dies, and a pointer to a plan that is gone.

use crate::browser::Browser;
use crate::edits::{set_value, wait_saved};
use crate::server::StaticServer;
use crate::{open, open_as};
use lanbai_planner::journal::{Op, OpKind, Region, Status, export};
use lanbai_planner::storage::schema::{CURRENT, Meta, write_chunk, write_meta};

#[path = "../common/mod.rs"]
mod common;
use common::{op, status};

const PLAN: &str = "gansu-2020-shuangqu";
/// 2020-06-30, well before any machine running these tests.
const JUNE: i64 = 1_593_500_000_000;
/// 2099-01-01T00:00:00Z.
const Y2099: i64 = 4_070_908_800_000;

/// Opens the app with `stored` already in its storage, each `(writer, ops)` as that writer's chunk, the way
/// an older build or a hand edit left them; the next page load reads them.
async fn open_with(tag: &str, stored: &[(&str, Vec<Op>)]) -> (StaticServer, Browser) {
    let (server, b) = open(tag).await;
    b.goto(&server.url("#/")).await;
    b.wait_for_text(".outline-home", "概览").await;
    for (writer, ops) in stored {
        store_ops(&b, writer, ops).await;
    }
    (server, b)
}

/// Writes `ops` to this browser's storage as another writer's chunk.
async fn store_ops(b: &Browser, writer: &str, ops: &[Op]) {
    let chunk = write_chunk(writer, 0, ops);
    let meta = write_meta(&Meta {
        schema: CURRENT,
        writer: writer.into(),
        first_chunk: 0,
        chunks: 1,
        ops: ops.len() as u64,
    });
    b.eval(&format!(
        "localStorage.setItem('lanbai:v1:{PLAN}:journal:{writer}:0', {chunk:?});
         localStorage.setItem('lanbai:v1:{PLAN}:meta:{writer}', {meta:?});"
    ))
    .await;
}

fn write_file(b: &Browser, name: &str, text: &str) -> std::path::PathBuf {
    let path = b.downloads.join(name);
    std::fs::write(&path, text).expect("write the file to import");
    path
}

async fn select_value(b: &Browser, css: &str) -> String {
    let v = b
        .eval(&format!("return document.querySelector({css:?}).value"))
        .await;
    v.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_file_with_ops_dated_2099_is_previewed_by_name_and_the_rest_merges() {
    let (server, b) = open_as("future-import", crate::OFFICE).await;
    b.goto(&server.url("#/data")).await;
    let ops = vec![
        op("them-1", Y2099, status("t1", Status::OnHold)),
        op(
            "them-2",
            Y2099 + 1,
            OpKind::SetProgress {
                task: "t3".into(),
                unit: None,
                period: None,
                percent: 99,
            },
        ),
        op("them-3", JUNE, status("t2", Status::Done)),
    ];
    let path = write_file(&b, "future.json", &export(PLAN, JUNE, &ops).to_json());
    b.choose_file("#import-file", &path).await;
    let summary = b.wait_for_text("#import-summary", "新增 1").await;
    assert!(summary.contains("不导入 2"), "{summary}");
    let held = b.text("#import-held").await;
    assert!(held.contains("任务 1 状态 → 暂缓（2099-01-01）"), "{held}");
    assert!(held.contains("任务 3 进度 → 99%（2099-01-01）"), "{held}");
    b.click("#import-apply").await;
    b.wait_for_text("#data-message", "已合并 1").await;
    // The held-back op shows nowhere; the merged one is task 2's report of 未注明单位 (a schema-1 op).
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text("#no-reports", "尚无单位报送").await;
    b.goto(&server.url("#/task/2")).await;
    let reports = b.wait_for_text(".unit-reports", "未注明单位").await;
    assert!(reports.contains("已完成"), "{reports}");
    b.close().await;
}

#[tokio::test]
async fn an_edit_after_a_stored_2099_op_wins_in_the_control_and_after_a_reload() {
    // The office's own report on task 1 (it leads it), stored with a 2099 time by a clock gone wrong.
    let future_report = Op {
        unit: Some(crate::OFFICE.into()),
        ..op(
            "wold-1",
            Y2099,
            OpKind::SetStatus {
                task: "t1".into(),
                unit: Some(crate::OFFICE.into()),
                period: Some("2020-12".into()),
                status: Status::OnHold,
            },
        )
    };
    let (server, b) = open_with("future-stored", &[("wold", vec![future_report])]).await;
    b.act_as(crate::OFFICE).await;
    b.goto(&server.url("#/task/1")).await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text(".editor", "状态").await;
    assert_eq!(select_value(&b, "#task-status").await, "OnHold");
    set_value(&b, "#task-status", "Done").await;
    wait_saved(&b).await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text(".editor", "状态").await;
    assert_eq!(select_value(&b, "#task-status").await, "Done");
    b.close().await;
}

#[tokio::test]
async fn a_stored_time_no_clock_writes_prints_as_a_date_in_the_history() {
    let (server, b) = open_with(
        "far-history",
        &[(
            "wold",
            vec![op("wold-1", i64::MAX, status("t1", Status::OnHold))],
        )],
    )
    .await;
    b.goto(&server.url("#/history")).await;
    b.client.refresh().await.expect("reload");
    let history = b.wait_for_text(".history", "暂缓").await;
    assert!(!history.contains("0000-01-00"), "{history}");
    assert!(!history.contains("NaN"), "{history}");
    b.close().await;
}

#[tokio::test]
async fn a_json_tools_re_save_imports_and_hostile_ops_are_refused_in_chinese() {
    let (server, b) = open("resaved").await;
    b.goto(&server.url("#/data")).await;
    let ops = vec![op(
        "them-1",
        JUNE,
        OpKind::SetActual {
            target: "t6.k1".into(),
            region: Region::Place("兰州".into()),
            as_of: "2020-06-30".into(),
            value: 12.0,
        },
    )];
    let text = export(PLAN, JUNE, &ops).to_json().replace("12.0", "12");
    let path = write_file(&b, "resaved.json", &text);
    b.choose_file("#import-file", &path).await;
    b.wait_for_text("#import-summary", "新增 1").await;

    let missing = text.replace("\"value\": 12", "\"worth\": 12");
    let path = write_file(&b, "missing.json", &missing);
    b.choose_file("#import-file", &path).await;
    let message = b.wait_for_text("#data-message", "第 1 条修改").await;
    let latin = message
        .replace("them-1", "")
        .chars()
        .filter(char::is_ascii_alphabetic)
        .count();
    assert_eq!(latin, 0, "{message}");

    let negative = export(
        PLAN,
        JUNE,
        &[op(
            "them-1",
            JUNE,
            OpKind::SetActual {
                target: "t6.k1".into(),
                region: Region::Total,
                as_of: "2020-06-30".into(),
                value: -40.0,
            },
        )],
    )
    .to_json();
    let path = write_file(&b, "negative.json", &negative);
    b.choose_file("#import-file", &path).await;
    b.wait_for_text("#data-message", "负数").await;
    b.close().await;
}

#[tokio::test]
async fn a_clashing_id_and_ops_for_missing_tasks_are_shown_before_merging() {
    let (server, b) = open_with(
        "clash",
        &[("wold", vec![op("wold-1", JUNE, status("t1", Status::Done))])],
    )
    .await;
    b.goto(&server.url("#/data")).await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#edit-count", "1").await;
    let ops = vec![
        op("wold-1", JUNE, status("t1", Status::Behind)),
        op("them-1", JUNE + 1, status("t99", Status::Done)),
    ];
    let path = write_file(&b, "clash.json", &export(PLAN, JUNE, &ops).to_json());
    b.choose_file("#import-file", &path).await;
    let summary = b.wait_for_text("#import-summary", "不导入 1").await;
    assert!(summary.contains("新增 1"), "{summary}");
    let held = b.text("#import-held").await;
    assert!(held.contains("编号与本机已有的一条修改相同"), "{held}");
    let unseen = b.text("#import-not-in-plan").await;
    assert!(unseen.contains("本计划中没有任务 t99"), "{unseen}");
    b.close().await;
}

#[tokio::test]
async fn the_first_edit_is_in_storage_before_any_timer_could_run() {
    let (server, b) = open_as("save-now", crate::OFFICE).await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text(".editor", "进度").await;
    // Change the field and read storage in one script: no timer can run in between, so only a write made
    // while handling the change can be seen — as after a crash right after the edit.
    let stored = b
        .eval(
            "const el = document.querySelector('#task-progress');
             el.value = '35';
             el.dispatchEvent(new Event('input', {bubbles: true}));
             el.dispatchEvent(new Event('change', {bubbles: true}));
             return Object.keys(localStorage).filter(k => k.includes(':journal:'))
                 .map(k => localStorage.getItem(k)).join('\\n');",
        )
        .await;
    let stored = stored.as_str().unwrap_or_default();
    assert!(stored.contains("\"percent\":35"), "{stored}");
    b.close().await;
}

#[tokio::test]
async fn a_pointer_to_a_plan_that_is_gone_is_set_aside_and_said_in_the_banner() {
    let (_server, b) = open_with("pointer", &[]).await;
    b.eval("localStorage.setItem('lanbai:active-plan', 'gone-plan-2021-abcdef')")
        .await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#plan-banner", "隔离").await;
    let kept = b
        .eval("return Object.keys(localStorage).filter(k => k.startsWith('lanbai:quarantine:')).map(k => localStorage.getItem(k))")
        .await;
    assert_eq!(kept, serde_json::json!(["gone-plan-2021-abcdef"]));
    b.close().await;
}

#[tokio::test]
async fn two_stored_ops_with_one_id_and_different_content_are_said_in_the_banner() {
    let (_server, b) = open_with(
        "stored-clash",
        &[
            ("wold", vec![op("wold-1", JUNE, status("t1", Status::Done))]),
            (
                "wnew",
                vec![op("wold-1", JUNE, status("t1", Status::OnHold))],
            ),
        ],
    )
    .await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#clash-banner", "编号相同但内容不同").await;
    b.close().await;
}
