//! The reader's own settings, as a reviewer uses them: "my unit" in the header, and the review date that the
//! 序时进度 check is measured at.

use crate::edits::set_value;
use crate::open_as;

#[tokio::test]
async fn my_unit_is_one_click_away_and_remembered() {
    let (server, b) = open_as("myunit", crate::OFFICE).await;
    b.goto(&server.url("#/task/2")).await;
    b.wait_for_text("h1", "任务 2").await;
    set_value(&b, ".unit-picker select", "省科技厅").await;
    b.wait_for_text("h1", "省科技厅").await;
    assert!(b.text(".badge").await.contains("我的单位"));
    b.goto(&server.url("#/matrix")).await;
    b.wait_for_text("h1", "任务分工矩阵").await;
    b.client.refresh().await.expect("reload");
    b.click(".my-duties").await;
    b.wait_for_text("h1", "省科技厅").await;
    assert_eq!(b.texts(".duty-cooperating .task-no").await, ["5", "10"]);
    b.close().await;
}

#[tokio::test]
async fn the_review_date_decides_which_tasks_are_behind() {
    let (server, b) = open_as("review", crate::OFFICE).await;
    // April's reports on task 9 at 20 % from both lead units (the office corrects each): on pace on
    // 1 April (25 % of the year elapsed), behind by 30 April (33 %).
    b.goto(&server.url("#/")).await;
    set_value(&b, "#review-date", "2020-04-01").await;
    b.goto(&server.url("#/task/9")).await;
    set_value(&b, "#task-progress", "20").await;
    set_value(&b, "#report-for", "白银市").await;
    b.wait_for_text("#report-who", "白银市").await;
    set_value(&b, "#task-progress", "20").await;
    b.wait_for_text(".unit-reports", "白银市").await;
    b.goto(&server.url("#/")).await;
    let on_pace = b.wait_for_text("#behind", "没有欠进度的任务").await;
    assert!(on_pace.contains("达进度 1"), "{on_pace}");
    set_value(&b, "#review-date", "2020-04-30").await;
    let behind = b.wait_for_text("#behind", "任务 9").await;
    assert!(behind.contains("9 项任务本期未填报"), "{behind}");
    // Silence is not on track: at the year end nobody has reported for December.
    set_value(&b, "#review-date", "2020-12-31").await;
    let december = b.wait_for_text("#behind", "10 项任务本期未填报").await;
    assert!(december.contains("没有欠进度的任务"), "{december}");
    set_value(&b, "#review-date", "2020-04-30").await;
    b.wait_for_text("#behind", "任务 9").await;
    // The choice is a setting: it survives a reload.
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#behind", "任务 9").await;
    assert_eq!(
        b.eval("return document.querySelector('#review-date').value")
            .await,
        "2020-04-30"
    );
    b.close().await;
}
