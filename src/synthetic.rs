//! Deterministic synthetic plans and journals for tests and benchmarks, never shipped in the wasm (compiled
//! only for tests and with the `synthetic` feature). Real province-wide plans have hundreds to thousands of
//! tasks, but we ship a 10-task one: performance work needs plans of realistic shape at any size, identical
//! on every run so that figures from different days compare.
//!
//! The shape follows the 工作要点 genre: tasks in numbered groups, ~300 units with the naming of Gansu bodies
//! (省X厅, X市, X区管委会, X市X局…) in the usual role mix (one or two leads, a few implementers, more
//! cooperators), a tenth of the tasks carrying numeric targets split between 兰州 and 白银, and deadlines.

use crate::journal::{Op, OpKind, Region, Status};
use crate::plan::ids::unit_id;
use crate::plan::{
    Bound, Deadline, Group, PlaceShare, Plan, PlanMeta, Role, Roles, Target, Task, Unit, UnitRef,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub tasks: usize,
    /// Number of task groups; at most 99 (the genre numbers them 一 … 九十九).
    pub groups: usize,
    pub seed: u64,
}

impl Spec {
    /// `tasks` tasks in groups of about 250, seeded with `seed`.
    pub fn new(tasks: usize, seed: u64) -> Spec {
        Spec {
            tasks,
            groups: tasks.div_ceil(250).clamp(1, 99),
            seed,
        }
    }
}

/// SplitMix64: tiny, fast, well distributed, and the same on every platform — all a generator of test data
/// needs, without a `rand` dependency.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next_u64() % bound as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PROVINCE: [&str; 24] = [
    "省发展改革委",
    "省科技厅",
    "省教育厅",
    "省工信厅",
    "省财政厅",
    "省人社厅",
    "省自然资源厅",
    "省生态环境厅",
    "省住建厅",
    "省交通运输厅",
    "省水利厅",
    "省农业农村厅",
    "省商务厅",
    "省文化和旅游厅",
    "省卫生健康委",
    "省市场监管局",
    "省统计局",
    "省地方金融监管局",
    "省知识产权局",
    "省国资委",
    "省税务局",
    "省委组织部",
    "省委宣传部",
    "省科协",
];

const CITIES: [&str; 14] = [
    "兰州市",
    "白银市",
    "天水市",
    "嘉峪关市",
    "金昌市",
    "武威市",
    "张掖市",
    "平凉市",
    "酒泉市",
    "庆阳市",
    "定西市",
    "陇南市",
    "临夏州",
    "甘南州",
];

const ZONES: [&str; 12] = [
    "兰州新区管委会",
    "兰州高新区管委会",
    "白银高新区管委会",
    "兰州经开区管委会",
    "天水经开区管委会",
    "金昌经开区管委会",
    "酒泉经开区管委会",
    "张掖经开区管委会",
    "武威工业园区管委会",
    "定西经开区管委会",
    "陇南经开区管委会",
    "庆阳西峰工业园区管委会",
];

const BUREAUS: [&str; 18] = [
    "科技局",
    "发展改革委",
    "工信局",
    "财政局",
    "教育局",
    "人社局",
    "商务局",
    "农业农村局",
    "市场监管局",
    "自然资源局",
    "生态环境局",
    "住建局",
    "卫生健康委",
    "文化和旅游局",
    "统计局",
    "金融办",
    "交通运输局",
    "水务局",
];

const VERBS: [&str; 12] = [
    "深入实施",
    "加快推进",
    "持续完善",
    "积极培育",
    "统筹推进",
    "大力支持",
    "探索建立",
    "着力构建",
    "全面落实",
    "稳步推进",
    "研究制定",
    "健全完善",
];

