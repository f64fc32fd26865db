//! The import worker posts its parse back as JSON (issue 17 item 2): what the page reads back must be
//! exactly what parsing on the page would have given, for a 10,000-task plan and for 2 MB of noise.

use lanbai_planner::parse::{from_json, parse, to_json};
use lanbai_planner::synthetic::{self, Spec, SplitMix};

fn round_trips(text: &str) {
    let json = to_json(text).expect("a parse serialises");
    let back = from_json(&json).expect("and reads back");
    assert_eq!(back, parse(text));
}

#[test]
fn a_10000_task_plan_reads_back_from_the_workers_json_unchanged() {
    let text = synthetic::text(&synthetic::plan(Spec::new(10_000, 2020)));
    let json = to_json(&text).expect("serialises");
    let back = from_json(&json).expect("reads back");
    assert_eq!(back.plan.tasks.len(), 10_000);
    assert_eq!(back, parse(&text));
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
    let parsed = parse(&text);
    assert!(!parsed.diagnostics.is_empty(), "noise is flagged");
    round_trips(&text);
}

#[test]
fn a_reply_from_another_build_is_an_error_not_a_panic() {
    assert!(from_json("{\"plan\": 1}").is_err());
    assert!(from_json("").is_err());
}
