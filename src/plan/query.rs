//! Read-only questions the views ask of a plan: a unit's duties, role counts, the responsibility matrix and
//! full-text search. Pure functions, so every view's content is tested natively.

use super::{Group, Plan, Role, Task, Unit};
use rustc_hash::FxHashMap;

/// One unit's duties: the tasks it appears in, per role (its 责任清单).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Duties<'a> {
    pub lead: Vec<&'a Task>,
    pub implementing: Vec<&'a Task>,
    pub cooperating: Vec<&'a Task>,
}

impl<'a> Duties<'a> {
    pub fn get(&self, role: Role) -> &[&'a Task] {
        match role {
            Role::Lead => &self.lead,
            Role::Implementing => &self.implementing,
            Role::Cooperating => &self.cooperating,
        }
    }

    pub fn counts(&self) -> [usize; 3] {
        [
            self.lead.len(),
            self.implementing.len(),
            self.cooperating.len(),
        ]
    }

    pub fn total(&self) -> usize {
        self.counts().iter().sum()
    }
}

impl Group {
    /// The group as printed, e.g. (一)加强顶层设计. Plans that list tasks without group headings get one
    /// untitled group from the importer; it must not show as a bare "()".
    pub fn heading(&self) -> String {
        match (self.numeral.is_empty(), self.title.is_empty()) {
            (true, true) => "全部任务".to_string(),
            (true, false) => self.title.clone(),
            _ => format!("({}){}", self.numeral, self.title),
        }
    }
}

impl Plan {
    pub fn task(&self, number: u32) -> Option<&Task> {
        self.tasks.iter().find(|t| t.number == number)
    }

    pub fn group(&self, number: u32) -> Option<&Group> {
        self.groups.iter().find(|g| g.number == number)
    }

    pub fn tasks_in_group(&self, group: u32) -> impl Iterator<Item = &Task> {
        self.tasks.iter().filter(move |t| t.group == group)
    }

    /// Finds a unit by id, or by any spelling (name or alias) after normalisation, so old links keep working.
    pub fn unit(&self, id_or_name: &str) -> Option<&Unit> {
        let key = super::ids::unit_id(id_or_name);
        self.units.iter().find(|u| u.id == key).or_else(|| {
            self.units.iter().find(|u| {
                super::ids::unit_id(&u.name) == key
                    || u.aliases.iter().any(|a| super::ids::unit_id(a) == key)
            })
        })
    }

    /// Tasks per role for every unit, in one pass over the plan (the units list would otherwise walk every task
    /// once per unit: 300 × 10,000 in a province-wide plan). Same counting rule as [`Plan::duties`].
    pub fn role_counts(&self) -> FxHashMap<&str, [usize; 3]> {
        let mut counts: FxHashMap<&str, [usize; 3]> = FxHashMap::default();
        let mut seen: Vec<&str> = Vec::new();
        for task in &self.tasks {
            for (slot, role) in Role::ALL.into_iter().enumerate() {
                seen.clear();
                for r in task.roles.get(role) {
                    if !seen.contains(&r.unit.as_str()) {
                        seen.push(&r.unit);
                        counts.entry(&r.unit).or_default()[slot] += 1;
                    }
                }
            }
        }
        counts
    }

    /// Tasks each unit appears in, in any role (a unit named in two roles of one task counts once).
    pub fn role_counts_any(&self) -> FxHashMap<&str, usize> {
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        let mut seen: Vec<&str> = Vec::new();
        for task in &self.tasks {
            seen.clear();
            for (_, r) in task.roles.iter() {
                if !seen.contains(&r.unit.as_str()) {
                    seen.push(&r.unit);
                    *counts.entry(&r.unit).or_default() += 1;
                }
            }
        }
        counts
    }

