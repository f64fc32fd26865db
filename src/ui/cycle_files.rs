//! Taking in the files of the reporting cycle: submission files on 汇总 (many at once, by picker or by
//! drag-and-drop) and a feedback file on 报送. Each file is read, checked (format, plan, checksum, every op,
//! every unit named), and merged on its own: one bad file is refused with its reason and the others still go
//! in; nothing already stored changes for a refused file.

use super::data::MAX_IMPORT_BYTES;
use super::edits::{Edits, now_ms};
use crate::i18n::Lang;
use crate::journal::cycle::SubmissionPackage;
use crate::journal::import_file;
use crate::journal::screen::screen;
use crate::plan::Plan;
use leptos::prelude::*;
use std::sync::Arc;

/// One line of the per-file list: the file's name, whether it went in, and what it brought or why not.
#[derive(Debug, Clone, PartialEq)]
pub struct FileLine {
    pub name: String,
    pub ok: bool,
    pub text: String,
}

/// The files of a picker or a drop, as a list.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads, checks and merges each file in turn, pushing a line per file into `lines` as it is done.
pub fn take_files(
    files: Vec<web_sys::File>,
    edits: Edits,
    plan: Arc<Plan>,
    plan_id: String,
    lang: Lang,
    lines: RwSignal<Vec<FileLine>>,
) {
    leptos::task::spawn_local(async move {
        for file in files {
            let line = take_one(&file, edits, &plan, &plan_id, lang).await;
            lines.update(|l| l.push(line));
        }
    });
}

async fn take_one(
    file: &web_sys::File,
    edits: Edits,
    plan: &Plan,
    plan_id: &str,
    lang: Lang,
) -> FileLine {
    let name = file.name();
    let refuse = |text: String| FileLine {
        name: name.clone(),
        ok: false,
        text,
    };
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        let err = crate::journal::ImportError::TooLarge {
            bytes: size,
            max: MAX_IMPORT_BYTES,
        };
        return refuse(lang.pick(&err.message_zh(), &err.message_en()).to_string());
    }
    let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
        Ok(t) => t.as_string().unwrap_or_default(),
        Err(_) => {
            return refuse(
                lang.pick("无法读取该文件。", "The file could not be read.")
                    .into(),
            );
        }
    };
    let parsed = match import_file(&text, plan_id, MAX_IMPORT_BYTES) {
        Ok(f) => f,
        Err(err) => return refuse(super::plans::import_error_words(&err, lang)),
    };
    let package = match edits
        .ops
        .with_untracked(|ops| SubmissionPackage::read(plan, ops, &parsed.ops))
    {
        Ok(p) => p,
        Err(unit) => {
            return refuse(match lang {
                Lang::Zh => {
                    format!("文件中的单位“{unit}”不在本计划中，整个文件未导入，本机数据没有变化。")
                }
                Lang::En => format!(
                    "The file names the unit “{unit}”, which this plan does not have: nothing was imported and nothing here changed."
                ),
            });
        }
    };
    let screened = edits
        .ops
        .with_untracked(|ops| screen(plan, ops, &parsed.ops, now_ms()));
    let held = screened.held.len();
    match edits.import(&screened.accepted) {
        Ok(added) => {
            let mut text = package.summary(added, lang);
            if held > 0 {
                text.push_str(&match lang {
                    Lang::Zh => format!("；另有 {held} 条未导入（见“数据与备份”导入预览）"),
                    Lang::En => {
                        format!("; {held} more not imported (see the import preview on Data)")
                    }
                });
            }
            FileLine {
                name,
                ok: true,
                text,
            }
        }
        Err(err) => refuse(err.import_refused(lang, screened.accepted.len())),
    }
}
