//! The views' content, computed on the shipped plan: search, duty lists, the matrix and its CSV.

use lanbai_planner::plan::matrix::{matrix, matrix_csv};
use lanbai_planner::plan::query::{Filters, search};
use lanbai_planner::plan::{Role, seed};
use lanbai_planner::route::MatrixSort;

fn numbers(tasks: &[&lanbai_planner::plan::Task]) -> Vec<u32> {
    tasks.iter().map(|t| t.number).collect()
}

#[test]
fn searching_zhishi_chanquan_finds_exactly_tasks_5_8_10() {
    let plan = seed::gansu();
    let found = search(&plan, "知识产权", &Filters::default());
    assert_eq!(numbers(&found.tasks), vec![5, 8, 10]);
    // The IPR-port company is a unit whose name matches too.
    assert!(found.units.iter().any(|u| u.name.contains("知识产权港")));
}

#[test]
fn search_terms_are_anded_and_filters_narrow() {
    let plan = seed::gansu();
    let both = search(&plan, "知识产权 人才", &Filters::default());
    assert_eq!(numbers(&both.tasks), vec![8]);
    let in_group_3 = search(
        &plan,
        "知识产权",
        &Filters {
            group: Some(3),
            ..Default::default()
        },
    );
    assert_eq!(numbers(&in_group_3.tasks), vec![10]);
    let keji_ting_cooperating = search(
        &plan,
        "",
        &Filters {
            unit: Some("省科技厅".into()),
            role: Some(Role::Cooperating),
            group: None,
        },
    );
    assert_eq!(numbers(&keji_ting_cooperating.tasks), vec![5, 10]);
}

#[test]
fn a_search_matches_unit_names_of_a_task() {
    let plan = seed::gansu();
    let found = search(&plan, "省人社厅", &Filters::default());
    assert_eq!(numbers(&found.tasks), vec![8]);
}

#[test]
fn duties_merge_aliases_and_follow_source_order() {
    let plan = seed::gansu();
    let port = plan
        .unit("丝绸之路国际知识产权港公司")
        .expect("the alias resolves to the canonical unit");
    let duties = plan.duties(&port.id);
    assert_eq!(numbers(&duties.implementing), vec![5, 10]);
    let lanzhou = plan.unit("兰州市").expect("兰州市 is a unit");
    let duties = plan.duties(&lanzhou.id);
    assert_eq!(numbers(&duties.lead), vec![4, 5, 6, 7, 8, 9, 10]);
    assert_eq!(numbers(&duties.implementing), vec![1, 2, 3]);
    assert!(duties.cooperating.is_empty());
}

#[test]
fn matrix_has_a_row_per_unit_and_a_cell_per_task() {
    let plan = seed::gansu();
    let rows = matrix(&plan, MatrixSort::Plan);
    assert_eq!(rows.len(), plan.units.len());
    assert!(rows.iter().all(|r| r.cells.len() == plan.tasks.len()));
    let office = &rows[0];
    assert_eq!(office.unit.name, "兰白国家自主创新示范区办公室");
    assert_eq!(office.cells[0], vec![Role::Lead]);
    let by_load = matrix(&plan, MatrixSort::Load);
    assert!(by_load.windows(2).all(|w| w[0].total >= w[1].total));
    let by_name = matrix(&plan, MatrixSort::Name);
    assert!(by_name.windows(2).all(|w| w[0].unit.name <= w[1].unit.name));
}

#[test]
fn matrix_csv_starts_with_a_bom_and_lists_every_unit() {
    let plan = seed::gansu();
    let csv = matrix_csv(&plan, MatrixSort::Plan);
    assert!(csv.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), plan.units.len() + 1);
    assert!(lines[0].starts_with("\u{FEFF}单位,别名,任务1,"));
    assert!(lines[0].ends_with(",任务10,合计"));
    let office = lines[1].split(',').collect::<Vec<_>>();
    assert_eq!(office[0], "兰白国家自主创新示范区办公室");
    assert_eq!(&office[2..4], &["牵", "牵"]);
    // The unit whose name contains 、 survives as one field.
    assert!(csv.contains("\r\n自创区、试验区领导小组各成员单位,,"));
}
