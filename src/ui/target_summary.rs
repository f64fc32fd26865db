//! The line beside a target's heading that says where it stands: "完成率 55% · 欠进度" once the whole is
//! known, "白银 15/20（75%）超进度 · 兰州 未填报" while only some places have reported (see
//! `journal::standing`), and "尚未填报实际值" before any figure.

use crate::i18n::{Lang, format_number};
use crate::journal::Pace;
use crate::journal::standing::{Figure, TargetStanding};
use leptos::prelude::*;

pub fn pace_class(pace: Pace) -> &'static str {
    match pace {
        Pace::Ahead => "pace-ahead",
        Pace::OnTrack => "pace-on-track",
        Pace::Behind => "pace-behind",
    }
}

fn pace_badge(pace: Option<Pace>, lang: Lang) -> impl IntoView {
    pace.map(|p| {
        view! { " "<span class=format!("pace {}", pace_class(p))>{lang.pick(p.label_zh(), p.label_en())}</span> }
    })
}

/// "达标" / "未达标" for a level's figure (see `Target::is_level`).
fn met_words(met: bool, lang: Lang) -> &'static str {
    if met {
        lang.pick("达标", "met")
    } else {
        lang.pick("未达标", "not met")
    }
}

fn met_badge(met: Option<bool>, lang: Lang) -> impl IntoView {
    met.map(|m| {
        let class = if m {
            "pace pace-ahead"
        } else {
            "pace pace-behind"
        };
        view! { " "<span class=class>{met_words(m, lang)}</span> }
    })
}

fn place_figure(place: &str, figure: &Figure, measure: &str) -> String {
    if figure.met.is_some() {
        return format!("{place} {}{measure}", format_number(figure.actual));
    }
    let share = figure
        .attainment
        .map(|a| format!("（{:.0}%）", a * 100.0))
        .unwrap_or_default();
    format!(
        "{place} {}/{}{share}",
        format_number(figure.actual),
        format_number(figure.planned)
    )
}

pub fn summary_view(standing: TargetStanding, measure: &str, lang: Lang) -> AnyView {
    match standing {
        TargetStanding::Unreported => view! {
            <span class="muted">{lang.pick("尚未填报实际值", "No figures recorded yet")}</span>
        }
        .into_any(),
        TargetStanding::Whole(f) => view! {
            <span class="standing">{f.attainment.map(|a| format!("{}{:.0}%", lang.pick("完成率 ", "Attainment "), a * 100.0))}</span>
            {f.met.map(|_| format!("{}{}{measure}", lang.pick("实际 ", "actual "), format_number(f.actual)))}
            {pace_badge(f.pace, lang)}
            {met_badge(f.met, lang)}
        }
        .into_any(),
        TargetStanding::Partial(places) => {
            let parts = places
                .into_iter()
                .enumerate()
                .map(|(i, (place, figure))| {
                    let sep = (i > 0).then_some(" · ");
                    match figure {
                        Some(f) => view! {
                            {sep}<span class="standing-place">{place_figure(&place, &f, measure)}</span>{pace_badge(f.pace, lang)}{met_badge(f.met, lang)}
                        }
                        .into_any(),
                        None => view! {
                            {sep}<span class="standing-place muted">{format!("{place} {}", lang.pick("未填报", "not reported"))}</span>
                        }
                        .into_any(),
                    }
                })
                .collect_view();
            view! { <span class="standing-partial">{parts}</span> }.into_any()
        }
    }
}
