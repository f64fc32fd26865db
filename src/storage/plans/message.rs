//! What each library failure means for the person, in both interface languages. The quota sentence says
//! what was and was not changed, because "storage full" alone leaves people afraid their plans are gone.

use super::{PlansError, Problem};
use crate::i18n::Lang;
use crate::storage::KvError;

impl PlansError {
    /// A sentence for the person, in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PlansError::NoTasks, Lang::Zh) => "文本中没有识别出任何任务，未保存。".into(),
            (PlansError::NoTasks, Lang::En) => {
                "No tasks were recognised in the text; nothing was saved.".into()
            }
            (PlansError::EmptyName, _) => lang.pick("名称不能为空。", "The name cannot be empty.").into(),
            (PlansError::Exists(e), Lang::Zh) => format!("本浏览器已保存过同一计划：「{}」。", e.name),
            (PlansError::Exists(e), Lang::En) => {
                format!("This plan is already saved in this browser as “{}”.", e.name)
            }
            (PlansError::Shipped, _) => lang
                .pick(
                    "内置的甘肃计划不能被替换、改名或删除。",
                    "The built-in Gansu plan cannot be replaced, renamed or deleted.",
                )
                .into(),
            (PlansError::NotFound(id), Lang::Zh) => format!("本浏览器中没有计划 {id}。"),
            (PlansError::NotFound(id), Lang::En) => format!("There is no plan {id} in this browser."),
            (PlansError::Unreadable(Problem::Quarantined(q)), Lang::Zh) => format!(
                "已保存的计划数据无法读取，原始文本已原样移到 {}，没有删除。",
                q.key
            ),
            (PlansError::Unreadable(Problem::Quarantined(q)), Lang::En) => format!(
                "Saved plan data could not be read; its raw text was moved, unchanged, to {}.",
                q.key
            ),
            (PlansError::Unreadable(Problem::LeftInPlace(l)), Lang::Zh) => format!(
                "已保存的计划数据（{}）无法读取，存储已满也无法移开；它保持原样，不会被覆盖。",
                l.key
            ),
            (PlansError::Unreadable(Problem::LeftInPlace(l)), Lang::En) => format!(
                "Saved plan data ({}) could not be read nor moved aside (storage full); it is left as it was and nothing writes over it.",
                l.key
            ),
            (PlansError::ActivePointer { aside }, _) => match aside {
                    Problem::Quarantined(_) => lang.pick(
                        "记录“上次打开哪份计划”的数据无法使用（所指的计划已不在本浏览器中或无法读取），已原样隔离保存，没有删除；现已打开内置计划。可在“计划”中重新打开其他计划。",
                        "The record of which plan was open last could not be used (that plan is no longer in this browser or cannot be read); it was set aside unchanged, not deleted, and the built-in plan is open. Open another plan from Plans.",
                    ),
                    Problem::LeftInPlace(_) => lang.pick(
                        "记录“上次打开哪份计划”的数据无法使用，存储已满也无法移开，保持原样；现已打开内置计划。",
                        "The record of which plan was open last could not be used nor moved aside (storage full); it is left as it was and the built-in plan is open.",
                    ),
                }
                .into(),
            (PlansError::Storage(KvError::QuotaExceeded), Lang::Zh) => {
                "浏览器存储空间已满，本次没有保存；已保存的计划都没有改动。可先导出并删除不再使用的计划，再重试。"
                    .into()
            }
            (PlansError::Storage(KvError::QuotaExceeded), Lang::En) => {
                "The browser's storage is full, so nothing was saved; the plans saved before are unchanged. Export and delete plans you no longer use, then try again."
                    .into()
            }
            (PlansError::Storage(KvError::Other(e)), Lang::Zh) => format!("无法写入浏览器存储：{e}"),
            (PlansError::Storage(KvError::Other(e)), Lang::En) => {
                format!("Could not write to the browser's storage: {e}")
            }
        }
    }
}
