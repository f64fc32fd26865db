//! Sync through a real nginx WebDAV folder (Debian's nginx with dav-ext, basic auth), with two or three
//! browser profiles as the devices of different units: edits made while the server is down converge once it
//! is back; a wrong password, a full server and an upload cut before its move keep every edit local and say
//! so; a damaged server file is quarantined, not merged; a fast clock does not win later edits.

use crate::browser::{Browser, dist_dir};
use crate::dav::DavServer;
use crate::edits::set_value;
use crate::{OFFICE, open_as_at};

const PLAN: &str = "gansu-2020-shuangqu";
const USER: &str = "lanbai";
const PASSWORD: &str = "兰白-2020";

/// Fills in #/sync and turns sync on; `create` also creates the plan's folder when the test says it is missing.
async fn turn_on(b: &Browser, dav: &DavServer, password: &str, create: bool) {
    b.goto(&dav.url("#/sync")).await;
    b.text("#sync-folder").await;
    set_value(b, "#sync-user", USER).await;
    set_value(b, "#sync-password", password).await;
    if create {
        b.click("#sync-test").await;
        b.wait_for_text("#sync-verdict", "还没有本计划的同步文件夹")
            .await;
        b.click("#sync-create").await;
        b.wait_for_text("#sync-verdict", "已创建").await;
    }
    b.click("#sync-on").await;
}

/// Rounds this page has finished (the header's `data-rounds`).
async fn rounds(b: &Browser) -> u64 {
    b.eval("const s = document.querySelector('.topbar .sync-status'); return s ? Number(s.dataset.rounds) : 0")
        .await
        .as_u64()
        .unwrap_or(0)
}

/// Waits for a round that ends after `after` rounds and for the header to say `needle` (up to ~20 s: the
/// round after an edit waits 2 s, and a retry after a failure 5 s).
async fn round_says(b: &Browser, after: u64, needle: &str) -> String {
    for _ in 0..400 {
        if rounds(b).await > after {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    header_says(b, needle).await
}

async fn header_says(b: &Browser, needle: &str) -> String {
    b.wait_for_text_polling(".topbar .sync-status", needle, 400)
        .await
}

/// The window gets focus again, as when the person comes back to it: a round starts and finishes.
async fn focus(b: &Browser, needle: &str) -> String {
    let n = rounds(b).await;
    b.eval("window.dispatchEvent(new Event('focus'))").await;
    round_says(b, n, needle).await
}

/// Sets a task's progress and waits for the round that follows the edit.
async fn edit_and_sync(b: &Browser, dav: &DavServer, task: u32, percent: &str, needle: &str) {
    let n = rounds(b).await;
    set_progress(b, dav, task, percent).await;
    round_says(b, n, needle).await;
}

async fn set_progress(b: &Browser, dav: &DavServer, task: u32, percent: &str) {
    b.goto(&dav.url(&format!("#/task/{task}"))).await;
    b.text("#task-progress").await;
    set_value(b, "#task-progress", percent).await;
}

/// The journal this profile holds, as history shows it.
async fn history(b: &Browser, dav: &DavServer, needle: &str) -> String {
    b.goto(&dav.url("#/history")).await;
    b.wait_for_text_polling(".history", needle, 400).await
}

#[tokio::test]
async fn two_units_edit_while_the_server_is_down_and_converge_once_it_is_back() {
    let mut dav = DavServer::start(&dist_dir(), USER, PASSWORD);
    let baiyin = open_as_at("sync-by", &dav.url("#/"), "白银市").await;
    let lanzhou = open_as_at("sync-lz", &dav.url("#/"), "兰州市").await;
    turn_on(&baiyin, &dav, PASSWORD, true).await;
    header_says(&baiyin, "已同步").await;
    turn_on(&lanzhou, &dav, PASSWORD, false).await;
    header_says(&lanzhou, "已同步").await;

    dav.stop();
    edit_and_sync(&baiyin, &dav, 6, "41", "离线：1 条修改待同步").await;
    set_progress(&lanzhou, &dav, 6, "37").await;
    edit_and_sync(&lanzhou, &dav, 7, "12", "离线：2 条修改待同步").await;
    crate::cycle::look(&lanzhou, "sync-offline").await;

    dav.resume();
    // Nobody touches 白银市's window: its retry finds the server back by itself (back-off is capped at 30 s
    // while the server cannot be reached).
    baiyin
        .wait_for_text_polling(".topbar .sync-status", "已同步", 900)
        .await;
    focus(&lanzhou, "已同步").await;
    focus(&baiyin, "已同步").await;
    let seen = history(&baiyin, &dav, "37%").await;
    assert!(seen.contains("41%") && seen.contains("12%"), "{seen}");
    let seen = history(&lanzhou, &dav, "41%").await;
    assert!(seen.contains("37%") && seen.contains("12%"), "{seen}");
    lanzhou.goto(&dav.url("#/sync")).await;
    lanzhou.text("#sync-folder").await;
    crate::cycle::look(&lanzhou, "sync-page").await;

    // Each device wrote only its own files, whole: every file on the server is `<writer>.<n>.json`, and each
    // writer's files were put by exactly one device.
    let folder = dav.sync_dir().join(PLAN);
    let names: Vec<String> = std::fs::read_dir(&folder)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".0.json")), "{names:?}");
    let uploads: Vec<_> = dav
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .collect();
    assert!(
        uploads
            .iter()
            .all(|r| r.uri.ends_with(".part") && r.status == 201),
        "{uploads:?}"
    );
    baiyin.close().await;
    lanzhou.close().await;
}

