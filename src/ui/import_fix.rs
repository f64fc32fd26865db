//! The units of one task in the import preview, each with a choice of role: the person reading the
//! preview can move a unit the importer put in the wrong role, or remove a phrase it took for a unit,
//! before saving (issue 14). The choices are [`UnitFix`]es kept by the import page and applied to the
//! plan it saves; the preview shows the task as it will be saved. A task whose document names no lead
//! says so (牵头单位未注明) instead of leaving the reader to guess.

use super::state::use_lang;
use crate::i18n::Lang;
use crate::plan::fix::{UnitFix, record, role_after};
use crate::plan::{Role, Task};
use leptos::prelude::*;

/// The value of the "remove" choice in a unit's role list.
const REMOVE: &str = "remove";

#[component]
pub fn TaskUnits(task: Task, fixes: RwSignal<Vec<UnitFix>>) -> impl IntoView {
    let lang = use_lang();
    let parsed: Vec<(Role, String)> = task
        .roles
        .iter()
        .map(|(role, u)| (role, u.name.clone()))
        .collect();
    let number = task.number;
    move || {
        let lang = lang.get();
        let now: Vec<(Option<Role>, Role, String)> = fixes.with(|f| {
            parsed
                .iter()
                .map(|(role, name)| (role_after(f, number, name, *role), *role, name.clone()))
                .collect()
        });
        let lead_known = now.iter().any(|(r, _, _)| *r == Some(Role::Lead));
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
                    .filter(|(r, _, _)| *r == Some(role))
                    .map(|(_, parsed_role, name)| {
                        unit_choice(number, name, role, *parsed_role != role, fixes, lang)
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
            .filter(|(r, _, _)| r.is_none())
            .map(|(_, _, name)| name.clone())
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

/// A unit's name with the list of roles it can take; a changed role is marked.
fn unit_choice(
    task: u32,
    name: &str,
    role: Role,
    changed: bool,
    fixes: RwSignal<Vec<UnitFix>>,
    lang: Lang,
) -> impl IntoView + use<> {
    let label = match lang {
        Lang::Zh => format!("“{name}”在任务 {task} 中的职责"),
        Lang::En => format!("Role of “{name}” in task {task}"),
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
        <span class="preview-unit" class:unit-changed=changed>
            <span class="unit-name">{name.to_string()}</span>
            <select class="unit-role" aria-label=label on:change=on_change>
                {options}
                <option value=REMOVE>{lang.pick("移除（不是单位）", "Remove (not a unit)")}</option>
            </select>
        </span>
    }
}
