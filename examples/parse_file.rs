//! Parses a plan text file and prints the plan as JSON and the diagnostics: a quick look at what the importer
//! makes of a document. `cargo run --example parse_file -- path/to/plan.txt` (or a .docx / .xlsx; set
//! `SHOW_TEXT=1` to see the text read from it).
use lanbai_planner::i18n::Lang;
use lanbai_planner::parse::{office, parse};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_file <plan.txt>");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    // A Word or Excel file is read as the import worker reads it; anything else as UTF-8 text.
    let text = match String::from_utf8(bytes.clone()) {
        Ok(t) => t,
        Err(_) => match office::to_text(&bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {path}: {}", e.message(Lang::En));
                std::process::exit(1);
            }
        },
    };
    if std::env::var_os("SHOW_TEXT").is_some() {
        eprintln!("{text}");
    }
    let parsed = parse(&text);
    match serde_json::to_string_pretty(&parsed.plan) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("cannot serialise: {e}"),
    }
    for d in &parsed.diagnostics {
        eprintln!("line {}: {}: {}", d.line, d.message, d.text);
    }
}
