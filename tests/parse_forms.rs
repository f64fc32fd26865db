//! One hand-written case per form the importer reads: heading styles, annotation brackets and labels,
//! unlabelled forms, conventions, deadlines, targets, noise and diagnostics.

use lanbai_planner::parse::{Parsed, parse};
use lanbai_planner::plan::{Bound, Plan, Role};

#[path = "common/roles.rs"]
mod roles;
use roles::units;

fn clean(text: &str) -> Plan {
    let Parsed {
        plan, diagnostics, ..
    } = parse(text);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    plan
}

#[test]
fn label_lines_deadlines_and_tasks_directly_under_a_heading() {
    let p = clean(
        "某市2021年优化营商环境工作要点\n为持续优化营商环境，制定本要点。\n一、重点任务\n\
         1.深化“放管服”改革，推行“一网通办”。\n责任单位：市政务服务局、市发改委\n完成时限：2021年6月底前\n\
         2.推进工程建设项目审批制度改革。\n责任单位：市住建局\n完成时限：持续推进\n\
         3.开展营商环境评价。\n责任单位：市发改委\n时限要求：年底前\n",
    );
    assert_eq!(p.meta.year, 2021);
    assert_eq!(p.groups.len(), 1);
    assert_eq!(
        (p.groups[0].numeral.as_str(), p.groups[0].title.as_str()),
        ("一", "重点任务")
    );
    assert_eq!(p.tasks.len(), 3);
    // A 责任单位 is not a 牵头单位 (issue 14, class 2): with no "first listed leads" rule, no lead is known.
    assert_eq!(units(&p, 1, Role::Lead), Vec::<&str>::new());
    assert_eq!(
        units(&p, 1, Role::Implementing),
        ["市政务服务局", "市发改委"]
    );
    assert_eq!(p.tasks[0].text, "深化“放管服”改革，推行“一网通办”。");
    let dl: Vec<_> = p
        .tasks
        .iter()
        .map(|t| t.deadline.clone().and_then(|d| d.date))
        .collect();
    assert_eq!(
        dl,
        [Some("2021-06-30".into()), None, Some("2021-12-31".into())]
    );
    assert_eq!(
        p.tasks[1].deadline.as_ref().map(|d| d.text.as_str()),
        Some("持续推进")
    );
    assert_eq!(p.units.len(), 3);
}

#[test]
fn paren_arabic_tasks_with_circled_sub_items_and_unlabelled_roles() {
    let p = clean(
        "某省2022年科技工作要点\n一、强化创新平台\n（一）建设重大平台\n\
         （1）推进省实验室建设：\n①完成选址；\n②组建团队。（省科技厅牵头，省发展改革委、省财政厅配合）\n\
         （2）培育新型研发机构不少于10家。（各市州按职责分工负责）\n\
         （二）壮大创新主体\n（3）实施科技型企业培育工程。（省科技厅、省工信厅分别牵头）\n",
    );
    assert_eq!(p.groups.len(), 2);
    assert_eq!(
        p.tasks
            .iter()
            .map(|t| (t.number, t.group))
            .collect::<Vec<_>>(),
        [(1, 1), (2, 1), (3, 2)]
    );
    assert_eq!(
        p.tasks[0].text,
        "推进省实验室建设：\n①完成选址；\n②组建团队。"
    );
    assert_eq!(units(&p, 1, Role::Lead), ["省科技厅"]);
    assert_eq!(
        units(&p, 1, Role::Cooperating),
        ["省发展改革委", "省财政厅"]
    );
    assert_eq!(units(&p, 2, Role::Implementing), ["各市州"]);
    assert_eq!(units(&p, 3, Role::Lead), ["省科技厅", "省工信厅"]);
    let k = &p.tasks[1].targets;
    assert_eq!(k.len(), 1);
    assert_eq!(
        (k[0].indicator.as_str(), k[0].value, k[0].bound),
        ("新型研发机构", 10.0, Bound::AtLeast)
    );
}

