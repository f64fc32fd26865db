//! Previous / next pages of a long list in the import preview, so it renders a page, never the whole plan.

use super::import_preview::PAGE;
use super::state::use_lang;
use crate::i18n::Lang;
use leptos::prelude::*;

/// "第 51–100 项，共 10000 项" with previous / next buttons; nothing when everything fits on one page.
#[component]
pub fn Pager(
    id: &'static str,
    total: usize,
    page: RwSignal<usize>,
    what: (&'static str, &'static str),
) -> impl IntoView {
    let lang = use_lang();
    let pages = total.div_ceil(PAGE);
    // A named test, not `p + 1 >= pages` inline: a `>` in an attribute would end the tag in `view!`.
    let last_page = move |p: usize| p + 1 >= pages;
    let label = move || {
        let first = page.get() * PAGE + 1;
        let last = total.min(first + PAGE - 1);
        match lang.get() {
            Lang::Zh => format!("第 {first}–{last} {unit}，共 {total} {unit}", unit = what.0),
            Lang::En => format!("{first}–{last} of {total} {}", what.1),
        }
    };
    (pages > 1).then(|| {
        view! {
            <nav class="preview-pager" id=id aria-label=move || lang.get().pick("翻页", "Pages")>
                <button
                    class="pager-prev"
                    disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                >
                    {move || lang.get().pick("上一页", "Previous")}
                </button>
                <span class="pager-label" aria-live="polite">{label}</span>
                <button
                    class="pager-next"
                    disabled=move || last_page(page.get())
                    on:click=move |_| page.update(|p| *p = (*p + 1).min(pages - 1))
                >
                    {move || lang.get().pick("下一页", "Next")}
                </button>
            </nav>
        }
    })
}
