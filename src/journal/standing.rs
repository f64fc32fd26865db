//! Where a target stands on the figures reported so far. A target split between places (兰州 80 / 白银 20)
//! has no known total until every place has reported, or someone enters the total: with only 白银's 15 in,
//! "15 of 100, 15 %, behind" would be a wrong number, and a reviewer who finds one stops trusting the rest.
//! Until then each place is judged against its own share, and the silent ones are named as 未填报.

use super::fold::TargetState;
use super::op::Region;
use super::pace::{Pace, elapsed_fraction, pace};
use crate::plan::{Bound, Target};

#[derive(Debug, Clone, PartialEq)]
pub enum TargetStanding {
    /// No figure yet.
    Unreported,
    /// The whole is known: a total was entered, the target has no split, or every place has reported.
    Whole(Figure),
    /// Some places reported and others not: each place against its share, in the split's order.
    Partial(Vec<(String, Option<Figure>)>),
}

/// One figure against what was planned for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub actual: f64,
    pub planned: f64,
    /// Actual / planned; `None` when nothing was planned (a share of 0) or the target is a level.
    pub attainment: Option<f64>,
    /// For a level (a rate, a share, a cap: `Target::is_level`), whether the figure meets the target.
    pub met: Option<bool>,
    pub pace: Option<Pace>,
    /// The date the figure speaks for (the latest as-of date it is made of).
    pub as_of: String,
}

/// The target's standing, each figure judged at its own as-of date (never later than `review`).
pub fn target_standing(
    target: &Target,
    state: Option<&TargetState>,
    year: i32,
    review: &str,
) -> TargetStanding {
    let Some(state) = state else {
        return TargetStanding::Unreported;
    };
    let level = target.is_level();
    let figure = |actual: f64, planned: f64, as_of: &str| {
        let at = if as_of < review { as_of } else { review };
        if level {
            // A level is compared, not divided: 7.2 % against "7 % 左右" is met, not "103 % attained".
            let met = crate::plan::Target {
                value: planned,
                ..target.clone()
            }
            .level_met(actual);
            return Figure {
                actual,
                planned,
                attainment: None,
                met: Some(met),
                pace: None,
                as_of: as_of.to_string(),
            };
        }
        let attainment = (planned != 0.0).then(|| actual / planned);
        let judged = attainment.and_then(|a| {
            if target.bound == Bound::AtMost {
                return Some(if a > 1.0 { Pace::Behind } else { Pace::OnTrack });
            }
            elapsed_fraction(year, at).map(|e| pace(a, e))
        });
        Figure {
            actual,
            planned,
            attainment,
            met: None,
            pace: judged,
            as_of: as_of.to_string(),
        }
    };
    if let Some(total) = state.latest(&Region::Total) {
        return TargetStanding::Whole(figure(total.value, target.value, &total.as_of));
    }
    if target.split.is_empty() {
        return TargetStanding::Unreported;
    }
    let places: Vec<(String, Option<Figure>)> = target
        .split
        .iter()
        .map(|share| {
            let latest = state.latest(&Region::Place(share.place.clone()));
            let f = latest.map(|r| figure(r.value, share.value, &r.as_of));
            (share.place.clone(), f)
        })
        .collect();
    match places.iter().filter(|(_, f)| f.is_some()).count() {
        0 => TargetStanding::Unreported,
        // Levels of places are never summed: the whole of a rate is known only when it is entered.
        n if n == places.len() && !level => {
            let actual = places
                .iter()
                .filter_map(|(_, f)| f.as_ref())
                .map(|f| f.actual)
                .sum();
            let as_of = places
                .iter()
                .filter_map(|(_, f)| f.as_ref().map(|f| f.as_of.clone()))
                .max()
                .unwrap_or_default();
            TargetStanding::Whole(figure(actual, target.value, &as_of))
        }
        _ => TargetStanding::Partial(places),
    }
}

impl TargetStanding {
    /// The whole's attainment, when the whole is known.
    pub fn attainment(&self) -> Option<f64> {
        match self {
            TargetStanding::Whole(f) => f.attainment,
            _ => None,
        }
    }
}