const OBJECTS: [&str; 16] = [
    "科技成果转移转化服务体系",
    "高新技术企业培育工程",
    "产学研协同创新平台",
    "科技创新券政策",
    "知识产权运营服务体系",
    "创新型人才引进机制",
    "科技金融融合发展模式",
    "重点实验室和工程技术研究中心建设",
    "“放管服”改革和营商环境优化",
    "军民融合创新示范工程",
    "科技企业孵化器和众创空间",
    "区域协同创新共同体",
    "新材料产业链配套项目",
    "数字经济和智能制造应用",
    "农业科技园区提质增效",
    "科研院所体制机制改革",
];

const CLAUSES: [&str; 8] = [
    "形成定位清晰、特色鲜明、错位有序的发展格局",
    "破解制约创新驱动发展的体制机制障碍",
    "提升区域创新体系整体效能",
    "推动创新要素向两区集聚",
    "强化企业技术创新主体地位",
    "促进科技成果在区内就地转化",
    "拉长产业链、提升价值链",
    "为高质量发展提供有力支撑",
];

const INDICATORS: [(&str, &str, &str); 6] = [
    ("开发", "个", "新产品"),
    ("完成", "项", "重大科技成果"),
    ("培育", "家", "高新技术企业"),
    ("新增", "家", "创新平台"),
    ("引进", "个", "创新团队"),
    ("新建", "个", "众创空间"),
];

const DEADLINES: [(&str, &str); 5] = [
    ("6月底前", "-06-30"),
    ("9月底前", "-09-30"),
    ("10月底前", "-10-31"),
    ("11月底前", "-11-30"),
    ("年底前", "-12-31"),
];

const NUMERALS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 一 … 九十九, as group headings print them.
pub fn cn_numeral(n: usize) -> String {
    let (tens, ones) = (n / 10 % 10, n % 10);
    match tens {
        0 => NUMERALS[ones].to_string(),
        1 => format!("十{}", NUMERALS[ones]),
        t => format!("{}十{}", NUMERALS[t], NUMERALS[ones]),
    }
}

/// The ~300 unit names: provincial departments, cities and prefectures, development-zone committees, and
/// the bureaus of the larger cities — in that order, which is also how often they lead.
pub fn unit_names() -> Vec<String> {
    let mut names: Vec<String> = PROVINCE.iter().map(|s| s.to_string()).collect();
    names.extend(CITIES.iter().map(|s| s.to_string()));
    names.extend(ZONES.iter().map(|s| s.to_string()));
    for city in CITIES {
        for bureau in BUREAUS {
            names.push(format!("{city}{bureau}"));
        }
    }
    names
}

