//! Merging another reviewer's journal: a union of ops by id. Because every op writes one last-writer-wins field,
//! the union is all the merge needs; the conflict list only *explains* which side's edit now shows.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::fold::newer;
use super::op::{Field, Op};

#[derive(Debug, Clone, PartialEq)]
pub struct MergeResult {
    /// The union by id, sorted by `(at, id)`.
    pub ops: Vec<Op>,
    /// Ops of `incoming` whose id was not in `local`.
    pub added: usize,
    /// Fields both sides changed independently, sorted by field.
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Human-readable field, e.g. `t6 status`.
    pub field: String,
    /// The latest local edit of the field that `incoming` did not have.
    pub local: Op,
    /// The latest incoming edit of the field that `local` did not have.
    pub incoming: Op,
    pub winner: Side,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Local,
    Incoming,
}

/// Union by id; on an id clash (same id, different content — only hand-edited files do that) the same
/// tie-break as `fold` keeps one, so `merge(a, b)` and `merge(b, a)` hold the same ops.
pub fn merge(local: &[Op], incoming: &[Op]) -> MergeResult {
    let local_ids: HashSet<&str> = local.iter().map(|o| o.id.as_str()).collect();
    let incoming_ids: HashSet<&str> = incoming.iter().map(|o| o.id.as_str()).collect();

    let mut union: HashMap<&str, &Op> =
        HashMap::with_capacity_and_hasher(local.len() + incoming.len(), Default::default());
    for op in local.iter().chain(incoming) {
        union
            .entry(op.id.as_str())
            .and_modify(|w| *w = newer(w, op))
            .or_insert(op);
    }
    let mut ops: Vec<Op> = union.into_values().cloned().collect();
    crate::sort::sort_by(&mut ops, |a, b| a.order_key().cmp(&b.order_key()));

    if local.is_empty() || incoming.is_empty() {
        // Nothing can conflict; this is the path `load` takes to deduplicate, so skip the field maps.
        return MergeResult {
            ops,
            added: incoming_ids.difference(&local_ids).count(),
            conflicts: Vec::new(),
        };
    }
    let local_only = latest_only(local, &incoming_ids);
    let incoming_only = latest_only(incoming, &local_ids);
    let mut conflicts: Vec<(Field, Conflict)> = local_only
        .iter()
        .filter_map(|(field, l)| {
            let i = incoming_only.get(field)?;
            let winner = if std::ptr::eq(newer(l, i), *l) {
                Side::Local
            } else {
                Side::Incoming
            };
            Some((
                field.clone(),
                Conflict {
                    field: field.describe(),
                    local: (*l).clone(),
                    incoming: (*i).clone(),
                    winner,
                },
            ))
        })
        .collect();
    crate::sort::sort_by(&mut conflicts, |a, b| a.0.cmp(&b.0));

    MergeResult {
        ops,
        added: incoming_ids.difference(&local_ids).count(),
        conflicts: conflicts.into_iter().map(|(_, c)| c).collect(),
    }
}

/// Per field, the newest op of `side` whose id `other` does not have.
fn latest_only<'a>(side: &'a [Op], other: &HashSet<&str>) -> HashMap<Field, &'a Op> {
    let mut by_field: HashMap<Field, &Op> = HashMap::default();
    for op in side.iter().filter(|o| !other.contains(o.id.as_str())) {
        by_field
            .entry(op.kind.field())
            .and_modify(|w| *w = newer(w, op))
            .or_insert(op);
    }
    by_field
}

/// Two ops read with one id but different content (only hand-edited storage or files do that). One is kept
/// by the same tie-break as `merge`; the other stays where it is stored, and the pair is reported so the
/// person is told instead of seeing a value change with no notice.
#[derive(Debug, Clone, PartialEq)]
pub struct IdClash {
    pub kept: Op,
    pub set_aside: Op,
}

/// `merge(&[], &ops).ops` without copying: the journal read from storage is deduplicated by id (the same
/// tie-break as `merge`) and sorted in place. Loading a 10,000-entry journal otherwise cloned every op.
pub fn dedup_sorted(ops: Vec<Op>) -> Vec<Op> {
    dedup_report(ops).0
}

/// [`dedup_sorted`], also returning every id clash it resolved, sorted by id.
pub fn dedup_report(ops: Vec<Op>) -> (Vec<Op>, Vec<IdClash>) {
    let mut winner: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(ops.len(), Default::default());
    for (i, op) in ops.iter().enumerate() {
        winner
            .entry(op.id.as_str())
            .and_modify(|w| {
                if std::ptr::eq(newer(&ops[*w], op), op) {
                    *w = i;
                }
            })
            .or_insert(i);
    }
    let mut clashes: Vec<IdClash> = ops
        .iter()
        .enumerate()
        .filter_map(|(i, op)| {
            let w = *winner.get(op.id.as_str())?;
            let kept = &ops[w];
            (w != i && kept != op).then(|| IdClash {
                kept: kept.clone(),
                set_aside: op.clone(),
            })
        })
        .collect();
    crate::sort::sort_by(&mut clashes, |a, b| a.kept.id.cmp(&b.kept.id));
    let mut keep = vec![false; ops.len()];
    for i in winner.into_values() {
        keep[i] = true;
    }
    let mut out: Vec<Op> = ops
        .into_iter()
        .zip(keep)
        .filter_map(|(op, k)| k.then_some(op))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.order_key().cmp(&b.order_key()));
    (out, clashes)
}

/// The journal's canonical order: `(at, id)`.
pub fn sort_ops(ops: &mut [Op]) {
    crate::sort::sort_by(ops, |a, b| a.order_key().cmp(&b.order_key()));
}
