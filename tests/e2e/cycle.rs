//! Issue 12's cycle for one period, as three people do it in three browser profiles with files alone:
//! 白银市 reports April on time, 兰州市 two days late, 兰州新区管委会 never; the zone office drops both files
//! in one go, sees the table and the 催办 reminder for the silent unit, returns 白银市's report with reasons
//! and sends the feedback file; 白银市 imports it, sees the reasons, re-submits; the office passes it.

use std::path::{Path, PathBuf};

use crate::OFFICE;
use crate::browser::Browser;
use crate::clock::cst;
use crate::edits::set_value;
use crate::server::StaticServer;

/// A profile whose clock reads `at` and which has chosen `unit`.
async fn person(server: &StaticServer, tag: &str, unit: &str, at: i64) -> Browser {
    let b = Browser::start(tag).await;
    b.set_clock(at).await;
    b.goto(&server.url("#/")).await;
    b.act_as(unit).await;
    b
}

/// Fills task 6 of the report page and the contact fields, and submits (confirming the incomplete tasks).
async fn report_task_6(server: &StaticServer, b: &Browser, progress: &str, text: &str) {
    b.goto(&server.url("#/report")).await;
    let t6 = ".report-task[data-task='t6']";
    b.text(t6).await;
    set_value(b, &format!("{t6} .task-status"), "InProgress").await;
    set_value(b, &format!("{t6} .task-progress"), progress).await;
    set_value(b, &format!("{t6} textarea[data-part='progress']"), text).await;
    set_value(b, "#submit-phone", "0943-8221234").await;
    set_value(b, "#submit-approver", "赵六").await;
}

/// Presses 报送 twice (the second confirms the incomplete tasks) and keeps the downloaded file.
async fn submit(b: &Browser, name: &str, keep_as: &str) -> PathBuf {
    b.click("#submit-report").await;
    b.wait_for_text("#submit-message", "再点一次").await;
    b.click("#submit-report").await;
    b.wait_for_text("#submit-message", name).await;
    keep(b, name, keep_as).await
}

/// Moves a download out of the profile (as an e-mail attachment would leave it), so the next download of
/// the same name is found fresh.
async fn keep(b: &Browser, name: &str, keep_as: &str) -> PathBuf {
    let (path, bytes) = b.downloaded(name).await;
    let kept = std::env::temp_dir().join(format!("lanbai-cycle-{}-{keep_as}", std::process::id()));
    std::fs::write(&kept, bytes).expect("keep the file");
    let _ = std::fs::remove_file(path);
    kept
}

async fn cell(b: &Browser, unit: &str, needle: &str) -> String {
    b.wait_for_text(
        &format!("#standing-table tr[data-unit='{unit}'] td[data-period='2020-04']"),
        needle,
    )
    .await
}

/// With `LANBAI_SHOTS` set, screenshots of the page as it stands (wide and 400 px) for a person to look at;
/// the window is put back afterwards so the test goes on as before.
pub async fn look(b: &Browser, name: &str) {
    look_at(b, name, None).await;
}

/// [`look`], with the element `css` scrolled into view in each width.
pub async fn look_at(b: &Browser, name: &str, css: Option<&str>) {
    let Some(dir) = std::env::var_os("LANBAI_SHOTS").map(PathBuf::from) else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("shots dir");
    // What a person sees first (the viewport), wide and narrow; the pages are long.
    for (width, tag) in [(1280, "wide"), (400, "narrow")] {
        b.client.set_window_size(width, 1000).await.expect("resize");
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        if let Some(css) = css {
            let script =
                format!("document.querySelector({css:?}).scrollIntoView({{block: 'center'}})");
            b.eval(&script).await;
        }
        let png = b.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}-{tag}.png")), png).expect("write png");
    }
    b.client.set_window_size(1280, 1000).await.expect("resize");
}

fn both(a: &Path, b: &Path) -> PathBuf {
    // chromedriver takes several files for a `multiple` input as one newline-separated string.
    PathBuf::from(format!("{}\n{}", a.display(), b.display()))
}

