//! URL hash ⇄ [`Route`]. Hash routing because it works on every static host, under any sub-path and from
//! `file://`, where leptos_router's path routing cannot. Parsing is total: any hash maps to a route, unknown
//! ones to [`Route::NotFound`], so a mistyped link shows a page that says so instead of a blank screen.

use crate::plan::Role;
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// Characters escaped inside one path segment or query value. CJK stays readable after the browser decodes it.
const COMPONENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'/')
    .add(b'<')
    .add(b'=')
    .add(b'>')
    .add(b'?')
    .add(b'`');

/// Every page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Overview,
    Group(u32),
    Task(u32),
    Units,
    Unit(String),
    Matrix(MatrixSort),
    Search(SearchQuery),
    Targets,
    Data,
    /// 同步: the shared WebDAV folder, its account and the devices seen.
    Sync,
    History,
    Print,
    /// Paste or open a plan text, preview what the importer reads, save it as a new plan.
    Import,
    /// The plans in this browser; `?open={id}` switches to one, so a link can name the plan it is about.
    Plans(Option<String>),
    /// 报送: my unit's tasks for the period under review, and sealing the report into a file.
    Report,
    /// 汇总督办: the coordinating office's table of units × periods, submissions dropped in, reviews, 催办.
    Collect(CollectQuery),
    /// 通报 for one period (`2020-04`, `2020-Q2`).
    Bulletin(String),
    NotFound(String),
}

/// What the 汇总 page shows: one submission opened (`unit`, `period`), or only the units still missing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CollectQuery {
    pub unit: Option<String>,
    pub period: Option<String>,
    /// 未报送 only, with the 催办 reminders.
    pub missing: bool,
}

/// How the responsibility matrix orders its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixSort {
    /// The order units first appear in the plan.
    #[default]
    Plan,
    /// By unit name (Unicode order, which groups 省… and 兰州… together).
    Name,
    /// Most tasks first.
    Load,
}

impl MatrixSort {
    pub const ALL: [MatrixSort; 3] = [MatrixSort::Plan, MatrixSort::Name, MatrixSort::Load];

    pub fn slug(self) -> &'static str {
        match self {
            MatrixSort::Plan => "plan",
            MatrixSort::Name => "name",
            MatrixSort::Load => "load",
        }
    }

    fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.slug() == s)
    }
}

/// Search text and filters; all of it lives in the URL so a filtered view can be shared.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    pub q: String,
    pub unit: Option<String>,
    pub role: Option<Role>,
    pub group: Option<u32>,
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect();
        let params = parse_query(query);
        let param = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        match segments.iter().map(String::as_str).collect::<Vec<_>>()[..] {
            [] => Route::Overview,
            ["group", n] => n
                .parse()
                .map(Route::Group)
                .unwrap_or_else(|_| not_found(hash)),
            ["task", n] => n
                .parse()
                .map(Route::Task)
                .unwrap_or_else(|_| not_found(hash)),
            ["units"] => Route::Units,
            ["unit", id] if !id.is_empty() => Route::Unit(id.to_string()),
            ["matrix"] => Route::Matrix(
                param("sort")
                    .and_then(|s| MatrixSort::from_slug(&s))
                    .unwrap_or_default(),
            ),
            ["search"] => Route::Search(SearchQuery {
                q: param("q").unwrap_or_default(),
                unit: param("unit").filter(|u| !u.is_empty()),
                role: param("role").and_then(|r| Role::from_slug(&r)),
                group: param("group").and_then(|g| g.parse().ok()),
            }),
            ["targets"] => Route::Targets,
            ["data"] => Route::Data,
            ["sync"] => Route::Sync,
            ["history"] => Route::History,
            ["print"] => Route::Print,
            ["import"] => Route::Import,
            ["plans"] => Route::Plans(param("open").filter(|id| !id.is_empty())),
            ["report"] => Route::Report,
            ["bulletin", p] if crate::journal::Period::parse(p).is_some() => {
                Route::Bulletin(p.to_string())
            }
            ["collect"] => Route::Collect(CollectQuery {
                unit: param("unit").filter(|u| !u.is_empty()),
                period: param("period").filter(|p| !p.is_empty()),
                missing: param("filter").as_deref() == Some("missing"),
            }),
            _ => not_found(hash),
        }
    }

    /// The hash for this route, starting with `#/`; `Route::parse(&r.to_hash()) == r` for every route.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Overview => "#/".into(),
            Route::Group(n) => format!("#/group/{n}"),
            Route::Task(n) => format!("#/task/{n}"),
            Route::Units => "#/units".into(),
            Route::Unit(id) => format!("#/unit/{}", encode(id)),
            Route::Matrix(MatrixSort::Plan) => "#/matrix".into(),
            Route::Matrix(sort) => format!("#/matrix?sort={}", sort.slug()),
            Route::Search(query) => {
                let mut pairs = vec![("q", query.q.clone())];
                if let Some(unit) = &query.unit {
                    pairs.push(("unit", unit.clone()));
                }
                if let Some(role) = query.role {
                    pairs.push(("role", role.slug().to_string()));
                }
                if let Some(group) = query.group {
                    pairs.push(("group", group.to_string()));
                }
                let query: Vec<String> = pairs
                    .into_iter()
                    .map(|(k, v)| format!("{k}={}", encode(&v)))
                    .collect();
                format!("#/search?{}", query.join("&"))
            }
            Route::Targets => "#/targets".into(),
            Route::Data => "#/data".into(),
            Route::Sync => "#/sync".into(),
            Route::History => "#/history".into(),
            Route::Print => "#/print".into(),
            Route::Import => "#/import".into(),
            Route::Plans(None) => "#/plans".into(),
            Route::Plans(Some(id)) => format!("#/plans?open={}", encode(id)),
            Route::Report => "#/report".into(),
            Route::Bulletin(p) => format!("#/bulletin/{}", encode(p)),
            Route::Collect(q) => {
                let mut pairs = Vec::new();
                if q.missing {
                    pairs.push(("filter", "missing".to_string()));
                }
                if let Some(p) = &q.period {
                    pairs.push(("period", p.clone()));
                }
                if let Some(u) = &q.unit {
                    pairs.push(("unit", u.clone()));
                }
                let query: Vec<String> = pairs
                    .into_iter()
                    .map(|(k, v)| format!("{k}={}", encode(&v)))
                    .collect();
                if query.is_empty() {
                    "#/collect".into()
                } else {
                    format!("#/collect?{}", query.join("&"))
                }
            }
            Route::NotFound(raw) => format!("#{raw}"),
        }
    }
}

