//! One copy of the sort for the whole app. Each `slice::sort_by` call with its own element and comparator
//! types compiles its own copy of the standard library's driftsort, some 4 KB of wasm each; eighteen call sites
//! made the sort code 6 % of the wasm. These helpers sort an index permutation through one non-generic
//! function instead, so the wasm holds a single copy, and then swap the elements into that order.
//! Stable, like `slice::sort_by`; the extra cost is one indirect call per comparison and an index per element.

use std::cmp::Ordering;

/// The order that sorts `0..len` by `cmp`, stably: the one instantiation of the standard sort.
fn sorted_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// `v.sort_by(cmp)`: stable.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items = &*v;
        sorted_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    // Position k takes the element at order[k]: follow each cycle of the permutation with swaps.
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// `v.sort_by_key(key)`: stable.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()`: stable.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    // proptest runs natively only (its rand needs getrandom, which has no wasm32 backend here).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, proptest::prelude::any::<u16>()), 0..200)) {
            // Sorting by the first field only: equal keys must keep their order, as in slice::sort_by_key.
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|p| p.0);
            proptest::prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn sorts_owned_values_and_keeps_every_one() {
        let mut v: Vec<String> = ["丙", "甲", "乙", "甲", "a"].map(String::from).to_vec();
        let mut expected = v.clone();
        expected.sort();
        sort(&mut v);
        assert_eq!(v, expected);
        assert_eq!(v.first().map(String::as_str), Some("a"));
    }
}
