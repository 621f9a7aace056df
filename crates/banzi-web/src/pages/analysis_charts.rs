//! The charts of a structure profile (R-STRUCT-1): each is a table of numbers in the page
//! (it works without script, and tests read it) and the same numbers as JSON, which
//! `static/analysis.js` draws with ECharts. Every number links to the list of what it
//! counts:
//!
//! - the city's, or a unit's with one team: gender, age (reckoned on that date), party,
//!   全日制学历, 最高学历, 民族 and 专业领域 (未填 as `__blank__`) open the cadre list,
//!   `in_post` on the as-of date (in the team's unit);
//! - 来源 and 任现职时间, which the cadre list cannot filter, and every number of a team of
//!   a unit with several teams (the cadre list filters by unit, not team), open the list of
//!   members the profile counts (`/analysis/members`, from `rules::counted`).

use super::analysis::AsOf;
use crate::auth::encode;
use crate::i18n::Tr;
use banzi_domain::rules::{Count, Level, Profile, RuleCount, UNKNOWN};
use banzi_store::BLANK;

/// Whose numbers a profile shows, and so which lists they open.
#[derive(Clone, Copy)]
pub enum Lists<'a> {
    /// The city's: everyone in post on the date.
    City,
    /// The one team of a unit (unit code, 班子名称): the cadre list of the unit.
    Unit(&'a str, &'a str),
    /// A team of a unit with several (unit code, 班子名称): the cadre list cannot single it
    /// out, so every number opens the team's counted members.
    Team(&'a str, &'a str),
}

/// One chart. `series` and `categories` are what the script draws; `rows` what the table
/// shows (the same numbers, by category).
#[derive(serde::Serialize)]
pub struct Chart {
    /// `pyramid`, `age` …: the element ids are `chart-{id}` and `table-{id}`.
    pub id: &'static str,
    pub title: String,
    /// `bar`, `hbar` (long labels), `pyramid` (first series drawn to the left), `hstack`
    /// (stacked, horizontal: long labels).
    pub kind: &'static str,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    #[serde(skip)]
    pub rows: Vec<Row>,
}

#[derive(serde::Serialize)]
pub struct Series {
    pub name: String,
    /// A colour for the series, or empty for the palette's.
    pub color: &'static str,
    pub values: Vec<u64>,
    /// Where each bar leads; empty for none.
    pub links: Vec<String>,
}

/// A row of a chart's table.
pub struct Row {
    pub label: String,
    pub cells: Vec<Cell>,
}

/// A number and the list it counts (empty: no list shows it).
pub struct Cell {
    pub n: u64,
    pub link: String,
}

impl Chart {
    fn new(id: &'static str, title: String, kind: &'static str, categories: Vec<String>) -> Self {
        Chart {
            id,
            title,
            kind,
            categories,
            series: Vec::new(),
            rows: Vec::new(),
        }
    }

    fn series(mut self, name: String, color: &'static str, cells: Vec<Cell>) -> Self {
        self.series.push(Series {
            name,
            color,
            values: cells.iter().map(|c| c.n).collect(),
            links: cells.iter().map(|c| c.link.clone()).collect(),
        });
        self
    }

    /// Fills the table from the series.
    fn done(mut self) -> Self {
        self.rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, label)| Row {
                label: label.clone(),
                cells: self
                    .series
                    .iter()
                    .map(|s| Cell {
                        n: s.values[i],
                        link: s.links[i].clone(),
                    })
                    .collect(),
            })
            .collect();
        self
    }
}

/// `/cadres?…` with the given filters, encoded.
pub fn cadres_link(pairs: &[(&str, &str)]) -> String {
    let q: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("/cadres?{}", q.join("&"))
}

