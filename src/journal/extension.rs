//! 延期申请: a unit asks for a new deadline with a reason, the coordinating unit approves or refuses. Both are
//! ops, so history shows the request and the decision, and they travel in the submission and feedback
//! files. An approved request moves the deadline as a deadline edit made at the time of the decision would:
//! whichever of the two is later wins, so the office can still set another date afterwards.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::op::{Field, Op, OpKind};

/// One request with its decision, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    pub request: String,
    pub task: String,
    /// The deadline asked for (ISO date) and why.
    pub date: String,
    pub reason: String,
    pub unit: Option<String>,
    pub by: Option<String>,
    pub at: i64,
    pub decision: Option<Decision>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub approve: bool,
    pub reason: String,
    pub unit: Option<String>,
    pub by: Option<String>,
    pub at: i64,
    pub id: String,
}

/// Each task's requests (oldest first) from the winning ops of the journal's registers. A decision counts
/// only for a request it names on the same task.
pub(super) fn collect(winners: &HashMap<Field, &Op>) -> BTreeMap<String, Vec<Extension>> {
    let mut out: BTreeMap<String, Vec<Extension>> = BTreeMap::new();
    for op in winners.values() {
        let OpKind::RequestExtension {
            request,
            task,
            date,
            reason,
        } = &op.kind
        else {
            continue;
        };
        let decision = winners
            .get(&Field::ExtensionDecision(request.clone()))
            .and_then(|d| match &d.kind {
                OpKind::DecideExtension {
                    task: t,
                    approve,
                    reason,
                    ..
                } if t == task => Some(Decision {
                    approve: *approve,
                    reason: reason.clone(),
                    unit: d.unit.clone(),
                    by: d.by.clone(),
                    at: d.at,
                    id: d.id.clone(),
                }),
                _ => None,
            });
        out.entry(task.clone()).or_default().push(Extension {
            request: request.clone(),
            task: task.clone(),
            date: date.clone(),
            reason: reason.clone(),
            unit: op.unit.clone(),
            by: op.by.clone(),
            at: op.at,
            decision,
        });
    }
    for list in out.values_mut() {
        crate::sort::sort_by(list, |a, b| (a.at, &a.request).cmp(&(b.at, &b.request)));
    }
    out
}

/// The date of the latest approval, with its `(at, id)` to weigh against the task's deadline edit.
pub(super) fn latest_approval(list: &[Extension]) -> Option<(&str, (i64, &str))> {
    list.iter()
        .filter_map(|e| {
            let d = e.decision.as_ref().filter(|d| d.approve)?;
            Some((e.date.as_str(), (d.at, d.id.as_str())))
        })
        .max_by(|a, b| a.1.cmp(&b.1))
}
