//! The key-value seam. Everything above it is plain Rust tested natively against [`MemoryKv`]; only
//! `browser.rs` knows localStorage. Methods take `&self` because localStorage is shared mutable state anyway,
//! and sharing one `MemoryKv` between two stores is how the two-tab tests work.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KvError {
    /// The browser refused the write because the origin's storage is full.
    QuotaExceeded,
    Other(String),
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    /// Either the whole value is stored or nothing changes (localStorage guarantees this, and so does
    /// `MemoryKv`), which is what lets a failed chunk write leave the previous chunk intact.
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// An in-memory store with an optional quota, counted like browsers do: UTF-16 code units of keys and values.
/// Clones share the same map.
#[derive(Debug, Clone, Default)]
pub struct MemoryKv {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    map: BTreeMap<String, String>,
    quota: Option<usize>,
    used: usize,
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses writes once keys plus values exceed `quota` UTF-16 code units.
    pub fn with_quota(quota: usize) -> Self {
        let kv = Self::default();
        kv.inner.borrow_mut().quota = Some(quota);
        kv
    }

    pub fn set_quota(&self, quota: Option<usize>) {
        self.inner.borrow_mut().quota = quota;
    }

    /// UTF-16 code units in use.
    pub fn used(&self) -> usize {
        self.inner.borrow().used
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.borrow().map.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        let mut inner = self.inner.borrow_mut();
        let old = inner.map.get(key).map_or(0, |v| units(key) + units(v));
        let used = inner.used - old + units(key) + units(value);
        if inner.quota.is_some_and(|q| used > q) {
            return Err(KvError::QuotaExceeded);
        }
        inner.used = used;
        inner.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        let mut inner = self.inner.borrow_mut();
        if let Some(v) = inner.map.remove(key) {
            inner.used -= units(key) + units(&v);
        }
    }

    fn keys(&self) -> Vec<String> {
        self.inner.borrow().map.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_counts_utf16_and_refuses_without_change() {
        let kv = MemoryKv::with_quota(10);
        assert_eq!(kv.set("k", "兰州兰州"), Ok(()));
        assert_eq!(kv.used(), 5);
        assert_eq!(kv.set("k2", "1234567890"), Err(KvError::QuotaExceeded));
        assert_eq!(kv.get("k2"), None);
        assert_eq!(
            kv.set("k", "123456789"),
            Ok(()),
            "replacing frees the old value first"
        );
        kv.remove("k");
        assert_eq!(kv.used(), 0);
    }
}
