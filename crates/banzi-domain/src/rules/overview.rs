//! R-STRUCT-1 of one date as a server keeps it between pages (issue 18): the city's profile,
//! and of each team only what counts and lists teams — its card's lights, its members and
//! their mean age. A team's whole profile and card ([`TeamProfile`]) are made when a page
//! shows the team, from the indexed registry and who held what that day (kept with it), the
//! same as [`super::structure`] makes them.
//!
//! Why: kept whole, the profiles and cards of a province's 40,000 teams were about 100 MB (a
//! dozen lists of labelled counts and six worded dimensions each), more than the indexed
//! registry; these are 1.5 MB, and who held what 8 MB.

use super::card::{Light, card};
use super::current::{Current, Now};
use super::structure::{Profile, TeamProfile, city_profile, mean_age, team_profile};
use super::{Facts, Params};
use crate::date::{Date, age_on};
use std::sync::Arc;

/// The keys of a card's dimensions (`card.<key>` in the catalog), in the card's order.
pub const CARD_DIMENSIONS: [&str; 6] = [
    "young",
    "woman",
    "non_cpc",
    "seats",
    "outside",
    "complement",
];

/// R-STRUCT-1 on one date: the city's profile and every team's lights, in unit code order
/// ([`overview`]); a team's profile and card with [`Overview::team`].
#[derive(Debug, Clone)]
pub struct Overview {
    pub as_of: Date,
    pub city: Profile,
    pub teams: Vec<TeamLights>,
    source: Arc<Source>,
}

/// What a team's profile is made from again.
#[derive(Debug)]
struct Source {
    facts: Arc<Facts>,
    params: Params,
    current: Current,
}

/// One team of an [`Overview`]: its card's lights, its members and their mean age.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TeamLights {
    /// The team's index in the facts.
    team: u32,
    /// The card's light (the team's).
    pub light: Light,
    /// Each dimension's light, by [`CARD_DIMENSIONS`]; none where the card has no such
    /// dimension (年轻干部 outside 市直单位 …).
    dimensions: [Option<Light>; CARD_DIMENSIONS.len()],
    pub members: u32,
    /// To one decimal; none without members.
    pub mean_age: Option<f64>,
}

impl TeamLights {
    /// The light of the card's dimension `key` ([`CARD_DIMENSIONS`]); none when the card has
    /// no such dimension.
    pub fn dimension(&self, key: &str) -> Option<Light> {
        let i = CARD_DIMENSIONS.iter().position(|k| *k == key)?;
        self.dimensions[i]
    }
}

/// R-STRUCT-1 and the team cards on `as_of`, kept as an [`Overview`]. The parameters are
/// those of the alerts.
pub fn overview(facts: &Arc<Facts>, params: &Params, as_of: Date) -> Overview {
    let facts = facts.joined_arc(params.join_gap_days);
    let now = Now::new(&facts, params, as_of);
    let city = city_profile(&now);
    let teams = (0..facts.teams.len() as u32)
        .map(|ti| {
            let card = card(&now, ti);
            let mut dimensions = [None; CARD_DIMENSIONS.len()];
            for d in &card.dimensions {
                if let Some(i) = CARD_DIMENSIONS.iter().position(|k| *k == d.key) {
                    dimensions[i] = Some(d.light);
                }
            }
            let members = now.members(ti);
            let ages: i64 = members
                .iter()
                .map(|m| i64::from(age_on(facts.cadre(m.cadre).birth, as_of)))
                .sum();
            TeamLights {
                team: ti,
                light: card.light,
                dimensions,
                members: members.len() as u32,
                mean_age: mean_age(ages, members.len() as u32),
            }
        })
        .collect();
    let current = now.into_current();
    Overview {
        as_of,
        city,
        teams,
        source: Arc::new(Source {
            facts,
            params: params.clone(),
            current,
        }),
    }
}

impl Overview {
    /// The team's profile and card, as [`super::structure`] has them.
    pub fn team(&self, t: &TeamLights) -> TeamProfile {
        let s = &*self.source;
        team_profile(
            &Now::with(&s.facts, &s.params, self.as_of, &s.current),
            t.team,
        )
    }

    /// The code of the team's unit.
    pub fn unit(&self, t: &TeamLights) -> &str {
        let f = &self.source.facts;
        f.text(f.unit(f.team(t.team).unit).code)
    }

    /// 班子名称 (blank for a unit's one team).
    pub fn team_name(&self, t: &TeamLights) -> &str {
        self.source.facts.team_name(t.team)
    }

    /// What a unit liaison sees: its own unit's teams, and no city profile.
    pub fn only_unit(&self, unit: &str) -> Overview {
        Overview {
            as_of: self.as_of,
            city: Profile::default(),
            teams: self
                .teams
                .iter()
                .filter(|t| self.unit(t) == unit)
                .copied()
                .collect(),
            source: self.source.clone(),
        }
    }
}
