//! 已完成 that the figures do not bear out: a task marked done at 90 %, or with its targets unmet, was
//! accepted and printed as "已完成 · 符合序时". The person is asked before saving, and the task page and the
//! print view say what does not add up.

use super::fold::ViewState;
use super::standing::{TargetStanding, target_standing};
use crate::i18n::{Lang, format_number};
use crate::plan::{Bound, Task};

#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    /// Marked done with progress below 100 %.
    Percent(u8),
    /// A target not met by its latest figures (or with places that have not reported).
    Target { indicator: String, words: String },
    /// A level (rate, share, cap) whose reported value does not meet it.
    LevelUnmet { indicator: String, actual: String },
    /// Some places of a split have reported and others not: each place's figure, `None` when silent.
    Partial {
        indicator: String,
        places: Vec<(String, Option<String>)>,
    },
    /// A target with no figure at all.
    NoFigure { indicator: String },
}

impl Mismatch {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Mismatch::Percent(p) => format!("{}{p}%", lang.pick("进度为 ", "progress is ")),
            Mismatch::Target { indicator, words } => {
                format!("{indicator}{}{words}", lang.pick("：", ": "))
            }
            Mismatch::LevelUnmet { indicator, actual } => format!(
                "{indicator}{}{actual}{}",
                lang.pick("：", ": "),
                lang.pick("，未达标", ", not met")
            ),
            Mismatch::Partial { indicator, places } => {
                let places: Vec<String> = places
                    .iter()
                    .map(|(place, figure)| match figure {
                        Some(f) => format!("{place} {f}"),
                        None => format!("{place} {}", lang.pick("未填报", "not reported")),
                    })
                    .collect();
                format!(
                    "{indicator}{}{}",
                    lang.pick("：", ": "),
                    places.join(lang.pick("、", ", "))
                )
            }
            Mismatch::NoFigure { indicator } => format!(
                "{indicator}{}",
                lang.pick("：尚未填报实际值", ": no figure recorded")
            ),
        }
    }
}

/// What contradicts "已完成" for `task` given the progress shown (`percent`) and the target figures.
pub fn done_mismatches(task: &Task, percent: Option<u8>, view: &ViewState) -> Vec<Mismatch> {
    let mut found = Vec::new();
    if let Some(p) = percent.filter(|p| *p < 100) {
        found.push(Mismatch::Percent(p));
    }
    for target in &task.targets {
        let standing = target_standing(target, view.targets.get(&target.id), 0, "");
        let unmet = |a: f64| match target.bound {
            Bound::AtMost => a > 1.0,
            _ => a < 1.0,
        };
        let indicator = target.indicator.clone();
        match standing {
            TargetStanding::Unreported => found.push(Mismatch::NoFigure { indicator }),
            TargetStanding::Whole(f) if f.attainment.is_some_and(unmet) => {
                let share = f.attainment.map(|a| a * 100.0).unwrap_or_default();
                found.push(Mismatch::Target {
                    indicator,
                    words: format!(
                        "{}/{}（{share:.0}%）",
                        format_number(f.actual),
                        format_number(f.planned)
                    ),
                });
            }
            TargetStanding::Whole(f) if f.met == Some(false) => found.push(Mismatch::LevelUnmet {
                indicator,
                actual: format!("{}{}", format_number(f.actual), target.measure),
            }),
            TargetStanding::Whole(_) => {}
            TargetStanding::Partial(places) => found.push(Mismatch::Partial {
                indicator,
                places: places
                    .iter()
                    .map(|(place, f)| {
                        let figure = f.as_ref().map(|f| match f.met {
                            Some(_) => format!("{}{}", format_number(f.actual), target.measure),
                            None => {
                                format!("{}/{}", format_number(f.actual), format_number(f.planned))
                            }
                        });
                        (place.clone(), figure)
                    })
                    .collect(),
            }),
        }
    }
    found
}
