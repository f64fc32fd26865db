//! Edits that are never lost, tried as a reviewer would: record on task 6, reload, corrupt storage, two
//! tabs, export → reset → import, a hostile note, a full quota.

use crate::browser::Browser;
use crate::open_as;
use fantoccini::Locator;

/// Sets an input's value as typing would and fires `change` (number and date inputs ignore send_keys
/// formats across locales; this is what the browser does when the person leaves the field).
pub async fn set_value(b: &Browser, css: &str, value: &str) {
    b.client
        .wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"));
    let script = format!(
        "const el = document.querySelector({css:?}); el.value = {value:?};
         el.dispatchEvent(new Event('input', {{bubbles: true}}));
         el.dispatchEvent(new Event('change', {{bubbles: true}}));"
    );
    b.eval(&script).await;
}

/// The current value of a form control.
async fn value_of(b: &Browser, css: &str) -> serde_json::Value {
    b.eval(&format!("return document.querySelector({css:?}).value"))
        .await
}

async fn add_note(b: &Browser, text: &str) {
    set_value(b, "#note-text", text).await;
    b.click("#note-add").await;
    b.wait_for_text(".note-list", text).await;
}

/// Reports `value` for the first actual-input of the target row labelled `region` of target `k`.
pub async fn report_actual(b: &Browser, target: &str, region: &str, value: &str, as_of: &str) {
    let base = format!("#actuals-{}", target.replace('.', "\\."));
    set_value(b, &format!("{base} .as-of input"), as_of).await;
    let script = format!(
        "const rows = [...document.querySelectorAll({:?})];
         const row = rows.find(r => r.querySelector('th').textContent.trim() === {region:?});
         const input = row.querySelector('.actual-input');
         input.value = {value:?};
         input.dispatchEvent(new Event('input', {{bubbles: true}}));
         row.querySelector('.record-actual').click();",
        format!("{base} tbody tr")
    );
    b.eval(&script).await;
}

