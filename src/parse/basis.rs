//! How the importer decided each unit's role (issue 15 item 13). A preview that lists units by role
//! without saying why claims more certainty than the importer has: a unit read from `牵头单位：X` is as
//! sure as the document, one from a bare list `(X、Y)` is a guess the person should check. Every unit of
//! every task carries one [`Basis`]; the preview shows it beside the unit and counts the guesses among the
//! things to check.

use crate::plan::Role;
use serde::{Deserialize, Serialize};

/// Why a unit has its role. Ordered from the surest to the least sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// A labelled field or a table column named by its header (`牵头单位：X`, `配合单位` column).
    Label,
    /// A role verb after the unit (`X牵头`, `Y配合`, `各区负责`).
    Verb,
    /// The document's own rule (`列第一位的为牵头单位`) applied to a list.
    Rule,
    /// A heading above the task names its owner (`省科技厅牵头的工作`).
    Heading,
    /// Nothing says the role: a bare list of names, read as responsible units.
    Guess,
}

impl Basis {
    /// Whether the person should check this role before trusting it.
    pub fn is_guess(self) -> bool {
        self == Basis::Guess
    }
}

/// One unit of a task as read: its role, the name as printed and why it has that role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitBasis {
    pub role: Role,
    pub name: String,
    pub basis: Basis,
}

/// The bases of one task's units, in the order the task lists them by role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskBasis {
    pub task: u32,
    pub units: Vec<UnitBasis>,
}

/// The record an annotation keeps while it is read: (role, name, basis) for every unit it was given.
pub type Record = Vec<(Role, String, Basis)>;

/// The basis recorded for `name` in `role`; a unit nothing recorded is a guess, so a path of the parser
/// that forgets to record never makes the preview surer than it is.
pub fn of(record: &Record, role: Role, name: &str) -> Basis {
    record
        .iter()
        .rev()
        .find(|(r, n, _)| *r == role && n == name)
        .map_or(Basis::Guess, |(_, _, b)| *b)
}

/// The guessed units of a parse, for the preview's count of things to check.
pub fn guesses(bases: &[TaskBasis]) -> usize {
    bases
        .iter()
        .flat_map(|t| &t.units)
        .filter(|u| u.basis.is_guess())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unrecorded_unit_is_a_guess() {
        let record = vec![(Role::Lead, "市发改委".to_string(), Basis::Label)];
        assert_eq!(of(&record, Role::Lead, "市发改委"), Basis::Label);
        assert_eq!(of(&record, Role::Cooperating, "市发改委"), Basis::Guess);
        assert_eq!(of(&record, Role::Lead, "市财政局"), Basis::Guess);
    }

    #[test]
    fn the_last_record_of_a_unit_counts() {
        let record = vec![
            (Role::Lead, "市发改委".to_string(), Basis::Guess),
            (Role::Lead, "市发改委".to_string(), Basis::Heading),
        ];
        assert_eq!(of(&record, Role::Lead, "市发改委"), Basis::Heading);
    }
}
