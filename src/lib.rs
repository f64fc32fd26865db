//! Lanbai Planner: the 2020 work plan of the Lanzhou–Baiyin innovation zones as data, and a browser app to
//! explore it and record progress. The pure core (`plan`, `parse`, `route`, …) compiles and tests natively;
//! only `ui` (and the browser half of `storage`) know the browser.

/// Target, progress and workload charts as SVG (plotters), pure functions of their inputs.
pub mod charts;
/// Interface language.
pub mod i18n;
/// Plan text (工作要点 genre) → Plan, with line-numbered diagnostics.
pub mod parse;
/// The plan model, the shipped plan and queries over it.
pub mod plan;
/// URL hash ⇄ route.
pub mod route;
/// The Leptos interface (browser only).
#[cfg(target_arch = "wasm32")]
pub mod ui;
