//! Screenshots of the pages the unit reports touch, wide and 400 px, for a person to look at (not a check):
//! `LANBAI_SHOTS=/tmp/shots cargo test --features e2e --test e2e screens -- --ignored`.

use crate::browser::Browser;
use crate::edits::{report_actual, set_value, wait_saved};
use crate::server::StaticServer;
use crate::{OFFICE, open};

async fn shoot(b: &Browser, dir: &std::path::Path, name: &str) {
    for (width, tag) in [(1280, "wide"), (400, "narrow")] {
        b.client.set_window_size(width, 1000).await.expect("resize");
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let height = b
            .eval("return document.documentElement.scrollHeight")
            .await
            .as_u64()
            .unwrap_or(1000);
        b.client
            .set_window_size(width, height.min(6000) as u32 + 100)
            .await
            .expect("resize");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let png = b.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}-{tag}.png")), png).expect("write png");
    }
}

/// Only the part of the page that changed, wide and narrow.
async fn shoot_part(b: &Browser, dir: &std::path::Path, name: &str, css: &str) {
    for (width, tag) in [(1280, "wide"), (400, "narrow")] {
        b.client.set_window_size(width, 1000).await.expect("resize");
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let el = b
            .client
            .find(fantoccini::Locator::Css(css))
            .await
            .expect("element");
        let png = el.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}-{tag}.png")), png).expect("write png");
    }
}

async fn as_unit(
    server: &StaticServer,
    b: &Browser,
    unit: &str,
    status: &str,
    percent: &str,
    place: &str,
    figure: &str,
) {
    b.goto(&server.url("#/")).await;
    b.act_as(unit).await;
    b.goto(&server.url("#/task/6")).await;
    set_value(b, "#task-status", status).await;
    if status == "Done" {
        b.text("#done-confirm").await;
        b.eval("document.querySelector('#done-anyway').click()")
            .await;
    }
    set_value(b, "#task-progress", percent).await;
    set_value(
        b,
        "#report-progress",
        &format!("{place}本月新认定高新技术企业{figure}家，正在组织第二批申报。"),
    )
    .await;
    set_value(b, "#report-problems", "部分企业研发投入归集不规范。").await;
    report_actual(b, "t6.k3", place, figure, "2020-12-10").await;
    wait_saved(b).await;
}

#[tokio::test]
#[ignore]
async fn screens() {
    let Some(dir) = std::env::var_os("LANBAI_SHOTS").map(std::path::PathBuf::from) else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("shots dir");
    let (server, b) = open("screens").await;
    b.goto(&server.url("#/task/6")).await;
    set_value(&b, "#task-status", "InProgress").await;
    b.text("#unit-prompt").await;
    shoot(&b, &dir, "prompt").await;
    b.click(".unit-prompt .link-button").await;
    as_unit(&server, &b, "白银市", "InProgress", "60", "白银", "15").await;
    as_unit(&server, &b, "兰州市", "Done", "90", "兰州", "70").await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text(".unit-reports", "白银市").await;
    shoot_part(&b, &dir, "task6-lanzhou-reports", "section.reports").await;
    shoot_part(&b, &dir, "task6-lanzhou-form", ".report-form").await;
    shoot_part(&b, &dir, "task6-lanzhou-k3", "#actuals-t6\\.k3").await;
    b.act_as(OFFICE).await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text(".unit-reports", "白银市").await;
    shoot_part(&b, &dir, "task6-office-form", ".report-form").await;
    b.goto(&server.url("#/unit/白银市")).await;
    b.text(".own-report").await;
    shoot(&b, &dir, "unit-baiyin").await;
    b.goto(&server.url("#/")).await;
    b.text("#light-counts").await;
    shoot_part(&b, &dir, "overview-behind", "#behind").await;
    b.goto(&server.url("#/history")).await;
    shoot(&b, &dir, "history").await;
    b.close().await;
}

/// The import preview with one unit moved and one removed:
/// `LANBAI_SHOTS=/tmp/shots cargo test --features e2e --test e2e import_screens -- --ignored`.
#[tokio::test]
#[ignore]
async fn import_screens() {
    let Some(dir) = std::env::var_os("LANBAI_SHOTS").map(std::path::PathBuf::from) else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("shots dir");
    let (server, b) = open("shots-import").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    crate::import::paste(&b, crate::import_fix::TEXT).await;
    b.wait_for_text("#preview-tasks", "2").await;
    shoot_part(&b, &dir, "import-preview", ".preview-group").await;
    crate::import_fix::choose_role(&b, "“市政务服务局”在任务 1 中的职责", "lead").await;
    crate::import_fix::choose_role(&b, "“全市上下”在任务 2 中的职责", "remove").await;
    b.wait_for_text(".preview-removed", "全市上下").await;
    shoot_part(&b, &dir, "import-preview-fixed", ".preview-group").await;
    crate::import::paste(&b, crate::import_fix::FOUR_WAYS).await;
    b.wait_for_text("#preview-tasks", "4").await;
    shoot_part(&b, &dir, "import-preview-bases", ".import-preview").await;
    b.close().await;
}
