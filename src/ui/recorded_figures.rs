//! Every figure recorded for a target (date, place, value, who), each with 更正 and 撤回. A correction is
//! a new value for the same place and date and a withdrawal is `ClearActual`: both are ops in history like
//! any other edit, so they travel in edits files and can be undone, after a reload too.

use super::edit_controls::{may_write_region, region_owner};
use super::edits::use_edits;
use super::state::{use_lang, use_my_unit, use_plan};
use crate::i18n::format_number;
use crate::journal::{OpKind, Region, TargetState};
use crate::plan::Target;
use leptos::prelude::*;

#[component]
pub fn RecordedFigures(target: Target, state: Memo<TargetState>) -> impl IntoView {
    let edits = use_edits();
    let lang = use_lang();
    let plan = use_plan();
    let my_unit = use_my_unit();
    // The figure being corrected (region, as-of date) and the value typed for it.
    let editing = RwSignal::new(None::<(Region, String)>);
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // Whether the list is unfolded, so a correction (which redraws it) does not fold it away.
    let open = RwSignal::new(false);
    let target_id = target.id.clone();
    let list = move || {
        let lang = lang.get();
        let st = state.get();
        let mut rows: Vec<(Region, crate::journal::fold::Reported)> = st
            .series
            .iter()
            .flat_map(|(region, series)| series.iter().map(|r| (region.clone(), r.clone())))
            .collect();
        rows.sort_by(|a, b| b.1.as_of.cmp(&a.1.as_of));
        let count = rows.len();
        let items = rows
            .into_iter()
            .map(|(region, r)| {
                let place = match &region {
                    Region::Total => lang.pick("合计", "Total").to_string(),
                    Region::Place(p) => p.clone(),
                };
                let who = [r.unit.clone(), r.by.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                let owner = region_owner(&plan.read_untracked(), &target, &region);
                let writable = may_write_region(&plan.read(), my_unit.get().as_deref(), owner.as_deref());
                let key = (region.clone(), r.as_of.clone());
                let is_editing = editing.get().as_ref() == Some(&key);
                let withdraw = {
                    let (region, as_of, target) = (region.clone(), r.as_of.clone(), target_id.clone());
                    move |_| edits.record(OpKind::ClearActual { target: target.clone(), region: region.clone(), as_of: as_of.clone() })
                };
                let start = {
                    let (key, value) = (key.clone(), format_number(r.value));
                    move |_| {
                        draft.set(value.clone());
                        error.set(None);
                        editing.set(Some(key.clone()));
                    }
                };
                let save = {
                    let (region, as_of, target) = (region.clone(), r.as_of.clone(), target_id.clone());
                    move |_| match super::edit_controls::read_figure(&draft.get_untracked(), lang) {
                        Ok(v) => {
                            edits.record(OpKind::SetActual { target: target.clone(), region: region.clone(), as_of: as_of.clone(), value: v });
                            editing.set(None);
                            error.set(None);
                        }
                        Err(message) => error.set(Some(message)),
                    }
                };
                view! {
                    <li class="recorded-figure">
                        <span class="recorded-what">{format!("{} {place} {}", r.as_of, format_number(r.value))}</span>
                        {(!who.is_empty()).then(|| view! { " "<span class="muted">{format!("（{who}）")}</span> })}
                        {writable.then(|| if is_editing {
                            view! {
                                " "<input class="correct-input" type="text" inputmode="decimal" aria-label=lang.pick("更正后的数值", "Corrected value")
                                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                                " "<button class="correct-save" on:click=save>{lang.pick("保存更正", "Save correction")}</button>
                                " "<button class="link-button" on:click=move |_| editing.set(None)>{lang.pick("取消", "Cancel")}</button>
                            }.into_any()
                        } else {
                            view! {
                                " "<button class="link-button correct" on:click=start>{lang.pick("更正", "Correct")}</button>
                                " "<button class="link-button withdraw" on:click=withdraw>{lang.pick("撤回", "Withdraw")}</button>
                            }.into_any()
                        })}
                    </li>
                }
            })
            .collect_view();
        (count > 0).then(|| view! {
            <details class="recorded" open=open.get_untracked() on:toggle=move |ev: leptos::ev::Event| {
                let shown = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|v| v.as_bool());
                if let Some(shown) = shown { open.set(shown); }
            }>
                <summary>{format!("{}（{count}）", lang.pick("已记录的实际值", "Recorded figures"))}</summary>
                <ul>{items}</ul>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </details>
        })
    };
    view! { <div class="recorded-figures">{list}</div> }
}
