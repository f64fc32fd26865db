//! Charts as a reviewer meets them: Chinese labels on #/targets, figures entered on task 6 drawn after a
//! reload, the table view holding the same numbers, and a valid SVG download.

use crate::{open, open_as};
use std::path::Path;

/// Keeps a screenshot of the page as a test artifact (tests/artifacts/, ignored by git) for a person to look at.
async fn keep_screenshot(b: &crate::browser::Browser, name: &str) {
    let png = b.client.screenshot().await.expect("screenshot");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(name), png);
}

#[tokio::test]
async fn targets_page_draws_chinese_labelled_charts_and_says_no_figures_yet() {
    let (server, b) = open("charts-empty").await;
    b.goto(&server.url("#/targets")).await;
    b.wait_for_text("h1", "目标完成情况").await;
    let svgs = b
        .eval("return document.querySelectorAll('.chart-svg svg').length")
        .await;
    assert!(
        svgs.as_u64().unwrap_or(0) >= 1 + 6 + 6,
        "overview + 6 indicators + 6 progress charts: {svgs}"
    );
    let text = b
        .eval("return document.querySelector('.chart-svg svg').textContent")
        .await;
    let text = text.as_str().unwrap_or_default();
    assert!(
        text.contains("新产品") && text.contains("兰州") && text.contains("白银"),
        "{text}"
    );
    assert!(
        text.contains("尚未"),
        "the empty state is said in the chart: {text}"
    );
    keep_screenshot(&b, "targets-empty.png").await;
    b.close().await;
}

#[tokio::test]
async fn actuals_entered_on_task_6_are_drawn_after_a_reload_and_match_the_table() {
    let (server, b) = open_as("charts-actuals", crate::OFFICE).await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    for (target, region, value, as_of) in [
        ("t6.k1", "兰州", "30", "2020-03-31"),
        ("t6.k1", "兰州", "52", "2020-06-30"),
        ("t6.k1", "白银", "9", "2020-06-30"),
        ("t6.k3", "兰州", "41", "2020-06-30"),
        ("t6.k3", "白银", "12", "2020-06-30"),
    ] {
        crate::edits::report_actual(&b, target, region, value, as_of).await;
    }
    b.wait_for_text("#actuals-t6\\.k3", "12（2020-06-30）")
        .await;
    crate::edits::wait_saved(&b).await;
    b.goto(&server.url("#/targets")).await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("h1", "目标完成情况").await;
    // The per-indicator chart of 新产品 shows the latest 兰州 figure and the attainment of 61 of 100.
    let first = b
        .eval("return document.querySelectorAll('.chart-grid .chart-svg svg')[0].textContent")
        .await;
    let first = first.as_str().unwrap_or_default().to_string();
    assert!(first.contains("52") && first.contains("9"), "{first}");
    // The table view of the same chart holds the same numbers.
    b.eval("document.querySelectorAll('.chart-grid .chart-table-toggle')[0].click()")
        .await;
    let table = b.wait_for_text(".chart-grid .chart-table", "52").await;
    assert!(
        table.contains("兰州") && table.contains("白银") && table.contains('9'),
        "{table}"
    );
    // The progress-over-time chart of 新产品 has both 兰州 points.
    let progress = b
        .eval("return [...document.querySelectorAll('.chart-block .chart-svg svg')][0].textContent")
        .await;
    let progress = progress.as_str().unwrap_or_default().to_string();
    assert!(
        progress.contains("30") && progress.contains("52"),
        "{progress}"
    );
    keep_screenshot(&b, "targets-with-actuals.png").await;
    b.close().await;
}

#[tokio::test]
async fn the_svg_download_is_a_valid_svg_file() {
    let (server, b) = open("charts-svg").await;
    b.goto(&server.url("#/targets")).await;
    b.wait_for_text("h1", "目标完成情况").await;
    b.click(".chart-svg-download").await;
    let (path, bytes) = b.downloaded(".svg").await;
    let text = String::from_utf8(bytes).expect("UTF-8");
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", path.display()));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(text.contains("新产品"));
    b.close().await;
}

#[tokio::test]
async fn the_png_download_is_a_png_image() {
    let (server, b) = open("charts-png").await;
    b.goto(&server.url("#/targets")).await;
    b.wait_for_text("h1", "目标完成情况").await;
    b.click(".chart-png-download").await;
    let (_, bytes) = b.downloaded(".png").await;
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert!(
        bytes.len() > 2_000,
        "a drawn chart, not an empty canvas: {} bytes",
        bytes.len()
    );
    b.close().await;
}