#[test]
fn first_listed_leads_when_the_document_says_so() {
    let p = clean(
        "某县2020年重点工作任务分工\n（注：列第一位的为牵头单位，其他为配合单位）\n一、任务\n\
         1.推进乡村振兴。【县农业农村局、县财政局、县发改局】\n\
         2.改善人居环境。[责任单位：县住建局、县生态环境分局]\n",
    );
    assert_eq!(units(&p, 1, Role::Lead), ["县农业农村局"]);
    assert_eq!(units(&p, 1, Role::Cooperating), ["县财政局", "县发改局"]);
    assert_eq!(units(&p, 2, Role::Lead), ["县住建局"]);
    assert_eq!(units(&p, 2, Role::Cooperating), ["县生态环境分局"]);
}

#[test]
fn people_are_not_units() {
    let p = clean(
        "某市工作要点2020年\n一、任务\n1.抓好项目建设。\n牵头领导：王某某\n牵头单位：市发改委\n",
    );
    assert_eq!(p.tasks[0].leaders, ["王某某"]);
    assert_eq!(units(&p, 1, Role::Lead), ["市发改委"]);
    assert_eq!(p.units.len(), 1);
}

#[test]
fn inline_labels_without_brackets() {
    let p = clean("某市2020年要点\n一、任务\n1.推进建设。牵头单位：市发改委；配合单位：市财政局\n");
    assert_eq!(p.tasks[0].text, "推进建设。");
    assert_eq!(units(&p, 1, Role::Cooperating), ["市财政局"]);
}

#[test]
fn tasks_without_any_heading_get_one_implicit_group() {
    let p = clean("某市2020年工作要点\n1.推进甲。(牵头单位:甲局)\n2.推进乙。(牵头单位:乙局)\n");
    assert_eq!(p.groups.len(), 1);
    assert_eq!(p.tasks.iter().map(|t| t.group).collect::<Vec<_>>(), [1, 1]);
}

