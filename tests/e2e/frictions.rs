//! Small frictions a new user hit (issue 15, items 9, 10 and 12): Enter in a figure box records it, a deleted
//! note says so and offers the way back, a form's error is in the page's language only, and history and
//! refusals name the indicator and the plan rather than their ids.

use crate::edits::set_value;
use crate::open_as;

/// Types `value` into the 白银 row of target t6.k1's figure box, as the person would.
async fn type_figure(b: &crate::browser::Browser, value: &str) {
    let script = format!(
        "const rows = [...document.querySelectorAll('#actuals-t6\\\\.k1 tbody tr')];
         const row = rows.find(r => r.querySelector('th').textContent.trim() === '白银');
         const input = row.querySelector('.actual-input');
         input.focus(); input.value = {value:?};
         input.dispatchEvent(new Event('input', {{bubbles: true}}));"
    );
    b.eval(&script).await;
}

#[tokio::test]
async fn enter_in_a_figure_box_records_it_and_a_bad_figure_is_said_in_one_language() {
    let (server, b) = open_as("enter-figure", "白银市").await;
    b.goto(&server.url("#/task/6")).await;
    b.text("#actuals-t6\\.k1").await;
    type_figure(&b, "-5").await;
    b.eval(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))",
    )
    .await;
    let error = b
        .wait_for_text("#actuals-t6\\.k1 .error", "不是有效数字")
        .await;
    assert_eq!(error, "“-5”不是有效数字", "Chinese only, no English half");
    type_figure(&b, "15").await;
    b.eval(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))",
    )
    .await;
    b.wait_for_text("#actuals-t6\\.k1 tbody", "15（").await;
    b.close().await;
}

#[tokio::test]
async fn a_deleted_note_says_so_and_can_be_brought_back() {
    let (server, b) = open_as("note-undo", "白银市").await;
    b.goto(&server.url("#/task/6")).await;
    set_value(&b, "#note-text", "完成第一批认定").await;
    b.click("#note-add").await;
    b.wait_for_text(".note-list", "完成第一批认定").await;
    b.click(".note .link-button").await;
    b.wait_for_text("#note-deleted", "已删除这条进展").await;
    crate::cycle::look(&b, "note-deleted").await;
    let left = b
        .eval("return document.querySelectorAll('.note').length")
        .await;
    assert_eq!(left, serde_json::json!(0));
    b.click("#note-undo").await;
    b.wait_for_text(".note-list", "完成第一批认定").await;
    b.close().await;
}

/// Issue 15, item 9: names on screen, not internal ids.
#[tokio::test]
async fn history_and_refusals_name_the_indicator_and_the_plan_not_their_ids() {
    let (server, b) = open_as("names-not-ids", "白银市").await;
    b.goto(&server.url("#/task/6")).await;
    crate::edits::report_actual(&b, "t6.k5", "白银", "12", "2020-06-30").await;
    b.goto(&server.url("#/history")).await;
    let history = b.wait_for_text(".history", "12").await;
    assert!(!history.contains("t6.k5"), "{history}");
    let indicator = lanbai_planner::plan::seed::gansu().tasks[5].targets[4]
        .indicator
        .clone();
    assert!(history.contains(&indicator), "{history} names {indicator}");
    crate::cycle::look(&b, "history-names").await;

    let other = lanbai_planner::journal::export("plan-2021-88a7e311", 0, &[]).to_json();
    let file = b.downloads.join("other-plan.json");
    std::fs::write(&file, other).expect("write");
    b.goto(&server.url("#/data")).await;
    b.choose_file("#import-file", &file).await;
    let message = b.wait_for_text("#data-message", "另一份计划").await;
    let title = lanbai_planner::plan::seed::gansu().meta.title;
    assert!(message.contains(&format!("《{title}》")), "{message}");
    assert!(
        !message.contains("plan-2021") && !message.contains("gansu-2020"),
        "{message}"
    );
    b.close().await;
}

