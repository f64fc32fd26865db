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
    // Task 9 at 40 %: on track at the end of April (33 % of the year), behind at the year end.
    b.goto(&server.url("#/task/9")).await;
    set_value(&b, "#task-progress", "40").await;
    b.goto(&server.url("#/")).await;
    set_value(&b, "#review-date", "2020-04-30").await;
    b.wait_for_text("#behind", "没有滞后的任务").await;
    set_value(&b, "#review-date", "2020-12-31").await;
    let behind = b.wait_for_text("#behind", "任务 9").await;
    assert!(behind.contains("9 项任务尚未填报进展"), "{behind}");
    // The choice is a setting: it survives a reload.
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#behind", "任务 9").await;
    assert_eq!(
        b.eval("return document.querySelector('#review-date').value")
            .await,
        "2020-12-31"
    );
    b.close().await;
}