#[tokio::test]
async fn a_wrong_password_a_full_server_and_a_cut_upload_keep_the_edits_here_and_say_so() {
    let dav = DavServer::start(&dist_dir(), USER, PASSWORD);
    std::fs::create_dir_all(dav.sync_dir().join(PLAN)).expect("the plan folder");
    let b = open_as_at("sync-faults", &dav.url("#/"), "白银市").await;
    turn_on(&b, &dav, "wrong", false).await;
    header_says(&b, "用户名或密码不对").await;
    edit_and_sync(&b, &dav, 6, "41", "用户名或密码不对").await;
    b.goto(&dav.url("#/sync")).await;
    b.wait_for_text("#sync-ask-password", "请重新输入").await;
    set_value(&b, "#sync-password", PASSWORD).await;
    let n = rounds(&b).await;
    b.click("#sync-on").await;
    round_says(&b, n, "已同步").await;

    dav.set_flag("full", true);
    edit_and_sync(&b, &dav, 6, "42", "服务器存储空间已满（507）").await;
    dav.set_flag("full", false);
    dav.set_flag("no-move", true);
    focus(&b, "服务器返回错误 503").await;
    dav.set_flag("no-move", false);
    focus(&b, "已同步").await;

    // Another device gets both edits, once each; the cut upload left nothing behind.
    let other = open_as_at("sync-faults-2", &dav.url("#/"), OFFICE).await;
    turn_on(&other, &dav, PASSWORD, false).await;
    header_says(&other, "已同步").await;
    let seen = history(&other, &dav, "42%").await;
    assert!(seen.contains("41%"), "{seen}");
    let leftovers: Vec<_> = std::fs::read_dir(dav.sync_dir().join(PLAN))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    b.close().await;
    other.close().await;
}

#[tokio::test]
async fn a_damaged_server_file_is_quarantined_and_a_fast_clock_does_not_win_later_edits() {
    let dav = DavServer::start(&dist_dir(), USER, PASSWORD);
    let folder = dav.sync_dir().join(PLAN);
    std::fs::create_dir_all(&folder).expect("the plan folder");
    // A laptop of 白银市 whose clock runs a year ahead.
    let fast = Browser::start("sync-fast").await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    fast.set_clock(now + 365 * 86_400_000).await;
    fast.goto(&dav.url("#/")).await;
    fast.act_as("白银市").await;
    turn_on(&fast, &dav, PASSWORD, false).await;
    header_says(&fast, "已同步").await;
    edit_and_sync(&fast, &dav, 6, "90", "已同步").await;

    // A colleague at 白银市 with a right clock sees it, corrects it; the correction wins everywhere.
    let right = open_as_at("sync-right", &dav.url("#/"), "白银市").await;
    turn_on(&right, &dav, PASSWORD, false).await;
    header_says(&right, "已同步").await;
    right.goto(&dav.url("#/task/6")).await;
    right.wait_for_text_polling("#main", "90%", 400).await;
    let n = rounds(&right).await;
    set_value(&right, "#task-progress", "35").await;
    round_says(&right, n, "已同步").await;
    focus(&fast, "已同步").await;
    fast.goto(&dav.url("#/task/6")).await;
    fast.text("#task-progress").await;
    let mut progress = serde_json::Value::Null;
    for _ in 0..100 {
        progress = fast
            .eval("return document.querySelector('#task-progress').value")
            .await;
        if progress == serde_json::json!("35") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        progress,
        serde_json::json!("35"),
        "the later edit wins on the fast laptop too"
    );
    // Each edit keeps its own machine's wall time: the correction is dated today, not next year.
    history(&right, &dav, "35%").await;
    let line = right
        .eval("return [...document.querySelectorAll('.history li')].find(li => li.textContent.includes('35%')).textContent")
        .await;
    let today = lanbai_planner::date::Date::from_unix_ms(now).iso();
    let line = line.as_str().unwrap_or_default().to_string();
    assert!(line.contains(&today[..7]), "{line} is not dated {today}");
    right.goto(&dav.url("#/data")).await;
    right.wait_for_text(".devices", "时钟快了约 36").await;
    crate::cycle::look(&right, "sync-devices").await;

    // Someone edits the fast laptop's file by hand on the server: its checksum fails.
    let file = std::fs::read_dir(&folder)
        .expect("the plan folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("\"percent\":90")))
        .expect("the fast laptop's file");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace("\"percent\":90", "\"percent\":99")).expect("write");
    let third = open_as_at("sync-third", &dav.url("#/"), "兰州市").await;
    turn_on(&third, &dav, PASSWORD, false).await;
    header_says(&third, "已同步").await;
    third.goto(&dav.url("#/data")).await;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    third.wait_for_text("#main", &name).await;
    let seen = history(&third, &dav, "35%").await;
    assert!(
        !seen.contains("99%") && !seen.contains("90%"),
        "the damaged file is not merged: {seen}"
    );
    for b in [fast, right, third] {
        b.close().await;
    }
}

#[tokio::test]
async fn a_server_that_refuses_large_uploads_says_so_and_keeps_the_edit() {
    let dav = DavServer::start_with(&dist_dir(), USER, PASSWORD, "200");
    std::fs::create_dir_all(dav.sync_dir().join(PLAN)).expect("the plan folder");
    let b = open_as_at("sync-413", &dav.url("#/"), "白银市").await;
    turn_on(&b, &dav, PASSWORD, false).await;
    header_says(&b, "已同步").await;
    edit_and_sync(&b, &dav, 6, "41", "服务器拒收这么大的文件（413）").await;
    b.goto(&dav.url("#/history")).await;
    b.wait_for_text(".history", "41%").await;
    b.close().await;
}
