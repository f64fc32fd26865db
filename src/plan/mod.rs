//! The plan as data: the model, stable ids, the shipped Gansu plan and read-only queries over a plan.

pub mod ids;
pub mod model;

pub use model::*;
