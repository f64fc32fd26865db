use super::*;
use crate::i18n::Lang;
use crate::storage::kv::MemoryKv;
use crate::storage::quarantine;

const TEXT: &str = "陇西市2021年科技创新工作要点
（一）壮大创新主体
1.新认定高新技术企业30家以上。
责任单位：市科技局、市财政局
完成时限：2021年11月底前
2.新建市级企业技术中心10家。
责任单位：市工信局
";

fn sample() -> Plan {
    crate::parse::parse(TEXT).plan
}

/// Fails every write to one key, to test each step of a two-key write.
struct FailOn {
    kv: MemoryKv,
    key: String,
}

impl KeyValue for FailOn {
    fn get(&self, key: &str) -> Option<String> {
        self.kv.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if key == self.key {
            Err(KvError::QuotaExceeded)
        } else {
            self.kv.set(key, value)
        }
    }
    fn remove(&self, key: &str) {
        self.kv.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.kv.keys()
    }
}

fn snapshot(kv: &MemoryKv) -> Vec<(String, Option<String>)> {
    kv.keys()
        .into_iter()
        .map(|k| (k.clone(), kv.get(&k)))
        .collect()
}

#[test]
fn save_list_load_rename_delete() {
    let kv = MemoryKv::new();
    let plan = sample();
    assert!(plan.id.starts_with("plan-2021-"), "{}", plan.id);
    let entry = save(&kv, plan.clone(), "  ", 1000, OnConflict::Ask).expect("saved");
    assert_eq!(
        entry.name, "陇西市2021年科技创新工作要点",
        "blank name → title"
    );
    assert_eq!((entry.task_count, entry.imported_at), (2, 1000));

    let (entries, problem) = list(&kv, 0);
    assert_eq!(problem, None);
    assert_eq!(entries.len(), 2);
    assert!(entries[0].is_shipped(), "the shipped plan comes first");
    assert_eq!(entries[1], entry);
    assert_eq!(load(&kv, &entry.id, 0), Ok(plan));

    rename(&kv, &entry.id, " 陇西科技要点 ", 0).expect("renamed");
    assert_eq!(list(&kv, 0).0[1].name, "陇西科技要点");
    assert_eq!(rename(&kv, &entry.id, " ", 0), Err(PlansError::EmptyName));

    set_active(&kv, &entry.id).expect("active");
    assert_eq!(active_id(&kv), entry.id);
    delete(&kv, &entry.id, 0).expect("deleted");
    assert_eq!(list(&kv, 0).0.len(), 1);
    assert_eq!(
        active_id(&kv),
        SHIPPED_ID,
        "deleting the active plan reopens the shipped one"
    );
    assert_eq!(
        load(&kv, &entry.id, 0),
        Err(PlansError::NotFound(entry.id.clone()))
    );
    assert_eq!(
        delete(&kv, &entry.id, 0),
        Err(PlansError::NotFound(entry.id))
    );
}

#[test]
fn the_shipped_plan_is_always_there_and_protected() {
    let kv = MemoryKv::new();
    let (entries, _) = list(&kv, 0);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].id, "gansu-2020-shuangqu");
    assert_eq!(entries[0].task_count, 10);
    assert_eq!(delete(&kv, SHIPPED_ID, 0), Err(PlansError::Shipped));
    assert_eq!(rename(&kv, SHIPPED_ID, "x", 0), Err(PlansError::Shipped));

    let mut impostor = sample();
    impostor.id = SHIPPED_ID.into();
    assert!(matches!(
        save(&kv, impostor.clone(), "", 0, OnConflict::Ask),
        Err(PlansError::Exists(e)) if e.is_shipped()
    ));
    assert_eq!(
        save(&kv, impostor.clone(), "", 0, OnConflict::Replace),
        Err(PlansError::Shipped)
    );
    assert!(kv.keys().is_empty(), "nothing written");
    let copy = save(&kv, impostor, "", 0, OnConflict::Copy).expect("a copy");
    assert_eq!(copy.id, "gansu-2020-shuangqu-2");
    assert_eq!(load(&kv, SHIPPED_ID, 0).map(|p| p.tasks.len()), Ok(10));
    assert_eq!(load(&kv, &copy.id, 0).map(|p| p.id), Ok(copy.id));
}

