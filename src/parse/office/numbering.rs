//! Word's own list numbers (`word/numbering.xml`). A paragraph that Word numbers carries only a list id and
//! a level; the `1.` or `（一）` printed before it comes from the list's definition. The importer finds
//! tasks by those numbers, so they are written out as Word would show them, for the common formats
//! (decimal and Chinese counting); bullets get no label.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// One level of a list definition: how its number is written and where it starts.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// The lists of a document and how far each has counted.
#[derive(Debug, Default)]
pub struct Numbering {
    /// `w:num` id → `w:abstractNum` id.
    nums: HashMap<String, String>,
    /// `w:abstractNum` id → its levels.
    abstracts: HashMap<String, Vec<Level>>,
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    /// Reads the definitions; a part that does not parse gives no labels rather than an error.
    pub fn read(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvl" => level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abstract_id = attr(&e, "abstractNumId"),
                "num" if !empty => num_id = attr(&e, "numId"),
                "abstractNumId" => {
                    if let (Some(num), Some(abs)) = (num_id.clone(), attr(&e, "val")) {
                        n.nums.insert(num, abs);
                    }
                }
                "lvl" if !empty => {
                    level = attr(&e, "ilvl")
                        .and_then(|v| v.parse().ok())
                        .filter(|l| *l < 9);
                }
                "numFmt" | "lvlText" | "start" => {
                    if let (Some(abs), Some(l), Some(v)) = (&abstract_id, level, attr(&e, "val")) {
                        let levels = n.abstracts.entry(abs.clone()).or_default();
                        if levels.len() <= l {
                            levels.resize(l + 1, Level::default());
                        }
                        let lvl = &mut levels[l];
                        match e.local_name().as_ref() {
                            "numFmt" => lvl.format = v,
                            "lvlText" => lvl.text = v,
                            _ => lvl.start = v.parse().unwrap_or(1),
                        }
                    }
                }
                _ => {}
            }
        }
        n
    }

    /// The label of the next paragraph of list `num_id` at `level`, counting it; deeper levels restart.
    pub fn next(&mut self, num_id: &str, level: u8) -> Option<String> {
        let level = usize::from(level).min(8);
        let levels = self.abstracts.get(self.nums.get(num_id)?)?;
        let def = levels.get(level)?;
        if def.format == "bullet" || def.format == "none" {
            return None;
        }
        let counter = self.counters.entry(num_id.to_string()).or_insert([0; 9]);
        let start = |l: usize| levels.get(l).map_or(1, |d| d.start.max(1));
        for (l, c) in counter.iter_mut().enumerate() {
            if l < level && *c == 0 {
                *c = start(l);
            }
        }
        counter[level] = if counter[level] == 0 {
            start(level)
        } else {
            counter[level].saturating_add(1)
        };
        for c in counter.iter_mut().skip(level + 1) {
            *c = 0;
        }
        let mut label = def.text.clone();
        for l in (0..=level).rev() {
            let format = levels.get(l).map_or("decimal", |d| d.format.as_str());
            label = label.replace(&format!("%{}", l + 1), &write(counter[l], format));
        }
        Some(label)
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A number as a list format writes it: Chinese counting for the 一、 and （一） lists of Chinese
/// documents, decimal otherwise.
fn write(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (lists of a plan never reach a thousand).
fn chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 || n >= 1000 {
        return n.to_string();
    }
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push(DIGITS[h as usize]);
        s.push('百');
    }
    if t > 0 {
        if h > 0 || t > 1 {
            s.push(DIGITS[t as usize]);
        }
        s.push('十');
    } else if h > 0 && u > 0 {
        s.push('零');
    }
    if u > 0 {
        s.push(DIGITS[u as usize]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_as_printed() {
        let got: Vec<String> = [1, 10, 12, 20, 21, 100, 105, 110].map(chinese).into();
        assert_eq!(
            got,
            [
                "一",
                "十",
                "十二",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十"
            ]
        );
    }

    #[test]
    fn levels_count_and_deeper_levels_restart() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::read(xml);
        let labels: Vec<Option<String>> = [0, 1, 1, 0, 1].iter().map(|l| n.next("3", *l)).collect();
        let want = ["一、", "1.", "2.", "二、", "1."].map(|s| Some(s.to_string()));
        assert_eq!(labels, want);
        assert_eq!(n.next("9", 0), None);
    }
}
