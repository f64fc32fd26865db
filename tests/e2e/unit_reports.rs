//! Issue 11's acceptance, tried as three people in three browser profiles: 白银市 and 兰州市 each report
//! task 6 for the period with their own city's figures and send their files; the zone office imports both,
//! in either order, and sees both reports and a derived task state that is not 已完成.

use std::path::{Path, PathBuf};

use crate::browser::Browser;
use crate::edits::{report_actual, set_value, wait_saved};
use crate::server::StaticServer;
use crate::{OFFICE, open};

/// A fresh browser profile on `server` that has chosen `unit` as 我的单位.
async fn profile(server: &StaticServer, tag: &str, unit: &str) -> Browser {
    let b = Browser::start(tag).await;
    b.goto(&server.url("#/")).await;
    b.act_as(unit).await;
    b
}

/// Reports task 6 as the profile's unit and downloads the edits file.
async fn report_and_export(
    server: &StaticServer,
    b: &Browser,
    status: &str,
    percent: &str,
    place: &str,
    figure: &str,
) -> PathBuf {
    b.goto(&server.url("#/task/6")).await;
    set_value(b, "#task-status", status).await;
    if status == "Done" {
        // 已完成 with the targets not yet reported is asked about first; this unit means it.
        b.text("#done-confirm").await;
        b.eval("document.querySelector('#done-anyway').click()")
            .await;
    }
    set_value(b, "#task-progress", percent).await;
    set_value(
        b,
        "#report-progress",
        &format!("{place}本月新认定高新技术企业{figure}家"),
    )
    .await;
    report_actual(b, "t6.k3", place, figure, "2020-12-10").await;
    b.wait_for_text("#actuals-t6\\.k3", figure).await;
    wait_saved(b).await;
    b.goto(&server.url("#/data")).await;
    b.click("#export-edits").await;
    // The profile (and its downloads) goes when the browser closes: keep the file as an email would.
    let (_, bytes) = b.downloaded(".json").await;
    let kept = std::env::temp_dir().join(format!("lanbai-u11-{}-{place}.json", std::process::id()));
    std::fs::write(&kept, bytes).expect("keep the exported file");
    kept
}

async fn import(server: &StaticServer, b: &Browser, file: &Path, who: &str) {
    b.goto(&server.url("#/data")).await;
    b.choose_file("#import-file", file).await;
    // The preview names the unit and the person of the incoming reports.
    b.wait_for_text("#import-writers", who).await;
    b.click("#import-apply").await;
    b.wait_for_text("#data-message", "已合并").await;
}

/// The report rows of task 6 and the derived state, as the office sees them.
async fn what_the_office_sees(server: &StaticServer, b: &Browser) -> (Vec<String>, String) {
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text(".unit-reports", "白银市").await;
    b.wait_for_text(".unit-reports", "兰州市").await;
    (
        b.texts(".unit-reports tbody tr").await,
        b.text("#derived-state").await,
    )
}

