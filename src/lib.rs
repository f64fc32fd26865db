//! Lanbai Planner: the 2020 work plan of the Lanzhou–Baiyin innovation zones as data, and a browser app to
//! explore it and record progress. The pure core (`plan`, `route`, …) compiles and tests natively; only
//! `storage` and `ui` know the browser.

/// The plan model, the shipped plan and queries over it.
pub mod plan;
/// URL hash ⇄ route.
pub mod route;
/// Interface language.
pub mod i18n;
/// The Leptos interface (browser only).
#[cfg(target_arch = "wasm32")]
pub mod ui;
