//! The hybrid logical clock that orders ops (journal schema 4).
//!
//! An op's `at` is the writer's wall clock and is what the pages show (the day a figure was typed, how late a
//! submission was). Ordering by `at` alone lets a laptop whose clock runs a year ahead win every conflict for
//! a year. So each op also carries a [`Hlc`]: the larger of the wall clock and the greatest clock the writer
//! has seen in its journal, plus a counter for ties. An edit made after seeing another edit therefore always
//! orders after it, whatever either machine's clock says, and `at` stays the honest wall time.
//!
//! Ops written before schema 4 have no `hlc`; they order by `(at, 0)`, which is exactly how they ordered
//! before, so reading an old journal needs no rewrite.

use serde::{Deserialize, Serialize};

use super::op::Op;
use super::validate::at_in_range;

/// A point of the hybrid logical clock: milliseconds (at least the wall clock of the op that carries it) and
/// a counter that orders ops within one millisecond. Serialised as `[ms, n]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "(i64, u32)", into = "(i64, u32)")]
pub struct Hlc {
    pub ms: i64,
    pub n: u32,
}

impl From<(i64, u32)> for Hlc {
    fn from((ms, n): (i64, u32)) -> Self {
        Hlc { ms, n }
    }
}

impl From<Hlc> for (i64, u32) {
    fn from(h: Hlc) -> Self {
        (h.ms, h.n)
    }
}

impl Hlc {
    /// The clock of a new op written at wall time `now` by a writer that has seen `latest`: after `latest`,
    /// and on the wall clock when that is later.
    pub fn after(latest: Option<Hlc>, now: i64) -> Hlc {
        match latest {
            Some(l) if l.ms >= now => Hlc {
                ms: l.ms,
                // Two billion edits in one millisecond cannot happen; saturate rather than wrap.
                n: l.n.saturating_add(1),
            },
            _ => Hlc { ms: now, n: 0 },
        }
    }
}

impl Op {
    /// The op's place on the clock: its `hlc`, or `(at, 0)` for ops written before schema 4.
    pub fn clock(&self) -> Hlc {
        self.hlc.unwrap_or(Hlc { ms: self.at, n: 0 })
    }
}

/// The greatest clock among `ops`, leaving out times no working clock writes (`fold` ignores those ops, so
/// they must not drag every later edit past 2100).
pub fn latest(ops: &[Op]) -> Option<Hlc> {
    ops.iter()
        .map(Op::clock)
        .filter(|c| at_in_range(c.ms))
        .max()
}

/// The `at` and `hlc` of a new op written at `now` into a journal holding `ops`.
pub fn stamp(ops: &[Op], now: i64) -> (i64, Hlc) {
    (now, Hlc::after(latest(ops), now))
}

/// How far ahead of `now` the latest wall time among `ops` is, in milliseconds, when it is more than
/// `slack` ahead: a device whose clock is wrong, named on the data page so someone fixes it.
pub fn ahead_of(ops: &[Op], now: i64, slack: i64) -> Option<i64> {
    let latest = ops.iter().map(|o| o.at).filter(|&a| at_in_range(a)).max()?;
    let ahead = latest.saturating_sub(now);
    (ahead > slack).then_some(ahead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_follows_the_wall_and_never_goes_back() {
        assert_eq!(Hlc::after(None, 50), Hlc { ms: 50, n: 0 });
        assert_eq!(
            Hlc::after(Some(Hlc { ms: 10, n: 4 }), 50),
            Hlc { ms: 50, n: 0 }
        );
        assert_eq!(
            Hlc::after(Some(Hlc { ms: 90, n: 4 }), 50),
            Hlc { ms: 90, n: 5 }
        );
        assert_eq!(
            Hlc::after(Some(Hlc { ms: 50, n: 0 }), 50),
            Hlc { ms: 50, n: 1 }
        );
        let top = Hlc {
            ms: 90,
            n: u32::MAX,
        };
        assert!(Hlc::after(Some(top), 50) >= top);
    }

    #[test]
    fn the_clock_serialises_as_a_pair() {
        let h = Hlc { ms: 7, n: 2 };
        assert_eq!(serde_json::to_string(&h).ok().as_deref(), Some("[7,2]"));
        assert_eq!(serde_json::from_str::<Hlc>("[7,2]").ok(), Some(h));
    }
}
