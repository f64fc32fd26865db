//! Tables flattened to text (issue 14, class 8), each layout on a short synthetic table written from the
//! rule: the header row names the columns, rows are read by it, short rows lose merged cells.

use lanbai_planner::parse::parse;
use lanbai_planner::plan::{Plan, Role};

fn units(p: &Plan, n: u32, role: Role) -> Vec<String> {
    p.tasks
        .iter()
        .find(|t| t.number == n)
        .map(|t| t.roles.get(role).iter().map(|u| u.name.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn pipe_table_with_group_rows_and_a_ragged_row() {
    let p = parse(
        "某市2022年重点任务分工表\n序号 | 任务 | 牵头单位 | 责任单位 | 完成时限 | 备注\n\
         一、扩大投资 | | | | |\n\
         1 | 推进甲项目建设 | 市发改委 | 市财政局、各区政府 | 6月底前 | \n\
         2 | 开展乙专项行动 | 市商务局 | 市市场监管局 | 年底前 | 持续\n\
         二、改善民生 | | | | |\n\
         3 | 新建学校5所 | 市教育局 | 9月底前\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 3);
    assert_eq!(p.groups.len(), 2);
    assert_eq!(p.tasks[2].group, 2);
    assert_eq!(units(&p, 1, Role::Lead), ["市发改委"]);
    assert_eq!(units(&p, 1, Role::Implementing), ["市财政局", "各区政府"]);
    assert_eq!(
        p.tasks[0].deadline.as_ref().and_then(|d| d.date.as_deref()),
        Some("2022-06-30")
    );
    // The short row: its deadline is found by its wording, the unit goes to the first unit column.
    assert_eq!(units(&p, 3, Role::Lead), ["市教育局"]);
    assert_eq!(
        p.tasks[2].deadline.as_ref().map(|d| d.text.as_str()),
        Some("9月底前")
    );
    assert!(!p.tasks[1].text.contains("持续"));
}

#[test]
fn space_separated_rows() {
    let p = parse(
        "某省2021年量化指标任务分工\n序号 工 作 任 务 牵头负责部门\n1 新增就业10万人以上 省人社厅\n\
         2 新建公路100公里 省交通运输厅\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(p.tasks[0].text, "新增就业10万人以上");
    assert_eq!(units(&p, 2, Role::Lead), ["省交通运输厅"]);
}

#[test]
fn one_cell_per_line_with_tall_unit_cells_and_a_merged_sub_row() {
    let p = parse(
        "2021年民生实事分解表\n序号\n民生实事\n责任单位\n完成时限\n\
         1\n新建人行天桥2座。\n县住建局\n县交通局\n12月底前\n\
         2\n开工建设养老院。\n县民政局\n5月底前动工\n开工建设老年大学。\n12月底前\n\
         3\n改造农贸市场。\n县商务局\n9月底前\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 3);
    // Responsible units with no lead column: no known lead.
    assert!(units(&p, 1, Role::Lead).is_empty());
    assert_eq!(units(&p, 1, Role::Implementing), ["县住建局", "县交通局"]);
    assert_eq!(
        p.tasks[1].deadline.as_ref().map(|d| d.text.as_str()),
        Some("5月底前动工")
    );
    assert!(p.tasks[1].text.contains("老年大学"));
    assert_eq!(units(&p, 3, Role::Implementing), ["县商务局"]);
}

#[test]
fn cell_per_line_without_numbers_and_role_verbs_in_cells() {
    let p = parse(
        "某市2017年工作要点实施方案\n任务\n主要内容\n责任单位\n一、稳增长\n\
         围绕经济形势及时发布权威解读信息。\n市发改委牵头落实\n\
         加强就业政策信息公开,深入解读政策。\n市人社局、市财政局分别牵头落实\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(units(&p, 1, Role::Lead), ["市发改委"]);
    assert_eq!(units(&p, 2, Role::Lead), ["市人社局", "市财政局"]);
}

#[test]
fn prose_with_labels_is_not_a_table() {
    let p =
        parse("某市2021年工作要点\n一、重点任务\n1.甲事项。\n牵头单位：市甲局 配合单位：市乙局\n")
            .plan;
    assert_eq!(p.tasks.len(), 1);
    assert_eq!(units(&p, 1, Role::Cooperating), ["市乙局"]);
}

#[test]
fn one_cell_per_line_with_broken_header_cells_and_wrapped_unit_names() {
    // A web copy of a 落实情况 table: header cells broken (牵头责任 / 单位), a bracketed note under a
    // header cell ((全年)), result columns (落实情况, 完成状态) and a unit name wrapped in two (市生态 / 环境局).
    let p = parse(
        "2021年度重点工作落实情况\n序号\n重点工作\n牵头责任\n单位\n协同责任单位\n落实情况\n(全年)\n完成状态\n\
         1\n地区生产总值增长8%以上。\n市发改委\n市政府各部门、各直属机构。\n全年增长11%。\n已完成\n\
         2\n生活污水治理率达30%。\n市生态\n环境局\n市住建局。\n已完成50个。\n已完成\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(units(&p, 1, Role::Lead), ["市发改委"]);
    assert_eq!(
        units(&p, 1, Role::Cooperating),
        ["市政府各部门", "各直属机构"]
    );
    assert_eq!(units(&p, 2, Role::Lead), ["市生态环境局"]);
    assert_eq!(units(&p, 2, Role::Cooperating), ["市住建局"]);
    assert!(
        p.tasks.iter().all(|t| !t.text.contains("已完成")),
        "result columns are not task text"
    );
}

#[test]
fn report_columns_after_the_deadline_hold_progress_not_units_or_sub_rows() {
    // A progress report laid out one cell per line: a qualified header cell (计划完成时间), two result
    // columns after the deadline, a unit cell of two paragraphs, a stray count after a unit, and a
    // line of page buttons (【字号) above the table.
    let p = parse(
        "某县农业局2023年重点工作完成情况\n发布时间:2023-12-14 来源:某县农业局 浏览量: 【字号: 打印\n\
         序号\n目标任务\n牵头责任单位\n计划完成时间\n目前完成情况\n是否达到序时进度\n\
         3\n建成高标准农田8万亩。\n甲股\n2\n2023年底\n三季度完成6万亩,增幅7%\n\
         4\n创建优质粮食基地5个。\n乙股\n丙股\n2023年底\n已完成3个。\n是\n\
         5\n开展农资打假行动。\n丁大队\n2023年底\n查处违法行为31起,已结案18起。\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 3, "{:?}", p.tasks);
    assert_eq!(p.tasks[0].text, "建成高标准农田8万亩。");
    assert_eq!(units(&p, 3, Role::Lead), ["甲股"]);
    assert_eq!(units(&p, 4, Role::Lead), ["乙股", "丙股"]);
    assert_eq!(units(&p, 5, Role::Lead), ["丁大队"]);
    for t in &p.tasks {
        assert_eq!(
            t.deadline.as_ref().and_then(|d| d.date.as_deref()),
            Some("2023-12-31"),
            "task {}",
            t.number
        );
        assert!(
            !t.text.contains("查处"),
            "progress is no sub-row: {}",
            t.text
        );
    }
}

#[test]
fn a_tall_unit_cell_stays_in_its_column_before_report_columns() {
    // No deadline column: the second unit paragraph is a unit, the progress sentence is not.
    let p = parse(
        "某市2022年重点工作推进情况\n序号\n重点工作\n责任单位\n推进情况\n\
         1\n新建学校3所。\n市教育局\n市住建局\n已开工2所,完成投资40%。\n\
         2\n新增就业1万人。\n市人社局\n已完成8000人。\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(units(&p, 1, Role::Implementing), ["市教育局", "市住建局"]);
    assert_eq!(units(&p, 2, Role::Implementing), ["市人社局"]);
    assert!(units(&p, 1, Role::Lead).is_empty());
}