    /// The tasks a unit appears in, per role, in task order. A unit listed twice in one role counts once.
    pub fn duties(&self, unit_id: &str) -> Duties<'_> {
        let mut duties = Duties::default();
        for task in &self.tasks {
            for role in Role::ALL {
                if task.roles.get(role).iter().any(|r| r.unit == unit_id) {
                    match role {
                        Role::Lead => duties.lead.push(task),
                        Role::Implementing => duties.implementing.push(task),
                        Role::Cooperating => duties.cooperating.push(task),
                    }
                }
            }
        }
        duties
    }

    /// Roles a unit holds in one task (usually zero or one; a unit may in principle hold several).
    pub fn roles_of(&self, task: &Task, unit_id: &str) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|role| task.roles.get(*role).iter().any(|r| r.unit == unit_id))
            .collect()
    }

    /// Every target of the plan with its task, in task order.
    pub fn targets(&self) -> impl Iterator<Item = (&Task, &super::Target)> {
        self.tasks
            .iter()
            .flat_map(|t| t.targets.iter().map(move |k| (t, k)))
    }
}

/// Normalises text for matching: half-width, lower case, no whitespace, so 'ＩＰ' finds 'ip'.
pub fn fold_for_search(text: &str) -> String {
    super::ids::normalise_name(text).to_lowercase()
}

/// Splits a query into terms; all must match (AND). Full-width spaces separate too.
pub fn query_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .map(fold_for_search)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Splits `text` into runs, marking those that match any term, for highlighting. Matching is on the folded
/// form, mapped back char by char, so the displayed text is the original.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<String> = chars
        .iter()
        .map(|c| fold_for_search(&c.to_string()))
        .collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let term_chars: Vec<char> = term.chars().collect();
        if term_chars.is_empty() {
            continue;
        }
        for start in 0..chars.len() {
            let mut matched = 0;
            let mut end = start;
            while end < chars.len() && matched < term_chars.len() {
                let piece: Vec<char> = folded[end].chars().collect();
                if piece.is_empty() {
                    end += 1;
                    continue;
                }
                if term_chars[matched..].starts_with(&piece) {
                    matched += piece.len();
                    end += 1;
                } else {
                    break;
                }
            }
            if matched == term_chars.len() {
                marked[start..end].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match runs.last_mut() {
            Some((run, flag)) if *flag == m => run.push(c),
            _ => runs.push((c.to_string(), m)),
        }
    }
    runs
}

/// What a search returns: tasks (with why they matched), groups and units.
#[derive(Debug, Clone, Default)]
pub struct SearchResults<'a> {
    pub tasks: Vec<&'a Task>,
    pub groups: Vec<&'a Group>,
    pub units: Vec<&'a Unit>,
}

/// Filters besides the search text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub unit: Option<String>,
    pub role: Option<Role>,
    pub group: Option<u32>,
}

/// The folded text every search matches against, computed once per plan instead of once per keystroke:
/// at 10,000 tasks folding the haystacks is most of a search's time.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchIndex {
    /// Per task (in plan order): its text followed by the names of its units, folded.
    tasks: Vec<String>,
    groups: Vec<String>,
    /// Per unit: its name and aliases, folded.
    units: Vec<String>,
}

impl SearchIndex {
    pub fn new(plan: &Plan) -> SearchIndex {
        SearchIndex {
            tasks: plan
                .tasks
                .iter()
                .map(|t| {
                    let names: String = t.roles.iter().map(|(_, r)| r.name.as_str()).collect();
                    fold_for_search(&format!("{}{}", t.text, names))
                })
                .collect(),
            groups: plan
                .groups
                .iter()
                .map(|g| fold_for_search(&g.title))
                .collect(),
            units: plan
                .units
                .iter()
                .map(|u| fold_for_search(&format!("{}{}", u.name, u.aliases.join(""))))
                .collect(),
        }
    }
}

/// Full-text search over task text, the names of a task's units, group titles and unit names (with aliases).
/// An empty query with filters lists every task the filters allow.
pub fn search<'a>(plan: &'a Plan, query: &str, filters: &Filters) -> SearchResults<'a> {
    search_indexed(plan, &SearchIndex::new(plan), query, filters)
}

