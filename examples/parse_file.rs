//! Parses a plan text file and prints the plan as JSON and the diagnostics: a quick look at what the importer
//! makes of a document. `cargo run --example parse_file -- path/to/plan.txt`
use lanbai_planner::parse::parse;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_file <plan.txt>");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let parsed = parse(&text);
    match serde_json::to_string_pretty(&parsed.plan) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("cannot serialise: {e}"),
    }
    for d in &parsed.diagnostics {
        eprintln!("line {}: {}: {}", d.line, d.message, d.text);
    }
}