#[test]
fn numbering_continues_across_groups_and_per_group_numbering_is_renumbered() {
    let cont = clean("要点2020年\n(一)甲\n1.a。(牵头单位:甲局)\n(二)乙\n2.b。(牵头单位:乙局)\n");
    assert_eq!(
        cont.tasks.iter().map(|t| t.number).collect::<Vec<_>>(),
        [1, 2]
    );
    let restart = clean(
        "要点2020年\n(一)甲\n1.a。(牵头单位:甲局)\n2.b。(牵头单位:甲局)\n(二)乙\n1.c。(牵头单位:乙局)\n2.d。(牵头单位:乙局)\n",
    );
    assert_eq!(
        restart.tasks.iter().map(|t| t.number).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let jump = parse("要点2020年\n1.a。(牵头单位:甲局)\n5.b。(牵头单位:乙局)\n");
    assert_eq!(
        jump.plan.tasks.iter().map(|t| t.number).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        jump.diagnostics.iter().map(|d| d.line).collect::<Vec<_>>(),
        [3]
    );
    let part2 = clean("要点2020年\n(四)丁\n11.a。(牵头单位:甲局)\n12.b。(牵头单位:乙局)\n");
    assert_eq!(
        part2.tasks.iter().map(|t| t.number).collect::<Vec<_>>(),
        [11, 12]
    );
}

#[test]
fn broken_lines_and_noise() {
    let p = clean(
        "某市2020年工作要点\n一、重点\n1.深化 完善协同创新\n机制，推进建设。(牵头单位:市科技局;配合\n单位:市财政局)\n\
         - 2 -\n某市2020年工作要点\n2.优化服务。(牵头单位:市政务服务局)\n2020年3月5日\n相关新闻\n- 2020-03-17 某新闻\n",
    );
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(p.tasks[0].text, "深化完善协同创新机制，推进建设。");
    assert_eq!(units(&p, 1, Role::Cooperating), ["市财政局"]);
    assert_eq!(p.tasks[1].text, "优化服务。");
}

#[test]
fn targets_of_every_shape() {
    let p = clean(
        "某市2020年要点\n一、目标\n1.地区生产总值增长6%左右，城镇登记失业率控制在5%以内，新增省级园区不少于12个，\
         各类投入达到100亿元以上，开发100个以上新产品(甲区80、乙区20)。(牵头单位:市统计局)\n",
    );
    let got: Vec<_> = p.tasks[0]
        .targets
        .iter()
        .map(|k| {
            (
                k.indicator.as_str(),
                k.value,
                k.measure.as_str(),
                k.bound,
                k.split.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("地区生产总值", 6.0, "%", Bound::About, 0),
            ("城镇登记失业率", 5.0, "%", Bound::AtMost, 0),
            ("省级园区", 12.0, "个", Bound::AtLeast, 0),
            ("各类投入", 100.0, "亿元", Bound::AtLeast, 0),
            ("新产品", 100.0, "个", Bound::AtLeast, 2),
        ]
    );
}

#[test]
fn what_is_not_understood_is_reported_with_its_line() {
    let text = "某市2020年要点\n一、任务\n1.推进甲。(牵头单位省发改委)\n2.推进乙。(牵头单位:乙局)\n\
                3.推进丙。(牵头单位:丙局\n4.推进丁。\n孤立的一行\n";
    let Parsed {
        plan, diagnostics, ..
    } = parse(text);
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(units(&plan, 2, Role::Lead), ["乙局"]);
    let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
    assert!(lines.contains(&3), "{diagnostics:#?}");
    assert!(lines.contains(&5), "{diagnostics:#?}");
    assert!(lines.contains(&7), "{diagnostics:#?}");
    assert!(
        diagnostics
            .iter()
            .all(|d| d.line >= 1 && d.line <= text.lines().count())
    );
}

#[test]
fn widths_and_scripts_give_the_same_plan() {
    let half = "某市2020年要点\n一、任务\n(一)甲组\n1.推进甲。(牵头单位:甲局;配合单位:乙局,丙局;完成时限:6月底前)\n\
                2.推进乙。[责任单位:丁局、戊局]\n";
    let full = "某市2020年要点\n一、任务\n（一）甲组\n1．推进甲。（牵头单位：甲局；配合单位：乙局，丙局；完成时限：6月底前）\n\
                2．推进乙。【责任单位：丁局、戊局】\n";
    let trad = "某市2020年要点\n一、任务\n（一）甲组\n1．推进甲。〔牽頭單位：甲局；配合單位：乙局，丙局；完成時限：6月底前〕\n\
                2．推进乙。（責任單位：丁局、戊局）\n";
    let a = clean(half);
    assert_eq!(a.tasks.len(), 2);
    assert_eq!(
        a.tasks[0].deadline.as_ref().and_then(|d| d.date.as_deref()),
        Some("2020-06-30")
    );
    assert_eq!(a, clean(full));
    assert_eq!(a, clean(trad));
}

#[test]
fn a_unit_cut_by_the_end_of_a_fragment_is_reported_not_kept() {
    let parsed = lanbai_planner::parse::parse(
        "某区2023年工作要点\n一、目标\n1.甲事项。\n牵头单位：区甲局\n责任单位：区乙局、区丙局、市人",
    );
    let p = parsed.plan;
    assert_eq!(units(&p, 1, Role::Implementing), ["区乙局", "区丙局"]);
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("cut off") && d.message.contains("市人")),
        "{:?}",
        parsed.diagnostics
    );
    // A complete list at the end of a text is kept whole.
    let q = clean("某区2023年工作要点\n一、目标\n1.甲事项。\n责任单位：区乙局、各街道\n");
    assert_eq!(units(&q, 1, Role::Implementing), ["区乙局", "各街道"]);
}