/// `/alerts?…` of one rule (all when blank) and level, at the page's date.
pub fn alerts_link(rule: &str, level: Option<Level>, as_of: &AsOf) -> String {
    let mut q = Vec::new();
    if !rule.is_empty() {
        q.push(format!("rule={}", encode(rule)));
    }
    if let Some(l) = level {
        q.push(format!("level={}", l.key()));
    }
    if let Some(d) = as_of.param() {
        q.push(format!("as_of={d}"));
    }
    if q.is_empty() {
        "/alerts".into()
    } else {
        format!("/alerts?{}", q.join("&"))
    }
}

/// The numbers of a 5-year band label (`40-44岁` → (40, 44)).
fn band_bounds(label: &str) -> Option<(&str, &str)> {
    let digits = label.trim_end_matches(|c: char| !c.is_ascii_digit());
    let (lo, hi) = digits.split_once('-')?;
    Some((lo, hi))
}

pub fn band_label(tr: &Tr, label: &str) -> String {
    match band_bounds(label) {
        Some((lo, hi)) => tr.f("analysis.age_band", &format!("{lo}-{hi}")),
        None => label.to_string(),
    }
}

/// The list behind a number counted under `dims` (ids of `rules::DIMENSIONS` with the
/// profile's labels): the cadre list in post on the page's date where it can show it, the
/// counted members otherwise.
fn number_link(lists: Lists, as_of: &AsOf, dims: &[(&str, &str)]) -> String {
    let cadre_list = !matches!(lists, Lists::Team(..))
        && dims.iter().all(|(d, _)| !matches!(*d, "source" | "tenure"));
    if !cadre_list {
        return members_link(lists, as_of, dims);
    }
    let day = as_of.date.to_string();
    let mut pairs = match lists {
        Lists::Unit(u, _) => vec![("unit", u), ("in_post", day.as_str())],
        _ => vec![("in_post", day.as_str())],
    };
    for &(dim, label) in dims {
        match dim {
            "age" => match band_bounds(label) {
                Some((lo, hi)) => pairs.extend([("age_min", lo), ("age_max", hi)]),
                None => return String::new(),
            },
            "ft_edu" => pairs.push(("ft_education", filter_value(label))),
            "top_edu" => pairs.push(("top_education", filter_value(label))),
            _ => pairs.push((dim, filter_value(label))),
        }
    }
    cadres_link(&pairs)
}

/// `/analysis/members?…`: the members the profile of `lists` counts under `dims`.
pub fn members_link(lists: Lists, as_of: &AsOf, dims: &[(&str, &str)]) -> String {
    let mut q = Vec::new();
    if let Lists::Unit(u, t) | Lists::Team(u, t) = lists {
        q.push(format!("unit={}&team={}", encode(u), encode(t)));
    }
    q.push(format!("as_of={}", as_of.date));
    q.extend(dims.iter().map(|(d, l)| format!("{d}={}", encode(l))));
    format!("/analysis/members?{}", q.join("&"))
}

/// The filter value of a profile label: a blank value is asked for as [`BLANK`].
fn filter_value(label: &str) -> &str {
    if label == UNKNOWN { BLANK } else { label }
}

fn plain(counts: &[Count], link: impl Fn(&Count) -> String) -> Vec<Cell> {
    counts
        .iter()
        .map(|c| Cell {
            n: u64::from(c.count),
            link: link(c),
        })
        .collect()
}

fn labels(counts: &[Count], show: impl Fn(&str) -> String) -> Vec<String> {
    counts.iter().map(|c| show(&c.label)).collect()
}

