//! The units of one task in the import preview, each with a choice of role: the person reading the
//! preview can move a unit the importer put in the wrong role, or remove a phrase it took for a unit,
//! before saving (issue 14). The choices are [`UnitFix`]es kept by the import page and applied to the
//! plan it saves; the preview shows the task as it will be saved. A task whose document names no lead
//! says so (牵头单位未注明) instead of leaving the reader to guess. Beside each unit stands how its role was
//! decided ([`Basis`]): a guess is marked for checking, so the preview never claims more than it knows.

use super::state::use_lang;
use crate::i18n::Lang;
use crate::parse::basis::{self, Basis, UnitBasis};
use crate::plan::fix::{UnitFix, record, role_after};
use crate::plan::{Role, Task};
use leptos::prelude::*;

/// The value of the "remove" choice in a unit's role list.
const REMOVE: &str = "remove";

#[component]
pub fn TaskUnits(
    task: Task,
    /// How the importer decided each unit's role (empty for a parse of an older worker: all guesses).
    bases: Vec<UnitBasis>,
    fixes: RwSignal<Vec<UnitFix>>,
) -> impl IntoView {
    let lang = use_lang();
    let record: basis::Record = bases
        .into_iter()
        .map(|u| (u.role, u.name, u.basis))
        .collect();
    let parsed: Vec<(Role, String, Basis)> = task
        .roles
        .iter()
        .map(|(role, u)| (role, u.name.clone(), basis::of(&record, role, &u.name)))
        .collect();
    let number = task.number;
    move || {
        let lang = lang.get();
        let now: Vec<(Option<Role>, Role, String, Basis)> = fixes.with(|f| {
            parsed
                .iter()
                .map(|(role, name, basis)| {
                    (
                        role_after(f, number, name, *role),
                        *role,
                        name.clone(),
                        *basis,
                    )
                })
                .collect()
        });
        let lead_known = now.iter().any(|(r, ..)| *r == Some(Role::Lead));
        let no_lead = (!lead_known && !now.is_empty()).then(|| {
            view! {
                <div class="preview-role role-lead preview-no-lead">
                    <dt>{lang.role(Role::Lead)}</dt>
                    <dd>{lang.pick("未注明", "not stated")}</dd>
                </div>
            }
        });
        let roles = Role::ALL
            .into_iter()
            .filter_map(|role| {
                let units: Vec<_> = now
                    .iter()
                    .filter(|(r, ..)| *r == Some(role))
                    .map(|(_, parsed_role, name, basis)| {
                        let shown = UnitShown {
                            task: number,
                            name,
                            role,
                            changed: *parsed_role != role,
                            basis: *basis,
                        };
                        unit_choice(shown, fixes, lang)
                    })
                    .collect();
                (!units.is_empty()).then(|| {
                    view! {
                        <div class=format!("preview-role role-{}", role.slug())>
                            <dt>{lang.role(role)}</dt>
                            <dd>{units}</dd>
                        </div>
                    }
                })
            })
            .collect_view();
        let removed: Vec<String> = now
            .iter()
            .filter(|(r, ..)| r.is_none())
            .map(|(_, _, name, _)| name.clone())
            .collect();
        let removed = (!removed.is_empty()).then(|| {
            let undo = removed
                .into_iter()
                .map(|name| {
                    let label = match lang {
                        Lang::Zh => format!("恢复“{name}”"),
                        Lang::En => format!("Restore “{name}”"),
                    };
                    let restore = name.clone();
                    view! {
                        <button class="link-button unit-restore" aria-label=label
                            on:click=move |_| fixes.update(|f| f.retain(|x| !(x.task == number && x.name == restore)))>
                            <s>{name}</s>
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="preview-role preview-removed">
                    <dt>{lang.pick("已移除", "Removed")}</dt>
                    <dd>{undo}</dd>
                </div>
            }
        });
        view! { {no_lead}{roles}{removed} }
    }
}

/// One unit as the preview shows it: where it stands now and how the importer placed it.
struct UnitShown<'a> {
    task: u32,
    name: &'a str,
    role: Role,
    /// The person moved it from the role the importer gave it.
    changed: bool,
    basis: Basis,
}

/// The short word beside a unit for how its role was decided, and the sentence that explains it.
fn basis_words(basis: Basis, changed: bool, lang: Lang) -> (&'static str, &'static str) {
    if changed {
        return (
            lang.pick("已更正", "corrected"),
            lang.pick("已按您的更正保存", "Saved as you corrected it"),
        );
    }
    match basis {
        Basis::Label => (
            lang.pick("标注", "label"),
            lang.pick(
                "原文以“牵头单位：”等标注写明",
                "Stated by a label such as 牵头单位：",
            ),
        ),
        Basis::Verb => (
            lang.pick("措辞", "verb"),
            lang.pick(
                "原文在单位后写明“牵头”“配合”“负责”等",
                "Stated by a verb after the unit (牵头, 配合, 负责)",
            ),
        ),
        Basis::Rule => (
            lang.pick("文件规则", "document rule"),
            lang.pick(
                "按文件所述“列第一位的为牵头单位”",
                "By the document's rule that the first unit listed leads",
            ),
        ),
        Basis::Heading => (
            lang.pick("标题", "heading"),
            lang.pick(
                "上级标题写明由该单位牵头",
                "A heading above the task names this unit as lead",
            ),
        ),
        Basis::Guess => (
            lang.pick("推测", "guess"),
            lang.pick(
                "原文未写明职责，推测为责任单位，请核对",
                "The text does not say the role; read as a responsible unit. Please check",
            ),
        ),
    }
}

/// A unit's name, how its role was decided, and the list of roles it can take; a changed role is marked.
fn unit_choice(
    unit: UnitShown,
    fixes: RwSignal<Vec<UnitFix>>,
    lang: Lang,
) -> impl IntoView + use<> {
    let UnitShown {
        task,
        name,
        role,
        changed,
        basis,
    } = unit;
    let (word, why) = basis_words(basis, changed, lang);
    let guess = basis.is_guess() && !changed;
    // The basis is part of the list's name only for a guess: a screen reader hears what to check, and the
    // name stays the same for every other unit.
    let label = match (lang, guess) {
        (Lang::Zh, false) => format!("“{name}”在任务 {task} 中的职责"),
        (Lang::Zh, true) => format!("“{name}”在任务 {task} 中的职责（推测，请核对）"),
        (Lang::En, false) => format!("Role of “{name}” in task {task}"),
        (Lang::En, true) => format!("Role of “{name}” in task {task} (a guess, please check)"),
    };
    let key = name.to_string();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let to = if value == REMOVE {
            None
        } else {
            match Role::from_slug(&value) {
                Some(role) => Some(role),
                None => return,
            }
        };
        fixes.update(|f| {
            record(
                f,
                UnitFix {
                    task,
                    name: key.clone(),
                    to,
                },
            )
        });
    };
    let options = Role::ALL
        .into_iter()
        .map(|r| view! { <option value=r.slug() selected=r == role>{lang.role(r)}</option> })
        .collect_view();
    view! {
        <span class="preview-unit" class:unit-changed=changed class:unit-guess=guess>
            <span class="unit-name">{name.to_string()}</span>
            <span class="unit-basis" title=why>{word}</span>
            <select class="unit-role" aria-label=label on:change=on_change>
                {options}
                <option value=REMOVE>{lang.pick("移除（不是单位）", "Remove (not a unit)")}</option>
            </select>
        </span>
    }
}
