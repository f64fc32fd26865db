//! Stable identifiers. Unit ids are the normalised unit name, so the same body gets the same id in every data
//! release and in every imported plan, and a URL such as `#/unit/省科技厅` reads as what it is.

/// Normalises a unit name for identity: full-width ASCII and brackets become half-width, whitespace goes.
/// The characters of the name are otherwise kept, so ids remain readable.
pub fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The unit id for a name as written.
pub fn unit_id(name: &str) -> String {
    normalise_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_spaces_do_not_change_identity() {
        assert_eq!(unit_id(" 省科技厅 "), unit_id("省科技厅"));
        assert_eq!(unit_id("兰州（新区）"), "兰州(新区)");
        assert_eq!(unit_id("ＡＢＣ公司"), "ABC公司");
    }
}
