//! Workload per unit: how many tasks each unit leads, implements and cooperates on, as horizontal
//! stacked bars sorted by total. The plan names some 300 units, so only the top `top_n` are drawn and
//! the rest are summarised in one note and one table row.

use super::canvas::palette;
use super::stacked::{self, Stacked};
use super::text::fmt_num;
use super::{Chart, ChartOptions, Lang, Table};

/// A unit's part in a task: the plan's own roles.
pub use crate::plan::Role;

/// Task counts of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitLoad {
    /// Unit name as the plan prints it (Chinese; shown as given in both languages).
    pub unit: String,
    pub led: u32,
    pub implemented: u32,
    pub cooperated: u32,
}

impl UnitLoad {
    pub fn total(&self) -> u64 {
        u64::from(self.led) + u64::from(self.implemented) + u64::from(self.cooperated)
    }
}

/// Draws the `top_n` busiest units (total descending, then more led, then name) and notes how many
/// more there are. Units with no tasks are left out. `top_n = 0` is treated as 1.
pub fn workload_chart(units: &[UnitLoad], top_n: usize, opts: &ChartOptions) -> Chart {
    let lang = opts.lang;
    let mut sorted: Vec<&UnitLoad> = units.iter().filter(|u| u.total() > 0).collect();
    crate::sort::sort_by(&mut sorted, |a, b| {
        b.total()
            .cmp(&a.total())
            .then(b.led.cmp(&a.led))
            .then_with(|| a.unit.cmp(&b.unit))
    });
    let n = top_n.max(1).min(sorted.len());
    let (shown, rest) = sorted.split_at(n);

    let title = lang.pick("各单位任务量", "Tasks per unit").to_string();
    let series = [
        (lang.pick("牵头", "Lead").to_string(), palette::SERIES[0]),
        (
            lang.pick("实施", "Implementing").to_string(),
            palette::SERIES[4],
        ),
        (
            lang.pick("配合", "Cooperating").to_string(),
            palette::SERIES[1],
        ),
    ];
    let rows: Vec<(String, Vec<u64>)> = shown
        .iter()
        .map(|u| {
            let v = vec![
                u64::from(u.led),
                u64::from(u.implemented),
                u64::from(u.cooperated),
            ];
            (u.unit.clone(), v)
        })
        .collect();

    let rest_sum = |f: fn(&UnitLoad) -> u64| rest.iter().map(|u| f(u)).sum::<u64>();
    let rest_total = rest_sum(UnitLoad::total);
    let empty = sorted.is_empty();
    let notes_top = if empty {
        vec![
            lang.pick("尚无单位任务数据", "No task assignments recorded yet")
                .to_string(),
        ]
    } else {
        vec![]
    };
    let notes_bottom = if rest.is_empty() {
        vec![]
    } else {
        vec![more_note(lang, rest.len(), rest_total)]
    };
    let spec = Stacked {
        title: &title,
        series: &series,
        rows: &rows,
        notes_top: &notes_top,
        notes_bottom: &notes_bottom,
        label_share: 0.34,
    };
    let svg = stacked::draw(&spec, opts.clamped_width());

    let mut table_rows: Vec<Vec<String>> = shown
        .iter()
        .map(|u| {
            let cells = [
                u64::from(u.led),
                u64::from(u.implemented),
                u64::from(u.cooperated),
            ];
            let mut row = vec![u.unit.clone()];
            row.extend(cells.iter().map(|v| fmt_num(*v as f64)));
            row.push(fmt_num(u.total() as f64));
            row
        })
        .collect();
    if !rest.is_empty() {
        let label = match lang {
            Lang::Zh => format!("其余 {} 个单位", rest.len()),
            Lang::En => format!("{} more units", rest.len()),
        };
        let sums = [
            rest_sum(|u| u64::from(u.led)),
            rest_sum(|u| u64::from(u.implemented)),
            rest_sum(|u| u64::from(u.cooperated)),
            rest_total,
        ];
        let mut row = vec![label];
        row.extend(sums.iter().map(|v| fmt_num(*v as f64)));
        table_rows.push(row);
    }
    let headers = match lang {
        Lang::Zh => ["单位", "牵头", "实施", "配合", "合计"],
        Lang::En => ["Unit", "Lead", "Implementing", "Cooperating", "Total"],
    };
    let table = Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: table_rows,
    };

    let description = describe(lang, shown, sorted.len(), &notes_top, &notes_bottom);
    Chart::finish(&svg, opts, title, description, table, empty)
}

fn more_note(lang: Lang, units: usize, tasks: u64) -> String {
    match lang {
        Lang::Zh => format!(
            "另有 {units} 个单位未显示（共 {} 项任务分工）",
            fmt_num(tasks as f64)
        ),
        Lang::En => format!(
            "and {units} more units ({} task roles)",
            fmt_num(tasks as f64)
        ),
    }
}

fn describe(
    lang: Lang,
    shown: &[&UnitLoad],
    all: usize,
    top: &[String],
    bottom: &[String],
) -> String {
    if let Some(n) = top.first() {
        return format!("{n}{}", lang.pick("。", "."));
    }
    let leaders: Vec<String> = shown
        .iter()
        .take(3)
        .map(|u| match lang {
            Lang::Zh => format!("{} {} 项", u.unit, u.total()),
            Lang::En => format!("{} {}", u.unit, u.total()),
        })
        .collect();
    let mut d = match lang {
        Lang::Zh => format!(
            "按牵头、实施、配合分列的任务数，显示任务最多的 {} 个单位（共 {all} 个）。最多：{}。",
            shown.len(),
            leaders.join("，")
        ),
        Lang::En => format!(
            "Tasks led, implemented and cooperated on, for the {} busiest of {all} units. Busiest: {}.",
            shown.len(),
            leaders.join(", ")
        ),
    };
    if let Some(b) = bottom.first() {
        d.push_str(lang.pick("", " "));
        d.push_str(b);
        d.push_str(lang.pick("。", "."));
    }
    d
}
