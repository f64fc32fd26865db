//! Issue 17, the interface items: a field being typed in is never overwritten by another tab's save (item 7),
//! and a 10,000-task plan text is previewed in pages while the page stays usable (item 2).

use crate::browser::{Browser, copy_of_site, dist_dir};
use crate::import::paste;
use crate::server::StaticServer;
use crate::{open, open_as};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use lanbai_planner::synthetic::{self, Spec, SplitMix};

/// Tasks on one page of the import preview (src/ui/import_preview.rs `PAGE`).
const PAGE: usize = 50;

/// Types `keys` into whatever has focus, as a person at the keyboard would (no blur, no change event).
async fn type_keys(b: &Browser, keys: &str) {
    let mut actions = KeyActions::new("typing".into());
    for key in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    b.client.perform_actions(actions).await.expect("type");
}

async fn value_of(b: &Browser, css: &str) -> serde_json::Value {
    b.eval(&format!("return document.querySelector({css:?}).value"))
        .await
}

/// Task 6 open twice: this page has typed "7" into the progress field (not committed) when the other copy
/// saves 40 % for the same task. The other copy is the app in a frame of this page: a second browsing
/// context on the same storage, so its save reaches this page as a `storage` event exactly as another tab's
/// does; a real second tab would take the keyboard focus from this one in the test browser, a frame does not.
async fn typing_while_another_tab_saves_40(b: &Browser, server: &StaticServer) {
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    b.eval("const el = document.querySelector('#task-progress'); el.focus(); el.select();")
        .await;
    type_keys(b, "7").await;
    assert_eq!(value_of(b, "#task-progress").await, "7");
    b.eval(
        "const f = document.createElement('iframe'); f.id = 'other-tab'; f.src = location.href;
         document.body.appendChild(f);",
    )
    .await;
    crate::offline::wait_until(
        b,
        "return !!document.getElementById('other-tab').contentDocument?.querySelector('#task-progress')",
        "the other copy of the app to open task 6",
    )
    .await;
    b.eval(
        "const el = document.getElementById('other-tab').contentDocument.querySelector('#task-progress');
         el.value = '40';
         el.dispatchEvent(new Event('input', {bubbles: true}));
         el.dispatchEvent(new Event('change', {bubbles: true}));",
    )
    .await;
    // This page has merged the other copy's save (its history shows it) …
    b.wait_for_text(".history", "40%").await;
    // … and kept what is being typed, saying beside the field that the other copy changed it.
    assert_eq!(
        value_of(b, "#task-progress").await,
        "7",
        "the typed value stays"
    );
    let notice = b.wait_for_text(".field-elsewhere", "40%").await;
    assert!(notice.contains("另一个标签页"), "{notice}");
}

#[tokio::test]
async fn another_tabs_save_does_not_replace_what_is_being_typed() {
    let (server, b) = open_as("guarded-field", crate::OFFICE).await;
    typing_while_another_tab_saves_40(&b, &server).await;
    assert_eq!(
        b.eval("return document.activeElement.id").await,
        "task-progress"
    );
    type_keys(&b, "5").await;
    assert_eq!(value_of(&b, "#task-progress").await, "75");
    // Leaving the field commits what was typed; it is the latest edit, so it wins.
    b.eval("document.querySelector('#task-progress').blur()")
        .await;
    b.wait_for_text(".history", "75%").await;
    assert!(b.texts(".field-elsewhere").await.is_empty());
    b.client.refresh().await.expect("reload");
    b.wait_for_text(".history", "75%").await;
    assert_eq!(value_of(&b, "#task-progress").await, "75");
    b.close().await;
}

