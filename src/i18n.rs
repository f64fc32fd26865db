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
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
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

/// Formats a figure as people write it: integers without decimals, others with at most two decimals
/// (trailing zeros dropped), so `100`, `37.5` and `12.25` read naturally for 个/项/家 and 亿元 alike.
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let s = format!("{rounded:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
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
    fn numbers_drop_needless_decimals() {
        assert_eq!(format_number(100.0), "100");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.126), "0.13");
        assert_eq!(format_number(-3.0), "-3");
        assert_eq!(format_number(f64::NAN), "–");
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
