//! What a stored meta record may claim. Counts read from storage are never trusted as loop bounds or sizes:
//! a meta that claims more than could exist is a lie (quarantined by `Store::load`), and chunks it promises
//! that are absent are counted arithmetically against the chunk keys that do exist, naming only a few.

use super::schema::Meta;

/// No browser gives one origin more localStorage than this many UTF-16 code units (Chromium and Firefox
/// give about 5 Mi; 16 Mi leaves room for any browser that is more generous).
const STORAGE_CEILING_UNITS: u64 = 16 * 1024 * 1024;

/// The smallest a stored chunk can be: its key (`lanbai:v1:…:journal:…:n`) and a value holding one op
/// exceed this, so no storage holds more chunks than `STORAGE_CEILING_UNITS / MIN_CHUNK_UNITS`.
const MIN_CHUNK_UNITS: u64 = 64;

/// The smallest a stored op can be (`{"id":"","at":0,"kind":{…}}` is longer).
const MIN_OP_UNITS: u64 = 32;

/// More chunks than any browser's storage could hold.
pub const MAX_CHUNKS: u32 = (STORAGE_CEILING_UNITS / MIN_CHUNK_UNITS) as u32;

/// More ops than any browser's storage could hold.
pub const MAX_OPS: u64 = STORAGE_CEILING_UNITS / MIN_OP_UNITS;

/// How many absent chunk keys a report names; the rest are only counted.
pub const LISTED_MISSING: usize = 5;

/// Why `meta` (stored under the key of `key_writer`) cannot be true, or `None` when it could be. A writer
/// writes `chunks = ceil(ops / chunk size)` for a fresh id starting at chunk 0, so a real meta has
/// `1 <= chunks <= ops` and a range far below `u32::MAX`.
pub fn implausible(meta: &Meta, key_writer: &str) -> Option<&'static str> {
    let end = meta.first_chunk.checked_add(meta.chunks);
    if meta.writer != key_writer {
        Some("meta names another writer than its key")
    } else if end.is_none() {
        Some("meta claims a chunk range past the largest index")
    } else if meta.chunks > MAX_CHUNKS || end.is_some_and(|e| e > MAX_CHUNKS) {
        Some("meta claims more chunks than storage could hold")
    } else if meta.ops > MAX_OPS {
        Some("meta claims more ops than storage could hold")
    } else if u64::from(meta.chunks) > meta.ops {
        Some("meta claims more chunks than ops")
    } else if meta.ops > 0 && meta.chunks == 0 {
        Some("meta claims ops in no chunk")
    } else {
        None
    }
}

/// The chunks a plausible meta promises that are not among `present` (the chunk indices found for its
/// writer, sorted and deduplicated): how many, and the first few indices. Walks the gaps between present
/// chunks, so its cost is bounded by what exists, not by what the meta claims.
pub fn missing(first: u32, chunks: u32, present: &[u32]) -> (u64, Vec<u32>) {
    let end = u64::from(first) + u64::from(chunks);
    let lo = present.partition_point(|&c| c < first);
    let hi = present.partition_point(|&c| u64::from(c) < end);
    let count = u64::from(chunks) - (hi - lo) as u64;
    let mut listed = Vec::new();
    let gap_to = |from: u64, to: u64, listed: &mut Vec<u32>| {
        let room = LISTED_MISSING.saturating_sub(listed.len()) as u64;
        listed.extend((from..to.min(from + room)).filter_map(|c| u32::try_from(c).ok()));
    };
    let mut next = u64::from(first);
    for &c in &present[lo..hi] {
        gap_to(next, u64::from(c), &mut listed);
        next = u64::from(c) + 1;
    }
    gap_to(next, end, &mut listed);
    (count, listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(first_chunk: u32, chunks: u32, ops: u64) -> Meta {
        Meta {
            schema: 1,
            writer: "w".into(),
            first_chunk,
            chunks,
            ops,
        }
    }

    #[test]
    fn what_a_writer_writes_is_plausible_and_lies_are_not() {
        assert_eq!(implausible(&meta(0, 3, 534), "w"), None);
        assert_eq!(implausible(&meta(7, 1, 1), "w"), None);
        assert!(implausible(&meta(0, 3, 534), "v").is_some());
        for lie in [
            meta(0, 1_000_000_000, 534),
            meta(0, u32::MAX, 534),
            meta(u32::MAX, 1, 1),
            meta(0, 10_000_000, 10_000_000),
            meta(0, 600, 534),
            meta(0, 0, 5),
            meta(0, 1, u64::MAX),
        ] {
            assert!(implausible(&lie, "w").is_some(), "{lie:?}");
        }
    }

    #[test]
    fn missing_chunks_are_counted_from_the_gaps() {
        assert_eq!(missing(0, 3, &[0, 1, 2]), (0, vec![]));
        assert_eq!(missing(0, 3, &[0, 2]), (1, vec![1]));
        assert_eq!(missing(2, 3, &[0, 1, 3, 9]), (2, vec![2, 4]));
        assert_eq!(missing(0, 100_000, &[0, 2]), (99_998, vec![1, 3, 4, 5, 6]));
        assert_eq!(missing(0, 4, &[]), (4, vec![0, 1, 2, 3]));
        assert_eq!(
            missing(MAX_CHUNKS - 2, 2, &[u32::MAX]),
            (2, vec![MAX_CHUNKS - 2, MAX_CHUNKS - 1])
        );
    }
}
