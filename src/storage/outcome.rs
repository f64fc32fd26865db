//! What a write or a load tells the UI: a write that did not reach storage, and what loading found.

use crate::journal::Op;
use crate::journal::merge::IdClash;

use super::quarantine::{LeftInPlace, QuarantineEntry};

/// A write that did not reach storage. The ops are still in the store's memory and go out with the next
/// successful write; `unsaved` says how many are waiting.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    QuotaExceeded { unsaved: usize },
    Other { unsaved: usize, message: String },
}

impl StoreError {
    pub fn unsaved(&self) -> usize {
        match self {
            StoreError::QuotaExceeded { unsaved } | StoreError::Other { unsaved, .. } => *unsaved,
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            StoreError::QuotaExceeded { unsaved } => format!(
                "浏览器存储空间已满，{unsaved} 条修改暂存在本页内存中，关闭页面会丢失。请立即导出修改记录文件。"
            ),
            StoreError::Other { unsaved, message } => {
                format!(
                    "保存失败（{message}），{unsaved} 条修改暂存在本页内存中。请导出修改记录文件。"
                )
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            StoreError::QuotaExceeded { unsaved } => format!(
                "Browser storage is full: {unsaved} edits are only in this page's memory and will be lost when it closes. Export your edits now."
            ),
            StoreError::Other { unsaved, message } => {
                format!(
                    "Saving failed ({message}): {unsaved} edits are only in this page's memory. Export your edits."
                )
            }
        }
    }
}

impl StoreError {
    /// Why an import of `ops` edits was refused as a whole, in `lang`: nothing of it was stored or merged.
    pub fn import_refused(&self, lang: crate::i18n::Lang, ops: usize) -> String {
        match self {
            StoreError::QuotaExceeded { .. } => lang.pick(
                &format!("浏览器存储空间不足，放不下这 {ops} 条修改，因此一条也没有导入；本机已有的修改没有变化。请先导出备份，再腾出空间（例如删除不用的已导入计划）后重试。"),
                &format!("Browser storage has no room for these {ops} edits, so none were imported; the edits already here are unchanged. Export a backup, free some space (e.g. delete imported plans you no longer use) and try again."),
            ).to_string(),
            StoreError::Other { .. } => lang.pick(
                &format!("浏览器未能保存这 {ops} 条修改，因此一条也没有导入；本机已有的修改没有变化。"),
                &format!("The browser could not save these {ops} edits, so none were imported; the edits already here are unchanged."),
            ).to_string(),
        }
    }
}

/// What `load` found, for the data banner.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadReport {
    /// Every readable op of every writer plus this store's unsaved ones, deduplicated, sorted by `(at, id)`.
    pub ops: Vec<Op>,
    /// Unreadable values moved aside during this load.
    pub quarantined: Vec<QuarantineEntry>,
    /// Unreadable values that could not be moved aside; skipped, never overwritten.
    pub left_in_place: Vec<LeftInPlace>,
    /// Keys written by a newer version of the app; left untouched for it.
    pub newer: Vec<String>,
    /// How many chunks the meta records promise that are gone (cleared by hand or evicted). A chunk the app
    /// quarantined is not gone: it is counted in `quarantined`.
    pub missing_chunk_count: u64,
    /// The first few of those keys (at most `claims::LISTED_MISSING`), never all of them.
    pub missing_chunks: Vec<String>,
    /// Ops rescued from a damaged chunk could not be written again (their raw text is in quarantine).
    pub salvage_error: Option<StoreError>,
    /// Stored ops sharing an id with another of other content: one is used, both stay stored.
    pub id_clashes: Vec<IdClash>,
}