#[tokio::test]
async fn one_period_of_reporting_collecting_returning_and_passing_with_files_alone() {
    let server = StaticServer::start(&crate::browser::dist_dir(), "/");

    let baiyin = person(&server, "cy-baiyin", "白银市", cst("2020-04-20", 10)).await;
    baiyin.goto(&server.url("#/report")).await;
    // Required fields are listed before anything is sent.
    let gaps = baiyin.wait_for_text("#report-gaps", "任务1").await;
    assert!(gaps.contains("本期进展"), "{gaps}");
    report_task_6(&server, &baiyin, "30", "白银市新认定高新技术企业5家").await;
    look(&baiyin, "cycle-report").await;
    let by_v1 = submit(&baiyin, "报送-白银市-2020-04.json", "by-v1.json").await;
    baiyin
        .wait_for_text("#report-standing", "已报送 04-20")
        .await;
    let v1: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&by_v1).expect("file")).expect("json");
    let kinds: Vec<&str> = v1["ops"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["kind"]["type"].as_str())
        .collect();
    assert!(
        kinds.contains(&"submit") && kinds.contains(&"set_report"),
        "{kinds:?}"
    );

    let lanzhou = person(&server, "cy-lanzhou", "兰州市", cst("2020-04-27", 9)).await;
    report_task_6(&server, &lanzhou, "40", "兰州市新认定高新技术企业12家").await;
    let lz = submit(&lanzhou, "报送-兰州市-2020-04.json", "lz.json").await;
    lanzhou.close().await;

    // The office chooses 汇总督办 in the header: its unit becomes the zone office.
    let office = person(&server, "cy-office", "白银市", cst("2020-04-28", 9)).await;
    set_value(&office, "#work-mode", "coordinate").await;
    office.wait_for_text("h1", "汇总督办").await;
    office
        .wait_for_text(".unit-picker select option:checked", OFFICE)
        .await;
    office
        .choose_file("#collect-files", &both(&by_v1, &lz))
        .await;
    office
        .wait_for_text(".drop-files .file-lines", "兰州市 2020年4月 报送")
        .await;
    let lines = office
        .wait_for_text(".drop-files .file-lines", "白银市 2020年4月 报送")
        .await;
    assert!(lines.contains("新增"), "{lines}");
    cell(&office, "白银市", "已报送 04-20").await;
    let late = cell(&office, "兰州市", "已报送 04-27").await;
    assert!(late.contains("逾期 2 天"), "{late}");
    cell(&office, "兰州新区管委会", "未报送 · 逾期 3 天").await;
    look(&office, "cycle-collect").await;

    // 催办: the silent unit gets a reminder; the two that reported do not.
    office.click("#filter-missing").await;
    let reminder = office
        .wait_for_text(".reminder[data-unit='兰州新区管委会']", "兰州新区管委会")
        .await;
    assert!(reminder.contains("逾期 3 天"), "{reminder}");
    let text = office
        .eval("return document.querySelector(\".reminder[data-unit='兰州新区管委会'] textarea\").value")
        .await;
    let text = text.as_str().unwrap_or_default();
    assert!(
        text.contains("2020年4月25日前报送") && text.contains("任务5") && text.contains(OFFICE),
        "{text}"
    );
    assert!(
        office
            .texts(".reminder[data-unit='白银市']")
            .await
            .is_empty(),
        "白银市 has submitted"
    );
    look(&office, "cycle-reminders").await;
    office.click("#download-reminders").await;
    let (_, list) = office.downloaded("催办-2020-04.txt").await;
    let list = String::from_utf8(list).expect("utf-8");
    assert!(
        list.contains("兰州新区管委会：") && !list.contains("白银市："),
        "{list}"
    );

    // 审核: return 白银市's report with a reason for the whole and one for task 6.
    office
        .goto(&server.url("#/collect?period=2020-04&unit=白银市"))
        .await;
    office
        .wait_for_text("#submission-versions", "第 1 版")
        .await;
    let report = office
        .wait_for_text(".review-tasks tr[data-task='t6']", "推进中")
        .await;
    assert!(report.contains("新认定高新技术企业5家"), "{report}");
    // A return without a reason is refused.
    office.click("#review-return").await;
    office.wait_for_text("#review-message", "须写明理由").await;
    set_value(
        &office,
        ".review-tasks tr[data-task='t6'] textarea",
        "请补充白银高新区数据",
    )
    .await;
    set_value(&office, "#review-reason", "数据不全").await;
    office.click("#review-return").await;
    office.wait_for_text("#review-message", "已退回").await;
    look(&office, "cycle-review").await;
    office.click("#download-feedback").await;
    let feedback = keep(&office, "反馈-白银市-2020-04.json", "fb.json").await;
    cell(&office, "白银市", "已退回").await;

    // 白银市, the next day, imports the feedback, sees the reasons, corrects and re-submits.
    baiyin.days_later(cst("2020-04-29", 9)).await;
    baiyin.goto(&server.url("#/report")).await;
    baiyin.choose_file("#feedback-file", &feedback).await;
    baiyin
        .wait_for_text(".feedback-import .file-lines", "审核意见：退回")
        .await;
    let returned = baiyin.wait_for_text("#report-returned", "数据不全").await;
    assert!(returned.contains("请补充白银高新区数据"), "{returned}");
    baiyin
        .wait_for_text(
            ".report-task[data-task='t6'] .return-reason",
            "请补充白银高新区数据",
        )
        .await;
    baiyin.wait_for_text("#report-standing", "已退回").await;
    // The reason is on the task page too.
    baiyin.goto(&server.url("#/task/6")).await;
    baiyin
        .wait_for_text("#task-return-reason", "请补充白银高新区数据")
        .await;
    baiyin.goto(&server.url("#/report")).await;
    look(&baiyin, "cycle-returned").await;
    set_value(
        &baiyin,
        ".report-task[data-task='t6'] textarea[data-part='progress']",
        "白银市新认定高新技术企业5家，其中白银高新区3家",
    )
    .await;
    let by_v2 = submit(&baiyin, "报送-白银市-2020-04.json", "by-v2.json").await;
    baiyin.wait_for_text("#report-standing", "第 2 版").await;

    // The office takes the second version (and the first again, which adds nothing) and passes it.
    office.days_later(cst("2020-04-30", 9)).await;
    office.goto(&server.url("#/collect")).await;
    office
        .choose_file("#collect-files", &both(&by_v2, &by_v1))
        .await;
    office
        .wait_for_text(".drop-files .file-lines", "没有新内容")
        .await;
    cell(&office, "白银市", "已报送").await;
    office
        .goto(&server.url("#/collect?period=2020-04&unit=白银市"))
        .await;
    let versions = office
        .wait_for_text("#submission-versions", "第 2 版")
        .await;
    assert!(
        versions.contains("退回：数据不全"),
        "history keeps v1's review: {versions}"
    );
    office.click("#review-pass").await;
    office.wait_for_text("#review-message", "已通过").await;
    cell(&office, "白银市", "已通过").await;
    cell(&office, "兰州市", "已报送").await;

    // 通报 for April, on screen and as Word and Excel files opened by a real office suite.
    let link = office
        .eval("return document.querySelector('#bulletin-link').getAttribute('href')")
        .await;
    assert_eq!(link, serde_json::json!("#/bulletin/2020-04"));
    office.goto(&server.url("#/bulletin/2020-04")).await;
    let bulletin = office
        .wait_for_text("#bulletin", "应报送单位11个，已报送2个，未报送9个")
        .await;
    assert!(bulletin.contains("兰州新区管委会"), "{bulletin}");
    look(&office, "cycle-bulletin").await;
    office.click("#download-bulletin-docx").await;
    let docx = keep(&office, "通报-2020-04.docx", "通报-2020-04.docx").await;
    let text = crate::office::pdf_text(&docx);
    for part in [
        "落实情况通报",
        "2020年4月",
        "一、总体情况",
        "兰州新区管委会",
        "兰州科技大市场公司",
    ] {
        assert!(
            text.contains(part),
            "{part} missing from the Word file:\n{text}"
        );
    }
    office.click("#download-ledger-xlsx").await;
    let xlsx = keep(&office, "台账-2020-04.xlsx", "台账-2020-04.xlsx").await;
    let text = crate::office::pdf_text(&xlsx);
    assert!(
        text.contains("其中白银高新区3家") && text.contains("兰州市新认定高新技术企业12家"),
        "the ledger holds both units' April progress:\n{text}"
    );

    baiyin.close().await;
    office.close().await;
    let _ = std::fs::remove_file(docx);
    let _ = std::fs::remove_file(xlsx);
    for f in [by_v1, by_v2, lz, feedback] {
        let _ = std::fs::remove_file(f);
    }
}

