//! Proves the shipped `public/plan.json` against the source text in `public/`: it is exactly what the
//! parser and the declared curation make of that text, and every quoted piece occurs in the source.

use lanbai_planner::parse::parse;
use lanbai_planner::plan::curation::{ALIASES, apply_curation};
use lanbai_planner::plan::ids::unit_id;
use lanbai_planner::plan::seed::{PLAN_JSON, SOURCE_TEXT, gansu};
use lanbai_planner::plan::{Bound, Plan, Role, Task};
use std::collections::HashSet;

fn plan() -> Plan {
    gansu()
}

/// The source line of task `n` ("6.持续实施…").
fn task_line(n: u32) -> &'static str {
    let prefix = format!("{n}.");
    SOURCE_TEXT
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("task {n} is in the source"))
}

/// The annotation of task `n`: the last "(牵头单位…)" of its line.
fn annotation(n: u32) -> &'static str {
    let line = task_line(n);
    let at = line
        .rfind("(牵头单位")
        .unwrap_or_else(|| panic!("task {n} has an annotation"));
    &line[at..]
}

/// The value of `label` inside an annotation, up to the next ';' or ')'.
fn labelled<'a>(ann: &'a str, label: &str) -> Option<&'a str> {
    let start = ann.find(&format!("{label}:"))? + label.len() + 1;
    let rest = &ann[start..];
    let end = rest.find([';', ')']).unwrap_or(rest.len());
    Some(&rest[..end])
}

fn task(p: &Plan, n: u32) -> &Task {
    p.tasks
        .iter()
        .find(|t| t.number == n)
        .unwrap_or_else(|| panic!("task {n}"))
}

#[test]
fn shipped_json_is_the_parse_of_the_source_with_curation() {
    let expected = apply_curation(parse(SOURCE_TEXT).plan);
    let expected_json = serde_json::to_string_pretty(&expected).expect("serialises") + "\n";
    assert_eq!(
        PLAN_JSON, expected_json,
        "public/plan.json is stale: run `cargo run --example gen_plan`"
    );
    assert_eq!(plan(), expected);
}

#[test]
fn the_source_parses_without_diagnostics() {
    let parsed = parse(SOURCE_TEXT);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
}

#[test]
fn metadata() {
    let m = plan().meta;
    assert_eq!(m.title, "甘肃省出台2020年双区建设工作要点");
    assert_eq!(
        m.original_title.as_deref(),
        Some("我省出台2020年双区建设工作要点")
    );
    assert_eq!(m.publisher.as_deref(), Some("中国甘肃网"));
    assert_eq!(m.newspaper.as_deref(), Some("兰州日报"));
    assert_eq!(m.reporter.as_deref(), Some("孙理"));
    assert_eq!(m.date.as_deref(), Some("2020-03-17"));
    assert_eq!(m.year, 2020);
    let i = m.installment.expect("installment");
    assert_eq!((i.number, i.of, i.last_task), (1, 2, 10));
    assert_eq!(plan().id, "gansu-2020-shuangqu");
}

