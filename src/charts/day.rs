//! Calendar days for time axes: the app's one civil-date type.

pub use crate::date::Date as Day;
