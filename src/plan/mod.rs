//! The plan as data: the model, stable ids, the shipped Gansu plan and read-only queries over a plan.

pub mod curation;
pub mod fix;
pub mod ids;
pub mod matrix;
pub mod model;
pub mod query;
pub mod seed;

pub use model::*;
