//! The cycle's Office files (issue 12): the 通报 .docx and the 台账 .xlsx, written natively by the same code
//! the import worker runs, then opened by a real office suite — LibreOffice converts each to PDF and the PDF
//! text (pdftotext) must hold every task, unit and figure of the period — and the workbook read back with
//! calamine, cell by cell.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Reader, Xlsx};
use common::*;
use lanbai_planner::date::Date;
use lanbai_planner::i18n::Lang;
use lanbai_planner::journal::{Op, Period, Schedule, Status};
use lanbai_planner::plan::seed::gansu;
use lanbai_planner::report::bulletin::bulletin;
use lanbai_planner::report::bulletin_doc::{blocks, title};
use lanbai_planner::report::ledger::ledger;
use lanbai_planner::report::office::{Job, bulletin_docx, ledger_xlsx, write};

const APR20: i64 = 1_587_348_000_000;
const APRIL: Period = Period::Month {
    year: 2020,
    month: 4,
};

fn journal() -> Vec<Op> {
    vec![
        op_by(
            "a1",
            APR20,
            "白银市",
            "李四",
            unit_status("t6", "白银市", "2020-04", Status::InProgress),
        ),
        op_by(
            "a2",
            APR20 + 1,
            "白银市",
            "李四",
            unit_progress("t6", "白银市", "2020-04", 10),
        ),
        op_by(
            "a3",
            APR20 + 2,
            "白银市",
            "李四",
            lanbai_planner::journal::OpKind::SetReport {
                task: "t6".into(),
                unit: "白银市".into(),
                period: "2020-04".into(),
                part: lanbai_planner::journal::TextPart::Progress,
                text: "新认定高新技术企业5家".into(),
            },
        ),
        op_by(
            "a4",
            APR20 + 3,
            "白银市",
            "李四",
            actual("t6.k3", Some("白银"), "2020-04-15", 15.0),
        ),
        op_by(
            "b1",
            APR20,
            "兰州市",
            "王五",
            unit_status("t6", "兰州市", "2020-04", Status::InProgress),
        ),
        op_by(
            "b2",
            APR20 + 1,
            "兰州市",
            "王五",
            unit_progress("t6", "兰州市", "2020-04", 40),
        ),
    ]
}

fn scratch(tag: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("lanbai-office-export-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// LibreOffice headless → PDF → pdftotext; the text of the PDF.
fn office_text(file: &Path, dir: &Path) -> String {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let status = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .status()
        .expect("LibreOffice (soffice) must be installed: scripts/setup.sh --office");
    assert!(status.success(), "soffice failed on {}", file.display());
    let pdf = file.with_extension("pdf");
    let pdf = dir.join(pdf.file_name().expect("name"));
    // `LANBAI_OFFICE_KEEP=dir` keeps the PDFs for a person to look at.
    if let Some(keep) = std::env::var_os("LANBAI_OFFICE_KEEP") {
        let _ = std::fs::copy(&pdf, Path::new(&keep).join(pdf.file_name().expect("name")));
    }
    // Content order (no -layout): LibreOffice writes a table cell by cell, so a wrapped cell's text stays together.
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_bulletin_opens_in_libreoffice_with_every_lagging_task_unit_and_figure() {
    let plan = gansu();
    let b = bulletin(
        &plan,
        &journal(),
        APRIL,
        Date::parse("2020-04-28").expect("date"),
    );
    let bytes = bulletin_docx(&title(&b, Lang::Zh), &blocks(&b, Lang::Zh)).expect("docx");
    let dir = scratch("docx");
    let file = dir.join("通报-2020-04.docx");
    std::fs::write(&file, &bytes).expect("write");
    let text = squeeze(&office_text(&file, &dir));
    assert!(text.contains(&squeeze(&title(&b, Lang::Zh))), "{text}");
    for part in [
        "一、总体情况",
        "二、欠进度和逾期任务",
        "四、指标完成情况",
        "兰州新区管委会",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    // Every lagging task with its lead units, every missing unit, every reported figure.
    for t in &b.lagging {
        assert!(
            text.contains(&format!("{}%", t.progress)),
            "task {} progress",
            t.number
        );
        for lead in &t.leads {
            assert!(text.contains(&squeeze(lead)), "{lead}");
        }
    }
    for unit in &b.missing_units {
        assert!(text.contains(&squeeze(unit)), "{unit} missing:\n{text}");
    }
    assert!(text.contains("75%"), "白银 15 of 20:\n{text}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_ledger_reads_back_cell_by_cell_and_opens_in_libreoffice() {
    let plan = gansu();
    let periods = Schedule::default().periods(2020);
    let l = ledger(&plan, &journal(), APRIL, &periods);
    assert_eq!(
        l.periods,
        ["2020年1月", "2020年2月", "2020年3月", "2020年4月"]
    );
    let bytes = ledger_xlsx(&l).expect("xlsx");
    let dir = scratch("xlsx");
    let file = dir.join("台账-2020-04.xlsx");
    std::fs::write(&file, &bytes).expect("write");

    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("calamine opens it");
    let range = book.worksheet_range("台账").expect("sheet 台账");
    let cell = |r: u32, c: u32| {
        range
            .get_value((r, c))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    assert!(cell(0, 0).ends_with("工作台账"));
    assert_eq!(cell(1, 1), "任务");
    assert_eq!(cell(1, 11), "2020年4月");
    // Task 6 is the sixth row of tasks.
    assert_eq!(cell(7, 0), "6");
    assert_eq!(cell(7, 2), "兰州市、白银市");
    assert_eq!(cell(7, 6), "欠进度");
    assert_eq!(cell(7, 11), "白银市：新认定高新技术企业5家");
    assert_eq!(range.height(), 12, "title, header and ten tasks");

    let text = squeeze(&office_text(&file, &dir));
    for part in [
        "工作台账",
        "兰州市、白银市",
        "欠进度",
        "新认定高新技术企业5家",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    // Every task and every unit of the plan is in the printed workbook (the task column is wide enough for
    // a task's first twelve characters on one line).
    for task in &plan.tasks {
        let start: String = task.text.chars().take(12).collect();
        assert!(
            text.contains(&squeeze(&start)),
            "task {} missing:\n{text}",
            task.number
        );
        // A unit name may wrap in its cell, and the PDF's text runs line by line across a row's cells, so
        // the name's first line (six characters fit any column) is what is looked for.
        for (_, unit) in task.roles.iter() {
            let head: String = unit.name.chars().take(6).collect();
            assert!(text.contains(&squeeze(&head)), "{} missing", unit.name);
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_worker_job_round_trips_through_json_and_a_bad_job_is_an_error() {
    let plan = gansu();
    let b = bulletin(
        &plan,
        &journal(),
        APRIL,
        Date::parse("2020-04-28").expect("date"),
    );
    let job = Job::Bulletin {
        title: title(&b, Lang::Zh),
        blocks: blocks(&b, Lang::Zh),
    };
    let json = serde_json::to_string(&job).expect("json");
    let bytes = write(&json).expect("written");
    assert_eq!(&bytes[..2], b"PK", "a zip");
    assert!(write("{\"kind\":\"poem\"}").is_err());
    assert!(write("not json").is_err());
}
