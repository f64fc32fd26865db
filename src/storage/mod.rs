//! The only code that touches localStorage: typed keys, a chunked journal written incrementally, schema
//! versions with migrations, quarantine of unreadable data, quota errors and other tabs' writes. Everything
//! but `browser` is written against the [`KeyValue`] trait and tested natively.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod claims;
pub mod keys;
pub mod kv;
pub mod outcome;
pub mod plans;
pub mod quarantine;
pub mod scan;
pub mod schema;
pub mod settings;
pub mod store;

pub use keys::Key;
pub use kv::{KeyValue, KvError, MemoryKv};
pub use quarantine::{LeftInPlace, QuarantineEntry};
pub use settings::{Language, Settings, load_settings, save_settings};
pub use store::{CHUNK_SIZE, LoadReport, Store, StoreError};