/// A plan of `spec.tasks` tasks; the same spec always gives the same plan.
pub fn plan(spec: Spec) -> Plan {
    let mut rng = SplitMix::new(spec.seed);
    let names = unit_names();
    let units: Vec<Unit> = names
        .iter()
        .map(|n| Unit {
            id: unit_id(n),
            name: n.clone(),
            aliases: Vec::new(),
        })
        .collect();
    let unit_ref = |i: usize| UnitRef {
        unit: units[i].id.clone(),
        name: units[i].name.clone(),
    };
    let (province, cities, zones) = (PROVINCE.len(), CITIES.len(), ZONES.len());
    let groups = spec.groups.clamp(1, 99);
    let per_group = spec.tasks.div_ceil(groups).max(1);
    let year = 2020;
    let tasks = (0..spec.tasks)
        .map(|i| {
            let number = i as u32 + 1;
            let mut text = format!(
                "{}{}，{}",
                rng.pick(&VERBS),
                rng.pick(&OBJECTS),
                rng.pick(&CLAUSES)
            );
            let mut targets = Vec::new();
            if rng.below(10) == 0 {
                for k in 1..=1 + rng.below(3) {
                    let (action, measure, indicator) = *rng.pick(&INDICATORS);
                    let value = 10 * (1 + rng.below(20)) as u32;
                    let lanzhou = value * 4 / 5;
                    let baiyin = value - lanzhou;
                    let source = format!(
                        "{action}{value}{measure}以上{indicator}(兰州{lanzhou}、白银{baiyin})"
                    );
                    text.push('，');
                    text.push_str(&source);
                    targets.push(Target {
                        id: format!("t{number}.k{k}"),
                        indicator: indicator.into(),
                        action: action.into(),
                        value: value.into(),
                        measure: measure.into(),
                        bound: Bound::AtLeast,
                        split: vec![
                            PlaceShare {
                                place: "兰州".into(),
                                value: lanzhou.into(),
                            },
                            PlaceShare {
                                place: "白银".into(),
                                value: baiyin.into(),
                            },
                        ],
                        source,
                    });
                }
            }
            let deadline = (rng.below(3) == 0).then(|| {
                let (words, date) = *rng.pick(&DEADLINES);
                text.push_str(&format!("，{words}完成"));
                Deadline {
                    date: Some(format!("{year}{date}")),
                    text: words.into(),
                }
            });
            text.push('。');
            let mut roles = Roles::default();
            let mut taken = Vec::new();
            let mut add = |role: Role, i: usize, roles: &mut Roles| {
                if !taken.contains(&i) {
                    taken.push(i);
                    roles.get_mut(role).push(unit_ref(i));
                }
            };
            // Leads: a provincial department, sometimes with a city.
            add(Role::Lead, rng.below(province), &mut roles);
            if rng.below(4) == 0 {
                add(Role::Lead, province + rng.below(cities), &mut roles);
            }
            for _ in 0..rng.below(4) {
                let zone_or_city = if rng.below(2) == 0 {
                    province + rng.below(cities)
                } else {
                    province + cities + rng.below(zones)
                };
                add(Role::Implementing, zone_or_city, &mut roles);
            }
            for _ in 0..rng.below(6) {
                add(Role::Cooperating, rng.below(units.len()), &mut roles);
            }
            Task {
                number,
                group: (i / per_group) as u32 + 1,
                text,
                roles,
                deadline,
                targets,
                leaders: Vec::new(),
            }
        })
        .collect::<Vec<_>>();
    let group_count = tasks.last().map_or(0, |t| t.group as usize);
    let groups = (1..=group_count)
        .map(|g| Group {
            number: g as u32,
            numeral: cn_numeral(g),
            title: format!("{}{}", rng.pick(&VERBS), rng.pick(&OBJECTS)),
        })
        .collect();
    Plan {
        id: format!("synthetic-{}-{}", spec.tasks, spec.seed),
        meta: PlanMeta {
            title: format!("{year}年全省创新驱动发展工作要点（{}项任务）", spec.tasks),
            original_title: None,
            publisher: None,
            newspaper: None,
            reporter: None,
            date: Some(format!("{year}-03-17")),
            year,
            installment: None,
            coordinator: None,
        },
        intro: "为深入实施创新驱动发展战略，制定本要点。".into(),
        sections: Vec::new(),
        groups,
        tasks,
        units,
        references: Vec::new(),
    }
}

