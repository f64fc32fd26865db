//! Issue 17's storage attacks, tried as a person meets them in Chromium: a meta record that claims a billion
//! chunks, an import that does not fit, storage too full to set a bad value aside or to remember an export,
//! and one bad token inside a stored chunk.

use crate::browser::Browser;
use crate::edits::{set_value, wait_saved};
use crate::open_as;
use lanbai_planner::journal::{Op, OpKind, export};

const PLAN: &str = "gansu-2020-shuangqu";

/// Fills localStorage until it refuses even a one-character value, then frees about `room` UTF-16 units.
async fn fill_storage(b: &Browser, room: usize) {
    b.eval(&format!(
        "const big = 'x'.repeat(256 * 1024); let i = 0;
         try {{ for (;;) {{ localStorage.setItem('filler:' + i, big); i++; }} }} catch (e) {{}}
         const small = 'y'.repeat(1024);
         try {{ for (;;) {{ localStorage.setItem('filler:s' + i, small); i++; }} }} catch (e) {{}}
         for (const tiny of ['z'.repeat(32), 'z']) {{
           try {{ for (;;) {{ localStorage.setItem('filler:t' + i, tiny); i++; }} }} catch (e) {{}}
         }}
         try {{ for (;;) {{ localStorage.setItem('~' + (i++).toString(36), ''); }} }} catch (e) {{}}
         const smalls = Object.keys(localStorage).filter(k => k.startsWith('filler:s'));
         for (const k of smalls.slice(0, Math.ceil({room} / 1024))) localStorage.removeItem(k);"
    ))
    .await;
}

async fn journal_keys(b: &Browser) -> Vec<String> {
    let v = b
        .eval("return Object.keys(localStorage).filter(k => k.includes(':journal:')).sort()")
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

/// `n` edits of writer `writer` in the stored chunk layout (256 a chunk), as the app writes them.
fn plant_chunks_script(writer: &str, n: usize) -> String {
    format!(
        "for (let c = 0; c * 256 < {n}; c++) {{
           const ops = [];
           for (let i = c * 256; i < Math.min({n}, (c + 1) * 256); i++)
             ops.push({{id: '{writer}-' + i, at: 1590000000000 + i * 1000,
                        kind: {{type: 'set_progress', task: 't' + (i % 10 + 1), percent: i % 101}}}});
           localStorage.setItem('lanbai:v1:{PLAN}:journal:{writer}:' + c,
             JSON.stringify({{schema: 1, writer: '{writer}', chunk: c, ops}}));
         }}"
    )
}

#[tokio::test]
async fn a_meta_claiming_a_billion_chunks_is_set_aside_and_every_edit_shows() {
    let (server, b) = open_as("h-meta", crate::OFFICE).await;
    b.goto(&server.url("#/data")).await;
    b.wait_for_text("#edit-count", "0").await;
    b.eval(&plant_chunks_script("old", 534)).await;
    b.eval(&format!(
        "localStorage.setItem('lanbai:v1:{PLAN}:meta:old',
           JSON.stringify({{schema: 1, writer: 'old', first_chunk: 0, chunks: 1000000000, ops: 534}}))"
    ))
    .await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#edit-count", "534").await;
    b.wait_for_text("#quarantine-banner", "隔离").await;
    b.wait_for_text(".data-status", "534").await;
    assert_eq!(
        b.eval("return document.querySelector('#missing-banner') === null")
            .await,
        true,
        "no chunk is reported missing"
    );
    let kept = b
        .eval("return Object.keys(localStorage).filter(k => k.startsWith('lanbai:quarantine:')).map(k => localStorage.getItem(k))")
        .await;
    assert!(
        kept.to_string().contains("1000000000"),
        "the lie is kept verbatim: {kept}"
    );
    // Every later load starts the same way, with nothing more to set aside.
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#edit-count", "534").await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text("h1", "任务 1").await;
    set_value(&b, "#task-progress", "77").await;
    b.goto(&server.url("#/data")).await;
    b.wait_for_text("#edit-count", "535").await;
    b.close().await;
}

fn big_edits_file(n: usize) -> String {
    let ops: Vec<Op> = (0..n)
        .map(|i| Op {
            id: format!("file-{i}"),
            at: 1_590_000_000_000 + i as i64 * 1000,
            hlc: None,
            kind: OpKind::AddNote {
                task: format!("t{}", i % 10 + 1),
                note_id: format!("file-n{i}"),
                date: "2020-05-20".into(),
                author: None,
                text: "从同事文件导入的进展说明，内容较长以便占用存储空间。".repeat(3),
            },
            cause: None,
            unit: None,
            by: None,
        })
        .collect();
    export(PLAN, 1_590_100_000_000, &ops).to_json()
}

