//! Chart inputs from the plan and the folded edits. Kept here, pure, so what each page charts is tested
//! natively against the shipped plan; the chart functions themselves stay free of plan and journal types.

use super::{
    Day, GroupTasks, PaceCounts, Place, PlaceFigures, ProgressInput, ProgressSeries, Scope,
};
use super::{StatusCounts, TargetInput, UnitLoad};
use crate::journal::{Light, Region, Status, TargetState, ViewState};
use crate::plan::{Plan, Target};

fn place(name: &str) -> Place {
    match name {
        "兰州" | "兰州市" => Place::Lanzhou,
        "白银" | "白银市" => Place::Baiyin,
        other => Place::Other(other.to_string()),
    }
}

/// Target vs latest actual of one target, per place of its split and in total.
pub fn target_input(target: &Target, state: Option<&TargetState>) -> TargetInput {
    let latest = |region: &Region| state.and_then(|s| s.latest(region)).map(|r| r.value);
    TargetInput {
        name: target.indicator.clone(),
        measure: target.measure.clone(),
        target: target.value,
        actual: latest(&Region::Total),
        level: target.is_level(),
        places: target
            .split
            .iter()
            .map(|share| PlaceFigures {
                place: place(&share.place),
                target: share.value,
                actual: latest(&Region::Place(share.place.clone())),
            })
            .collect(),
    }
}

/// Every target of the plan, in task order.
pub fn target_inputs(plan: &Plan, view: &ViewState) -> Vec<TargetInput> {
    plan.targets()
        .map(|(_, t)| target_input(t, view.targets.get(&t.id)))
        .collect()
}