/// The plan printed as a 工作要点 text (title, headings, numbered tasks with their bracketed 牵头 / 实施 /
/// 配合 annotation), for timing the importer on a large input.
pub fn text(plan: &Plan) -> String {
    let mut out = format!("{}\n{}\n一、重点任务\n", plan.meta.title, plan.intro);
    let names = |us: &[UnitRef]| {
        us.iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    for g in &plan.groups {
        out.push_str(&format!("（{}）{}\n", g.numeral, g.title));
        for t in plan.tasks.iter().filter(|t| t.group == g.number) {
            let mut parts = Vec::new();
            for role in Role::ALL {
                let us = t.roles.get(role);
                if !us.is_empty() {
                    parts.push(format!("{}：{}", role.label_zh(), names(us)));
                }
            }
            out.push_str(&format!(
                "{}.{}（{}）\n",
                t.number,
                t.text,
                parts.join("；")
            ));
        }
    }
    out
}

/// A journal of `n` edits by `writer` over the plan's tasks and targets: statuses, progress, notes,
/// deadlines and actual figures per city, one a minute from the start of the plan's year.
pub fn journal(plan: &Plan, writer: &str, n: usize, seed: u64) -> Vec<Op> {
    let mut rng = SplitMix::new(seed);
    let targets: Vec<&Target> = plan.tasks.iter().flat_map(|t| &t.targets).collect();
    let year = plan.meta.year;
    (0..n)
        .map(|i| {
            let task = match plan.tasks.len() {
                0 => "t1".to_string(),
                len => plan.tasks[rng.below(len)].id(),
            };
            let day = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
            let kind = match (rng.below(6), targets.is_empty()) {
                (0, _) => OpKind::SetStatus {
                    task,
                    unit: None,
                    period: None,
                    status: *rng.pick(&Status::ALL),
                },
                (1, _) => OpKind::SetProgress {
                    task,
                    unit: None,
                    period: None,
                    percent: rng.below(101) as u8,
                },
                (2, _) => OpKind::AddNote {
                    task,
                    note_id: format!("{writer}-n{i}"),
                    date: day,
                    author: None,
                    text: "进展顺利，按计划推进".into(),
                },
                (3, _) | (_, true) => OpKind::SetDeadline {
                    task,
                    date: Some(day),
                },
                (4, false) => {
                    let target = rng.pick(&targets);
                    let region = match target.split.len() {
                        0 => Region::Total,
                        len => Region::Place(target.split[rng.below(len)].place.clone()),
                    };
                    OpKind::SetActual {
                        target: target.id.clone(),
                        region,
                        as_of: day,
                        value: rng.below(100) as f64,
                    }
                }
                (_, false) => OpKind::SetActual {
                    target: rng.pick(&targets).id.clone(),
                    region: Region::Total,
                    as_of: day,
                    value: rng.below(120) as f64,
                },
            };
            Op {
                id: format!("{writer}-{i}"),
                at: 1_577_836_800_000 + i as i64 * 60_000,
                hlc: None,
                kind,
                cause: None,
                unit: None,
                by: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_spec_gives_the_same_plan_and_journal() {
        let spec = Spec::new(1_000, 7);
        let a = plan(spec);
        assert_eq!(a, plan(spec));
        assert_eq!(journal(&a, "w", 500, 3), journal(&a, "w", 500, 3));
        assert_ne!(a, plan(Spec::new(1_000, 8)));
    }

    #[test]
    fn the_plan_has_the_requested_shape() {
        let p = plan(Spec::new(10_000, 1));
        assert_eq!(p.tasks.len(), 10_000);
        assert_eq!(p.groups.len(), 40);
        assert!((280..=320).contains(&p.units.len()), "{}", p.units.len());
        assert!(p.tasks.iter().all(|t| !t.roles.lead.is_empty()));
        assert!(
            p.tasks
                .iter()
                .all(|t| p.groups.iter().any(|g| g.number == t.group))
        );
        let with_targets = p.tasks.iter().filter(|t| !t.targets.is_empty()).count();
        assert!((800..=1_200).contains(&with_targets), "{with_targets}");
        let split =
            p.tasks.iter().flat_map(|t| &t.targets).all(|k| {
                k.split.len() == 2 && k.split.iter().map(|s| s.value).sum::<f64>() == k.value
            });
        assert!(split);
        let ids: std::collections::HashSet<_> = p.units.iter().map(|u| &u.id).collect();
        assert_eq!(ids.len(), p.units.len(), "unit ids are unique");
        let ops = journal(&p, "w", 10_000, 2);
        assert_eq!(ops.len(), 10_000);
        assert!(ops.windows(2).all(|w| w[0].at < w[1].at));
    }

    #[test]
    fn the_importer_reads_the_printed_text_back() {
        let p = plan(Spec::new(300, 5));
        let parsed = crate::parse::parse(&text(&p));
        assert_eq!(parsed.plan.tasks.len(), 300);
        assert_eq!(parsed.plan.groups.len(), p.groups.len());
        let lead = |t: &Task| {
            t.roles
                .lead
                .iter()
                .map(|u| u.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(lead(&parsed.plan.tasks[41]), lead(&p.tasks[41]));
    }
}
