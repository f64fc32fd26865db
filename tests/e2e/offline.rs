//! Offline review on a laptop: the service worker keeps the app running with the server gone, a new
//! deployment is announced instead of mixed in, the one-file edition runs from file://, and the 任务分工表
//! prints (to PDF) and downloads (CSV, HTML, a unit's duty list) as the meeting needs it.

use crate::browser::{Browser, TempDir, dist_dir};
use crate::edits::set_value;
use crate::server::StaticServer;
use fantoccini::wd::{PrintConfiguration, PrintOrientation};
use std::path::Path;
use std::time::Duration;

async fn input_value(b: &Browser, css: &str) -> String {
    b.eval(&format!("return document.querySelector({css:?}).value"))
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Polls a script until it returns `true`.
pub async fn wait_until(b: &Browser, script: &str, what: &str) {
    for _ in 0..300 {
        if b.eval(script).await == serde_json::Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

pub async fn wait_controlled(b: &Browser) {
    wait_until(
        b,
        "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
        "the service worker to control the page",
    )
    .await;
}

async fn wait_saved(b: &Browser) {
    wait_until(
        b,
        "return Object.keys(localStorage).some(k => k.startsWith('lanbai:') && k.includes(':journal:'))",
        "the edits to reach localStorage",
    )
    .await;
}

/// Task 6: both lead units' reports in progress at 40 % (written by the zone office, which may write
/// them), and saved.
async fn record_task_6(b: &Browser) {
    b.wait_for_text("h1", "任务 6").await;
    let unit = b
        .eval("return document.querySelector('.unit-picker select').value")
        .await;
    if unit.as_str() != Some(crate::OFFICE) {
        b.act_as(crate::OFFICE).await;
        b.wait_for_text("h1", "任务 6").await;
    }
    for unit in ["兰州市", "白银市"] {
        set_value(b, "#report-for", unit).await;
        b.wait_for_text("#report-who", unit).await;
        set_value(b, "#task-status", "InProgress").await;
        set_value(b, "#task-progress", "40").await;
    }
    set_value(b, "#report-for", "兰州市").await;
    wait_saved(b).await;
}

async fn cache_names(b: &Browser) -> Vec<String> {
    serde_json::from_value(b.eval("return caches.keys()").await).unwrap_or_default()
}

#[tokio::test]
async fn after_one_visit_the_app_runs_with_the_server_gone_under_a_sub_path() {
    let server = StaticServer::start(&dist_dir(), "/planner/");
    let b = Browser::start("offline").await;
    // 我的单位 is chosen from a page of the origin that runs no app, so the app loads only once: a
    // reload here would leave kept-alive connections that outlive the server's stop.
    b.goto(&server.url("manifest.webmanifest")).await;
    b.eval(&format!(
        "localStorage.setItem('lanbai:settings', JSON.stringify({{schema: 1, unit: {:?}}}))",
        crate::OFFICE
    ))
    .await;
    b.goto(&server.url("#/task/6")).await;
    record_task_6(&b).await;
    wait_controlled(&b).await;
    let scope = b
        .eval("return navigator.serviceWorker.getRegistration().then(r => r.scope)")
        .await;
    assert_eq!(
        scope.as_str(),
        Some(server.url("").as_str()),
        "scope is the app's directory"
    );

    server.stop();
    assert!(
        b.eval("return fetch('./no-such-file?' + Date.now(), {cache: 'no-store'}).then(() => false, () => true)")
            .await
            == serde_json::Value::Bool(true),
        "the server is really gone"
    );
    b.client.refresh().await.expect("reload offline");
    b.wait_for_text("h1", "任务 6").await;
    assert_eq!(input_value(&b, "#task-status").await, "InProgress");
    assert_eq!(input_value(&b, "#task-progress").await, "40");
    let source = b
        .eval("return fetch('./gansu-2020-shuangqu-yaodian-part1.txt').then(r => r.text())")
        .await;
    assert!(
        source.as_str().is_some_and(|t| t.contains("双区建设")),
        "the source text is kept offline too"
    );
    b.click("a[href='#/matrix']").await;
    b.wait_for_text("h1", "任务分工矩阵").await;
    b.click("a[href='#/print']").await;
    b.wait_for_text(".report-table", "40%").await;
    assert!(
        b.texts("#update-notice").await.is_empty(),
        "same version: no update notice"
    );
    b.close().await;
}

/// Copies the files of `from` into `to` (dist/ is flat).
fn copy_site(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dist").flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy a built file");
        }
    }
}

