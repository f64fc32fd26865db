//! End-to-end tests: the release build in `dist/`, served from 127.0.0.1 like any static host, driven in
//! headless Chromium as a person would use it. Run by `scripts/test.sh` (feature `e2e`).

mod attack_cases;
mod attack_files;
mod attack_texts;
mod attacks;
mod browser;
mod charts;
mod clock;
mod cycle;
mod dav;
mod edits;
mod figures;
mod frictions;
mod hardening_import;
mod hardening_storage;
mod hardening_ui;
mod import;
mod import_fix;
mod office;
mod offline;
mod prerender;
mod screens;
mod server;
mod settings;
mod sync;
mod unit_reports;

use browser::{Browser, dist_dir};
use server::StaticServer;

async fn open(tag: &str) -> (StaticServer, Browser) {
    let server = StaticServer::start(&dist_dir(), "/");
    let browser = Browser::start(tag).await;
    (server, browser)
}

/// The zone office, the shipped plan's coordinating unit: it may write every report and figure.
pub const OFFICE: &str = "兰白国家自主创新示范区办公室";

/// [`open`], with 我的单位 already chosen in the profile (as a person who has reported before), so a test
/// about something else is not stopped by the one-time "which unit?" prompt.
async fn open_as(tag: &str, unit: &str) -> (StaticServer, Browser) {
    let (server, b) = open(tag).await;
    b.goto(&server.url("#/")).await;
    b.act_as(unit).await;
    (server, b)
}

/// A fresh profile opened at `url` (any server) with 我的单位 already chosen.
async fn open_as_at(tag: &str, url: &str, unit: &str) -> Browser {
    let b = Browser::start(tag).await;
    b.goto(url).await;
    b.act_as(unit).await;
    b
}

#[tokio::test]
async fn task_6_shows_its_units_by_role_and_targets_with_the_city_split() {
    let (server, b) = open("task6").await;
    b.goto(&server.url("#/task/6")).await;
    assert_eq!(b.text("h1").await, "任务 6");
    let lead = b.texts(".role-lead .unit-link").await;
    assert_eq!(lead, ["兰州市", "白银市"]);
    let implementing = b.texts(".role-implementing .unit-link").await;
    assert_eq!(
        implementing,
        ["兰州新区", "兰州高新区", "白银高新区", "兰州经开区"]
    );
    let cooperating = b.texts(".role-cooperating .unit-link").await;
    assert_eq!(cooperating, ["自创区、试验区领导小组相关成员单位"]);
    let rows = b.texts("table.targets tbody tr").await;
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert!(
        rows[0].contains("新产品") && rows[0].contains("100个以上"),
        "{}",
        rows[0]
    );
    assert!(
        rows[0].contains("80") && rows[0].contains("20"),
        "{}",
        rows[0]
    );
    assert!(rows[5].contains("100亿元以上"), "{}", rows[5]);
    b.close().await;
}

#[tokio::test]
async fn a_unit_link_opens_that_units_duty_list() {
    let (server, b) = open("unitlink").await;
    b.goto(&server.url("#/task/8")).await;
    b.click(".role-cooperating .unit-link").await;
    assert_eq!(b.text("h1").await, "省委组织部");
    assert!(b.hash().await.starts_with("#/unit/"));
    let cooperating = b.texts(".duty-cooperating .task-link .task-no").await;
    assert_eq!(cooperating, ["8"]);
    b.close().await;
}

#[tokio::test]
async fn a_search_with_many_results_shows_thirty_then_more_on_request() {
    use lanbai_planner::plan::query::{Filters, search};
    use lanbai_planner::synthetic::{self, Spec};
    let text = synthetic::text(&synthetic::plan(Spec::new(200, 2020)));
    let parsed = lanbai_planner::parse::parse(&text).plan;
    let expected = search(&parsed, "完成", &Filters::default()).tasks.len();
    assert!(
        expected > 60,
        "the plan needs more than two pages of hits: {expected}"
    );

    let (server, b) = open("search-more").await;
    b.goto(&server.url("#/import")).await;
    import::paste(&b, &text).await;
    b.wait_for_text("#preview-tasks", "200").await;
    b.click("#import-save").await;
    b.wait_for_text("h1", &parsed.meta.title).await;
    b.goto(&server.url("#/search?q=%E5%AE%8C%E6%88%90")).await;
    b.wait_for_text(".result-count", &format!("{expected} 项任务"))
        .await;
    assert_eq!(b.texts("#task-results > li").await.len(), 30);
    let more = b.text("#more-results").await;
    assert!(
        more.contains(&format!("{} 项未显示", expected - 30)),
        "{more}"
    );
    b.click("#more-results").await;
    b.wait_for_text("#more-results", &format!("{} 项未显示", expected - 60))
        .await;
    assert_eq!(b.texts("#task-results > li").await.len(), 60);
    b.close().await;
}

