//! Importing another place's work plan: paste, preview with the flagged line, save, explore it, switch back
//! to the shipped plan from the header, and find the imported plan again after a reload.

use crate::browser::Browser;
use crate::{open, open_as};
use fantoccini::Locator;

/// A city's 工作要点 with 责任单位 and 完成时限 lines, and one line the importer cannot read (line 20).
pub const LONGXI: &str = include_str!("../fixtures/plans/longxi-2021.txt");
pub const LONGXI_TITLE: &str = "陇西市2021年科技创新工作要点";

/// Sets the textarea as a paste would and fires `input`, which is what the page listens to.
pub async fn paste(b: &Browser, text: &str) {
    b.client
        .wait()
        .for_element(Locator::Css("#import-text"))
        .await
        .expect("the plan text box");
    b.client
        .execute(
            "const t = document.querySelector('#import-text');
             t.value = arguments[0];
             t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::Value::from(text)],
        )
        .await
        .expect("paste");
}

pub async fn switch_plan(b: &Browser, id: &str) {
    b.client
        .execute(
            "const s = document.querySelector('#plan-switcher');
             s.value = arguments[0];
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::Value::from(id)],
        )
        .await
        .expect("switch plan");
}

#[tokio::test]
async fn an_imported_plan_is_previewed_saved_explored_and_kept_beside_the_shipped_one() {
    let (server, b) = open("import").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    assert_eq!(
        b.eval("return document.querySelector('#import-text').getAttribute('aria-label')")
            .await,
        "计划文本"
    );
    paste(&b, LONGXI).await;

    b.wait_for_text("#preview-tasks", "6").await;
    assert_eq!(b.text("#preview-title").await, LONGXI_TITLE);
    assert_eq!(b.text("#preview-year").await, "2021");
    assert!(b.text("#preview-deadlines").await.starts_with('6'));
    assert!(b.text("#preview-flagged").await.starts_with('1'));
    let flagged = b.texts(".source-line.flagged").await;
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert!(
        flagged[0].contains("20")
            && flagged[0].contains("此项工作另行安排")
            && flagged[0].contains("未能识别"),
        "{}",
        flagged[0]
    );
    let first_task = b.text(".preview-task").await;
    assert!(
        first_task.contains("市科技局") && first_task.contains("2021年11月底前"),
        "{first_task}"
    );

    // The imported plan's coordinating unit (汇总单位) is chosen before saving.
    crate::edits::set_value(&b, "#import-coordinator", "市科技局").await;
    b.click("#import-save").await;
    b.wait_for_text("h1", LONGXI_TITLE).await;
    assert_eq!(b.hash().await, "#/");
    assert!(
        b.texts(".notice").await.is_empty(),
        "an imported plan is not an installment"
    );
    // Coordinating this plan makes its coordinating unit 我的单位; it collects and is not chased itself.
    crate::edits::set_value(&b, "#work-mode", "coordinate").await;
    b.wait_for_text("h1", "汇总督办").await;
    b.wait_for_text(".unit-picker select option:checked", "市科技局")
        .await;
    b.text("#standing-table").await;
    assert!(b.texts("#collect-not-coordinator").await.is_empty());
    assert!(
        b.texts("#standing-table tr[data-unit='市科技局']")
            .await
            .is_empty(),
        "the coordinating unit is not among those that report"
    );

    b.goto(&server.url("#/units")).await;
    b.wait_for_text(".units-table", "市科技局").await;
    assert_eq!(b.texts(".units-table tbody tr").await.len(), 9);
    b.goto(&server.url("#/unit/%E5%B8%82%E7%A7%91%E6%8A%80%E5%B1%80"))
        .await;
    b.wait_for_text("h1", "市科技局").await;
    assert_eq!(
        b.texts(".duty-lead .task-link .task-no").await,
        ["1", "4", "5", "6"]
    );
    b.goto(&server.url("#/matrix")).await;
    b.wait_for_text("h1", "任务分工矩阵").await;
    let rows = b.texts("table tbody tr").await;
    assert_eq!(rows.len(), 9, "{rows:?}");

    switch_plan(&b, "gansu-2020-shuangqu").await;
    b.wait_for_text("h1", "甘肃省出台2020年双区建设工作要点")
        .await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    assert_eq!(b.texts(".role-lead .unit-link").await, ["兰州市", "白银市"]);

    b.client.refresh().await.expect("reload");
    b.wait_for_text("h1", "任务 6").await;
    b.goto(&server.url("#/plans")).await;
    b.wait_for_text(".plans-table", LONGXI_TITLE).await;
    let options = b.texts("#plan-switcher option").await;
    assert_eq!(
        options,
        ["甘肃省出台2020年双区建设工作要点", LONGXI_TITLE],
        "the shipped plan first, then the imported one"
    );
    b.close().await;
}

