//! Correcting the importer in the preview (issue 14): a task whose document names no lead says 牵头单位
//! 未注明; a unit can be moved to another role or removed before saving, and the saved plan is the
//! corrected one.

use crate::import::paste;
use crate::open;

/// Task 1 lists 责任单位 only (no lead is known); task 2 has a phrase the reader knows is not a unit.
pub const TEXT: &str = "某市2021年营商环境工作要点\n一、重点任务\n\
    1.深化“放管服”改革。\n责任单位：市政务服务局、市发改委\n\
    2.推进审批制度改革。\n牵头单位：市住建局\n配合单位：市自然资源局、全市上下。\n";

pub async fn choose_role(b: &crate::browser::Browser, label: &str, value: &str) {
    let changed = b
        .eval(&format!(
            "const s = [...document.querySelectorAll('.unit-role')]
                 .find(s => s.getAttribute('aria-label') === {label:?});
             if (!s) return false;
             s.value = {value:?};
             s.dispatchEvent(new Event('change', {{ bubbles: true }}));
             return true;"
        ))
        .await;
    assert_eq!(changed, true, "a role list labelled {label}");
}

#[tokio::test]
async fn units_moved_or_removed_in_the_preview_are_saved_so() {
    let (server, b) = open("import-fix").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    paste(&b, TEXT).await;
    b.wait_for_text("#preview-tasks", "2").await;
    let first = b.text(".preview-task").await;
    assert!(first.contains("未注明"), "no lead is stated: {first}");

    choose_role(&b, "“市政务服务局”在任务 1 中的职责", "lead").await;
    b.wait_for_text(".preview-task .unit-changed", "市政务服务局")
        .await;
    assert!(
        !b.text(".preview-task").await.contains("未注明"),
        "task 1 now has a lead"
    );
    choose_role(&b, "“全市上下”在任务 2 中的职责", "remove").await;
    b.wait_for_text(".preview-removed", "全市上下").await;
    // A removal can be taken back, and made again.
    b.click(".unit-restore").await;
    b.wait_for_text(".preview-task .role-cooperating", "全市上下")
        .await;
    assert!(b.texts(".preview-removed").await.is_empty());
    choose_role(&b, "“全市上下”在任务 2 中的职责", "remove").await;
    b.wait_for_text(".preview-removed", "全市上下").await;

    b.click("#import-save").await;
    b.wait_for_text("h1", "某市2021年营商环境工作要点").await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text("h1", "任务 1").await;
    assert_eq!(b.texts(".role-lead .unit-list li").await, ["市政务服务局"]);
    assert_eq!(
        b.texts(".role-implementing .unit-list li").await,
        ["市发改委"]
    );
    b.goto(&server.url("#/task/2")).await;
    b.wait_for_text("h1", "任务 2").await;
    assert_eq!(
        b.texts(".role-cooperating .unit-list li").await,
        ["市自然资源局"]
    );
    // The removed phrase is nowhere in the saved plan's unit list.
    b.goto(&server.url("#/units")).await;
    b.wait_for_text("h1", "责任单位").await;
    assert!(!b.text("main").await.contains("全市上下"));
    b.close().await;
}

#[tokio::test]
async fn a_task_page_says_when_its_document_names_no_lead() {
    let (server, b) = open("import-no-lead").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    paste(&b, TEXT).await;
    b.wait_for_text("#preview-tasks", "2").await;
    b.click("#import-save").await;
    b.wait_for_text("h1", "某市2021年营商环境工作要点").await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text("h1", "任务 1").await;
    assert_eq!(b.text(".role-lead dd").await, "未注明");
    b.goto(&server.url("#/task/2")).await;
    b.wait_for_text("h1", "任务 2").await;
    assert_eq!(b.texts(".role-lead .unit-list li").await, ["市住建局"]);
    b.close().await;
}