/// The reported series of one target, one line per region that has reports (places first, then total).
pub fn progress_input(plan: &Plan, target: &Target, state: Option<&TargetState>) -> ProgressInput {
    let points = |region: &Region| -> Vec<(Day, f64)> {
        state
            .and_then(|s| s.series.get(region))
            .map(|series| {
                series
                    .iter()
                    .filter_map(|r| Day::parse(&r.as_of).map(|d| (d, r.value)))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut series: Vec<ProgressSeries> = target
        .split
        .iter()
        .map(|share| ProgressSeries {
            scope: Scope::Place(place(&share.place)),
            target: share.value,
            points: points(&Region::Place(share.place.clone())),
        })
        .collect();
    series.push(ProgressSeries {
        scope: Scope::Total,
        target: target.value,
        points: points(&Region::Total),
    });
    ProgressInput {
        name: target.indicator.clone(),
        measure: target.measure.clone(),
        year: plan.meta.year,
        series,
    }
}

/// Tasks per group by derived status and by light for the period under review (one definition: the
/// lights of `fold`).
pub fn group_tasks(plan: &Plan, view: &ViewState) -> Vec<GroupTasks> {
    plan.groups
        .iter()
        .map(|g| {
            let mut status = StatusCounts::default();
            let mut pace = PaceCounts::default();
            for task in plan.tasks_in_group(g.number) {
                let id = task.id();
                match view
                    .tasks
                    .get(&id)
                    .map(|t| t.status)
                    .unwrap_or(Status::NotStarted)
                {
                    Status::NotStarted => status.not_started += 1,
                    Status::InProgress => status.in_progress += 1,
                    Status::Done => status.done += 1,
                    Status::Behind => status.delayed += 1,
                    Status::OnHold => status.paused += 1,
                }
                match view.tasks.get(&id).map_or(Light::NotReported, |t| t.light) {
                    Light::Done => pace.done += 1,
                    Light::Ahead => pace.ahead += 1,
                    Light::OnTrack => pace.on_track += 1,
                    Light::Behind => pace.behind += 1,
                    Light::NotReported => pace.not_reported += 1,
                }
            }
            GroupTasks {
                name: format!("({}){}", g.numeral, g.title),
                status,
                pace,
            }
        })
        .collect()
}

/// Tasks led / implemented / cooperated on per unit, aliases already merged by unit id.
pub fn workload(plan: &Plan) -> Vec<UnitLoad> {
    let counts = plan.role_counts();
    let load = |unit: &str, [led, implemented, cooperated]: [usize; 3]| UnitLoad {
        unit: unit.to_string(),
        led: u32::try_from(led).unwrap_or(u32::MAX),
        implemented: u32::try_from(implemented).unwrap_or(u32::MAX),
        cooperated: u32::try_from(cooperated).unwrap_or(u32::MAX),
    };
    let mut loads: Vec<UnitLoad> = plan
        .units
        .iter()
        .filter_map(|u| counts.get(u.id.as_str()).map(|&c| load(&u.name, c)))
        .collect();
    // A role naming a unit the plan does not list (not in a parsed plan) still counts, under its id.
    let listed: rustc_hash::FxHashSet<&str> = plan.units.iter().map(|u| u.id.as_str()).collect();
    let mut unlisted: Vec<(&str, [usize; 3])> = counts
        .iter()
        .filter(|(id, _)| !listed.contains(*id))
        .map(|(id, c)| (*id, *c))
        .collect();
    crate::sort::sort(&mut unlisted);
    loads.extend(unlisted.into_iter().map(|(id, c)| load(id, c)));
    loads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Op, OpKind, fold};
    use crate::plan::seed::gansu;

    fn actual(id: &str, at: i64, region: Region, as_of: &str, value: f64) -> Op {
        Op {
            id: id.into(),
            at,
            hlc: None,
            kind: OpKind::SetActual {
                target: "t6.k1".into(),
                region,
                as_of: as_of.into(),
                value,
            },
            cause: None,
            unit: None,
            by: None,
        }
    }

    #[test]
    fn targets_carry_their_split_and_latest_actuals() {
        let plan = gansu();
        let ops = vec![
            actual("a-1", 1, Region::Place("兰州".into()), "2020-03-31", 10.0),
            actual("a-2", 2, Region::Place("兰州".into()), "2020-06-30", 35.0),
            actual("a-3", 3, Region::Place("白银".into()), "2020-06-30", 7.0),
        ];
        let view = fold(&plan, &ops);
        let inputs = target_inputs(&plan, &view);
        assert_eq!(inputs.len(), 6);
        let products = &inputs[0];
        assert_eq!((products.name.as_str(), products.target), ("新产品", 100.0));
        assert_eq!(products.places.len(), 2);
        assert_eq!(products.places[0].place, Place::Lanzhou);
        assert_eq!(
            (products.places[0].target, products.places[0].actual),
            (80.0, Some(35.0))
        );
        assert_eq!(
            (products.places[1].target, products.places[1].actual),
            (20.0, Some(7.0))
        );
        assert_eq!(products.actual, None, "no total was reported");
        let investment = &inputs[5];
        assert_eq!(
            (investment.measure.as_str(), investment.places.len()),
            ("亿元", 0)
        );
    }

    #[test]
    fn progress_series_hold_every_report_in_date_order() {
        let plan = gansu();
        let ops = vec![
            actual("a-2", 2, Region::Place("兰州".into()), "2020-06-30", 35.0),
            actual("a-1", 1, Region::Place("兰州".into()), "2020-03-31", 10.0),
        ];
        let view = fold(&plan, &ops);
        let (_, target) = plan.targets().next().expect("task 6 has targets");
        let input = progress_input(&plan, target, view.targets.get(&target.id));
        assert_eq!(input.series.len(), 3, "兰州, 白银, total");
        let lanzhou: Vec<(String, f64)> = input.series[0]
            .points
            .iter()
            .map(|(d, v)| (d.iso(), *v))
            .collect();
        assert_eq!(
            lanzhou,
            [
                ("2020-03-31".to_string(), 10.0),
                ("2020-06-30".to_string(), 35.0)
            ]
        );
        assert!(input.series[1].points.is_empty());
    }

    #[test]
    fn group_counts_add_up_to_the_tasks() {
        let plan = gansu();
        let view = fold(&plan, &[]);
        let groups = group_tasks(&plan, &view);
        let total: u32 = groups.iter().map(|g| g.status.not_started).sum();
        assert_eq!((groups.len(), total), (3, 10));
        // Nobody has reported: every task is 未填报, none "on track".
        let silent: u32 = groups.iter().map(|g| g.pace.not_reported).sum();
        let on_track: u32 = groups.iter().map(|g| g.pace.on_track).sum();
        assert_eq!((silent, on_track), (10, 0));
    }

    #[test]
    fn workload_merges_aliases() {
        let loads = workload(&gansu());
        let port: Vec<&UnitLoad> = loads
            .iter()
            .filter(|l| l.unit.contains("知识产权港"))
            .collect();
        assert_eq!(port.len(), 1, "one body, two spellings");
        assert_eq!(port[0].implemented, 2);
        let lanzhou = loads.iter().find(|l| l.unit == "兰州市").expect("兰州市");
        assert_eq!(
            (lanzhou.led, lanzhou.implemented, lanzhou.cooperated),
            (7, 3, 0)
        );
    }

    #[test]
    fn workload_counts_a_unit_once_per_role_and_keeps_units_the_plan_does_not_list() {
        let mut plan = gansu();
        let before = workload(&plan);
        let led =
            |loads: &[UnitLoad], name: &str| loads.iter().find(|l| l.unit == name).map(|l| l.led);
        // Task 1's first lead written twice still leads task 1 once.
        let twice = plan.tasks[0].roles.lead[0].clone();
        let name = plan
            .unit(&twice.unit)
            .map(|u| u.name.clone())
            .expect("a listed unit");
        plan.tasks[0].roles.lead.push(twice);
        assert_eq!(led(&workload(&plan), &name), led(&before, &name));
        assert!(led(&before, &name).is_some_and(|n| n > 0));
        // A unit dropped from the unit list is still counted, under its id.
        let dropped = plan.units.remove(0);
        let loads = workload(&plan);
        assert_eq!(loads.len(), before.len());
        let under_id = loads
            .iter()
            .find(|l| l.unit == dropped.id)
            .expect("counted under its id");
        let by_name = before
            .iter()
            .find(|l| l.unit == dropped.name)
            .expect("counted before");
        assert_eq!(under_id.total(), by_name.total());
    }
}