#[test]
fn a_second_import_of_the_same_plan_asks_then_replaces_or_copies() {
    let kv = MemoryKv::new();
    let first = save(&kv, sample(), "甲", 1, OnConflict::Ask).expect("first");
    let Err(PlansError::Exists(existing)) = save(&kv, sample(), "乙", 2, OnConflict::Ask) else {
        panic!("the same id must ask");
    };
    assert_eq!(existing, first);

    let copy = save(&kv, sample(), "乙", 2, OnConflict::Copy).expect("copy");
    assert_eq!(copy.id, format!("{}-2", first.id));
    let third = save(&kv, sample(), "丙", 3, OnConflict::Copy).expect("copy");
    assert_eq!(third.id, format!("{}-3", first.id));

    let mut changed = sample();
    changed.tasks.truncate(1);
    let replaced = save(&kv, changed, "丁", 4, OnConflict::Replace).expect("replace");
    assert_eq!(replaced.id, first.id);
    let (entries, _) = list(&kv, 0);
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names[1..],
        ["丁", "乙", "丙"],
        "replacing keeps the place in the list"
    );
    assert_eq!(load(&kv, &first.id, 0).map(|p| p.tasks.len()), Ok(1));
}

#[test]
fn empty_plans_are_not_saved() {
    let kv = MemoryKv::new();
    let empty = crate::parse::parse("").plan;
    assert_eq!(
        save(&kv, empty, "x", 0, OnConflict::Ask),
        Err(PlansError::NoTasks)
    );
    assert!(kv.keys().is_empty());
}

#[test]
fn a_full_storage_leaves_every_stored_plan_untouched() {
    let kv = MemoryKv::new();
    let first = save(&kv, sample(), "甲", 1, OnConflict::Ask).expect("first");
    let before = snapshot(&kv);

    // Too full for another plan.
    kv.set_quota(Some(kv.used() + 100));
    let err = save(&kv, sample(), "乙", 2, OnConflict::Copy).expect_err("full");
    assert_eq!(err, PlansError::Storage(KvError::QuotaExceeded));
    assert!(err.message(Lang::Zh).contains("已满"));
    assert!(err.message(Lang::En).contains("full"));
    assert_eq!(snapshot(&kv), before);
    kv.set_quota(None);

    // Each half of a two-key write refused in turn: new plan and replacement alike.
    for failing in [
        Key::PlanIndex.render(),
        Key::Plan {
            id: first.id.clone(),
        }
        .render(),
    ] {
        let kv = FailOn {
            kv: kv.clone(),
            key: failing.clone(),
        };
        for mode in [OnConflict::Replace, OnConflict::Copy] {
            let result = save(&kv, sample(), "乙", 2, mode);
            if failing.starts_with(PLAN_PREFIX) && mode == OnConflict::Copy {
                assert!(result.is_ok(), "a copy does not touch {failing}");
                delete(&kv, &format!("{}-2", first.id), 0).expect("undo the copy");
            } else {
                assert_eq!(
                    result,
                    Err(PlansError::Storage(KvError::QuotaExceeded)),
                    "{failing} {mode:?}"
                );
            }
            assert_eq!(snapshot(&kv.kv), before, "{failing} {mode:?}");
        }
    }
}

#[test]
fn a_corrupted_index_is_quarantined_and_rebuilt_from_the_plans() {
    let kv = MemoryKv::new();
    let entry = save(&kv, sample(), "甲", 1, OnConflict::Ask).expect("saved");
    kv.set("lanbai:plans", "{not json").expect("corrupt");
    let (entries, problem) = list(&kv, 77);
    assert!(
        matches!(problem, Some(Problem::Quarantined(_))),
        "{problem:?}"
    );
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (entries[1].id.as_str(), entries[1].task_count),
        (entry.id.as_str(), 2)
    );
    let moved = quarantine::list(&kv);
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].1, "lanbai:plans");
    assert_eq!(
        quarantine::raw(&kv, &moved[0].0).as_deref(),
        Some("{not json")
    );
    assert_eq!(list(&kv, 78).1, None, "the rebuilt index reads cleanly");
}