/// [`search`] with the plan's [`SearchIndex`] built beforehand (the interface keeps one per plan).
pub fn search_indexed<'a>(
    plan: &'a Plan,
    index: &SearchIndex,
    query: &str,
    filters: &Filters,
) -> SearchResults<'a> {
    let terms = query_terms(query);
    let matches_all =
        |hay: Option<&String>| hay.is_some_and(|h| terms.iter().all(|t| h.contains(t.as_str())));
    let unit_id = filters
        .unit
        .as_deref()
        .map(|u| plan.unit(u).map(|u| u.id.clone()).unwrap_or_default());
    let tasks = plan
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| filters.group.is_none_or(|g| t.group == g))
        .filter(|(_, t)| match (&unit_id, filters.role) {
            (Some(id), Some(role)) => t.roles.get(role).iter().any(|r| &r.unit == id),
            (Some(id), None) => t.roles.iter().any(|(_, r)| &r.unit == id),
            (None, Some(role)) => !t.roles.get(role).is_empty(),
            (None, None) => true,
        })
        .filter(|(i, _)| terms.is_empty() || matches_all(index.tasks.get(*i)))
        .map(|(_, t)| t)
        .collect();
    if terms.is_empty() {
        return SearchResults {
            tasks,
            ..Default::default()
        };
    }
    let groups = plan
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| filters.group.is_none_or(|n| g.number == n))
        .filter(|(i, _)| matches_all(index.groups.get(*i)))
        .map(|(_, g)| g)
        .collect();
    let units = plan
        .units
        .iter()
        .enumerate()
        .filter(|(i, _)| matches_all(index.units.get(*i)))
        .map(|(_, u)| u)
        .collect();
    SearchResults {
        tasks,
        groups,
        units,
    }
}

/// A target's value as the source words it: "100个以上", "100亿元以上".
pub fn target_value_label(target: &super::Target) -> String {
    format!(
        "{}{}{}",
        crate::i18n::format_number(target.value),
        target.measure,
        target.bound.label_zh()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untitled_group_has_a_readable_heading() {
        let group = |numeral: &str, title: &str| Group {
            number: 1,
            numeral: numeral.into(),
            title: title.into(),
        };
        assert_eq!(group("一", "加强顶层设计").heading(), "(一)加强顶层设计");
        assert_eq!(group("", "").heading(), "全部任务");
        assert_eq!(group("", "重点任务").heading(), "重点任务");
    }

    #[test]
    fn role_counts_agree_with_each_units_duties() {
        let plan = crate::plan::seed::gansu();
        let counts = plan.role_counts();
        for unit in &plan.units {
            let expected = plan.duties(&unit.id).counts();
            assert_eq!(
                counts.get(unit.id.as_str()).copied().unwrap_or_default(),
                expected,
                "{}",
                unit.name
            );
        }
    }

    #[test]
    fn highlight_marks_every_occurrence_and_keeps_the_text() {
        let runs = highlight("知识产权港与知识产权", &query_terms("知识产权"));
        let text: String = runs.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(text, "知识产权港与知识产权");
        assert_eq!(
            runs,
            vec![
                ("知识产权".to_string(), true),
                ("港与".to_string(), false),
                ("知识产权".to_string(), true)
            ]
        );
    }

    #[test]
    fn highlight_matches_across_width_and_case() {
        let runs = highlight("ＩＰ港 ip", &query_terms("Ip"));
        assert_eq!(runs.iter().filter(|(_, m)| *m).count(), 2);
    }

    #[test]
    fn query_terms_split_on_ascii_and_ideographic_spaces() {
        assert_eq!(
            query_terms(" 兰州\u{3000}平台  ip "),
            vec!["兰州", "平台", "ip"]
        );
        assert!(query_terms("   ").is_empty());
    }
}