fn not_found(hash: &str) -> Route {
    Route::NotFound(hash.to_string())
}

/// Percent-encodes one path segment or query value.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Decodes a segment or value; `+` means space as in form encoding; invalid UTF-8 is replaced, not rejected.
fn decode(value: &str) -> String {
    percent_decode_str(&value.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_hash() {
        let routes = [
            Route::Overview,
            Route::Group(2),
            Route::Task(6),
            Route::Units,
            Route::Unit("自创区、试验区领导小组各成员单位".into()),
            Route::Unit("a/b?c&d=e#f%g+h i".into()),
            Route::Matrix(MatrixSort::Plan),
            Route::Matrix(MatrixSort::Load),
            Route::Search(SearchQuery::default()),
            Route::Search(SearchQuery {
                q: "知识产权 & 平台".into(),
                unit: Some("省科技厅".into()),
                role: Some(Role::Cooperating),
                group: Some(3),
            }),
            Route::Targets,
            Route::Data,
            Route::Sync,
            Route::History,
            Route::Print,
            Route::Import,
            Route::Plans(None),
            Route::Plans(Some("plan-2021-ffc64a76".into())),
            Route::Plans(Some("a&b=c#d".into())),
            Route::Report,
            Route::Bulletin("2020-04".into()),
            Route::Bulletin("2020-Q2".into()),
            Route::Collect(CollectQuery::default()),
            Route::Collect(CollectQuery {
                unit: Some("白银市".into()),
                period: Some("2020-04".into()),
                missing: false,
            }),
            Route::Collect(CollectQuery {
                missing: true,
                ..Default::default()
            }),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.to_hash()), route, "{}", route.to_hash());
        }
    }

    #[test]
    fn browser_encoded_cjk_is_decoded() {
        assert_eq!(
            Route::parse("#/unit/%E7%9C%81%E7%A7%91%E6%8A%80%E5%8E%85"),
            Route::Unit("省科技厅".into())
        );
        assert_eq!(
            Route::parse("#/search?q=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83"),
            Route::Search(SearchQuery {
                q: "知识产权".into(),
                ..Default::default()
            })
        );
    }

    #[test]
    fn empty_and_bare_hashes_are_the_overview() {
        for hash in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::parse(hash), Route::Overview, "{hash:?}");
        }
    }

    #[test]
    fn unknown_or_malformed_hashes_are_not_found() {
        for hash in [
            "#/task/six",
            "#/task/-1",
            "#/nowhere",
            "#/group/",
            "#/task/6/extra",
            "#/bulletin/2020-13",
            "#/bulletin",
        ] {
            assert!(
                matches!(Route::parse(hash), Route::NotFound(_)),
                "{hash:?} → {:?}",
                Route::parse(hash)
            );
        }
    }

    #[test]
    fn bad_filter_values_are_dropped_not_fatal() {
        let Route::Search(query) = Route::parse("#/search?q=x&role=boss&group=two&unit=") else {
            panic!("a search with bad filters is still a search");
        };
        assert_eq!(query.q, "x");
        assert_eq!((query.role, query.group, query.unit), (None, None, None));
        assert_eq!(
            Route::parse("#/matrix?sort=sideways"),
            Route::Matrix(MatrixSort::Plan)
        );
    }

    #[test]
    fn an_empty_plan_to_open_is_the_plan_list() {
        assert_eq!(Route::parse("#/plans?open="), Route::Plans(None));
        assert_eq!(Route::parse("#/plans?other=1"), Route::Plans(None));
        assert_eq!(
            Route::parse("#/plans?open=gansu-2020-shuangqu"),
            Route::Plans(Some("gansu-2020-shuangqu".into()))
        );
        assert!(matches!(Route::parse("#/import/x"), Route::NotFound(_)));
    }

    #[test]
    fn invalid_percent_sequences_do_not_panic() {
        assert_eq!(
            Route::parse("#/unit/%E7%9C"),
            Route::Unit("\u{FFFD}".into())
        );
        assert_eq!(Route::parse("#/unit/%zz"), Route::Unit("%zz".into()));
    }
}