#[tokio::test]
async fn text_without_tasks_is_explained_and_not_saved() {
    let (server, b) = open("import-empty").await;
    b.goto(&server.url("#/import")).await;
    paste(&b, "会议通知\n请各单位准时参加。<b>不是标签</b>").await;
    b.wait_for_text(".import-unreadable", "没有识别出任何任务")
        .await;
    assert_eq!(
        b.eval("return document.querySelector('#import-save').disabled")
            .await,
        true
    );
    b.click(".source-toggle").await;
    assert!(
        b.text(".source-lines").await.contains("<b>不是标签</b>"),
        "markup in the source is shown as text"
    );
    assert_eq!(
        b.eval("return Object.keys(localStorage).filter(k => k.startsWith('lanbai:plan')).length")
            .await,
        0
    );
    b.close().await;
}

#[tokio::test]
async fn a_saved_web_page_is_read_as_text() {
    let (server, b) = open("import-html").await;
    let dir = crate::browser::TempDir::new("import-html");
    let path = dir.0.join("longxi.html");
    let body: String = LONGXI
        .lines()
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;")))
        .collect();
    std::fs::write(
        &path,
        format!("<html><head><title>x</title><script>var a='<p>1.不是任务</p>';</script></head><body>{body}</body></html>"),
    )
    .expect("write the page");
    b.goto(&server.url("#/import")).await;
    b.choose_file("#import-file", &path).await;
    b.wait_for_text("#preview-tasks", "6").await;
    assert_eq!(b.text("#preview-title").await, LONGXI_TITLE);
    b.close().await;
}

/// A plan of twelve groups, without targets or installment, every task with a deadline.
fn twelve_groups() -> String {
    let numerals = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];
    let mut text = String::from("河川市2022年民生实事工作要点\n");
    for (k, n) in numerals.iter().enumerate() {
        text.push_str(&format!(
            "（{n}）第{n}方面工作\n{}.推进第{n}项民生工程建设。\n牵头单位：市民政局\n配合单位：市财政局\n完成时限：2022年{}月底前\n",
            k + 1,
            k + 1
        ));
    }
    text
}

#[tokio::test]
async fn a_plan_with_twelve_groups_and_no_targets_reads_on_every_page() {
    let (server, b) = open("import-twelve").await;
    b.goto(&server.url("#/import")).await;
    paste(&b, &twelve_groups()).await;
    b.wait_for_text("#preview-groups", "12").await;
    assert!(b.text("#preview-targets").await.starts_with('0'));
    b.click("#import-save").await;
    b.wait_for_text("h1", "河川市2022年民生实事工作要点").await;
    assert_eq!(b.texts(".group-list > li").await.len(), 12);
    let outline = b.texts(".outline-group-title").await;
    assert_eq!(outline.len(), 12);
    assert_eq!(outline[11], "(十二)第十二方面工作");
    assert!(
        !b.text(".onward").await.contains("量化目标"),
        "no link to targets that do not exist"
    );

    b.goto(&server.url("#/group/12")).await;
    b.wait_for_text("h1", "(十二)第十二方面工作").await;
    b.goto(&server.url("#/task/12")).await;
    b.wait_for_text("h1", "任务 12").await;
    assert!(b.text(".task-page").await.contains("2022年12月底前"));
    assert!(b.texts("table.targets").await.is_empty());
    b.goto(&server.url("#/unit/%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80"))
        .await;
    b.wait_for_text("h1", "市财政局").await;
    assert_eq!(
        b.texts(".duty-cooperating .task-link .task-no").await.len(),
        12
    );
    b.close().await;
}