#[tokio::test]
async fn two_cities_reports_on_task_6_both_reach_the_office_in_either_order() {
    // 白银市 has not chosen a unit yet: the first edit asks once, then records.
    let (server, baiyin) = open("u-baiyin").await;
    baiyin.goto(&server.url("#/task/6")).await;
    set_value(&baiyin, "#task-status", "InProgress").await;
    baiyin.text("#unit-prompt").await;
    set_value(&baiyin, "#prompt-unit", "白银市").await;
    set_value(&baiyin, "#prompt-name", "李四").await;
    baiyin.click("#prompt-ok").await;
    baiyin.wait_for_text("#report-who", "白银市").await;
    // 白银市 answers for 白银's figures, not 兰州's.
    let lanzhou_row = baiyin
        .eval(
            "const rows = [...document.querySelectorAll('#actuals-t6\\\\.k3 tbody tr')];
         return rows.find(r => r.querySelector('th').textContent.trim() === '兰州').textContent",
        )
        .await;
    assert!(
        lanzhou_row
            .as_str()
            .is_some_and(|t| t.contains("由 兰州市 填报")),
        "{lanzhou_row}"
    );
    let baiyin_file = report_and_export(&server, &baiyin, "InProgress", "60", "白银", "15").await;
    baiyin.close().await;

    // Every profile talks to the same server: localStorage is per origin.
    let lanzhou = profile(&server, "u-lanzhou", "兰州市").await;
    let lanzhou_file = report_and_export(&server, &lanzhou, "Done", "90", "兰州", "70").await;
    lanzhou.close().await;

    let office = profile(&server, "u-office", OFFICE).await;
    import(&server, &office, &baiyin_file, "白银市 · 李四").await;
    import(&server, &office, &lanzhou_file, "兰州市 · 测试员").await;
    let (rows, derived) = what_the_office_sees(&server, &office).await;
    let row = |unit: &str| {
        rows.iter()
            .find(|r| r.starts_with(unit))
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        row("白银市").contains("推进中")
            && row("白银市").contains("60%")
            && row("白银市").contains("李四"),
        "{rows:?}"
    );
    assert!(
        row("兰州市").contains("已完成") && row("兰州市").contains("90%"),
        "{rows:?}"
    );
    assert!(
        !derived.contains("已完成") && derived.contains("60%"),
        "{derived}"
    );
    let k3 = office.text("#actuals-t6\\.k3").await;
    assert!(k3.contains("15") && k3.contains("70"), "{k3}");
    // Each city's page shows its own report.
    office.goto(&server.url("#/unit/白银市")).await;
    let own = office
        .wait_for_text(".own-report[data-task='t6']", "60%")
        .await;
    assert!(own.contains("欠进度"), "{own}");
    office.goto(&server.url("#/unit/兰州市")).await;
    office
        .wait_for_text(".own-report[data-task='t6']", "90%")
        .await;
    office.close().await;

    // The other order gives the same.
    let second = profile(&server, "u-office-2", OFFICE).await;
    import(&server, &second, &lanzhou_file, "兰州市").await;
    import(&server, &second, &baiyin_file, "白银市").await;
    let (rows_again, derived_again) = what_the_office_sees(&server, &second).await;
    let strip_times = |rows: &[String]| -> Vec<String> {
        rows.iter()
            .map(|r| {
                r.lines()
                    .filter(|l| !l.starts_with("20"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    };
    assert_eq!(strip_times(&rows_again), strip_times(&rows));
    assert_eq!(derived_again, derived);
    second.close().await;
    let _ = std::fs::remove_file(&baiyin_file);
    let _ = std::fs::remove_file(&lanzhou_file);
}

#[tokio::test]
async fn a_real_conflict_of_one_unit_shows_both_values_and_keeps_the_one_chosen() {
    let server = StaticServer::start(&crate::browser::dist_dir(), "/");
    // 兰州市 on two computers: 60 % on one, later 70 % on the other.
    let first = profile(&server, "c-lz-1", "兰州市").await;
    first.goto(&server.url("#/task/6")).await;
    set_value(&first, "#task-progress", "60").await;
    wait_saved(&first).await;
    first.goto(&server.url("#/data")).await;
    first.click("#export-edits").await;
    let (_, bytes) = first.downloaded(".json").await;
    let file =
        std::env::temp_dir().join(format!("lanbai-u11-conflict-{}.json", std::process::id()));
    std::fs::write(&file, bytes).expect("keep the exported file");
    first.close().await;

    let second = profile(&server, "c-lz-2", "兰州市").await;
    second.goto(&server.url("#/task/6")).await;
    set_value(&second, "#task-progress", "70").await;
    wait_saved(&second).await;
    second.goto(&server.url("#/data")).await;
    second.choose_file("#import-file", &file).await;
    let conflict = second.wait_for_text(".conflict", "60%").await;
    assert!(
        conflict.contains("70%") && conflict.contains("兰州市"),
        "{conflict}"
    );
    // The newer (this browser's 70 %) is the default; the person keeps the file's 60 % instead.
    second.click(".conflict .keep-incoming").await;
    second.click("#import-apply").await;
    second
        .wait_for_text("#data-message", "按你的选择保留了 1")
        .await;
    second.goto(&server.url("#/task/6")).await;
    let row = second
        .wait_for_text(".unit-reports tr[data-unit='兰州市']", "60%")
        .await;
    assert!(!row.contains("70%"), "{row}");
    second.close().await;
    let _ = std::fs::remove_file(&file);
}