#[tokio::test]
async fn an_import_that_does_not_fit_is_refused_whole_and_a_later_edit_still_saves() {
    let (server, b) = open_as("h-import", crate::OFFICE).await;
    b.goto(&server.url("#/task/3")).await;
    b.wait_for_text("h1", "任务 3").await;
    set_value(&b, "#task-progress", "10").await;
    wait_saved(&b).await;
    let file = b.downloads.join("colleague-edits.json");
    std::fs::write(&file, big_edits_file(3000)).expect("write the edits file");
    b.goto(&server.url("#/data")).await;
    b.wait_for_text("#edit-count", "1").await;
    let before = journal_keys(&b).await;
    fill_storage(&b, 40 * 1024).await;
    b.choose_file("#import-file", &file).await;
    b.wait_for_text("#import-summary", "新增 3000").await;
    b.click("#import-apply").await;
    let message = b.wait_for_text("#data-message", "一条也没有导入").await;
    assert!(message.contains("3000"), "{message}");
    assert_eq!(b.text("#edit-count").await, "1", "nothing was merged");
    assert_eq!(journal_keys(&b).await, before, "nothing was stored");
    // An ordinary edit after the refusal is saved, and survives a reload.
    b.goto(&server.url("#/task/3")).await;
    set_value(&b, "#task-progress", "30").await;
    let stored = "return Object.values(localStorage).some(v => v.includes('\"percent\":30'))";
    let mut saved = false;
    for _ in 0..200 {
        saved = b.eval(stored).await == true;
        if saved {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(saved, "the later edit reached localStorage");
    b.client.refresh().await.expect("reload");
    b.goto(&server.url("#/data")).await;
    b.wait_for_text("#edit-count", "2").await;
    b.close().await;
}

#[tokio::test]
async fn with_storage_full_every_value_the_banner_counts_is_listed_and_an_unsaved_export_time_is_said()
 {
    let (server, b) = open_as("h-full", crate::OFFICE).await;
    b.goto(&server.url("#/task/1")).await;
    b.wait_for_text("h1", "任务 1").await;
    set_value(&b, "#task-progress", "20").await;
    wait_saved(&b).await;
    let chunk = journal_keys(&b).await.first().cloned().expect("a chunk");
    b.eval(&format!(
        "localStorage.setItem({chunk:?}, '{{\"broken\": ')"
    ))
    .await;
    fill_storage(&b, 0).await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#left-in-place-banner", "原样留在原处")
        .await;
    // The banner sits under the sticky header in this small window; a script click is what scrolling does.
    b.eval("document.querySelector('#left-in-place-banner a').click()")
        .await;
    let listed = b.wait_for_text("#quarantine-list", &chunk).await;
    assert!(listed.contains("未能隔离"), "{listed}");
    b.click(".download-quarantine").await;
    let (_, bytes) = b.downloaded(".txt").await;
    assert_eq!(bytes, b"{\"broken\": ");
    b.click("#export-edits").await;
    b.downloaded(".json").await;
    b.wait_for_text("#settings-unsaved-banner", "从未导出")
        .await;
    b.close().await;
}

#[tokio::test]
async fn one_bad_token_costs_one_edit_and_a_repaired_copy_brings_it_back() {
    let (server, b) = open_as("h-token", crate::OFFICE).await;
    b.goto(&server.url("#/data")).await;
    b.wait_for_text("#edit-count", "0").await;
    let note = |n: u32, at: &str| {
        format!(
            r#"{{"id":"old-{n}","at":{at},"kind":{{"type":"add_note","task":"t2","note_id":"old-n{n}","date":"2020-05-20","text":"第{n}条进展"}}}}"#
        )
    };
    let chunk = |middle_at: &str| {
        format!(
            r#"{{"schema":1,"writer":"old","chunk":0,"ops":[{},{},{}]}}"#,
            note(1, "1590000000000"),
            note(2, middle_at),
            note(3, "1590000002000")
        )
    };
    let damaged = chunk("1e400");
    b.eval(&format!(
        "localStorage.setItem('lanbai:v1:{PLAN}:journal:old:0', {damaged:?});
         localStorage.setItem('lanbai:v1:{PLAN}:meta:old',
           JSON.stringify({{schema: 1, writer: 'old', first_chunk: 0, chunks: 1, ops: 3}}));"
    ))
    .await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#quarantine-banner", "隔离").await;
    b.wait_for_text("#edit-count", "2").await;
    // The app's own quarantine is not a disappearance, on this load or the next.
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#edit-count", "2").await;
    assert_eq!(
        b.eval("return document.querySelector('#missing-banner') === null")
            .await,
        true
    );
    let repaired = b.downloads.join("repaired-copy.json");
    std::fs::write(&repaired, chunk("1590000001000")).expect("write the repaired copy");
    b.choose_file(".repair-file", &repaired).await;
    let message = b.wait_for_text("#repair-message", "读出 3 条").await;
    assert!(message.contains("1 条是新的"), "{message}");
    b.wait_for_text("#edit-count", "3").await;
    b.client.refresh().await.expect("reload");
    b.wait_for_text("#edit-count", "3").await;
    b.goto(&server.url("#/task/2")).await;
    b.wait_for_text(".note-list", "第2条进展").await;
    b.close().await;
}