/// Waits for the page's confirm/prompt dialog and returns its text.
async fn dialog(b: &Browser) -> String {
    for _ in 0..100 {
        if let Ok(text) = b.client.get_alert_text().await {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no dialog opened");
}

async fn import_longxi(b: &Browser, server: &crate::server::StaticServer) {
    b.goto(&server.url("#/import")).await;
    paste(b, LONGXI).await;
    b.wait_for_text("#preview-tasks", "6").await;
    b.click("#import-save").await;
}

#[tokio::test]
async fn the_same_plan_twice_asks_and_plans_can_be_renamed_exported_deleted_and_opened_by_link() {
    let (server, b) = open("plans").await;
    import_longxi(&b, &server).await;
    b.wait_for_text("h1", LONGXI_TITLE).await;
    import_longxi(&b, &server).await;
    b.wait_for_text(".import-conflict", "已保存过同一计划")
        .await;
    b.click("#import-copy").await;
    b.wait_for_text("h1", LONGXI_TITLE).await;

    b.goto(&server.url("#/plans")).await;
    b.wait_for_text(".plans-table", LONGXI_TITLE).await;
    assert_eq!(b.texts(".plans-table tbody tr").await.len(), 3);
    assert!(
        b.texts(".plans-table tbody tr:first-child .delete-plan")
            .await
            .is_empty(),
        "the shipped plan has no delete button"
    );

    // Rename the copy (the last row) through the prompt.
    b.click(".plans-table tbody tr:last-child .rename-plan")
        .await;
    assert_eq!(dialog(&b).await, "新的名称：");
    b.client.send_alert_text("陇西副本").await.expect("type");
    b.client.accept_alert().await.expect("accept");
    b.wait_for_text(".plans-table tbody tr:last-child th", "陇西副本")
        .await;

    b.click(".plans-table tbody tr:last-child .export-plan")
        .await;
    let (path, bytes) = b.downloaded(".json").await;
    assert!(
        path.to_string_lossy().contains("陇西副本"),
        "{}",
        path.display()
    );
    let plan: serde_json::Value = serde_json::from_slice(&bytes).expect("plan JSON");
    assert_eq!(plan["meta"]["title"], LONGXI_TITLE);
    assert_eq!(plan["tasks"].as_array().map(Vec::len), Some(6));

    // Delete the copy, which is the open plan: the panel offers the export, then the browser asks.
    b.click(".plans-table tbody tr:last-child .delete-plan")
        .await;
    b.wait_for_text(".confirm-delete", "先导出").await;
    b.click(".confirm-delete-plan").await;
    assert!(dialog(&b).await.contains("陇西副本"));
    b.client.accept_alert().await.expect("confirm");
    b.wait_for_text("#plan-switcher", "甘肃").await;
    for _ in 0..100 {
        if b.texts(".plans-table tbody tr").await.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(b.texts(".plans-table tbody tr").await.len(), 2);
    b.goto(&server.url("#/")).await;
    b.wait_for_text("h1", "甘肃省出台2020年双区建设工作要点")
        .await;

    // A link can name the plan it is about.
    let id = b
        .eval("return document.querySelectorAll('#plan-switcher option')[1].value")
        .await;
    let id = id.as_str().expect("an id").to_string();
    b.goto(&server.url(&format!("#/plans?open={id}"))).await;
    b.wait_for_text("h1", LONGXI_TITLE).await;
    assert_eq!(b.hash().await, "#/");
    b.goto(&server.url("#/plans?open=gansu-2020-shuangqu"))
        .await;
    b.wait_for_text("h1", "甘肃省出台2020年双区建设工作要点")
        .await;
    b.close().await;
}

#[tokio::test]
async fn an_unreadable_stored_plan_is_set_aside_and_the_shipped_plan_opens() {
    let (server, b) = open_as("import-broken", crate::OFFICE).await;
    b.goto(&server.url("#/")).await;
    b.wait_for_text("h1", "甘肃").await;
    b.eval(
        "localStorage.setItem('lanbai:plans', JSON.stringify({schema: 1, plans: [
             {id: 'plan-2021-broken', name: '坏掉的计划', imported_at: 1, task_count: 3}]}));
         localStorage.setItem('lanbai:plan:plan-2021-broken', '{\"schema\":1,\"plan\":');
         localStorage.setItem('lanbai:active-plan', 'plan-2021-broken');
         return 1",
    )
    .await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("h1", "甘肃省出台2020年双区建设工作要点")
        .await;
    b.click(".plan-problem").await;
    let notice = b.wait_for_text(".plans-page .notice", "原样移到").await;
    assert!(notice.contains("lanbai:quarantine:"), "{notice}");
    let kept = b
        .eval(
            "return Object.keys(localStorage).filter(k => k.startsWith('lanbai:quarantine:'))
                 .map(k => localStorage.getItem(k))",
        )
        .await;
    assert_eq!(kept, serde_json::json!(["{\"schema\":1,\"plan\":"]));
    assert_eq!(
        b.eval("return localStorage.getItem('lanbai:active-plan')")
            .await,
        serde_json::Value::Null
    );
    b.close().await;
}

