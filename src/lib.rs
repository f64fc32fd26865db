//! Lanbai Planner: the 2020 work plan of the Lanzhou–Baiyin innovation zones as data, and a browser app to
//! explore it and record progress. The pure core (`plan`, `parse`, `journal`, `charts`, `route`) compiles
//! and tests natively; only `ui` and the browser half of `storage` know the browser.

/// Target, progress and workload charts as SVG (plotters), pure functions of their inputs.
pub mod charts;
/// Civil dates without a date crate: ISO parsing, day arithmetic.
pub mod date;
/// Interface language.
pub mod i18n;
/// User edits as an append-only log of operations: fold, merge, undo, export files, pace.
pub mod journal;
/// Plan text (工作要点 genre) → Plan, with line-numbered diagnostics.
pub mod parse;
/// The plan model, the shipped plan and queries over it.
pub mod plan;
/// The 任务分工表 for print and download (CSV, HTML), built from plan and edits.
pub mod report;
/// URL hash ⇄ route.
pub mod route;
/// One shared copy of the stable sort (sorting is otherwise compiled once per call site).
pub mod sort;
/// The only code that touches localStorage: chunked journal, quarantine, quota, settings.
pub mod storage;
/// Sync through a shared WebDAV folder: the round over a pluggable transport (the browser's is `fetch`).
pub mod sync;
/// Seeded synthetic plans and journals of any size, for tests and benchmarks; never in the wasm.
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
/// The Leptos interface (browser only).
#[cfg(target_arch = "wasm32")]
pub mod ui;
