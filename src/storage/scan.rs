//! A small tolerant scanner for a damaged chunk: it finds the top-level elements of the chunk's `ops` array
//! without parsing them, respecting strings and escapes, so each op can be parsed on its own and one bad
//! token (a truncation, `1e400`, a lone surrogate, deep nesting) costs only the op it is in. It never
//! recurses; it allocates the list of element slices, and a decoded copy of a top-level key only when that
//! key is written with escapes.
//!
//! On text that is valid JSON it reads what serde_json reads: the same `ops` elements and the same `schema`
//! (a non-negative integer, or nothing), also when keys are escaped (`"\u006fps"`) or repeated (the last
//! one counts, as in `serde_json::Value`). `tests/storage_attack/scanner.rs` checks this on random
//! chunks.

/// What the scanner found in a chunk's raw text.
#[derive(Debug, Default, PartialEq)]
pub struct Scanned<'a> {
    /// The top-level `schema` number, when it reads as one.
    pub schema: Option<u64>,
    /// Whether a top-level `ops` array was found at all.
    pub found_ops: bool,
    /// Its elements' raw text, in order; the last may be cut short when the text is truncated.
    pub ops: Vec<&'a str>,
    /// Whether a top-level `schema` or `ops` key appears more than once: a JSON reader keeps only the last,
    /// so what the earlier one held would go unseen.
    pub repeated: bool,
}

/// The top-level keys the scanner cares about.
#[derive(Clone, Copy, PartialEq)]
enum Top {
    Schema,
    Ops,
    Other,
}

/// Which key a top-level string (its raw text between the quotes) names, escapes decoded.
fn top_key(raw: &str) -> Top {
    let decoded = raw
        .contains('\\')
        .then(|| serde_json::from_str::<String>(&format!("\"{raw}\"")).ok())
        .flatten();
    match decoded.as_deref().unwrap_or(raw) {
        "schema" => Top::Schema,
        "ops" => Top::Ops,
        _ => Top::Other,
    }
}

/// Splits `raw` (meant to be `{"schema":…,"ops":[…],…}`) into the raw text of each `ops` element.
pub fn scan_chunk<'a>(raw: &'a str) -> Scanned<'a> {
    let bytes = raw.as_bytes();
    let mut out = Scanned::default();
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut string_start = 0;
    let mut last_string: Option<&str> = None;
    let mut key = Top::Other;
    let (mut seen_schema, mut seen_ops) = (false, false);
    let mut in_ops = false;
    let mut element: Option<usize> = None;
    let push = |from: Option<usize>, to: usize, out: &mut Scanned<'a>| {
        if let Some(text) = from.and_then(|f| raw.get(f..to)).map(str::trim)
            && !text.is_empty()
        {
            out.ops.push(text);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
                if depth == 1 {
                    last_string = raw.get(string_start..i);
                }
            }
            i += 1;
            continue;
        }
        let at_element_level = in_ops && depth == 2;
        if at_element_level
            && element.is_none()
            && !matches!(c, b',' | b']' | b'}')
            && !c.is_ascii_whitespace()
        {
            element = Some(i);
        }
        match c {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b'{' | b'[' => {
                if c == b'[' && depth == 1 && key == Top::Ops {
                    out.found_ops = true;
                    in_ops = true;
                    key = Top::Other;
                }
                depth += 1;
            }
            b'}' | b']' => {
                if at_element_level {
                    push(element.take(), i, &mut out);
                    in_ops = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if at_element_level => push(element.take(), i, &mut out),
            b',' if depth == 1 => key = Top::Other,
            // A repeated key replaces what the earlier one said, as it does in serde_json's `Value`.
            b':' if depth == 1 => {
                key = last_string.take().map_or(Top::Other, top_key);
                match key {
                    Top::Ops => {
                        out.repeated |= std::mem::replace(&mut seen_ops, true);
                        out.found_ops = false;
                        out.ops.clear();
                    }
                    Top::Schema => {
                        out.repeated |= std::mem::replace(&mut seen_schema, true);
                        out.schema = None;
                    }
                    Top::Other => {}
                }
            }
            // The whole number token: `-1`, `1.5` and `1e400` are no schema version, not version 1.
            b'-' | b'0'..=b'9' if depth == 1 && key == Top::Schema => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .map_or(bytes.len(), |n| i + n);
                let token = raw.get(i..end).unwrap_or_default();
                out.schema = token
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| token.parse().ok())
                    .flatten();
                key = Top::Other;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if in_ops {
        push(element, bytes.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_top_level_elements_and_respects_strings() {
        let s = scan_chunk(r#"{"schema":1,"writer":"a,b]","ops":[{"t":"x\"],}"}, [1,2] ,3]}"#);
        assert_eq!(s.schema, Some(1));
        assert!(s.found_ops);
        assert_eq!(s.ops, [r#"{"t":"x\"],}"}"#, "[1,2]", "3"]);
    }

    #[test]
    fn a_truncated_chunk_keeps_its_complete_elements_and_the_cut_one() {
        let s = scan_chunk(r#"{"schema":1,"ops":[{"a":1},{"b":"unfinish"#);
        assert_eq!(s.ops, [r#"{"a":1}"#, r#"{"b":"unfinish"#]);
    }

    #[test]
    fn nested_ops_keys_and_empty_arrays_are_not_confused() {
        let s = scan_chunk(r#"{"x":{"ops":[9]},"schema":2,"ops":[]}"#);
        assert_eq!(s.schema, Some(2));
        assert!(s.found_ops);
        assert!(s.ops.is_empty());
        assert_eq!(scan_chunk("garbage"), Scanned::default());
        let deep = format!(
            "{{\"schema\":1,\"ops\":[{}1{}]}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(scan_chunk(&deep).ops.len(), 1, "no recursion, one element");
    }
}
