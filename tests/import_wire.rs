//! The import worker posts its parse back as a head and chunks of JSON (issue 17 item 2): what the page
//! reads back must be exactly what parsing on the page would have given, for a 10,000-task plan and for
//! 2 MB of noise (the units' bases of issue 15 item 13 included), and no chunk may be large (the page reads one between two frames).

use lanbai_planner::parse::wire::{self, CHUNK, Wire};
use lanbai_planner::parse::{Parsed, parse};
use lanbai_planner::synthetic::{self, Spec, SplitMix};

fn round_trips(text: &str) -> Parsed {
    let parsed = parse(text);
    let sent = Wire::of(&parsed).expect("a parse serialises");
    let items = parsed.plan.tasks.len().div_ceil(CHUNK)
        + parsed.diagnostics.len().div_ceil(CHUNK)
        + parsed.bases.len().div_ceil(CHUNK);
    assert_eq!(
        sent.chunks.len(),
        items,
        "tasks, diagnostics and the units' bases in chunks of {CHUNK}"
    );
    let back = wire::read(&sent).expect("and reads back");
    assert_eq!(back, parsed);
    back
}

#[test]
fn a_10000_task_plan_reads_back_from_the_workers_json_unchanged() {
    let text = synthetic::text(&synthetic::plan(Spec::new(10_000, 2020)));
    let back = round_trips(&text);
    assert_eq!(back.plan.tasks.len(), 10_000);
}

#[test]
fn random_lines_and_their_diagnostics_read_back_unchanged() {
    let mut rng = SplitMix::new(17);
    let alphabet: Vec<char> = "的一是（）1.、；：牵头单位abc<>&\"\\\t 　"
        .chars()
        .collect();
    let mut text = String::new();
    while text.len() < 2 * 1024 * 1024 {
        let n = rng.below(60);
        text.extend((0..n).map(|_| *rng.pick(&alphabet)));
        text.push('\n');
    }
    let back = round_trips(&text);
    assert!(
        back.diagnostics.len() > CHUNK,
        "noise is flagged, in several chunks"
    );
}

#[test]
fn a_reply_from_another_build_is_an_error_not_a_panic() {
    assert!(wire::Reader::new("{\"plan\": 1}").is_err());
    assert!(wire::Reader::new("").is_err());
    let sent = Wire::of(&parse(
        "某市2021年工作要点\n一、重点任务\n1.一项工作。（牵头单位：市科技局）",
    ))
    .expect("serialises");
    let mut reader = wire::Reader::new(&sent.head).expect("a head");
    assert!(reader.add("{\"Tasks\": [1]}").is_err());
    assert!(reader.add("[]").is_err());
}