#[test]
fn a_task_whose_text_starts_with_a_number_keeps_its_place() {
    let p = clean(
        "某市2012年人才工作要点\n一、重点项目\n1.甲项目。（牵头单位：市甲局）\n2.121人才梯队项目。（牵头单位：市乙局）\n\
         3.丙项目，投入1.5亿元。（牵头单位：市丙局）\n",
    );
    assert_eq!(p.tasks.len(), 3);
    assert_eq!(p.tasks[1].text, "121人才梯队项目。");
    assert_eq!(units(&p, 2, Role::Lead), ["市乙局"]);
}

#[test]
fn unnumbered_items_each_with_its_own_annotation_are_tasks() {
    let p = clean(
        "某市2012年规划任务分工\n二、分工\n（一）约束性指标\n耕地保有量保持在100万亩。（市国土局牵头）\n\
         单位产值用水量下降。（市水利局、市工信局按职责分工负责）\n",
    );
    assert_eq!(p.tasks.len(), 2);
    assert_eq!(
        p.groups.last().map(|g| g.title.as_str()),
        Some("约束性指标")
    );
    assert_eq!(units(&p, 1, Role::Lead), ["市国土局"]);
    assert_eq!(units(&p, 2, Role::Implementing), ["市水利局", "市工信局"]);
    // One annotated paragraph under a title is that title's task, as before.
    let q = clean("某省2017年意见\n一、推进项目建设\n加快项目建设。（省发改委牵头）\n");
    assert_eq!(q.tasks.len(), 1);
    assert!(q.tasks[0].text.starts_with("推进项目建设"));
}

#[test]
fn etc_with_a_collective_after_the_last_unit_qualifies_the_list() {
    // "区司法局等有关部门": the list is 区司法局 and others; 等有关部门 is no part of the name.
    let p = parse(
        "某区2021年重点任务分工\n一、优化服务\n\
         1.规范备案管理。(牵头单位:区政府办公室;责任单位:区司法局等有关部门)\n\
         2.推进审批改革。(牵头单位:区审批局;责任单位:区发改局、区住建局等相关单位)\n",
    )
    .plan;
    assert_eq!(units(&p, 1, Role::Implementing), ["区司法局"]);
    assert_eq!(units(&p, 2, Role::Implementing), ["区发改局", "区住建局"]);
}

#[test]
fn items_run_together_after_a_host_and_assist_annotation_are_two_tasks() {
    // 主办 / 协办 name roles as 牵头 / 负责 do, so a run-on item after such an annotation is cut off.
    let p = parse(
        "某省2013年工作要点\n一、产业项目\n\
         1.抓好重点产业项目。(省发改委主办,省工信委、省科技厅协办)2.抓好一批新项目。(省工信委主办,省发改委协办)\n",
    )
    .plan;
    assert_eq!(p.tasks.len(), 2, "{:?}", p.tasks);
    assert_eq!(units(&p, 1, Role::Implementing), ["省发改委"]);
    assert_eq!(units(&p, 1, Role::Cooperating), ["省工信委", "省科技厅"]);
    assert_eq!(units(&p, 2, Role::Implementing), ["省工信委"]);
    assert_eq!(units(&p, 2, Role::Cooperating), ["省发改委"]);
}

#[test]
fn he_joins_two_units_but_never_splits_a_name_that_contains_it() {
    // 和 between a body and a collective or body of a level is "and"; inside 住房和城乡建设局 it is not.
    let p = parse(
        "某省2008年工作目标责任分解\n一、改革\n\
         1.推进机构改革。(牵头单位:省编办;协同单位:省财政厅、省农业厅等省直有关部门和各市人民政府)\n\
         2.推进住房保障。(牵头单位:省住房和城乡建设厅;配合单位:省人力资源和社会保障厅)\n",
    )
    .plan;
    assert_eq!(
        units(&p, 1, Role::Cooperating),
        ["省财政厅", "省农业厅", "各市人民政府"]
    );
    assert_eq!(units(&p, 2, Role::Lead), ["省住房和城乡建设厅"]);
    assert_eq!(units(&p, 2, Role::Cooperating), ["省人力资源和社会保障厅"]);
}
