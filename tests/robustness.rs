//! The importer must never panic and must only point at lines that exist, whatever it is given. The seed
//! text is mutated the way real copies go wrong (lines lost, doubled or swapped, cut short, stray
//! punctuation, unbalanced brackets) and random strings over the genre's alphabet are thrown at it.
#![cfg(not(target_arch = "wasm32"))]

use lanbai_planner::parse::parse;
use lanbai_planner::plan::seed::SOURCE_TEXT;
use proptest::prelude::*;

/// Characters that matter to the parser, so random inputs hit its branches rather than plain text.
const ALPHABET: &[&str] = &[
    "(",
    ")",
    "（",
    "）",
    "〔",
    "〕",
    "[",
    "]",
    "【",
    "】",
    "《",
    "》",
    ":",
    "：",
    ";",
    "；",
    ",",
    "，",
    "、",
    "。",
    "\n",
    " ",
    "\u{3000}",
    "一",
    "二",
    "十",
    "1",
    "2",
    "0",
    ".",
    "．",
    "①",
    "②",
    "牵头单位",
    "配合单位",
    "实施单位",
    "責任單位",
    "完成时限",
    "牵头",
    "配合",
    "负责",
    "6月底前",
    "年底",
    "100个以上",
    "亿元",
    "%",
    "左右",
    "以内",
    "不少于",
    "兰州80",
    "省科技厅",
    "自创区",
    "成员单位",
    "相关新闻",
    "- ",
    "原标题",
    "3月17日讯",
    "据",
    "报道",
    "记者",
    "分两期",
    "注：",
    "列第一位的为牵头单位",
    "省",
    "区",
    "委",
    "à",
    "\u{0301}",
    "😀",
    "\r",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
    Insert(usize, usize),
    DeleteChar(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        any::<usize>().prop_map(Mutation::DeleteChar),
    ]
}

fn apply(text: &str, muts: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for m in muts {
        let n = lines.len().max(1);
        match *m {
            Mutation::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Mutation::DuplicateLine(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Mutation::Truncate(i) => {
                let joined = lines.join("\n");
                let count = joined.chars().count().max(1);
                lines = joined
                    .chars()
                    .take(i % count)
                    .collect::<String>()
                    .lines()
                    .map(str::to_string)
                    .collect();
            }
            Mutation::Insert(i, k) if !lines.is_empty() => {
                let line = &mut lines[i % n];
                let at = (i / n) % (line.chars().count() + 1);
                let byte = line.char_indices().nth(at).map_or(line.len(), |(b, _)| b);
                line.insert_str(byte, ALPHABET[k % ALPHABET.len()]);
            }
            Mutation::DeleteChar(i) if !lines.is_empty() => {
                let line = &mut lines[i % n];
                let count = line.chars().count();
                if count > 0 {
                    let at = (i / n) % count;
                    *line = line
                        .chars()
                        .enumerate()
                        .filter(|(j, _)| *j != at)
                        .map(|(_, c)| c)
                        .collect();
                }
            }
            _ => {}
        }
    }
    lines.join("\n")
}

fn check(input: &str) -> Result<(), TestCaseError> {
    let parsed = parse(input);
    let count = input.lines().count();
    for d in &parsed.diagnostics {
        prop_assert!(
            d.line >= 1 && d.line <= count,
            "line {} of {count}: {d:?}",
            d.line
        );
    }
    let ids: std::collections::HashSet<u32> = parsed.plan.tasks.iter().map(|t| t.number).collect();
    prop_assert_eq!(
        ids.len(),
        parsed.plan.tasks.len(),
        "task numbers are unique"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seed_never_panics(muts in proptest::collection::vec(mutation(), 1..8)) {
        check(&apply(SOURCE_TEXT, &muts))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_genre_text_never_panics(picks in proptest::collection::vec(any::<usize>(), 0..120)) {
        let input: String = picks.iter().map(|k| ALPHABET[k % ALPHABET.len()]).collect();
        check(&input)?;
    }
}

#[test]
fn empty_and_degenerate_inputs() {
    for input in [
        "",
        "\n",
        "\r\n\r\n",
        "(",
        "1.",
        "一、",
        "(一)",
        "《",
        "1.(牵头单位:",
        "\u{3000}",
        "1.a\n1.b\n1.c",
    ] {
        let parsed = parse(input);
        let count = input.lines().count();
        assert!(
            parsed
                .diagnostics
                .iter()
                .all(|d| d.line >= 1 && d.line <= count),
            "{input:?}"
        );
    }
}