#[tokio::test]
async fn a_new_deployment_is_announced_and_loaded_only_on_request() {
    let site = TempDir::new("deploy");
    copy_site(&dist_dir(), &site.0);
    let server = StaticServer::start(&site.0, "/");
    let b = Browser::start("update").await;
    b.goto(&server.url("#/")).await;
    wait_controlled(&b).await;
    let first = cache_names(&b).await;
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(
        b.texts("#update-notice").await.is_empty(),
        "no notice on a first visit"
    );

    // Deploy a second build at the same address: the worker's build id changes.
    let sw = site.0.join("sw.js");
    let text = std::fs::read_to_string(&sw).expect("sw.js");
    let marker = text
        .lines()
        .find(|l| l.starts_with("const BUILD_ID = \""))
        .expect("the build id line of sw.js")
        .to_string();
    std::fs::write(
        &sw,
        text.replace(&marker, "const BUILD_ID = \"second-deployment\";"),
    )
    .expect("write sw.js");

    b.client.refresh().await.expect("reload");
    b.wait_for_text("#update-notice", "有新版本可用").await;
    b.click("#update-reload").await;
    wait_until(
        &b,
        "return caches.keys().then(k => k.length === 1 && k[0] === 'lanbai-planner-second-deployment')",
        "the new version's cache to replace the old one",
    )
    .await;
    b.wait_for_text("h1", "甘肃省出台2020年双区建设工作要点")
        .await;
    wait_until(
        &b,
        "return !document.querySelector('#update-notice')",
        "the notice to go after reloading",
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn the_one_file_edition_runs_from_file_and_keeps_edits() {
    let file = dist_dir().join("lanbai-planner.html");
    assert!(
        file.is_file(),
        "trunk build --release writes dist/lanbai-planner.html"
    );
    let url = |hash: &str| format!("file://{}{hash}", file.display());
    let b = Browser::start("onefile").await;
    b.goto(&url("#/task/6")).await;
    record_task_6(&b).await;
    assert!(b.text("#file-notice").await.contains("本地文件"));
    b.client.refresh().await.expect("reload");
    b.wait_for_text("h1", "任务 6").await;
    assert_eq!(input_value(&b, "#task-progress").await, "40");
    for (hash, heading) in [
        ("#/units", "责任单位"),
        ("#/matrix", "任务分工矩阵"),
        ("#/print", "甘肃省出台2020年双区建设工作要点"),
        ("#/task/6", "任务 6"),
    ] {
        b.goto(&url(hash)).await;
        b.wait_for_text("h1", heading).await;
    }
    assert_eq!(input_value(&b, "#task-status").await, "InProgress");
    assert_eq!(
        b.eval("return navigator.serviceWorker ? navigator.serviceWorker.controller : null")
            .await,
        serde_json::Value::Null,
        "no service worker from file://"
    );
    b.close().await;
}

/// Text of a PDF, whitespace removed (table cells wrap anywhere).
fn pdf_text(pdf: &[u8]) -> String {
    let dir = TempDir::new("pdf");
    let path = dir.0.join("report.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (scripts/setup.sh --browser installs poppler-utils)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[tokio::test]
async fn the_print_view_prints_every_task_with_its_units() {
    let server = StaticServer::start(&dist_dir(), "/");
    let b = Browser::start("print").await;
    b.goto(&server.url("#/task/6")).await;
    record_task_6(&b).await;
    b.goto(&server.url("#/print")).await;
    b.wait_for_text(".report-table", "40%").await;
    let rows = b.texts(".report-table tbody tr:not(.report-group)").await;
    assert_eq!(rows.len(), 10, "{rows:?}");
    let config = PrintConfiguration::builder()
        .orientation(PrintOrientation::Landscape)
        .build()
        .expect("print settings");
    let pdf = b.client.print(config).await.expect("print to PDF");
    assert!(pdf.starts_with(b"%PDF"));
    // Kept for a look at the layout (ignored by git).
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    if std::fs::create_dir_all(&artifacts).is_ok() {
        let _ = std::fs::write(artifacts.join("print-report.pdf"), &pdf);
    }
    let text = pdf_text(&pdf);
    for needle in [
        "任务分工表",
        "序号",
        "牵头单位",
        "实施单位",
        "配合单位",
        "进展",
        "推进中",
        "40%",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the PDF: {text}"
        );
    }
    assert!(!text.contains("下载CSV"), "controls do not print");
    let plan = lanbai_planner::plan::seed::gansu();
    assert_eq!(plan.tasks.len(), 10);
    for task in &plan.tasks {
        for (_, unit) in task.roles.iter() {
            let name: String = unit.name.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                text.contains(&name),
                "task {}: {name} missing from the PDF",
                task.number
            );
        }
    }
    b.close().await;
}

#[tokio::test]
async fn the_table_and_a_units_duty_list_download_as_csv_and_html() {
    let server = StaticServer::start(&dist_dir(), "/");
    let b = Browser::start("reportcsv").await;
    b.goto(&server.url("#/task/6")).await;
    record_task_6(&b).await;
    b.goto(&server.url("#/print")).await;
    b.click("#print-csv").await;
    let (path, bytes) = b.downloaded(".csv").await;
    assert!(
        path.to_string_lossy().contains("任务分工表"),
        "{}",
        path.display()
    );
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{FEFF}序号,任务,牵头单位,实施单位,配合单位,目标,进展,状态"
    );
    assert_eq!(
        lines.len(),
        1 + 3 + 10,
        "header, three groups, ten tasks: {lines:?}"
    );
    let t6 = lines.iter().find(|l| l.starts_with("6,")).expect("task 6");
    assert!(
        t6.contains("兰州市、白银市") && t6.contains(",40%,") && t6.contains("推进中"),
        "{t6}"
    );
    std::fs::remove_file(&path).expect("clear the downloads");

    b.click("#print-html").await;
    let (_, html) = b.downloaded(".html").await;
    let html = String::from_utf8(html).expect("UTF-8");
    assert!(
        html.contains("<table") && html.contains("兰州市、白银市") && !html.contains("<script")
    );

    b.goto(&server.url("#/unit/%E5%85%B0%E5%B7%9E%E5%B8%82"))
        .await;
    b.wait_for_text("h1", "兰州市").await;
    b.click("#unit-csv").await;
    let (path, bytes) = b.downloaded(".csv").await;
    assert!(
        path.to_string_lossy().contains("兰州市-责任清单"),
        "{}",
        path.display()
    );
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(
        text.starts_with("\u{FEFF}本单位职责,序号,任务,牵头单位"),
        "{}: {text}",
        path.display()
    );
    assert!(text.contains("\r\n牵头单位,6,"), "{text}");
    b.close().await;
}
