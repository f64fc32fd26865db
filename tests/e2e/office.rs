//! Word and Excel plans in the import page, as a person brings them: a 任务分工表 in a .docx (written by
//! LibreOffice, `tests/fixtures/office/`) is read in the import worker, previewed, saved and explored like
//! the shipped plan; an .xlsx 台账 previews the same tasks; an old .doc and a damaged .xlsx are refused with
//! what to do, and nothing is saved.

use crate::open;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/office")
        .join(name)
}

#[tokio::test]
async fn a_task_table_in_word_imports_into_a_plan_that_explores_like_the_shipped_one() {
    let (server, b) = open("office-docx").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    b.choose_file("#import-file", &fixture("gansu-2020-fengong.docx"))
        .await;
    b.wait_for_text("#preview-tasks", "10").await;
    let draft = b
        .eval("return document.querySelector('#import-text').value")
        .await;
    assert!(
        draft
            .as_str()
            .is_some_and(|t| t.contains("序号 | 工作任务 | 牵头单位")),
        "the text read from the file is the draft: {draft}"
    );
    assert!(b.text("#preview-deadlines").await.starts_with("10"));
    b.click("#import-save").await;
    b.wait_for_text("h1", "2020年双区建设工作要点任务分工表")
        .await;

    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    assert_eq!(b.texts(".role-lead .unit-link").await, ["兰州市", "白银市"]);
    // Task 7's lead cell is merged with task 6's in the table: it leads both.
    b.goto(&server.url("#/task/7")).await;
    b.wait_for_text("h1", "任务 7").await;
    assert_eq!(b.texts(".role-lead .unit-link").await, ["兰州市", "白银市"]);
    b.goto(&server.url("#/unit/%E7%9C%81%E7%A7%91%E6%8A%80%E5%8E%85"))
        .await;
    b.wait_for_text("h1", "省科技厅").await;
    assert_eq!(
        b.texts(".duty-cooperating .task-link .task-no").await,
        ["5", "10"]
    );
    b.close().await;
}

#[tokio::test]
async fn an_excel_ledger_previews_and_old_or_damaged_files_are_refused_with_what_to_do() {
    let (server, b) = open("office-xlsx").await;
    b.goto(&server.url("#/import")).await;
    b.wait_for_text("h1", "导入计划").await;
    b.choose_file("#import-file", &fixture("gansu-2020-taizhang.xlsx"))
        .await;
    b.wait_for_text("#preview-tasks", "10").await;
    let first = b.text(".preview-task").await;
    assert!(
        first.contains("兰白国家自主创新示范区办公室") && first.contains("2020年12月底前"),
        "{first}"
    );

    b.choose_file("#import-file", &fixture("gansu-2020-fengong.doc"))
        .await;
    b.wait_for_text(".import-message", "另存为").await;

    let dir = std::env::temp_dir().join(format!("lanbai-office-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let damaged = dir.join("台账-损坏.xlsx");
    let whole = std::fs::read(fixture("gansu-2020-taizhang.xlsx")).expect("fixture");
    std::fs::write(&damaged, &whole[..whole.len() / 2]).expect("write");
    b.choose_file("#import-file", &damaged).await;
    b.wait_for_text(".import-message", "损坏").await;

    // Nothing was saved: the plan list holds the shipped plan only.
    b.goto(&server.url("#/plans")).await;
    b.wait_for_text(".plans-table", "甘肃省出台2020年双区建设工作要点")
        .await;
    assert_eq!(b.texts("#plan-switcher option").await.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
    b.close().await;
}

/// The text a real office suite finds in a downloaded Word or Excel file: LibreOffice headless converts it to
/// PDF and pdftotext reads the PDF; whitespace is dropped, since table cells wrap anywhere.
pub fn pdf_text(file: &std::path::Path) -> String {
    use std::process::Command;
    let dir = file.with_extension("lo");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let status = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(file)
        .status()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh --office");
    assert!(
        status.success(),
        "LibreOffice could not open {}",
        file.display()
    );
    let name = file.with_extension("pdf");
    let pdf = dir.join(name.file_name().expect("a file name"));
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}
