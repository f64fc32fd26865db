use super::*;

fn one(text: &str) -> Target {
    let t = targets("t1", text);
    assert_eq!(t.len(), 1, "{text}: {t:?}");
    t.into_iter().next().expect("one target")
}

#[test]
fn verb_first_with_split() {
    let t = one("年度内开发100个以上新产品(兰州80、白银20),完成");
    assert_eq!(
        (
            t.action.as_str(),
            t.indicator.as_str(),
            t.value,
            t.measure.as_str()
        ),
        ("开发", "新产品", 100.0, "个")
    );
    assert_eq!(t.bound, Bound::AtLeast);
    assert_eq!(t.split.len(), 2);
    assert_eq!(
        (t.split[1].place.as_str(), t.split[1].value),
        ("白银", 20.0)
    );
    assert_eq!(t.source, "开发100个以上新产品(兰州80、白银20)");
}

#[test]
fn combined_verbs() {
    let t = one("培育和引进100个以上创新团队");
    assert_eq!(
        (t.action.as_str(), t.indicator.as_str()),
        ("培育和引进", "创新团队")
    );
}

#[test]
fn indicator_first() {
    let t = one("各类科技创新投入达到100亿元以上。");
    assert_eq!(
        (t.action.as_str(), t.indicator.as_str(), t.measure.as_str()),
        ("达到", "各类科技创新投入", "亿元")
    );
    assert_eq!(t.bound, Bound::AtLeast);
    let g = one("全年地区生产总值增长6%左右");
    assert_eq!(
        (g.indicator.as_str(), g.measure.as_str(), g.bound),
        ("全年地区生产总值", "%", Bound::About)
    );
    let p = one("培育省级示范园区不少于12个");
    assert_eq!(
        (p.action.as_str(), p.indicator.as_str(), p.bound),
        ("培育", "省级示范园区", Bound::AtLeast)
    );
    let u = one("城镇登记失业率控制在5%以内");
    assert_eq!(
        (u.action.as_str(), u.indicator.as_str(), u.bound),
        ("控制在", "城镇登记失业率", Bound::AtMost)
    );
}

#[test]
fn dates_years_and_document_numbers_are_not_targets() {
    assert!(
        targets(
            "t1",
            "2020年6月底前按照《规划(2015-2020年)》(甘发〔2019〕16号)建立“1+N”体系"
        )
        .is_empty()
    );
}

#[test]
fn numbering_is_per_task() {
    let t = targets("t6", "完成100项以上成果,新增100家以上平台");
    assert_eq!(
        t.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["t6.k1", "t6.k2"]
    );
}
