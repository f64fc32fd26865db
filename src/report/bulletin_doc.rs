//! The bulletin as a document: a title and a list of blocks (headings, paragraphs, tables) in the wording
//! of a 公文-style 通报. The page, the print view and the Word file are all drawn from these blocks, so the
//! three can never say different things.

use super::bulletin::Bulletin;
use crate::i18n::{Lang, format_number};
use crate::journal::Light;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// 一、总体情况 (黑体 in the Word file).
    Heading(String),
    /// Body text (仿宋).
    Para(String),
    /// A table with a header row.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

fn light_words(light: Light, overdue: bool, lang: Lang) -> String {
    let base = lang.pick(light.label_zh(), light.label_en());
    if overdue {
        format!("{base}{}", lang.pick("（逾期）", " (overdue)"))
    } else {
        base.to_string()
    }
}

/// A table's header row in the person's language.
fn header(lang: Lang, names: &[(&str, &str)]) -> Vec<String> {
    names
        .iter()
        .map(|(zh, en)| lang.pick(zh, en).to_string())
        .collect()
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".into(), |s| format!("{:.0}%", s * 100.0))
}

/// The title, e.g. `甘肃省出台2020年双区建设工作要点落实情况通报（2020年4月）`.
pub fn title(b: &Bulletin, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}落实情况通报（{}）", b.plan_title, b.period.label(lang)),
        Lang::En => format!(
            "Progress bulletin, {}: {}",
            b.period.label(lang),
            b.plan_title
        ),
    }
}

pub fn blocks(b: &Bulletin, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    let count = |l: Light| {
        b.counts
            .iter()
            .find(|(x, _)| *x == l)
            .map_or(0, |(_, n)| *n)
    };
    out.push(Block::Heading(
        lang.pick("一、总体情况", "1. Overview").into(),
    ));
    out.push(Block::Para(match lang {
        Lang::Zh => format!(
            "截至{}，{}项任务中，已完成{}项、超进度{}项、达进度{}项、欠进度{}项、未填报{}项，其中逾期{}项。应报送单位{}个，已报送{}个，未报送{}个。",
            b.as_of.iso(),
            b.total,
            count(Light::Done),
            count(Light::Ahead),
            count(Light::OnTrack),
            count(Light::Behind),
            count(Light::NotReported),
            b.overdue_count,
            b.submitted_units + b.missing_units.len(),
            b.submitted_units,
            b.missing_units.len()
        ),
        Lang::En => format!(
            "As of {}, of {} tasks: {} done, {} ahead, {} on pace, {} behind, {} not reported; {} overdue. Of {} reporting units, {} submitted and {} did not.",
            b.as_of.iso(),
            b.total,
            count(Light::Done),
            count(Light::Ahead),
            count(Light::OnTrack),
            count(Light::Behind),
            count(Light::NotReported),
            b.overdue_count,
            b.submitted_units + b.missing_units.len(),
            b.submitted_units,
            b.missing_units.len()
        ),
    }));
    out.push(Block::Table {
        head: Light::ALL
            .iter()
            .map(|l| lang.pick(l.label_zh(), l.label_en()).to_string())
            .chain([lang.pick("其中逾期", "of which overdue").to_string()])
            .collect(),
        rows: vec![
            Light::ALL
                .iter()
                .map(|l| count(*l).to_string())
                .chain([b.overdue_count.to_string()])
                .collect(),
        ],
    });

    out.push(Block::Heading(
        lang.pick("二、欠进度和逾期任务", "2. Tasks behind or overdue")
            .into(),
    ));
    if b.lagging.is_empty() {
        out.push(Block::Para(
            lang.pick(
                "本期没有欠进度或逾期的任务。",
                "No task is behind or overdue this period.",
            )
            .into(),
        ));
    } else {
        out.push(Block::Table {
            head: header(
                lang,
                &[
                    ("序号", "No."),
                    ("任务", "Task"),
                    ("牵头单位", "Lead units"),
                    ("状态", "Category"),
                    ("进度", "Progress"),
                    ("完成时限", "Deadline"),
                ],
            ),
            rows: b
                .lagging
                .iter()
                .map(|t| {
                    vec![
                        t.number.to_string(),
                        t.text.clone(),
                        t.leads.join("、"),
                        light_words(t.light, t.overdue, lang),
                        format!("{}%", t.progress),
                        t.deadline.clone(),
                    ]
                })
                .collect(),
        });
    }

    out.push(Block::Heading(
        lang.pick("三、报送情况", "3. Submissions").into(),
    ));
    out.push(Block::Para(if b.missing_units.is_empty() {
        lang.pick("各单位均已按要求报送。", "Every unit has submitted.")
            .into()
    } else {
        match lang {
            Lang::Zh => format!(
                "以下{}个单位截至{}尚未报送：{}。",
                b.missing_units.len(),
                b.as_of.iso(),
                b.missing_units.join("、")
            ),
            Lang::En => format!(
                "{} units had not submitted by {}: {}.",
                b.missing_units.len(),
                b.as_of.iso(),
                b.missing_units.join(", ")
            ),
        }
    }));

    out.push(Block::Heading(
        lang.pick("四、指标完成情况", "4. Targets").into(),
    ));
    let rows: Vec<Vec<String>> = b
        .targets
        .iter()
        .flat_map(|t| {
            t.places.iter().map(move |p| {
                vec![
                    t.task.to_string(),
                    format!("{}（{}）", t.indicator, t.measure),
                    p.place.clone(),
                    format_number(p.planned),
                    p.actual.map_or_else(
                        || lang.pick("未填报", "not reported").to_string(),
                        format_number,
                    ),
                    percent(p.attainment()),
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        out.push(Block::Para(
            lang.pick("本计划没有量化指标。", "The plan has no numeric targets.")
                .into(),
        ));
    } else {
        out.push(Block::Table {
            head: header(
                lang,
                &[
                    ("任务", "Task"),
                    ("指标", "Indicator"),
                    ("地区", "Place"),
                    ("目标", "Target"),
                    ("实际", "Actual"),
                    ("完成率", "Attainment"),
                ],
            ),
            rows,
        });
    }

    out.push(Block::Heading(
        lang.pick("五、与上期相比", "5. Since the previous period")
            .into(),
    ));
    out.push(Block::Para(match (b.previous, b.changes.is_empty()) {
        (None, _) => lang
            .pick(
                "本期为年度第一期，无上期可比。",
                "This is the year's first period.",
            )
            .into(),
        (Some(p), true) => match lang {
            Lang::Zh => format!("与{}相比，各任务状态没有变化。", p.label(lang)),
            Lang::En => format!("No task changed category since {}.", p.label(lang)),
        },
        (Some(p), false) => {
            let items: Vec<String> = b
                .changes
                .iter()
                .map(|c| match lang {
                    Lang::Zh => format!(
                        "任务{}由“{}”变为“{}”",
                        c.number,
                        c.before.label_zh(),
                        c.after.label_zh()
                    ),
                    Lang::En => format!(
                        "task {}: {} → {}",
                        c.number,
                        c.before.label_en(),
                        c.after.label_en()
                    ),
                })
                .collect();
            match lang {
                Lang::Zh => format!("与{}相比：{}。", p.label(lang), items.join("；")),
                Lang::En => format!("Since {}: {}.", p.label(lang), items.join("; ")),
            }
        }
    }));
    out
}
