//! The hardening attack, replayed on the release build: corrupted storage, hostile edits files and script
//! payloads. Each class prints its tries and failures (run with `--nocapture` to see the table) and fails
//! the test if any try failed, naming every one.

use crate::attack_cases::{OPS, PLAN, storage_cases};
use crate::attack_files::{Expect, file_cases, payloads};
use crate::browser::{Browser, TempDir};
use crate::server::StaticServer;
use lanbai_planner::journal::{Op, OpKind, export};
use serde_json::{Value, json};
use std::time::Duration;

/// Polls `script` until it returns something other than `null` or `false`, for at most ~15 s.
pub async fn poll(b: &Browser, script: &str) -> Option<Value> {
    for _ in 0..150 {
        match b.client.execute(script, vec![]).await {
            Ok(Value::Null | Value::Bool(false)) | Err(_) => {}
            Ok(v) => return Some(v),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

/// The edit count in the header once the app has mounted.
async fn header_count(b: &Browser) -> Option<usize> {
    let text = poll(
        b,
        "const s = document.querySelector('.data-status'); return s && s.textContent",
    )
    .await?;
    let text = text.as_str()?;
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

async fn banners(b: &Browser) -> String {
    b.client
        .execute(
            "const e = document.querySelector('.banners'); return e ? e.textContent : ''",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Replaces this origin's storage with `entries`, from a page of the origin that runs no app.
async fn plant(b: &Browser, server: &StaticServer, entries: &[(String, String)]) {
    b.goto(&format!("{}manifest.webmanifest", server.url("")))
        .await;
    let _ = b
        .client
        .execute(
            "localStorage.clear(); for (const [k, v] of arguments[0]) localStorage.setItem(k, v);",
            vec![json!(entries)],
        )
        .await;
}

/// Why one load of the app after a storage attack was not acceptable, if it was not.
async fn check_load(
    b: &Browser,
    server: &StaticServer,
    floor: usize,
    nothing_removed: bool,
) -> Result<(), String> {
    b.goto(&server.url("#/")).await;
    let count = header_count(b).await.ok_or("the app did not mount")?;
    if count < floor {
        return Err(format!(
            "{count} edits shown, at least {floor} are readable"
        ));
    }
    if nothing_removed && banners(b).await.contains("消失") {
        return Err("says pieces of the journal are gone, though none was removed".into());
    }
    b.goto(&server.url("#/data")).await;
    poll(
        b,
        "const h = document.querySelector('h1'); return h && h.textContent.includes('数据与备份')",
    )
    .await
    .ok_or("the data page did not open")?;
    Ok(())
}

pub fn report(class: &str, tries: usize, failures: &[String]) {
    println!(
        "attack class {class}: {tries} tries, {} failures",
        failures.len()
    );
    for f in failures {
        println!("  FAILED {f}");
    }
}

#[tokio::test]
async fn attack_storage_corruption_never_locks_anyone_out() {
    let server = StaticServer::start(&crate::browser::dist_dir(), "/");
    let b = Browser::start("attack-storage").await;
    let cases = storage_cases();
    let mut failures = Vec::new();
    for case in &cases {
        plant(&b, &server, &case.entries).await;
        // Twice: the first load quarantines, the second must start clean from what the first left.
        for load in ["first", "second"] {
            if let Err(why) = check_load(&b, &server, case.floor, case.nothing_removed).await {
                failures.push(format!("{} ({load} load): {why}", case.name));
                break;
            }
        }
    }
    report("storage corruption", cases.len(), &failures);
    b.close().await;
    assert!(failures.is_empty(), "{failures:#?}");
}

/// What the data page shows after a file was chosen: (refusal message, preview text).
async fn import_outcome(b: &Browser) -> (Option<String>, Option<String>) {
    let v = poll(
        b,
        "const m = document.querySelector('#data-message');
         const p = document.querySelector('.import-preview');
         return (m || p) ? [m ? m.textContent : null, p ? p.textContent : null] : null",
    )
    .await;
    let get = |i: usize| v.as_ref().and_then(|v| v[i].as_str()).map(str::to_string);
    (get(0), get(1))
}

async fn journal_snapshot(b: &Browser) -> Value {
    b.eval(
        "return Object.keys(localStorage).filter(k => k.startsWith('lanbai:v1:')).sort()
           .map(k => [k, localStorage.getItem(k)])",
    )
    .await
}

/// Parser or type words that must never reach a person reading Chinese.
const FOREIGN: [&str; 8] = [
    "expected",
    "struct",
    "invalid type",
    "at line",
    "Wire",
    "missing field",
    "unknown variant",
    "EOF",
];

#[tokio::test]
async fn attack_hostile_edit_files_are_refused_or_shown_and_change_nothing() {
    let server = StaticServer::start(&crate::browser::dist_dir(), "/");
    let b = Browser::start("attack-files").await;
    // A local journal for the files to collide with.
    plant(&b, &server, &crate::attack_cases::journal()).await;
    let dir = TempDir::new("attack-files");
    let cases = file_cases();
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        b.goto(&server.url("#/data")).await;
        if header_count(&b).await != Some(OPS) {
            failures.push(format!(
                "{}: the app did not start with the {OPS} stored edits",
                case.name
            ));
            continue;
        }
        let before = journal_snapshot(&b).await;
        let path = dir.0.join(format!("case-{n}.json"));
        if std::fs::write(&path, &case.text).is_err() {
            failures.push(format!("{}: could not write the file", case.name));
            continue;
        }
        b.choose_file("#import-file", &path).await;
        let (message, preview) = import_outcome(&b).await;
        let shown = format!(
            "{}{}",
            message.clone().unwrap_or_default(),
            preview.clone().unwrap_or_default()
        );
        let verdict = match (&case.expect, &message, &preview) {
            (_, None, None) => Err("nothing was shown".to_string()),
            (Expect::Accept, _, None) => Err(format!("refused: {shown}")),
            (Expect::Refuse, _, Some(_)) => Err(format!("offered to merge: {shown}")),
            (Expect::RefuseOrFlag(words), None, Some(p))
                if !words.iter().any(|w| p.contains(w)) =>
            {
                Err(format!("merged silently: {p}"))
            }
            _ => Ok(()),
        };
        let verdict = verdict.and_then(|()| match FOREIGN.iter().find(|w| shown.contains(*w)) {
            Some(w) => Err(format!("shows parser words ({w}): {shown}")),
            None => Ok(()),
        });
        if let Err(why) = verdict {
            failures.push(format!("{}: {why}", case.name));
        }
        if journal_snapshot(&b).await != before {
            failures.push(format!(
                "{}: stored edits changed before anything was merged",
                case.name
            ));
        }
    }
    report("hostile edit files", cases.len(), &failures);
    b.close().await;
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Elements that only markup taken from a payload could have made: inline handlers, script-bearing URLs, or
/// active elements carrying the marker.
const INJECTED: &str = "return [...document.querySelectorAll('*')].filter(e =>
    [...e.attributes].some(a => /^on/i.test(a.name)
      || (/^(href|src|action|formaction|data)$/i.test(a.name) && /^\\s*(javascript|data:text\\/html)/i.test(a.value)))
    || (/^(SCRIPT|IFRAME|OBJECT|EMBED|BASE|META|LINK|STYLE)$/.test(e.tagName) && e.outerHTML.includes('xssmark'))
  ).map(e => e.outerHTML.slice(0, 120)).concat(window.__xss ? ['window.__xss was set'] : [])";

#[tokio::test]
async fn attack_script_payloads_stay_text_on_every_page() {
    let server = StaticServer::start(&crate::browser::dist_dir(), "/");
    let b = Browser::start("attack-xss").await;
    let payloads = payloads();
    let ops: Vec<Op> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| Op {
            id: format!("wxss-{i}"),
            at: 1_593_500_000_000 + i as i64,
            hlc: None,
            kind: OpKind::AddNote {
                task: format!("t{}", 1 + i % 10),
                note_id: format!("x{i}"),
                date: "2020-06-30".into(),
                author: Some(p.chars().take(100).collect()),
                text: p.clone(),
            },
            cause: None,
            unit: None,
            by: None,
        })
        .collect();
    let dir = TempDir::new("attack-xss");
    let path = dir.0.join("payloads.json");
    std::fs::write(&path, export(PLAN, 1_593_500_000_000, &ops).to_json())
        .expect("write the payload file");
    b.goto(&server.url("#/data")).await;
    b.choose_file("#import-file", &path).await;
    b.click("#import-apply").await;
    b.wait_for_text("#data-message", &payloads.len().to_string())
        .await;
    let mut pages: Vec<String> = (1..=10).map(|t| format!("#/task/{t}")).collect();
    pages.extend(["#/history", "#/print", "#/", "#/units", "#/targets"].map(String::from));
    pages.push("#/search?q=xssmark".into());
    let mut failures = Vec::new();
    for page in &pages {
        b.goto(&server.url(page)).await;
        if header_count(&b).await.is_none() {
            failures.push(format!("{page}: the app did not mount"));
            continue;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        let found: Vec<String> = serde_json::from_value(b.eval(INJECTED).await).unwrap_or_default();
        if !found.is_empty() {
            failures.push(format!("{page}: {found:?}"));
        }
        let as_text = b
            .eval("return document.body.textContent.includes('xssmark')")
            .await;
        if page.starts_with("#/task/") && as_text != Value::Bool(true) {
            failures.push(format!("{page}: the notes are not shown as text"));
        }
    }
    report(
        &format!("script payloads ({} payloads)", payloads.len()),
        pages.len(),
        &failures,
    );
    b.close().await;
    assert!(failures.is_empty(), "{failures:#?}");
}