#[test]
fn a_corrupted_plan_is_quarantined_and_the_app_opens_the_shipped_one() {
    let kv = MemoryKv::new();
    let entry = save(&kv, sample(), "甲", 1, OnConflict::Ask).expect("saved");
    set_active(&kv, &entry.id).expect("active");
    let key = Key::Plan {
        id: entry.id.clone(),
    }
    .render();
    kv.set(&key, "{\"schema\":1,\"plan\":42}").expect("corrupt");

    let (plan, problem) = initial(&kv, 5);
    assert_eq!(plan.id, SHIPPED_ID);
    let Some(PlansError::Unreadable(Problem::Quarantined(q))) = problem else {
        panic!("{problem:?}");
    };
    assert_eq!(q.original_key, key);
    assert_eq!(kv.get(&key), None);
    assert_eq!(
        quarantine::raw(&kv, &q.key).as_deref(),
        Some("{\"schema\":1,\"plan\":42}")
    );
    assert_eq!(active_id(&kv), SHIPPED_ID);
    assert_eq!(initial(&kv, 6).1, None);
}

#[test]
fn a_corrupted_index_that_cannot_be_moved_is_never_overwritten() {
    let kv = MemoryKv::new();
    kv.set("lanbai:plans", "garbage").expect("corrupt");
    kv.set_quota(Some(kv.used()));
    let err = save(&kv, sample(), "", 0, OnConflict::Ask).expect_err("refused");
    assert!(
        matches!(err, PlansError::Unreadable(Problem::LeftInPlace(_))),
        "{err:?}"
    );
    assert!(!err.message(Lang::Zh).is_empty() && !err.message(Lang::En).is_empty());
    assert_eq!(kv.get("lanbai:plans").as_deref(), Some("garbage"));
}

/// The pointer to the plan last opened is stored data too: when it names no stored plan, or is not a plan
/// id at all, it is moved aside (never just deleted) and the reason is returned for the banner.
#[test]
fn an_active_plan_pointer_that_cannot_be_followed_is_quarantined_and_reported() {
    for raw in ["gone-plan-1234", "\u{0}\u{7}��", "   ", &"x".repeat(5_000)] {
        let kv = MemoryKv::new();
        kv.set("lanbai:active-plan", raw).expect("pointer");
        let (plan, problem) = initial(&kv, 9);
        assert_eq!(plan.id, SHIPPED_ID, "{raw:?}");
        let Some(problem @ PlansError::ActivePointer { .. }) = problem else {
            panic!("{raw:?}: {problem:?}");
        };
        assert_eq!(kv.get("lanbai:active-plan"), None, "{raw:?}");
        let aside = quarantine::list(&kv);
        assert_eq!(aside.len(), 1, "{raw:?}");
        assert_eq!(aside[0].1, "lanbai:active-plan");
        assert_eq!(quarantine::raw(&kv, &aside[0].0).as_deref(), Some(raw));
        let zh = problem.message(Lang::Zh);
        assert!(zh.contains("隔离"), "{zh}");
        assert_eq!(
            zh.chars().filter(char::is_ascii_alphabetic).count(),
            0,
            "{zh}"
        );
        assert_eq!(initial(&kv, 10).1, None, "reported once");
    }
    let kv = MemoryKv::new();
    kv.set("lanbai:active-plan", "gone-plan-1234")
        .expect("pointer");
    let (_, problem) = initial(&kv, 9);
    let zh = problem.map(|p| p.message(Lang::Zh)).unwrap_or_default();
    assert!(
        !zh.contains("gone-plan"),
        "an id is not the person's words: {zh}"
    );
}

#[test]
fn a_pointer_that_cannot_be_moved_aside_stays_where_it_is() {
    let kv = MemoryKv::new();
    kv.set("lanbai:active-plan", "gone-plan-1234")
        .expect("pointer");
    kv.set_quota(Some(kv.used()));
    let (plan, problem) = initial(&kv, 9);
    assert_eq!(plan.id, SHIPPED_ID);
    assert!(
        matches!(
            problem,
            Some(PlansError::ActivePointer {
                aside: Problem::LeftInPlace(_),
                ..
            })
        ),
        "{problem:?}"
    );
    assert_eq!(
        kv.get("lanbai:active-plan").as_deref(),
        Some("gone-plan-1234")
    );
}