#[tokio::test]
async fn files_of_another_plan_or_an_unknown_unit_are_refused_and_change_nothing() {
    use lanbai_planner::journal::{Op, OpKind, export};
    let server = StaticServer::start(&crate::browser::dist_dir(), "/");
    let office = person(&server, "cy-refuse", OFFICE, cst("2020-04-28", 9)).await;
    let seal = |unit: &str| Op {
        id: "wzz-1".into(),
        at: cst("2020-04-20", 10),
        hlc: None,
        kind: OpKind::Submit {
            submission: "wzz-1".into(),
            unit: unit.into(),
            period: "2020-04".into(),
            phone: String::new(),
            approver: String::new(),
            ops: Vec::new(),
        },
        cause: None,
        unit: Some(unit.into()),
        by: Some("某人".into()),
    };
    let dir = std::env::temp_dir();
    let stranger = dir.join(format!("lanbai-cycle-{}-stranger.json", std::process::id()));
    std::fs::write(
        &stranger,
        export("gansu-2020-shuangqu", 0, &[seal("某某市")]).to_json(),
    )
    .expect("write");
    let other_plan = dir.join(format!("lanbai-cycle-{}-other.json", std::process::id()));
    std::fs::write(
        &other_plan,
        export("plan-2021-88a7e311", 0, &[seal("白银市")]).to_json(),
    )
    .expect("write");
    office.goto(&server.url("#/collect")).await;
    office
        .choose_file("#collect-files", &both(&stranger, &other_plan))
        .await;
    office
        .wait_for_text(".drop-files .file-lines", "某某市")
        .await;
    let lines = office
        .wait_for_text(".drop-files .file-lines", "另一份计划")
        .await;
    assert!(lines.contains("不在本计划中"), "{lines}");
    assert_eq!(
        office.texts(".drop-files .file-lines li.ok").await.len(),
        0,
        "{lines}"
    );
    cell(&office, "白银市", "未报送").await;
    let stored = office
        .eval("return Object.keys(localStorage).filter(k => k.includes(':journal:')).length")
        .await;
    assert_eq!(stored, serde_json::json!(0), "nothing was stored");
    office.close().await;
    let _ = std::fs::remove_file(stranger);
    let _ = std::fs::remove_file(other_plan);
}

