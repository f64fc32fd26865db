//! The parts of the edits-file preview that are about people: whose reports the file brings (unit and
//! 填报人 of every incoming edit), and, for a real conflict — the same unit's same field changed on both
//! sides — the old and new values with the choice of which to keep. Two units' reports never conflict
//! (they are different fields), so what is listed here is always one unit against itself.

use std::collections::BTreeMap;

use super::edits::Edits;
use crate::i18n::Lang;
use crate::journal::screen::describe;
use crate::journal::{Conflict, Op, Side, UNSPECIFIED_UNIT};
use leptos::prelude::*;

/// `白银市 · 李四：4 条修改（任务 6）`, one line per unit and person in the file's new edits.
pub fn writers(ops: &[Op], lang: Lang) -> Vec<String> {
    let mut by_writer: BTreeMap<(String, String), (usize, Vec<String>)> = BTreeMap::new();
    for op in ops {
        let unit = op
            .unit
            .clone()
            .unwrap_or_else(|| lang.pick(UNSPECIFIED_UNIT, "Unit not recorded").to_string());
        let by = op
            .by
            .clone()
            .unwrap_or_else(|| lang.pick("未注明填报人", "no name").to_string());
        let entry = by_writer.entry((unit, by)).or_default();
        entry.0 += 1;
        let task = op.kind.task().trim_start_matches('t').to_string();
        if !task.is_empty() && !entry.1.contains(&task) {
            entry.1.push(task);
        }
    }
    by_writer
        .into_iter()
        .map(|((unit, by), (n, tasks))| {
            let tasks = tasks.join("、");
            match lang {
                Lang::Zh => format!("{unit} · {by}：{n} 条修改（任务 {tasks}）"),
                Lang::En => format!("{unit} · {by}: {n} edits (tasks {tasks})"),
            }
        })
        .collect()
}

/// The conflicts, each with both values and a choice; the default is the one the merge keeps anyway.
#[component]
pub fn ConflictChoices(
    conflicts: Vec<Conflict>,
    choices: RwSignal<BTreeMap<usize, Side>>,
) -> impl IntoView {
    let lang = super::state::use_lang();
    conflicts
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let winner = c.winner;
            let chosen = move || choices.read().get(&i).copied().unwrap_or(winner);
            let name = format!("conflict-{i}");
            let theirs = c.incoming.clone();
            let mine = c.local.clone();
            let field = c.field.clone();
            view! {
                <li class="conflict" data-field=c.field>
                    <fieldset>
                        <legend>{move || format!("{}{}", lang.get().pick("同一单位同一项被两处修改：", "The same unit's same item was changed in both places: "), field)}</legend>
                        <label>
                            <input type="radio" name=name.clone() class="keep-incoming" prop:checked=move || chosen() == Side::Incoming
                                on:change=move |_| { choices.update(|m| { m.insert(i, Side::Incoming); }); }/>
                            {move || format!("{}{}", lang.get().pick("采用文件中的：", "Take the file's: "), describe(&theirs, lang.get()))}
                        </label>
                        <label>
                            <input type="radio" name=name class="keep-local" prop:checked=move || chosen() == Side::Local
                                on:change=move |_| { choices.update(|m| { m.insert(i, Side::Local); }); }/>
                            {move || format!("{}{}", lang.get().pick("保留本机的：", "Keep this browser's: "), describe(&mine, lang.get()))}
                        </label>
                        <p class="muted">{move || match winner {
                            Side::Local => lang.get().pick("不作选择时保留本机的（较新）。", "Without a choice, this browser's (newer) stays."),
                            Side::Incoming => lang.get().pick("不作选择时采用文件中的（较新）。", "Without a choice, the file's (newer) is taken."),
                        }}</p>
                    </fieldset>
                </li>
            }
        })
        .collect_view()
}

/// After the merge, the choices that differ from what the merge kept are recorded as new edits setting the
/// chosen value again (a later edit of the field is how a register keeps a value). Returns how many.
pub fn apply_choices(
    edits: Edits,
    conflicts: &[Conflict],
    choices: &BTreeMap<usize, Side>,
) -> usize {
    let mut applied = 0;
    for (i, c) in conflicts.iter().enumerate() {
        match choices.get(&i) {
            Some(side) if *side != c.winner => {
                let kept = match side {
                    Side::Local => &c.local,
                    Side::Incoming => &c.incoming,
                };
                edits.record(kept.kind.clone());
                applied += 1;
            }
            _ => {}
        }
    }
    applied
}