#[tokio::test]
async fn typing_a_search_finds_tasks_5_8_and_10_and_the_url_keeps_it() {
    let (server, b) = open("search").await;
    b.goto(&server.url("#/")).await;
    let input = b
        .client
        .wait()
        .for_element(fantoccini::Locator::Css("#search-box"))
        .await
        .expect("search box");
    input.send_keys("知识产权").await.expect("type");
    b.wait_for_text(".result-count", "3").await;
    let found = b.texts("#task-results > li > a").await;
    assert_eq!(found, ["任务 5", "任务 8", "任务 10"]);
    assert!(
        !b.texts("#task-results mark").await.is_empty(),
        "matches are highlighted"
    );
    let hash = b.hash().await;
    assert!(hash.starts_with("#/search?q="), "{hash}");
    // The same URL opened afresh shows the same results.
    b.client.refresh().await.expect("reload");
    b.wait_for_text(".result-count", "3").await;
    assert_eq!(
        b.texts("#task-results > li > a").await,
        ["任务 5", "任务 8", "任务 10"]
    );
    b.close().await;
}

#[tokio::test]
async fn search_filters_live_in_the_url() {
    let (server, b) = open("filters").await;
    b.goto(&server.url("#/search?q=&unit=%E7%9C%81%E7%A7%91%E6%8A%80%E5%8E%85&role=cooperating"))
        .await;
    b.wait_for_text(".result-count", "2").await;
    assert_eq!(
        b.texts("#task-results > li > a").await,
        ["任务 5", "任务 10"]
    );
    b.close().await;
}

#[tokio::test]
async fn every_route_renders_and_survives_a_reload() {
    let (server, b) = open("routes").await;
    let pages = [
        ("#/", "甘肃省出台2020年双区建设工作要点"),
        ("#/group/2", "培育创新主体"),
        ("#/task/3", "任务 3"),
        ("#/units", "责任单位"),
        ("#/unit/%E5%85%B0%E5%B7%9E%E5%B8%82", "兰州市"),
        ("#/matrix?sort=load", "任务分工矩阵"),
        ("#/search?q=%E5%B9%B3%E5%8F%B0", "搜索"),
    ];
    for (hash, heading) in pages {
        b.goto(&server.url(hash)).await;
        b.wait_for_text("h1", heading).await;
        b.client.refresh().await.expect("reload");
        b.wait_for_text("h1", heading).await;
    }
    b.goto(&server.url("#/task/99")).await;
    b.wait_for_text("h1", "没有这个页面").await;
    b.close().await;
}

#[tokio::test]
async fn the_overview_says_the_text_is_installment_1_of_2() {
    let (server, b) = open("overview").await;
    b.goto(&server.url("#/")).await;
    let notice = b.text(".notice").await;
    assert!(
        notice.contains("第1期") && notice.contains("任务 11"),
        "{notice}"
    );
    b.close().await;
}

#[tokio::test]
async fn english_toggle_switches_the_interface_and_persists() {
    let (server, b) = open("lang").await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text(".role-lead dt", "牵头单位").await;
    b.click(".lang-toggle").await;
    b.wait_for_text(".role-lead dt", "Lead").await;
    assert_eq!(b.eval("return document.documentElement.lang").await, "en");
    // The plan text itself stays Chinese.
    assert!(b.text(".task-text").await.contains("六个一百"));
    b.client.refresh().await.expect("reload");
    b.wait_for_text(".role-lead dt", "Lead").await;
    b.close().await;
}

#[tokio::test]
async fn the_matrix_csv_downloads_with_a_bom_and_chinese_text() {
    let (server, b) = open("csv").await;
    b.goto(&server.url("#/matrix")).await;
    b.click("#matrix-csv").await;
    let (path, bytes) = b.downloaded(".csv").await;
    assert!(
        path.to_string_lossy().contains("分工矩阵"),
        "{}",
        path.display()
    );
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(
        text.contains("兰白国家自主创新示范区办公室,,牵,牵,"),
        "{text}"
    );
    assert_eq!(text.trim_end().lines().count(), 22, "header + 21 units");
    b.close().await;
}

#[tokio::test]
async fn slash_focuses_search_and_ctrl_z_undoes_outside_fields() {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    use fantoccini::key::Key;
    let (server, b) = open_as("keys", crate::OFFICE).await;
    b.goto(&server.url("#/task/7")).await;
    b.wait_for_text("h1", "任务 7").await;
    b.eval(
        "const el = document.querySelector('#task-progress'); el.value = '70';
         el.dispatchEvent(new Event('change', {bubbles: true})); el.blur();",
    )
    .await;
    b.wait_for_text(".history", "70%").await;
    let ctrl_z = KeyActions::new("keys".into())
        .then(KeyAction::Down {
            value: Key::Control.into(),
        })
        .then(KeyAction::Down { value: 'z' })
        .then(KeyAction::Up { value: 'z' })
        .then(KeyAction::Up {
            value: Key::Control.into(),
        });
    b.client.perform_actions(ctrl_z).await.expect("Ctrl+Z");
    b.wait_for_text(".history", "撤销").await;
    assert_eq!(
        b.eval("return document.querySelector('#task-progress').value")
            .await,
        "0"
    );
    let slash = KeyActions::new("slash".into())
        .then(KeyAction::Down { value: '/' })
        .then(KeyAction::Up { value: '/' });
    b.client.perform_actions(slash).await.expect("/");
    // The box is focused in the next animation frame (on a narrow window the menu that holds it unfolds
    // first), so the test waits for the focus instead of reading it at once.
    let mut focused = serde_json::Value::Null;
    for _ in 0..200 {
        focused = b.eval("return document.activeElement.id").await;
        if focused == "search-box" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(focused, "search-box");
    b.close().await;
}
