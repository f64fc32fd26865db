//! Layouts met in the second corpus batch, one hand-written case per rule: items run together on one line,
//! parts that nest to different depths, the label lines of a 责任分解 notice and 主办 / 协办.

use lanbai_planner::parse::parse;
use lanbai_planner::plan::{Plan, Role};

#[path = "common/roles.rs"]
mod roles;
use roles::units;

fn texts(p: &Plan) -> Vec<&str> {
    p.tasks.iter().map(|t| t.text.as_str()).collect()
}

#[test]
fn a_part_of_annotated_items_beside_a_part_of_numbered_tasks_loses_no_task() {
    let p = parse(
        "某省重点工作责任分工\n一、主要目标\n\
         (一)地区生产总值增长8%左右。(省发改委负责)(二)财政收入增长6%。(省财政厅主办,省税务局协办)\n\
         二、扩大有效投资\n(一)抓好重点项目\n\
         1.抓好300个重点项目。(省发改委牵头,省工信厅配合)\n2.推进园区建设。(省商务厅负责)\n",
    )
    .plan;
    assert_eq!(
        texts(&p),
        [
            "地区生产总值增长8%左右。",
            "财政收入增长6%。",
            "抓好300个重点项目。",
            "推进园区建设。"
        ]
    );
    let ids: Vec<u32> = p.tasks.iter().map(|t| t.number).collect();
    assert_eq!(ids, [1, 2, 3, 4], "task numbers stay unique ids");
    // 负责 / 主办 name the unit doing the work, not a lead; 协办 the units assisting.
    assert_eq!(units(&p, 1, Role::Implementing), ["省发改委"]);
    assert_eq!(units(&p, 2, Role::Implementing), ["省财政厅"]);
    assert_eq!(units(&p, 2, Role::Cooperating), ["省税务局"]);
    assert_eq!(units(&p, 3, Role::Lead), ["省发改委"]);
    // The parts stay groups: the first holds its two items, the second the numbered tasks.
    assert_eq!(p.tasks[0].group, p.tasks[1].group);
    assert_ne!(p.tasks[1].group, p.tasks[2].group);
}

#[test]
fn an_unannotated_part_heading_with_nothing_below_it_stays_a_heading() {
    let p = parse(
        "某市工作要点\n一、总体要求\n(一)坚持稳中求进\n二、重点任务\n\
         1.推进改革。(市发改委牵头)\n2.优化服务。(市政务局负责)\n",
    )
    .plan;
    assert_eq!(texts(&p), ["推进改革。", "优化服务。"]);
}

#[test]
fn label_lines_of_leaders_lead_and_cooperating_units_under_small_full_stop_numbers() {
    let p = parse(
        "关于2022年重点工作及责任分解的通知\n一、确保完成全年主要预期目标\n\
         1﹒全省生产总值增长7%以上。\n牵头负责领导:刘某。\n牵头责任单位:省发展改革委。\n\
         协同责任单位:省政府各部门、各直属机构。\n\
         2﹒固定资产投资增长10%以上。\n牵头负责领导:刘某。\n牵头责任单位:省发展改革委。\n\
         协同责任单位:省财政厅、省自然资源厅等。\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(units(&p, 1, Role::Lead), ["省发展改革委"]);
    // 协同责任单位 is not 责任单位: the units working alongside the lead cooperate.
    assert_eq!(
        units(&p, 1, Role::Cooperating),
        ["省政府各部门", "各直属机构"]
    );
    assert_eq!(
        units(&p, 2, Role::Cooperating),
        ["省财政厅", "省自然资源厅"]
    );
    assert_eq!(units(&p, 1, Role::Implementing), Vec::<&str>::new());
    assert_eq!(p.tasks[0].leaders, ["刘某"]);
}

#[test]
fn headings_that_name_an_owner_give_it_to_the_tasks_below() {
    let p = parse(
        "某省人民政府工作目标责任分解\n一、张某某省长负责的工作\n(一)省编办牵头的工作\n\
         1.深化行政管理体制改革。\n2.推进乡镇机构改革。\n协同单位:省财政厅、省人事厅\n\
         (二)省教育厅牵头的工作\n3.推进义务教育均衡发展。(省发改委牵头,省财政厅配合)\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 3);
    assert_eq!(units(&p, 1, Role::Lead), ["省编办"]);
    assert_eq!(units(&p, 2, Role::Lead), ["省编办"]);
    assert_eq!(units(&p, 2, Role::Cooperating), ["省财政厅", "省人事厅"]);
    // The task's own annotation decides its lead; the heading's owner does not replace it.
    assert_eq!(units(&p, 3, Role::Lead), ["省发改委"]);
    assert!(
        p.tasks.iter().all(|t| t.leaders == ["张某某"]),
        "the person is a leader, never a unit"
    );
    assert!(p.units.iter().all(|u| !u.name.contains("张某某")));
}

#[test]
fn unnumbered_sentences_under_an_owner_unit_heading_are_its_tasks() {
    // Under "(一)省监察厅牵头的工作" a plain sentence is that unit's task even without a number; under a
    // heading that names only a leader ("张某某省长负责的工作"), a duty line is not a task.
    let p = parse(
        "某省人民政府工作目标责任分解\n一、张某某省长负责的工作\n全面负责省人民政府工作任务的落实。\n\
         (一)省监察厅牵头的工作\n加强行政监察工作,落实党风廉政建设责任制。\n\
         (二)省审计厅牵头的工作\n全面加强审计工作。\n协同单位:省直各部门和各市人民政府。\n\
         (三)省编办牵头的工作\n1.深化行政管理体制改革。\n2.推进乡镇机构改革。\n",
    )
    .plan;
    assert_eq!(
        texts(&p),
        [
            "加强行政监察工作,落实党风廉政建设责任制。",
            "全面加强审计工作。",
            "深化行政管理体制改革。",
            "推进乡镇机构改革。"
        ]
    );
    assert_eq!(units(&p, 1, Role::Lead), ["省监察厅"]);
    assert_eq!(units(&p, 2, Role::Lead), ["省审计厅"]);
    assert_eq!(
        units(&p, 2, Role::Cooperating),
        ["省直各部门", "各市人民政府"]
    );
    assert_eq!(units(&p, 3, Role::Lead), ["省编办"]);
    assert!(p.tasks.iter().all(|t| t.leaders == ["张某某"]));
}

#[test]
fn a_page_that_kept_only_spaces_between_items_gives_each_item_its_fields() {
    // Paragraph breaks lost, labels and items separated by single spaces.
    let p = parse(
        "2014年市政府民生实事项目进展情况\n\
         1.建成甲工程。 牵头领导:张某 责任单位:市甲指挥部 项目责任人:李某 2.新增设备300套。 牵头领导:王某 \
         责任单位:市公安局 配合单位:市城管局、市财政局 3.新辟公交线路10条。 牵头领导:王某 责任单位:市交通委\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 3, "{:?}", texts(&p));
    assert_eq!(units(&p, 1, Role::Implementing), ["市甲指挥部"]);
    assert_eq!(units(&p, 2, Role::Implementing), ["市公安局"]);
    assert_eq!(units(&p, 2, Role::Cooperating), ["市城管局", "市财政局"]);
    assert_eq!(units(&p, 3, Role::Implementing), ["市交通委"]);
    assert!(units(&p, 1, Role::Lead).is_empty(), "no lead is named");
}