async fn set_progress(b: &Browser, value: &str) {
    b.client
        .wait()
        .for_element(Locator::Css("#task-progress"))
        .await
        .expect("progress input");
    b.client
        .execute(
            "const el = document.querySelector('#task-progress'); el.value = arguments[0];
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::Value::from(value)],
        )
        .await
        .expect("set progress");
}

async fn progress(b: &Browser) -> serde_json::Value {
    b.eval("return document.querySelector('#task-progress').value")
        .await
}

#[tokio::test]
async fn each_plan_keeps_its_own_edits() {
    let (server, b) = crate::open_as("import-edits", crate::OFFICE).await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text("h1", "任务 1").await;
    set_progress(&b, "40").await;
    crate::edits::wait_saved(&b).await;

    import_longxi(&b, &server).await;
    b.wait_for_text("h1", LONGXI_TITLE).await;
    let longxi_id = b
        .eval("return document.querySelector('#plan-switcher').value")
        .await;
    let longxi_id = longxi_id.as_str().expect("an id").to_string();
    // In the imported plan the person reports as one of its units (市科技局 leads its task 1).
    b.act_as("市科技局").await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text(".task-text", "高新技术企业培育行动").await;
    assert_ne!(
        progress(&b).await,
        "40",
        "the imported plan starts without edits"
    );
    set_progress(&b, "70").await;

    switch_plan(&b, "gansu-2020-shuangqu").await;
    b.wait_for_text("h1", "甘肃省出台2020年双区建设工作要点")
        .await;
    b.act_as(crate::OFFICE).await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text(".task-text", "省统筹").await;
    assert_eq!(progress(&b).await, "40");

    switch_plan(&b, &longxi_id).await;
    b.wait_for_text("h1", LONGXI_TITLE).await;
    b.act_as("市科技局").await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text(".task-text", "高新技术企业培育行动").await;
    assert_eq!(progress(&b).await, "70");
    b.close().await;
}