#[tokio::test]
async fn the_value_saved_elsewhere_can_be_taken_instead() {
    let (server, b) = open_as("guarded-take", crate::OFFICE).await;
    typing_while_another_tab_saves_40(&b, &server).await;
    b.click(".take-theirs").await;
    assert_eq!(value_of(&b, "#task-progress").await, "40");
    assert!(b.texts(".field-elsewhere").await.is_empty());
    b.eval("document.querySelector('#task-progress').blur()")
        .await;
    // Nothing of the typed "7" was recorded.
    let history = b.text(".history").await;
    assert!(!history.contains("7%"), "{history}");
    b.close().await;
}

/// `Browser::wait_for_text` with room for a 10,000-task parse on a busy machine (up to two minutes): it
/// waits for what a person would see, it does not time it (benches/browser.rs does).
async fn wait_long(b: &Browser, css: &str, needle: &str) -> String {
    b.wait_for_text_polling(css, needle, 2400).await
}

#[tokio::test]
async fn a_10000_task_plan_is_previewed_a_page_at_a_time_and_saved_whole() {
    let plan = synthetic::plan(Spec::new(10_000, 2020));
    let text = synthetic::text(&plan);
    let title = lanbai_planner::parse::parse(&text).plan.meta.title;
    let (server, b) = open("import-10000").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    paste(&b, &text).await;

    wait_long(&b, "#preview-tasks", "10000").await;
    assert_eq!(
        b.texts(".preview-task").await.len(),
        PAGE,
        "one page of tasks"
    );
    let pager = b.text("#preview-task-pager .pager-label").await;
    assert_eq!(pager, "第 1–50 项，共 10000 项");
    b.click("#preview-task-pager .pager-next").await;
    b.wait_for_text("#preview-task-pager .pager-label", "第 51–100 项")
        .await;
    assert_eq!(
        b.eval("return document.querySelector('.preview-task').value")
            .await,
        51
    );
    assert_eq!(b.texts(".preview-task").await.len(), PAGE);

    // The page is usable: the language switches, the pager follows, the pasted text is all still there.
    b.click(".lang-toggle").await;
    b.wait_for_text("#preview-task-pager .pager-label", "51–100 of 10000 tasks")
        .await;
    b.click(".lang-toggle").await;
    b.wait_for_text("#preview-task-pager .pager-label", "第 51–100 项")
        .await;
    assert_eq!(
        b.eval("return document.querySelector('#import-text').value.length")
            .await,
        text.encode_utf16().count()
    );

    assert!(
        b.texts(".import-unavailable").await.is_empty(),
        "parsed in the worker"
    );

    b.click("#import-save").await;
    wait_long(&b, "h1", &title).await;
    let stored = b
        .eval(
            "const key = Object.keys(localStorage).find(k => k.startsWith('lanbai:plan:'));
             return JSON.parse(localStorage.getItem(key)).plan.tasks.length",
        )
        .await;
    assert_eq!(stored, 10_000, "every task is saved");
    b.close().await;
}

#[tokio::test]
async fn thousands_of_unreadable_lines_are_flagged_a_page_at_a_time() {
    // Lines the importer cannot place, after one task so that the text is a plan with something to flag.
    let mut rng = SplitMix::new(2);
    let words = [
        "会议纪要",
        "请各单位",
        "<b>注意</b>",
        "附件",
        "联系人：张三",
    ];
    let mut text =
        String::from("某市2021年工作要点\n一、重点任务\n1.推进一项工作。（牵头单位：市科技局）\n");
    for k in 0..3_000 {
        text.push_str(&format!("{}{k}\n", rng.pick(&words)));
    }
    let (server, b) = open("import-noise").await;
    b.goto(&server.url("#/import")).await;
    paste(&b, &text).await;
    let summary = wait_long(&b, "#preview-diagnostics-summary", "行未能完全读懂").await;
    let flagged: usize = summary
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count of flagged lines: {summary}"));
    assert!(flagged > PAGE, "{summary}");
    assert_eq!(b.texts(".source-line.flagged").await.len(), PAGE);
    let pager = b.text("#preview-line-pager .pager-label").await;
    assert_eq!(pager, format!("第 1–50 处，共 {flagged} 处"));
    b.click("#preview-line-pager .pager-next").await;
    b.wait_for_text("#preview-line-pager .pager-label", "第 51–100 处")
        .await;
    assert_eq!(b.texts(".source-line.flagged").await.len(), PAGE);
    assert!(
        b.text(".source-lines").await.contains("<b>注意</b>"),
        "markup in the source is shown as text"
    );
    b.close().await;
}

