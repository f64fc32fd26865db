//! A form field that shows a stored value without ever replacing what the person is typing (issue 17 item 7:
//! "7" became "40", then "405", when another tab saved the same field mid-typing). While the field has focus
//! and has been typed in, a newer stored value is held back and announced beside the field instead; the
//! person's value wins when they commit it, or they take the other value with one click.

use super::state::use_lang;
use crate::i18n::Lang;
use leptos::html::{ElementType, Input};
use leptos::prelude::*;

/// The elements a guarded field can be: an `<input>` or a `<textarea>`.
pub trait HasValue {
    fn current(&self) -> String;
    fn replace(&self, value: &str);
}

impl HasValue for web_sys::HtmlInputElement {
    fn current(&self) -> String {
        self.value()
    }
    fn replace(&self, value: &str) {
        self.set_value(value)
    }
}

impl HasValue for web_sys::HtmlTextAreaElement {
    fn current(&self) -> String {
        self.value()
    }
    fn replace(&self, value: &str) {
        self.set_value(value)
    }
}

/// The state of one guarded `<input>` (or `<textarea>`). `Copy`, so each event handler can hold one.
#[derive(Clone, Copy)]
pub struct GuardedField<E: ElementType + 'static = Input> {
    pub node: NodeRef<E>,
    /// Typed in since it gained focus or since its last commit: what it shows is the person's, not stored.
    typing: StoredValue<bool>,
    /// The stored value that changed elsewhere while the person was typing, shown in [`Self::notice`].
    elsewhere: RwSignal<Option<String>>,
}

impl<E> GuardedField<E>
where
    E: ElementType + Copy + 'static,
    E::Output: HasValue + AsRef<web_sys::Element> + wasm_bindgen::JsCast + Clone + 'static,
{
    /// Shows `stored()` in the field and follows it, except while the person is typing there.
    pub fn new(stored: impl Fn() -> String + 'static) -> Self {
        let field = GuardedField {
            node: NodeRef::new(),
            typing: StoredValue::new(false),
            elsewhere: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let value = stored();
            let Some(el): Option<E::Output> = field.node.get() else {
                return;
            };
            if el.current() == value {
                field.elsewhere.set(None);
            } else if field.typing.get_value() && field.has_focus() {
                field.elsewhere.set(Some(value));
            } else {
                el.replace(&value);
                field.elsewhere.set(None);
            }
        });
        field
    }

    fn has_focus(&self) -> bool {
        let active = document().active_element();
        match (self.node.get_untracked(), active) {
            (Some(el), Some(active)) => {
                let el: &web_sys::Element = el.as_ref();
                *el == active
            }
            _ => false,
        }
    }

    /// For `on:input`: the field now holds the person's text.
    pub fn typed(&self) {
        self.typing.set_value(true);
    }

    /// For `on:change` once the value is recorded: the stored value (now the person's) may show again.
    pub fn committed(&self) {
        self.typing.set_value(false);
    }

    /// For `on:blur`, which follows `change`: text left without being recorded gives way to the value saved
    /// elsewhere, so the field never shows a value that is not stored while nobody is typing there.
    pub fn left(&self) {
        if self.typing.get_value() {
            self.take_theirs();
        }
        self.typing.set_value(false);
    }

    /// Replaces the typed text by the value saved elsewhere; nothing is recorded, it is already stored.
    fn take_theirs(&self) {
        let Some(theirs) = self.elsewhere.get_untracked() else {
            return;
        };
        if let Some(el) = self.node.get_untracked() as Option<E::Output> {
            el.replace(&theirs);
        }
        self.typing.set_value(false);
        self.elsewhere.set(None);
    }

    /// The notice shown while a value saved elsewhere is held back; `shown` turns a stored value into words.
    pub fn notice(
        self,
        what_zh: &'static str,
        what_en: &'static str,
        shown: fn(&str) -> String,
    ) -> impl IntoView {
        let lang = use_lang();
        move || {
            let theirs = self.elsewhere.get()?;
            let lang = lang.get();
            let value = shown(&theirs);
            let (text, take) = match lang {
                Lang::Zh => (
                    format!(
                        "另一个标签页已把{what_zh}改为 {value}。你正在输入的值尚未保存：按回车或离开此栏即保存你的值。"
                    ),
                    format!("改用 {value}"),
                ),
                Lang::En => (
                    format!(
                        "Another tab changed the {what_en} to {value}. What you are typing is not saved yet: press Enter or leave the field to save yours."
                    ),
                    format!("Use {value}"),
                ),
            };
            Some(view! {
                <p class="notice field-elsewhere" role="status">
                    {text}" "
                    // mousedown would move focus and so commit the typed value first: keep focus here.
                    <button
                        class="link-button take-theirs"
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| self.take_theirs()
                    >
                        {take}
                    </button>
                </p>
            })
        }
    }
}