#[test]
fn intro_and_sections_are_verbatim() {
    let p = plan();
    assert!(p.intro.starts_with("2020年是兰州白银国家自主创新示范区"));
    assert!(SOURCE_TEXT.contains(&p.intro));
    let heads: Vec<_> = p
        .sections
        .iter()
        .map(|s| (s.numeral.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(heads, [("一", "指导思想"), ("二", "主要目标")]);
    for s in &p.sections {
        assert!(
            SOURCE_TEXT.contains(&format!("{}、{}\n{}\n", s.numeral, s.title, s.text)),
            "{}",
            s.title
        );
    }
}

#[test]
fn counts_and_numbering() {
    let p = plan();
    assert_eq!(p.groups.len(), 3);
    assert_eq!(p.tasks.len(), 10);
    assert_eq!(
        p.tasks.iter().map(|t| t.number).collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    let groups: Vec<_> = p.tasks.iter().map(|t| t.group).collect();
    assert_eq!(groups, [1, 1, 1, 1, 1, 2, 2, 2, 2, 3]);
    for g in &p.groups {
        assert!(
            SOURCE_TEXT.contains(&format!("({}){}\n", g.numeral, g.title)),
            "{}",
            g.title
        );
    }
    let targets: Vec<_> = p.tasks.iter().flat_map(|t| &t.targets).collect();
    assert_eq!(targets.len(), 6);
    assert_eq!(targets.iter().filter(|t| !t.split.is_empty()).count(), 5);
}

#[test]
fn task_texts_occur_verbatim_without_annotation() {
    for t in plan().tasks {
        let line = task_line(t.number);
        assert!(line.contains(&t.text), "task {}", t.number);
        assert_eq!(
            format!("{}.{}{}", t.number, t.text, annotation(t.number)),
            line
        );
        assert!(!t.text.contains("牵头单位"));
    }
}

#[test]
fn every_unit_name_is_in_its_tasks_annotation_under_its_role() {
    let p = plan();
    for t in &p.tasks {
        let ann = annotation(t.number);
        for role in Role::ALL {
            let names: Vec<&str> = t.roles.get(role).iter().map(|u| u.name.as_str()).collect();
            let value = labelled(ann, role.label_zh());
            match value {
                // Rebuilding the list from the names must give back the source text exactly (order, spelling).
                Some(v) => {
                    assert!(!names.is_empty(), "t{} {role:?}", t.number);
                    for n in &names {
                        assert!(
                            v.contains(n),
                            "t{}: {n} not under {}",
                            t.number,
                            role.label_zh()
                        );
                    }
                    let mut rest = v;
                    for n in &names {
                        rest = rest.trim_start_matches(['、', ',']);
                        rest = rest
                            .strip_prefix(n)
                            .unwrap_or_else(|| panic!("t{}: {n} out of order", t.number));
                    }
                    assert_eq!(rest, "", "t{} {role:?}: units left unread", t.number);
                }
                None => assert!(names.is_empty(), "t{} {role:?}", t.number),
            }
        }
    }
}

#[test]
fn unit_refs_point_at_units_and_units_are_unique() {
    let p = plan();
    let ids: HashSet<&str> = p.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids.len(), p.units.len());
    for t in &p.tasks {
        for (_, r) in t.roles.iter() {
            assert!(ids.contains(r.unit.as_str()), "{}", r.unit);
        }
    }
    let task_ids: HashSet<String> = p.tasks.iter().map(Task::id).collect();
    assert_eq!(task_ids.len(), p.tasks.len());
    let target_ids: HashSet<&str> = p
        .tasks
        .iter()
        .flat_map(|t| &t.targets)
        .map(|k| k.id.as_str())
        .collect();
    assert_eq!(target_ids.len(), 6);
}

#[test]
fn unit_ids_are_stable() {
    let p = plan();
    for name in [
        "兰白国家自主创新示范区办公室",
        "兰州市",
        "白银市",
        "兰州自创区管委会",
        "省科技厅",
        "省发展改革委",
    ] {
        assert!(
            p.units.iter().any(|u| u.id == name && u.name == name),
            "{name}"
        );
        assert_eq!(unit_id(name), name);
    }
    let ipr = p
        .units
        .iter()
        .find(|u| u.id == "丝绸之路国际知识产权港有限责任公司")
        .expect("ipr company");
    assert_eq!(ipr.aliases, ["丝绸之路国际知识产权港公司"]);
}

#[test]
fn curation_merges_aliases_and_keeps_spellings() {
    let p = plan();
    for (canonical, alias, why) in ALIASES {
        assert!(!why.is_empty());
        assert!(SOURCE_TEXT.contains(canonical) && SOURCE_TEXT.contains(alias));
        assert!(
            !p.units.iter().any(|u| u.id == unit_id(alias)),
            "{alias} merged"
        );
        let refs: Vec<_> = p
            .tasks
            .iter()
            .flat_map(|t| t.roles.iter())
            .filter(|(_, r)| r.name == *alias)
            .collect();
        assert!(!refs.is_empty(), "{alias} still written as in the source");
        assert!(refs.iter().all(|(_, r)| r.unit == unit_id(canonical)));
    }
}

#[test]
fn task_3_has_no_cooperating_unit() {
    assert!(task(&plan(), 3).roles.cooperating.is_empty());
    assert!(labelled(annotation(3), "配合单位").is_none());
}

#[test]
fn collective_names_are_single_units() {
    let p = plan();
    for name in [
        "自创区、试验区领导小组各成员单位",
        "自创区、试验区领导小组相关成员单位",
    ] {
        assert!(p.units.iter().any(|u| u.name == name), "{name}");
    }
    assert!(
        !p.units
            .iter()
            .any(|u| u.name == "自创区" || u.name == "试验区领导小组各成员单位")
    );
}

#[test]
fn task_6_targets_come_from_its_text() {
    let p = plan();
    let t6 = task(&p, 6);
    let want = [
        ("新产品", "开发", "个"),
        ("重大科技成果", "完成", "项"),
        ("高新技术企业", "培育", "家"),
        ("创新平台", "新增", "家"),
        ("创新团队", "培育和引进", "个"),
        ("各类科技创新投入", "达到", "亿元"),
    ];
    assert_eq!(t6.targets.len(), want.len());
    for (k, (target, (ind, act, measure))) in t6.targets.iter().zip(want).enumerate() {
        assert_eq!(target.id, format!("t6.k{}", k + 1));
        assert_eq!(
            (
                target.indicator.as_str(),
                target.action.as_str(),
                target.measure.as_str()
            ),
            (ind, act, measure)
        );
        assert_eq!(target.bound, Bound::AtLeast);
        assert!(t6.text.contains(&target.source));
        let number = format!("{}{}以上", target.value, target.measure);
        assert!(target.source.contains(&number), "{number}");
        if k < 5 {
            let split: Vec<String> = target
                .split
                .iter()
                .map(|s| format!("{}{}", s.place, s.value))
                .collect();
            assert_eq!(split, ["兰州80", "白银20"]);
            assert!(target.source.ends_with(&format!("({})", split.join("、"))));
        } else {
            assert!(target.split.is_empty());
        }
    }
    let others: usize = plan()
        .tasks
        .iter()
        .filter(|t| t.number != 6)
        .map(|t| t.targets.len())
        .sum();
    assert_eq!(others, 0);
}

#[test]
fn references_with_numbers_and_citations() {
    let p = plan();
    let got: Vec<_> = p
        .references
        .iter()
        .map(|r| (r.number.as_deref(), r.cited_in.join(",")))
        .collect();
    assert_eq!(
        got,
        [
            (None, "intro,section-2".to_string()),
            (None, "intro,section-2".to_string()),
            (Some("国函〔2018〕14号"), "section-2".to_string()),
            (None, "t2".to_string()),
            (Some("甘发〔2019〕16号"), "t3".to_string()),
        ]
    );
    for r in &p.references {
        let printed = match &r.number {
            Some(n) => format!("《{}》({n})", r.title),
            None => format!("《{}》", r.title),
        };
        assert!(SOURCE_TEXT.contains(&printed), "{printed}");
    }
    assert!(p.references[2].title.starts_with("国务院") && p.references[2].title.ends_with("批复"));
    assert!(
        p.references[4].title.starts_with("中共甘肃省委")
            && p.references[4].title.ends_with("若干意见")
    );
}

#[test]
fn related_news_is_not_plan() {
    let json = PLAN_JSON;
    for noise in ["相关新闻", "专家提醒", "双选会", "奶瓶龋"] {
        assert!(!json.contains(noise), "{noise}");
    }
}
