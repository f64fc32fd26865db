//! Lanbai Planner: the 2020 work plan of the Lanzhou–Baiyin innovation zones as data, and a browser app to
//! explore it and record progress. The pure core compiles natively; only `storage` and `ui` know the browser.

pub mod journal;
pub mod plan;
pub mod storage;
