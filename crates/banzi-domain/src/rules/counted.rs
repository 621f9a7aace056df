//! The members a structure profile counts (R-STRUCT-1), each with the label it is counted
//! under in every dimension, so that a number of the dashboard opens a list of exactly the
//! members it counts, whatever the dimension (来源 and 任现职时间 included) and whatever the
//! team (one of several in a unit included). The labels come from the functions the profile
//! counts with, so a list and its number cannot disagree.

use super::composition::age_band;
use super::current::{Member, Now};
use super::structure::{
    SOURCES, TENURE_BANDS, UNKNOWN, band_label, city_members, generation, generation_label,
    source_of, tenure_of, top_education,
};
use super::{Facts, Params};
use crate::date::{Date, age_on};

/// The dimensions a member is counted in, by the ids of the dashboard's charts.
pub const DIMENSIONS: [&str; 10] = [
    "age",
    "gender",
    "generation",
    "ethnicity",
    "party",
    "ft_edu",
    "top_edu",
    "profession",
    "source",
    "tenure",
];

/// One member as a profile counts them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Counted {
    /// 身份证号.
    pub cadre: String,
    pub name: String,
    /// The unit of the first post held (in post code order).
    pub unit: String,
    /// The posts held that the profile counts (the team's, or all for the city), full names.
    pub posts: Vec<String>,
    /// Start of the tenure counted (任现职时间).
    pub since: Date,
    pub age: i32,
    /// The label in each of [`DIMENSIONS`], in that order, as the profile shows it.
    pub labels: [String; DIMENSIONS.len()],
}

impl Counted {
    /// The label in dimension `dim`; `None` for an unknown dimension.
    pub fn label(&self, dim: &str) -> Option<&str> {
        let i = DIMENSIONS.iter().position(|d| *d == dim)?;
        Some(self.labels[i].as_str())
    }
}

/// Who the profile of the city (`team` is `None`) or of the team (unit code, 班子名称)
/// counts on `as_of`, by their first post's code, then name. `None` when there is no such
/// team.
pub fn counted(
    facts: &Facts,
    params: &Params,
    as_of: Date,
    team: Option<(&str, &str)>,
) -> Option<Vec<Counted>> {
    let joined = facts.joined(params.join_gap_days);
    let facts: &Facts = &joined;
    let now = Now::new(facts, params, as_of);
    let (members, team): (Vec<Member>, Option<u32>) = match team {
        None => (city_members(&now).collect(), None),
        Some((unit, name)) => {
            let ti = facts.teams.iter().enumerate().position(|(ti, t)| {
                facts.text(facts.unit(t.unit).code) == unit && facts.team_name(ti as u32) == name
            })? as u32;
            (now.members(ti).to_vec(), Some(ti))
        }
    };
    let mut rows: Vec<(u32, Counted)> = members.iter().map(|m| one(&now, m, team)).collect();
    rows.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.name.cmp(&y.name)));
    Some(rows.into_iter().map(|(_, c)| c).collect())
}

/// A member with the index of their first post, for sorting.
fn one(now: &Now, m: &Member, team: Option<u32>) -> (u32, Counted) {
    let f = now.f;
    let as_of = now.as_of;
    let c = f.cadre(m.cadre);
    let mut posts: Vec<u32> = now
        .holders
        .binary_search_by_key(&m.cadre, |h| h.0)
        .map(|at| {
            now.held(now.holders[at].1)
                .map(|(_, a)| a.post)
                .filter(|&p| team.is_none_or(|t| f.post(p).team == t))
                .collect()
        })
        .unwrap_or_default();
    posts.sort_unstable();
    posts.dedup();
    let first = posts.first().copied().unwrap_or(u32::MAX);
    let word = |w: u32| match f.word(w) {
        "" => UNKNOWN.to_string(),
        s => s.to_string(),
    };
    let edu = |e: Option<crate::codes::Education>| e.map_or(UNKNOWN, |e| e.label()).to_string();
    let age = age_on(c.birth, as_of);
    let counted = Counted {
        cadre: f.text(c.id).to_string(),
        name: f.text(c.name).to_string(),
        unit: posts
            .first()
            .map(|&p| f.unit_name(f.post(p).unit).to_string())
            .unwrap_or_default(),
        posts: posts.iter().map(|&p| f.post_name(p)).collect(),
        since: m.since,
        age,
        labels: [
            band_label(age_band(age)),
            c.gender.label().to_string(),
            generation_label(generation(c)),
            word(c.ethnicity),
            c.party.label().to_string(),
            edu(c.ft_education),
            edu(top_education(c)),
            word(c.profession),
            SOURCES[source_of(c, m.outside, as_of)].to_string(),
            TENURE_BANDS[tenure_of(m.since, as_of)].to_string(),
        ],
    };
    (first, counted)
}
