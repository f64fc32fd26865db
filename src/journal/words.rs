//! Edits in the words of the plan, not its ids: history said "任务 6 t6.k5 白银 截至…", where a person
//! knows the indicator as 高新技术企业. The summaries stay id-based in the journal's own functions (they
//! are stable and language-neutral); this turns one into what a page shows beside its 任务 N link.

use super::undo::HistoryEntry;
use crate::i18n::Lang;
use crate::plan::Plan;

/// The entry's summary in `lang`, with target ids replaced by their indicator and the task id (which the
/// page already shows as a link) left out.
pub fn in_words(plan: &Plan, entry: &HistoryEntry, lang: Lang) -> String {
    let mut text = lang.pick(&entry.summary_zh, &entry.summary_en).to_string();
    if let Some(task) = plan.tasks.iter().find(|t| t.id() == entry.task) {
        // Longest ids first, so `t6.k10` is not read as `t6.k1` followed by a 0.
        let mut targets: Vec<_> = task.targets.iter().collect();
        targets.sort_by_key(|t| std::cmp::Reverse(t.id.len()));
        for t in targets {
            if text.contains(&t.id) {
                text = text.replacen(&t.id, &t.indicator, 1);
                break;
            }
        }
    }
    let id_word = format!("{} ", entry.task);
    for lead in ["", "撤销：", "重做：", "Undo: ", "Redo: "] {
        let whole = format!("{lead}{id_word}");
        if text.starts_with(&whole) {
            return format!("{lead}{}", &text[whole.len()..]);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Op, OpKind, Region, history};

    #[test]
    fn ids_become_the_plans_words() {
        let plan = crate::plan::seed::gansu();
        let mk = |id: &str, kind: OpKind| Op {
            id: id.into(),
            at: 1,
            hlc: None,
            kind,
            cause: None,
            unit: None,
            by: None,
        };
        let ops = vec![mk(
            "a-1",
            OpKind::SetActual {
                target: "t6.k5".into(),
                region: Region::Place("白银".into()),
                as_of: "2020-06-30".into(),
                value: 12.0,
            },
        )];
        let entries = history(&ops, None);
        let words = in_words(&plan, &entries[0], Lang::Zh);
        let indicator = plan.tasks[5].targets[4].indicator.clone();
        assert!(words.starts_with(&indicator), "{words}");
        assert!(!words.contains("t6.k5"), "{words}");
        let status = vec![mk(
            "a-2",
            OpKind::SetStatus {
                task: "t1".into(),
                unit: None,
                period: None,
                status: crate::journal::Status::Done,
            },
        )];
        let e = history(&status, None);
        assert_eq!(in_words(&plan, &e[0], Lang::Zh), "状态 → 已完成");
        assert_eq!(in_words(&plan, &e[0], Lang::En), "status → Done");
    }
}
