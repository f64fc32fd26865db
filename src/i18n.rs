//! Interface language. Chinese first (the users read Chinese), English as a choice; the plan text itself is
//! never translated. Strings sit beside their use as `lang.pick("中文", "English")`: with two languages and a
//! few hundred strings, a catalogue file would only separate each string from the code that needs it.

use crate::plan::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The value of the `lang` attribute on `<html>`, so screen readers and fonts pick the right script.
    pub fn html_lang(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The name of a role in this language.
    pub fn role(self, role: Role) -> &'static str {
        match role {
            Role::Lead => self.pick("牵头单位", "Lead"),
            Role::Implementing => self.pick("实施单位", "Implementing"),
            Role::Cooperating => self.pick("配合单位", "Cooperating"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_the_default_and_english_the_other() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::En.role(Role::Lead), "Lead");
        assert_eq!(Lang::Zh.role(Role::Cooperating), "配合单位");
    }

    #[test]
    fn stored_form_is_the_language_code() {
        assert_eq!(
            serde_json::to_string(&Lang::En).ok().as_deref(),
            Some("\"en\"")
        );
        assert_eq!(serde_json::from_str::<Lang>("\"zh\"").ok(), Some(Lang::Zh));
    }
}
