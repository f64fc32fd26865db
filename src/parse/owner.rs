//! Headings that name who owns the tasks below them: a 责任分解 notice may sort its tasks by owner
//! ("一、孟学农省长负责的工作" / "(一)省监察厅牵头的工作" / "1.…"), so the annotation of every task under
//! such a heading includes that owner. A unit goes to the role its verb gives (牵头 → lead, 负责 →
//! responsible); a person (a name before a post such as 省长) goes to the leaders. A task's own annotation
//! still decides: an inherited lead is only used where the task names none.

use super::annotation::{self, Annotation, Conventions};
use super::text::trim;
use crate::plan::Role;

/// Posts printed after a leader's name in such headings, longer first.
const POSTS: &[&str] = &[
    "常务副省长",
    "常务副市长",
    "常务副县长",
    "常务副区长",
    "副省长",
    "副市长",
    "副县长",
    "副区长",
    "秘书长",
    "省长",
    "市长",
    "县长",
    "区长",
];

/// Whether a heading's owner names units (not only a leader): the lines right below such a heading are
/// that unit's tasks even when they carry no number.
pub fn names_units(owner: Option<&Annotation>) -> bool {
    owner.is_some_and(|o| o.roles.iter().any(|(_, u)| !u.is_empty()))
}

/// The owner a heading names, as an annotation; `None` for an ordinary heading.
pub fn heading_owner(title: &str, conv: Conventions) -> Option<Annotation> {
    let t = trim(title).trim_end_matches(['。', '.']);
    let owner = ["牵头负责的工作", "牵头的工作", "负责的工作", "分管的工作"]
        .iter()
        .find_map(|end| t.strip_suffix(end).map(|o| (o, *end)))?;
    let (who, end) = owner;
    if who.is_empty() || who.chars().count() > 40 {
        return None;
    }
    if let Some(name) = POSTS.iter().find_map(|p| who.strip_suffix(p)) {
        let n = name.chars().count();
        return (2..=4).contains(&n).then(|| Annotation {
            leaders: vec![name.to_string()],
            ..Annotation::default()
        });
    }
    let verb = if end.starts_with("牵头") {
        "牵头"
    } else {
        "负责"
    };
    annotation::read(&format!("{who}{verb}"), conv).filter(|a| !a.roles.is_empty())
}

/// Adds what the headings above a task say to the task's own annotation: an inherited lead only where
/// the task names no lead, leaders only where it names none, other roles never (the task's list is
/// its own).
pub fn inherit(own: &mut Annotation, inherited: &[Annotation]) {
    let has_lead = own
        .roles
        .iter()
        .any(|(r, u)| *r == Role::Lead && !u.is_empty());
    if !has_lead
        && let Some(units) = inherited.iter().rev().find_map(|a| {
            a.roles
                .iter()
                .find(|(r, _)| *r == Role::Lead)
                .map(|(_, u)| u.clone())
        })
    {
        for u in &units {
            own.bases
                .push((Role::Lead, u.clone(), super::basis::Basis::Heading));
        }
        own.roles.insert(0, (Role::Lead, units));
    }
    if own.leaders.is_empty() {
        own.leaders = inherited
            .iter()
            .rev()
            .find(|a| !a.leaders.is_empty())
            .map(|a| a.leaders.clone())
            .unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leads(a: &Annotation) -> Vec<String> {
        a.roles
            .iter()
            .filter(|(r, _)| *r == Role::Lead)
            .flat_map(|(_, u)| u.clone())
            .collect()
    }

    #[test]
    fn owner_headings_name_a_unit_or_a_person() {
        let conv = Conventions::default();
        let unit = heading_owner("省监察厅牵头的工作", conv).expect("a unit owner");
        assert_eq!(leads(&unit), ["省监察厅"]);
        let person = heading_owner("孟学农省长负责的工作", conv).expect("a person owner");
        assert_eq!(person.leaders, ["孟学农"]);
        assert!(person.roles.is_empty(), "a person is never a unit");
        let deputy = heading_owner("薛延忠常务副省长负责的工作", conv).expect("a deputy");
        assert_eq!(deputy.leaders, ["薛延忠"]);
        for ordinary in [
            "重点任务",
            "全力推进产业项目建设",
            "做好牵头的工作部署",
            "的工作",
        ] {
            assert!(heading_owner(ordinary, conv).is_none(), "{ordinary}");
        }
    }

    #[test]
    fn a_task_keeps_its_own_lead_and_leaders() {
        let conv = Conventions::default();
        let inherited = vec![
            heading_owner("孟学农省长负责的工作", conv).expect("person"),
            heading_owner("省监察厅牵头的工作", conv).expect("unit"),
        ];
        let mut bare = Annotation::default();
        inherit(&mut bare, &inherited);
        assert_eq!(leads(&bare), ["省监察厅"]);
        assert_eq!(bare.leaders, ["孟学农"]);
        let mut own = annotation::read("省财政厅牵头", conv).expect("own");
        own.leaders = vec!["某某".into()];
        inherit(&mut own, &inherited);
        assert_eq!(leads(&own), ["省财政厅"]);
        assert_eq!(own.leaders, ["某某"]);
    }
}