/// A 20-task plan text, for the tests that ask only where it was parsed.
fn small_plan() -> String {
    synthetic::text(&synthetic::plan(Spec::new(20, 2021)))
}

/// Pastes a small plan and checks it is previewed, parsed by the worker (no on-page notice).
async fn previewed_by_the_worker(b: &Browser) {
    b.wait_for_text("h1", "导入计划").await;
    paste(b, &small_plan()).await;
    wait_long(b, "#preview-tasks", "20").await;
    assert_eq!(b.texts(".preview-task").await.len(), 20);
    assert!(
        b.texts(".import-unavailable").await.is_empty(),
        "{:?}",
        b.texts(".import-unavailable").await
    );
}

#[tokio::test]
async fn the_import_worker_runs_offline_from_the_service_workers_cache() {
    let server = StaticServer::start(&dist_dir(), "/");
    let b = Browser::start("import-offline").await;
    b.goto(&server.url("#/import")).await;
    crate::offline::wait_controlled(&b).await;
    server.stop();
    b.client.refresh().await.expect("reload offline");
    previewed_by_the_worker(&b).await;
    b.close().await;
}

#[tokio::test]
async fn the_import_worker_runs_in_the_one_file_edition() {
    let file = dist_dir().join("lanbai-planner.html");
    let b = Browser::start("import-onefile").await;
    b.goto(&format!("file://{}#/import", file.display())).await;
    previewed_by_the_worker(&b).await;
    b.close().await;
}

/// The parser lives only in the import worker (issue 16: it is not part of the first load). A page that
/// cannot start the worker says so, keeps the text, and reads it once the worker can be loaded again.
#[tokio::test]
async fn without_a_worker_the_text_is_kept_and_a_retry_reads_it() {
    let site = copy_of_site("import-no-worker", |_| true);
    let index = site.0.join("index.html");
    let html = std::fs::read_to_string(&index).expect("index.html");
    let start = html
        .find("<meta id=\"lanbai-importer\"")
        .expect("index.html names the import worker");
    let end = start + html[start..].find('>').expect("the end of the meta tag") + 1;
    let meta = html[start..end].to_string();
    std::fs::write(&index, format!("{}{}", &html[..start], &html[end..]))
        .expect("write index.html");
    let server = StaticServer::start(&site.0, "/");
    let b = Browser::start("import-no-worker").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    let text = small_plan();
    paste(&b, &text).await;
    b.wait_for_text(".import-unavailable", "未能载入识别程序")
        .await;
    assert!(
        b.texts("#preview-tasks").await.is_empty(),
        "no preview without the reader"
    );
    assert_eq!(
        b.eval("return document.querySelector('#import-text').value.length")
            .await,
        text.encode_utf16().count(),
        "the text is kept"
    );
    // Saving now is refused with a reason: there is no parse to save.
    b.click("#import-save").await;
    b.wait_for_text(".import-unavailable", "未能载入识别程序")
        .await;
    assert!(
        b.text("h1").await.contains("导入计划"),
        "still on the import page"
    );

    // The reader can be found again (the network is back): 重试 reads the kept text.
    b.client
        .execute(
            "document.head.insertAdjacentHTML('beforeend', arguments[0]);",
            vec![serde_json::Value::from(meta)],
        )
        .await
        .expect("put the worker's meta back");
    b.click("#import-retry").await;
    wait_long(&b, "#preview-tasks", "20").await;
    assert!(b.texts(".import-unavailable").await.is_empty());
    b.close().await;
}