#[tokio::test]
async fn an_extension_asked_for_travels_with_the_report_and_its_approval_moves_the_deadline() {
    let server = StaticServer::start(&crate::browser::dist_dir(), "/");
    let baiyin = person(&server, "cy-ext-by", "白银市", cst("2020-04-20", 10)).await;
    baiyin.goto(&server.url("#/task/6")).await;
    // A request needs a reason.
    set_value(&baiyin, "#extension-date", "2020-09-30").await;
    baiyin.click("#extension-ask").await;
    baiyin
        .wait_for_text(".extensions-section .error", "延期理由")
        .await;
    set_value(&baiyin, "#extension-reason", "受疫情影响，认定工作推迟").await;
    baiyin.click("#extension-ask").await;
    baiyin
        .wait_for_text(".extensions .extension", "待审批")
        .await;
    report_task_6(&server, &baiyin, "30", "白银市新认定高新技术企业5家").await;
    let file = submit(&baiyin, "报送-白银市-2020-04.json", "ext-by.json").await;

    let office = person(&server, "cy-ext-office", OFFICE, cst("2020-04-21", 9)).await;
    office.goto(&server.url("#/collect")).await;
    office.choose_file("#collect-files", &file).await;
    office
        .wait_for_text(".drop-files .file-lines", "新增")
        .await;
    let pending = office
        .wait_for_text(".pending-extensions", "2020-09-30")
        .await;
    assert!(pending.contains("受疫情影响"), "{pending}");
    look(&office, "cycle-extension").await;
    office.click(".pending-extensions .approve-extension").await;
    office.goto(&server.url("#/task/6")).await;
    office
        .wait_for_text(".extensions .extension", "已批准")
        .await;
    let deadline = office
        .eval("return document.querySelector('#task-deadline').value")
        .await;
    assert_eq!(deadline, serde_json::json!("2020-09-30"));
    office
        .goto(&server.url("#/collect?period=2020-04&unit=白银市"))
        .await;
    office.click("#review-pass").await;
    office.wait_for_text("#review-message", "已通过").await;
    office.click("#download-feedback").await;
    let feedback = keep(&office, "反馈-白银市-2020-04.json", "ext-fb.json").await;
    office.close().await;

    baiyin.days_later(cst("2020-04-22", 9)).await;
    baiyin.goto(&server.url("#/report")).await;
    baiyin.choose_file("#feedback-file", &feedback).await;
    baiyin
        .wait_for_text(".feedback-import .file-lines", "审核意见：通过")
        .await;
    baiyin.wait_for_text("#report-standing", "已通过").await;
    baiyin.goto(&server.url("#/task/6")).await;
    baiyin
        .wait_for_text(".extensions .extension", "已批准")
        .await;
    let deadline = baiyin
        .eval("return document.querySelector('#task-deadline').value")
        .await;
    assert_eq!(deadline, serde_json::json!("2020-09-30"));
    baiyin.goto(&server.url("#/history")).await;
    let history = baiyin.wait_for_text(".history", "批准延期").await;
    assert!(history.contains("申请延期至 2020-09-30"), "{history}");
    baiyin.close().await;
    let _ = std::fs::remove_file(file);
    let _ = std::fs::remove_file(feedback);
}
