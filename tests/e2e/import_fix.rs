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

/// One task per way a role is decided: a label, verbs, a bare list (a guess), 责任单位 alone (no lead).
pub const FOUR_WAYS: &str = "某市2021年工作要点\n一、重点任务\n\
    1.推进改革。(牵头单位:市发改委;配合单位:市财政局)\n\
    2.优化服务。(市政务局牵头,各区政府配合)\n\
    3.加强监管。(市市场监管局、市商务局)\n\
    4.完善制度。\n责任单位：市司法局、市人社局\n";

/// Issue 15 item 13: a preview that read every line still says how each role was decided, and counts the
/// units whose role nothing states among the things to check — it never claims a certainty it lacks.
#[tokio::test]
async fn the_preview_says_how_each_role_was_decided_and_counts_the_guesses() {
    let (server, b) = open("import-basis").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    paste(&b, FOUR_WAYS).await;
    b.wait_for_text("#preview-tasks", "4").await;
    assert!(b.text("#preview-flagged").await.starts_with('0'));
    assert!(
        b.text("#preview-guesses").await.starts_with('2'),
        "the bare list's two units are guesses"
    );
    assert!(b.text("#preview-no-lead").await.starts_with('2'));
    let summary = b.text("#preview-diagnostics-summary").await;
    assert!(
        summary.contains("2 个单位的职责原文未写明") && !summary.contains("每一行都已读懂"),
        "{summary}"
    );
    let legend = b.text(".preview-basis-legend").await;
    assert!(
        legend.contains("标注") && legend.contains("推测"),
        "the words are explained on the page: {legend}"
    );
    let tasks = b.texts(".preview-task").await;
    assert!(
        tasks[0].contains("市发改委") && tasks[0].contains("标注"),
        "{}",
        tasks[0]
    );
    assert!(
        tasks[1].contains("措辞") && !tasks[1].contains("推测"),
        "{}",
        tasks[1]
    );
    assert_eq!(
        b.texts(".preview-task .unit-guess .unit-name").await,
        ["市市场监管局", "市商务局"]
    );
    assert!(
        tasks[3].contains("未注明") && !tasks[3].contains("推测"),
        "{}",
        tasks[3]
    );

    // A checked role is no longer a guess on screen: the person's choice is the basis now.
    choose_role(
        &b,
        "“市市场监管局”在任务 3 中的职责（推测，请核对）",
        "lead",
    )
    .await;
    b.wait_for_text(".preview-task .unit-changed .unit-basis", "已更正")
        .await;
    assert_eq!(
        b.texts(".preview-task .unit-guess .unit-name").await,
        ["市商务局"]
    );
    b.close().await;
}