/// Waits until the debounced save has written a journal chunk.
pub async fn wait_saved(b: &Browser) {
    for _ in 0..200 {
        if stored_keys(b).await.iter().any(|k| k.contains(":journal:")) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the edits were never written to localStorage");
}

async fn stored_keys(b: &Browser) -> Vec<String> {
    let v = b
        .eval("return Object.keys(localStorage).filter(k => k.startsWith('lanbai:')).sort()")
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

#[tokio::test]
async fn status_progress_notes_and_city_actuals_survive_a_reload() {
    let (server, b) = open_as("persist", crate::OFFICE).await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    set_value(&b, "#task-status", "InProgress").await;
    set_value(&b, "#task-progress", "40").await;
    add_note(&b, "已完成新产品摸底").await;
    report_actual(&b, "t6.k1", "兰州", "30", "2020-05-31").await;
    report_actual(&b, "t6.k1", "白银", "8", "2020-05-31").await;
    b.wait_for_text("#actuals-t6\\.k1", "30（2020-05-31）")
        .await;
    // Reload after the edits are written (they are flushed on pagehide too).
    b.client.refresh().await.expect("reload");
    b.wait_for_text("h1", "任务 6").await;
    assert_eq!(value_of(&b, "#task-status").await, "InProgress");
    assert_eq!(value_of(&b, "#task-progress").await, "40");
    b.wait_for_text(".note-list", "已完成新产品摸底").await;
    let actuals = b.text("#actuals-t6\\.k1").await;
    assert!(
        actuals.contains("30（2020-05-31）") && actuals.contains("8（2020-05-31）"),
        "{actuals}"
    );
    // 38 of 100 reported: attainment is shown.
    assert!(actuals.contains("38%"), "{actuals}");
    b.close().await;
}

#[tokio::test]
async fn undo_and_redo_restore_the_previous_value() {
    let (server, b) = open_as("undo", crate::OFFICE).await;
    b.goto(&server.url("#/task/2")).await;
    set_value(&b, "#task-progress", "30").await;
    set_value(&b, "#task-progress", "60").await;
    b.click("#undo").await;
    b.wait_for_text(".history", "撤销").await;
    assert_eq!(value_of(&b, "#task-progress").await, "30");
    b.click("#redo").await;
    b.wait_for_text(".history", "重做").await;
    assert_eq!(value_of(&b, "#task-progress").await, "60");
    b.close().await;
}

#[tokio::test]
async fn a_corrupted_stored_value_is_quarantined_and_downloadable() {
    let (server, b) = open_as("corrupt", crate::OFFICE).await;
    b.goto(&server.url("#/task/1")).await;
    add_note(&b, "第一条").await;
    wait_saved(&b).await;
    b.goto(&server.url("#/data")).await;
    b.wait_for_text("#edit-count", "1").await;
    let keys = stored_keys(&b).await;
    let chunk = keys
        .iter()
        .find(|k| k.contains(":journal:"))
        .unwrap_or_else(|| panic!("a journal chunk is stored: {keys:?}"))
        .clone();
    b.eval(&format!(
        "localStorage.setItem({chunk:?}, '{{\"broken\": ')"
    ))
    .await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#quarantine-banner", "隔离").await;
    // The raw text is kept under a quarantine key, not deleted.
    let kept = b
        .eval("return Object.keys(localStorage).filter(k => k.startsWith('lanbai:quarantine:')).map(k => localStorage.getItem(k))")
        .await;
    assert_eq!(kept, serde_json::json!(["{\"broken\": "]));
    b.goto(&server.url("#/data")).await;
    b.click(".download-quarantine").await;
    let (_, bytes) = b.downloaded(".txt").await;
    assert_eq!(bytes, b"{\"broken\": ");
    b.close().await;
}

#[tokio::test]
async fn two_tabs_editing_the_same_task_keep_both_edits() {
    let (server, b) = open_as("tabs", crate::OFFICE).await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    let first = b.client.window().await.expect("window");
    let second = b.client.new_window(true).await.expect("new tab").handle;
    b.client
        .switch_to_window(second.clone())
        .await
        .expect("switch");
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    add_note(&b, "乙的进展").await;
    b.client
        .switch_to_window(first.clone())
        .await
        .expect("switch");
    add_note(&b, "甲的进展").await;
    // The first tab shows the second tab's note without a reload (storage event).
    b.wait_for_text(".note-list", "乙的进展").await;
    b.client.switch_to_window(second).await.expect("switch");
    b.wait_for_text(".note-list", "甲的进展").await;
    b.client.refresh().await.expect("reload");
    let notes = b.wait_for_text(".note-list", "甲的进展").await;
    assert!(notes.contains("乙的进展"), "{notes}");
    b.close().await;
}

#[tokio::test]
async fn export_reset_import_restores_the_same_state() {
    let (server, b) = open_as("roundtrip", crate::OFFICE).await;
    b.goto(&server.url("#/task/6")).await;
    set_value(&b, "#task-progress", "55").await;
    add_note(&b, "导出前的进展").await;
    b.goto(&server.url("#/data")).await;
    b.click("#export-edits").await;
    let (path, bytes) = b.downloaded(".json").await;
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(
        text.contains("\"format\": \"lanbai-planner-edits\""),
        "{text}"
    );
    // Reset: say no to the backup offer, yes to the reset.
    b.eval("let n = 0; window.confirm = () => (n++ > 0);").await;
    b.click("#reset").await;
    b.wait_for_text("#edit-count", "0").await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text(".notes", "尚无进展记录").await;
    b.goto(&server.url("#/data")).await;
    b.choose_file("#import-file", &path).await;
    b.wait_for_text("#import-summary", "新增 2").await;
    b.click("#import-apply").await;
    b.wait_for_text("#data-message", "已合并 2").await;
    // Importing the same file again adds nothing.
    b.choose_file("#import-file", &path).await;
    b.wait_for_text("#import-summary", "新增 0").await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text(".note-list", "导出前的进展").await;
    assert_eq!(value_of(&b, "#task-progress").await, "55");
    b.close().await;
}

#[tokio::test]
async fn a_malformed_import_names_the_problem_and_changes_nothing() {
    let (server, b) = open_as("badimport", crate::OFFICE).await;
    b.goto(&server.url("#/task/3")).await;
    add_note(&b, "保留的进展").await;
    let bad = b.downloads.join("truncated.json");
    std::fs::write(
        &bad,
        "{\"format\": \"lanbai-planner-edits\", \"schema\": 1, \"ops\": [",
    )
    .expect("write");
    b.goto(&server.url("#/data")).await;
    b.choose_file("#import-file", &bad).await;
    let message = b.wait_for_text("#data-message", "JSON").await;
    assert!(
        message.contains("行") || message.contains("line"),
        "{message}"
    );
    assert_eq!(b.text("#edit-count").await, "1");
    b.close().await;
}

#[tokio::test]
async fn a_note_with_markup_stays_text() {
    let (server, b) = open_as("xss", crate::OFFICE).await;
    b.goto(&server.url("#/task/4")).await;
    let hostile = "<img src=x onerror=\"window.__pwned=1\">";
    add_note(&b, hostile).await;
    b.client.refresh().await.expect("reload");
    let shown = b.wait_for_text(".note-list .note-text", "<img").await;
    assert_eq!(shown, hostile);
    assert_eq!(
        b.eval("return document.querySelectorAll('.note-list img').length")
            .await,
        0
    );
    assert_eq!(b.eval("return window.__pwned === undefined").await, true);
    b.close().await;
}

#[tokio::test]
async fn a_full_quota_is_reported_and_the_edit_stays_in_memory() {
    let (server, b) = open_as("quota", crate::OFFICE).await;
    b.goto(&server.url("#/task/5")).await;
    b.wait_for_text("h1", "任务 5").await;
    // Fill localStorage until it refuses.
    b.eval(
        // Down to single characters: a compact one-op chunk fits in the last kilobyte.
        "let i = 0;
         for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
             const value = 'x'.repeat(size);
             try { for (;;) { localStorage.setItem('filler:' + i, value); i++; } } catch (e) {}
         }",
    )
    .await;
    add_note(&b, "空间已满时的进展").await;
    let banner = b.wait_for_text(".banner-error", "存储空间已满").await;
    assert!(banner.contains("导出"), "{banner}");
    assert!(b.text(".data-status").await.contains("未能保存"));
    // The note is still on the page, and an export carries it.
    assert!(b.text(".note-list").await.contains("空间已满时的进展"));
    // The banner sits under the sticky header in this small window; a script click is what scrolling does.
    b.eval("document.querySelector('.banner-error button').click()")
        .await;
    let (_, bytes) = b.downloaded(".json").await;
    assert!(String::from_utf8_lossy(&bytes).contains("空间已满时的进展"));
    // Space freed: the next edit writes both.
    b.eval("Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k))")
        .await;
    set_value(&b, "#task-progress", "20").await;
    b.client
        .wait()
        .for_element(Locator::Css(".data-status:not(.failed)"))
        .await
        .expect("saved again");
    b.client.refresh().await.expect("reload");
    b.wait_for_text(".note-list", "空间已满时的进展").await;
    b.close().await;
}

#[tokio::test]
async fn statuses_can_be_set_in_bulk_from_a_group() {
    let (server, b) = open_as("bulk", crate::OFFICE).await;
    b.goto(&server.url("#/group/1")).await;
    b.wait_for_text("h1", "加强顶层设计").await;
    b.eval("const boxes = document.querySelectorAll('.bulk-pick'); boxes[0].click(); boxes[2].click();")
        .await;
    set_value(&b, "#bulk-status", "Done").await;
    b.wait_for_text("#bulk-apply", "2").await;
    b.click("#bulk-apply").await;
    b.wait_for_text("#bulk-apply", "0").await;
    for (task, expected) in [("1", "Done"), ("2", "NotStarted"), ("3", "Done")] {
        b.goto(&server.url(&format!("#/task/{task}"))).await;
        b.wait_for_text("h1", &format!("任务 {task}")).await;
        assert_eq!(value_of(&b, "#task-status").await, expected, "task {task}");
    }
    b.close().await;
}