/// The charts of a profile; `lists` says which cadre lists its numbers open.
pub fn profile_charts(tr: &Tr, p: &Profile, as_of: &AsOf, lists: Lists) -> Vec<Chart> {
    let t = |k: &str| tr.t(k).to_string();
    let v = |l: &str| tr.v(l).to_string();
    let men_label = p.gender.first().map_or("", |c| c.label.as_str());
    let women_label = p.gender.get(1).map_or("", |c| c.label.as_str());
    let bands: Vec<String> = p.pyramid.iter().map(|b| band_label(tr, &b.band)).collect();
    let link = |dims: &[(&str, &str)]| number_link(lists, as_of, dims);
    let side = |gender: &str, n: fn(&banzi_domain::rules::BandByGender) -> u32| -> Vec<Cell> {
        p.pyramid
            .iter()
            .map(|b| Cell {
                n: u64::from(n(b)),
                link: link(&[("age", &b.band), ("gender", gender)]),
            })
            .collect()
    };
    // A chart of one series of counts: the bars' labels, and where each bar leads.
    let one = |id: &'static str, key: &str, kind, names, counts: &[Count]| {
        let to_list = |c: &Count| link(&[(id, &c.label)]);
        Chart::new(id, t(key), kind, names)
            .series(t("analysis.members"), "", plain(counts, to_list))
            .done()
    };
    let words = |counts: &[Count]| labels(counts, |l| v(l));
    let sources = ["local", "outside", "grassroots"]
        .iter()
        .take(p.source.len())
        .map(|k| t(&format!("analysis.source_{k}")))
        .collect();
    let tenures = (0..p.tenure.len())
        .map(|i| t(&format!("analysis.tenure_{i}")))
        .collect();
    vec![
        Chart::new("pyramid", t("analysis.pyramid"), "pyramid", bands.clone())
            .series(v(men_label), "#5470c6", side(men_label, |b| b.men))
            .series(v(women_label), "#ee6666", side(women_label, |b| b.women))
            .done(),
        one("age", "analysis.age_bands", "bar", bands, &p.age_bands),
        one(
            "gender",
            "analysis.gender",
            "bar",
            words(&p.gender),
            &p.gender,
        ),
        one(
            "ft_edu",
            "analysis.ft_education",
            "bar",
            words(&p.ft_education),
            &p.ft_education,
        ),
        one(
            "top_edu",
            "analysis.top_education",
            "bar",
            words(&p.highest_education),
            &p.highest_education,
        ),
        one("party", "analysis.party", "hbar", words(&p.party), &p.party),
        one(
            "ethnicity",
            "analysis.ethnicity",
            "hbar",
            words(&p.ethnicity),
            &p.ethnicity,
        ),
        one(
            "profession",
            "analysis.profession",
            "hbar",
            words(&p.profession),
            &p.profession,
        ),
        one("source", "analysis.source", "bar", sources, &p.source),
        one("tenure", "analysis.tenure", "bar", tenures, &p.tenure),
    ]
}

/// Alerts by rule, one stacked series per level; every bar leads to its list.
pub fn alerts_chart(tr: &Tr, rules: &[RuleCount], as_of: &AsOf) -> Chart {
    let colors = ["#d9342b", "#f0ad4e", "#8c8c8c"];
    let mut c = Chart::new(
        "alerts",
        tr.t("analysis.alerts_by_rule").to_string(),
        "hstack",
        rules
            .iter()
            .map(|r| super::analysis::rule_title(tr, r.rule).to_string())
            .collect(),
    );
    for (level, color) in Level::ALL.into_iter().zip(colors) {
        let cells = rules
            .iter()
            .map(|r| Cell {
                n: r.levels.get(level) as u64,
                link: alerts_link(r.rule, Some(level), as_of),
            })
            .collect();
        c = c.series(
            tr.t(&format!("level.{}", level.key())).to_string(),
            color,
            cells,
        );
    }
    c.done()
}

#[cfg(test)]
mod tests {
    #[test]
    fn band_labels_give_their_ages() {
        assert_eq!(super::band_bounds("40-44岁"), Some(("40", "44")));
        assert_eq!(super::band_bounds("x"), None);
        assert_eq!(
            super::cadres_link(&[("gender", "女"), ("age_min", "40")]),
            "/cadres?gender=%E5%A5%B3&age_min=40"
        );
    }
}
