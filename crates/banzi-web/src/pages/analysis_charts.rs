//! The charts of a structure profile (R-STRUCT-1): each is a table of numbers in the page
//! (it works without script, and tests read it) and the same numbers as JSON, which
//! `static/analysis.js` draws with ECharts. A number links to the list it counts where a
//! list can show it: the cadre list, `in_post` on the as-of date (in the team's unit on a
//! team view), for gender, age (reckoned on that date), party, 全日制学历, 最高学历, 民族 and
//! 专业领域 (未填 as `__blank__`), so that the list shows the same number. Source and tenure
//! have no such list: they open the alerts of their rule (R-STRUCT-5, R-TERM-1), which do not
//! count the same cadres. A team of a unit with several teams has no list of its own (the
//! cadre list filters by unit), so its numbers are not linked.

use super::analysis::AsOf;
use crate::auth::encode;
use crate::i18n::Tr;
use banzi_domain::rules::{Count, Level, Profile, RuleCount, UNKNOWN};
use banzi_store::BLANK;

/// Which cadre lists the numbers of a profile open.
#[derive(Clone, Copy)]
pub enum Lists<'a> {
    /// The city's: everyone in post on the date.
    City,
    /// One unit's (a team view of a unit with one team).
    Unit(&'a str),
    /// None (a team the cadre list cannot single out).
    None,
}

/// One chart. `series` and `categories` are what the script draws; `rows` what the table
/// shows (the same numbers, by category).
#[derive(serde::Serialize)]
pub struct Chart {
    /// `pyramid`, `age` …: the element ids are `chart-{id}` and `table-{id}`.
    pub id: &'static str,
    pub title: String,
    /// `bar`, `hbar` (long labels), `pyramid` (first series drawn to the left), `stack`.
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

fn band_label(tr: &Tr, label: &str) -> String {
    match band_bounds(label) {
        Some((lo, hi)) => tr.f("analysis.age_band", &format!("{lo}-{hi}")),
        None => label.to_string(),
    }
}

/// The cadre list of the cadres in post on the page's date (in the unit of `lists`) with
/// the given filters; empty when there is no such list.
fn in_post_link(lists: Lists, as_of: &AsOf, filters: &[(&str, &str)]) -> String {
    let day = as_of.date.to_string();
    let mut pairs = match lists {
        Lists::None => return String::new(),
        Lists::City => vec![("in_post", day.as_str())],
        Lists::Unit(u) => vec![("unit", u), ("in_post", day.as_str())],
    };
    pairs.extend_from_slice(filters);
    cadres_link(&pairs)
}

/// The filter value of a profile label: a blank value is asked for as [`BLANK`].
fn filter_value(label: &str) -> &str {
    if label == UNKNOWN { BLANK } else { label }
}

/// The cadre list of an age band, ages reckoned on the page's date (as the list does with
/// `in_post`).
fn band_link(lists: Lists, as_of: &AsOf, label: &str, gender: Option<&str>) -> String {
    match band_bounds(label) {
        Some((lo, hi)) => {
            let mut pairs = vec![("age_min", lo), ("age_max", hi)];
            if let Some(g) = gender {
                pairs.insert(0, ("gender", g));
            }
            in_post_link(lists, as_of, &pairs)
        }
        None => String::new(),
    }
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
    let side = |gender: &str, n: fn(&banzi_domain::rules::BandByGender) -> u32| -> Vec<Cell> {
        p.pyramid
            .iter()
            .map(|b| Cell {
                n: u64::from(n(b)),
                link: band_link(lists, as_of, &b.band, Some(gender)),
            })
            .collect()
    };
    let age_links = |c: &Count| band_link(lists, as_of, &c.label, None);
    // A chart of one series of counts: the bars' labels, and where each bar leads.
    let one = |id, key: &str, kind, names, counts: &[Count], link: &dyn Fn(&Count) -> String| {
        Chart::new(id, t(key), kind, names)
            .series(t("analysis.members"), "", plain(counts, link))
            .done()
    };
    let words = |counts: &[Count]| labels(counts, |l| v(l));
    let to_cadres = |key: &'static str| {
        move |c: &Count| in_post_link(lists, as_of, &[(key, filter_value(&c.label))])
    };
    let to_alerts = |rule: &'static str| move |_: &Count| alerts_link(rule, None, as_of);
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
        one(
            "age",
            "analysis.age_bands",
            "bar",
            bands,
            &p.age_bands,
            &age_links,
        ),
        one(
            "gender",
            "analysis.gender",
            "bar",
            words(&p.gender),
            &p.gender,
            &to_cadres("gender"),
        ),
        one(
            "ft_edu",
            "analysis.ft_education",
            "bar",
            words(&p.ft_education),
            &p.ft_education,
            &to_cadres("ft_education"),
        ),
        one(
            "top_edu",
            "analysis.top_education",
            "bar",
            words(&p.highest_education),
            &p.highest_education,
            &to_cadres("top_education"),
        ),
        one(
            "party",
            "analysis.party",
            "hbar",
            words(&p.party),
            &p.party,
            &to_cadres("party"),
        ),
        one(
            "ethnicity",
            "analysis.ethnicity",
            "hbar",
            words(&p.ethnicity),
            &p.ethnicity,
            &to_cadres("ethnicity"),
        ),
        one(
            "profession",
            "analysis.profession",
            "hbar",
            words(&p.profession),
            &p.profession,
            &to_cadres("profession"),
        ),
        one(
            "source",
            "analysis.source",
            "bar",
            sources,
            &p.source,
            &to_alerts("R-STRUCT-5"),
        ),
        one(
            "tenure",
            "analysis.tenure",
            "bar",
            tenures,
            &p.tenure,
            &to_alerts("R-TERM-1"),
        ),
    ]
}

/// Alerts by rule, one stacked series per level; every bar leads to its list.
pub fn alerts_chart(tr: &Tr, rules: &[RuleCount], as_of: &AsOf) -> Chart {
    let colors = ["#d9342b", "#f0ad4e", "#8c8c8c"];
    let mut c = Chart::new(
        "alerts",
        tr.t("analysis.alerts_by_rule").to_string(),
        "stack",
        rules.iter().map(|r| r.rule.to_string()).collect(),
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