/// Issue 15, item 7: the unit chosen in the header belongs to its plan. Opening another plan shows that plan's
/// choice (none yet), never a unit of the first plan, and coming back brings the first plan's unit back.
#[tokio::test]
async fn the_chosen_unit_is_per_plan() {
    use crate::import::{LONGXI, LONGXI_TITLE, paste, switch_plan};
    let (server, b) = open_as("unit-per-plan", "白银市").await;
    b.goto(&server.url("#/import")).await;
    paste(&b, LONGXI).await;
    b.wait_for_text("#preview-tasks", "6").await;
    set_value(&b, "#import-coordinator", "市科技局").await;
    b.click("#import-save").await;
    b.wait_for_text("h1", LONGXI_TITLE).await;
    let picked = "return document.querySelector('.unit-picker select').value";
    assert_eq!(
        b.eval(picked).await,
        "",
        "no unit of the Gansu plan in Longxi's picker"
    );
    assert!(
        b.texts(".my-duties").await.is_empty(),
        "no duty link to a unit this plan lacks"
    );
    set_value(&b, ".unit-picker select", "市工信局").await;
    b.wait_for_text("h1", "市工信局").await;

    switch_plan(&b, "gansu-2020-shuangqu").await;
    b.wait_for_text(".brand-plan", "甘肃省").await;
    b.wait_for_text(".my-duties", "我的责任清单").await;
    assert_eq!(b.eval(picked).await, "白银市");
    b.click(".my-duties").await;
    b.wait_for_text("h1", "白银市").await;

    b.client.refresh().await.expect("reload");
    b.wait_for_text(".my-duties", "我的责任清单").await;
    assert_eq!(b.eval(picked).await, "白银市", "kept across a reload");
    let longxi = b
        .eval("return document.querySelectorAll('#plan-switcher option')[1].value")
        .await;
    switch_plan(&b, longxi.as_str().expect("an id")).await;
    b.wait_for_text(".brand-plan", "陇西").await;
    for _ in 0..100 {
        if b.eval(picked).await == "市工信局" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(b.eval(picked).await, "市工信局");
    b.close().await;
}

/// Sets the page's own width (the viewport), whatever the window's frame takes.
async fn set_viewport_width(b: &crate::browser::Browser, width: u32) {
    b.client.set_window_size(width, 900).await.expect("resize");
    let inner = b
        .eval("return window.innerWidth")
        .await
        .as_u64()
        .unwrap_or(0) as u32;
    if inner != width {
        let frame = width.saturating_sub(inner);
        b.client
            .set_window_size(width + frame, 900)
            .await
            .expect("resize");
    }
}

/// How many distinct rows the header's visible parts sit on, and the header's height in px.
async fn header_rows(b: &crate::browser::Browser) -> (u64, u64) {
    let rows = b
        .eval(
            "const header = document.querySelector('.topbar');
             const tops = new Set();
             for (const el of header.querySelectorAll('.brand, .menu-toggle, .outline-toggle, .topbar-tools > *, .sync-status')) {
                 const r = el.getBoundingClientRect();
                 if (r.width > 0 && r.height > 0 && getComputedStyle(el).display !== 'none') tops.add(Math.round(r.top + r.height / 2) >> 3);
             }
             return [tops.size, Math.round(header.getBoundingClientRect().height)];",
        )
        .await;
    let n = |i: usize| rows[i].as_u64().unwrap_or(0);
    (n(0), n(1))
}

/// Issue 15, item 11: the header is one line at 1024 px and wider, with nothing overlapping; below that its
/// tools fold into a menu, so the sticky header stays one short line on a phone.
#[tokio::test]
async fn the_header_is_one_line_wide_and_folds_into_a_menu_on_a_phone() {
    let (server, b) = open_as("header-fold", "白银市").await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    for width in [1280, 1024] {
        set_viewport_width(&b, width).await;
        let (rows, height) = header_rows(&b).await;
        assert_eq!(rows, 1, "one line at {width} px");
        assert!(height <= 64, "{height} px high at {width} px");
        let overlaps = b
            .eval(
                "const items = [...document.querySelectorAll('.topbar-tools > *, .brand, .sync-status')]
                     .map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
                 let n = 0;
                 for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
                     const a = items[i], c = items[j];
                     if (a.left < c.right - 1 && c.left < a.right - 1 && a.top < c.bottom - 1 && c.top < a.bottom - 1) n++;
                 }
                 return n;",
            )
            .await;
        assert_eq!(overlaps, 0, "nothing in the header overlaps at {width} px");
        assert!(
            b.texts(".menu-toggle").await.iter().all(|t| t.is_empty()),
            "no menu button when everything fits"
        );
    }
    set_viewport_width(&b, 400).await;
    let (rows, height) = header_rows(&b).await;
    assert_eq!(rows, 1, "the folded header is one line");
    assert!(height <= 64, "{height} px high at 400 px");
    let search_shown =
        "return document.querySelector('#search-box').getBoundingClientRect().width > 0";
    assert_eq!(b.eval(search_shown).await, false, "folded away");
    b.click(".menu-toggle").await;
    assert_eq!(
        b.eval(search_shown).await,
        true,
        "the menu unfolds the tools"
    );
    assert_eq!(b.text(".menu-toggle").await, "收起");
    crate::cycle::look(&b, "header-menu").await;
    set_viewport_width(&b, 400).await;
    b.click(".my-duties").await;
    b.wait_for_text("h1", "白银市").await;
    assert_eq!(
        b.eval(search_shown).await,
        false,
        "a navigation folds it again"
    );
    // "/" still reaches the search box: it unfolds the menu first.
    b.eval("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: '/', bubbles: true}))")
        .await;
    for _ in 0..100 {
        if b.eval("return document.activeElement && document.activeElement.id")
            .await
            == "search-box"
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(
        b.eval("return document.activeElement && document.activeElement.id")
            .await,
        "search-box"
    );
    b.close().await;
}

/// Issue 15, item 10: stepping through the status list with the arrow keys records one edit, the status
/// the person settles on, not one edit per key.
#[tokio::test]
async fn arrow_keys_on_the_status_list_record_one_edit() {
    let (server, b) = open_as("status-keys", "白银市").await;
    b.goto(&server.url("#/task/6")).await;
    b.text("#task-status").await;
    let before = b
        .eval("return document.querySelector('#task-status').value")
        .await;
    b.eval("document.querySelector('#task-status').focus()")
        .await;
    let select = b
        .client
        .active_element()
        .await
        .expect("the focused status list");
    select
        .send_keys("\u{E015}\u{E015}\u{E015}")
        .await
        .expect("three arrow keys");
    let after = b
        .eval("return document.querySelector('#task-status').value")
        .await;
    assert_ne!(before, after, "the keys moved the choice");
    // Leaving the box settles the choice.
    b.eval("document.querySelector('#task-progress').focus()")
        .await;
    let status = b.wait_for_text(".data-status", "条修改").await;
    b.goto(&server.url("#/history")).await;
    b.text(".history").await;
    let entries = b.texts(".history li").await;
    assert_eq!(entries.len(), 1, "{entries:?} ({status})");
    b.close().await;
}

/// Issue 15, item 12: every file picker is a button labelled in the page's language (the browser's own
/// "Choose File" text stays hidden), and in English the open plan is tagged "Current", not "Open".
#[tokio::test]
async fn file_pickers_are_labelled_buttons_and_the_open_plan_is_current() {
    let (server, b) = open_as("file-buttons", "白银市").await;
    for (page, input) in [("#/import", "#import-file"), ("#/data", "#import-file")] {
        b.goto(&server.url(page)).await;
        b.text(input).await;
        let script = format!(
            "const i = document.querySelector({input:?}); const l = i.closest('label.file-button');
             return [!!l, l ? l.querySelector('span').textContent : '', getComputedStyle(i).opacity];"
        );
        let found = b.eval(&script).await;
        assert_eq!(
            found[0], true,
            "{page}: the input sits in a labelled button"
        );
        let label = found[1].as_str().unwrap_or_default().to_string();
        assert!(
            label.starts_with("选择") || label.contains("导入"),
            "{page}: {label}"
        );
        assert!(!label.contains("Choose"), "{page}: Chinese only: {label}");
        assert_eq!(found[2], "0", "{page}: the native control is hidden");
    }
    b.goto(&server.url("#/plans")).await;
    b.text(".plans-table").await;
    b.click(".lang-toggle").await;
    b.wait_for_text(".plans-table", "Current").await;
    let badges = b.texts(".plans-table .badge").await;
    assert!(badges.iter().any(|t| t == "Current"), "{badges:?}");
    assert!(!badges.iter().any(|t| t == "Open"), "{badges:?}");
    b.close().await;
}
