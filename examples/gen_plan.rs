//! Regenerates `public/plan.json` from the source text: parse, then the declared curation.
//! Run from the crate root: `cargo run --example gen_plan`.

use lanbai_planner::parse::parse;
use lanbai_planner::plan::curation::apply_curation;
use lanbai_planner::plan::seed::SOURCE_TEXT;
use std::process::ExitCode;

fn main() -> ExitCode {
    let parsed = parse(SOURCE_TEXT);
    for d in &parsed.diagnostics {
        eprintln!("line {}: {}: {}", d.line, d.message, d.text);
    }
    if !parsed.diagnostics.is_empty() {
        eprintln!("not writing public/plan.json: the source must parse without diagnostics");
        return ExitCode::FAILURE;
    }
    let plan = apply_curation(parsed.plan);
    let json = match serde_json::to_string_pretty(&plan) {
        Ok(j) => j + "\n",
        Err(e) => {
            eprintln!("cannot serialise the plan: {e}");
            return ExitCode::FAILURE;
        }
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/plan.json");
    if let Err(e) = std::fs::write(path, json) {
        eprintln!("cannot write {path}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {path}: {} tasks, {} units",
        plan.tasks.len(),
        plan.units.len()
    );
    ExitCode::SUCCESS
}
