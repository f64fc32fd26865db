//! Cited documents: 《title》 optionally followed by its number in brackets, "(国函〔2018〕14号)". The number
//! belongs to the title it directly follows; titles printed back to back share nothing.

use super::text::{is_close, is_open};
use crate::plan::Reference;
use std::collections::HashMap;

/// Collects references across the plan's texts, deduplicated by title, in order of first citation.
#[derive(Debug, Default)]
pub struct RefCollector {
    refs: Vec<Reference>,
    index: HashMap<String, usize>,
}

impl RefCollector {
    /// Records every 《…》 in `text` as cited in `place` (`intro`, `section-2`, `t3`…).
    pub fn scan(&mut self, text: &str, place: &str) {
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != '《' {
                i += 1;
                continue;
            }
            let Some(close) = matching_close(&chars, i) else {
                return;
            };
            let title: String = chars[i + 1..close].iter().collect();
            let number = number_after(&chars, close + 1);
            self.add(title, number, place);
            i = close + 1;
        }
    }

    fn add(&mut self, title: String, number: Option<String>, place: &str) {
        if title.trim().is_empty() {
            return;
        }
        let k = match self.index.get(&title) {
            Some(&k) => k,
            None => {
                self.refs.push(Reference {
                    title: title.clone(),
                    number: None,
                    cited_in: Vec::new(),
                });
                self.index.insert(title, self.refs.len() - 1);
                self.refs.len() - 1
            }
        };
        let r = &mut self.refs[k];
        if r.number.is_none() {
            r.number = number;
        }
        if !r.cited_in.iter().any(|c| c == place) {
            r.cited_in.push(place.to_string());
        }
    }

    pub fn finish(self) -> Vec<Reference> {
        self.refs
    }
}

/// The 》 closing the 《 at `open`, allowing nested 《》 inside a title.
fn matching_close(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, c) in chars.iter().enumerate().skip(open) {
        match c {
            '《' => depth += 1,
            '》' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// A document number in brackets right after a title: "(国函〔2018〕14号)" → "国函〔2018〕14号". It must
/// contain a year in 〔〕/[] and end with 号, so "(2015-2020年)" or "(试行)" are not taken.
fn number_after(chars: &[char], at: usize) -> Option<String> {
    if !chars.get(at).is_some_and(|c| is_open(*c)) {
        return None;
    }
    let mut depth = 0usize;
    let mut end = None;
    for (j, c) in chars.iter().enumerate().skip(at) {
        if is_open(*c) {
            depth += 1;
        } else if is_close(*c) {
            depth -= 1;
            if depth == 0 {
                end = Some(j);
                break;
            }
        }
    }
    let inner: String = chars[at + 1..end?].iter().collect();
    let has_year = inner.contains('〔') || inner.contains('[') || inner.contains('［');
    (has_year && inner.ends_with('号') && inner.chars().any(|c| c.is_ascii_digit()))
        .then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_attach_to_the_title_they_follow() {
        let mut rc = RefCollector::default();
        rc.scan("依据《甲方案》《乙规划(2015-2020年)》。", "intro");
        rc.scan(
            "对标《丙批复》(国函〔2018〕14号)中,完成《甲方案》",
            "section-2",
        );
        let refs = rc.finish();
        let got: Vec<_> = refs
            .iter()
            .map(|r| (r.title.as_str(), r.number.as_deref(), r.cited_in.join(",")))
            .collect();
        assert_eq!(
            got,
            [
                ("甲方案", None, "intro,section-2".to_string()),
                ("乙规划(2015-2020年)", None, "intro".to_string()),
                ("丙批复", Some("国函〔2018〕14号"), "section-2".to_string()),
            ]
        );
    }

    #[test]
    fn unbalanced_titles_do_not_panic() {
        let mut rc = RefCollector::default();
        rc.scan("《未闭合(甘发〔2019", "t1");
        rc.scan("》《》《a》(", "t1");
        assert_eq!(rc.finish().len(), 1);
    }
}
