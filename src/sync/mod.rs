//! Sync through a shared WebDAV folder on the office's own server, with no server logic of ours.
//!
//! The journal is an add-only set of ops merged by id, and every writer (one per page load) owns its storage
//! keys; the server folder keeps that shape. Each local chunk `journal:<writer>:<n>` is the file
//! `<folder>/<plan>/<writer>.<n>.json` (an edits file with its checksum), written only by the device that owns
//! the writer, whole (uploaded under a temporary name, then moved into place). Another device's file is
//! fetched when its ETag changed and mirrored into a local chunk of that writer, so a reload offline still
//! shows it and other tabs pick it up through the ordinary `storage` event. A local writer is one that has a
//! meta record (the store writes one; mirrors never do), so a device never uploads another device's file.
//!
//! Everything here but `browser` is plain Rust over [`Transport`] and [`KeyValue`], tested natively against
//! an in-memory folder; `browser` speaks HTTP with `fetch`.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod config;
pub mod engine;
pub mod error;
pub mod layout;
pub mod state;

pub use engine::{Round, Transport, block_on_ready, pending, round};
pub use error::SyncError;
pub use layout::{Entry, Fetched};
