//! The numbers beside the alert list: counts by rule and level, the R-STRUCT-2 ratio, the
//! R-TRAIN-2 count, and the size of what was checked.

use super::current::Now;
use super::params::Fraction;
use super::training::secondments;
use super::{Level, RULES, Raw};
use crate::date::age_on;

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LevelCounts {
    pub violation: usize,
    pub warning: usize,
    pub notice: usize,
}

impl LevelCounts {
    fn add(&mut self, l: Level) {
        match l {
            Level::Violation => self.violation += 1,
            Level::Warning => self.warning += 1,
            Level::Notice => self.notice += 1,
        }
    }
    pub fn get(&self, l: Level) -> usize {
        match l {
            Level::Violation => self.violation,
            Level::Warning => self.warning,
            Level::Notice => self.notice,
        }
    }
    pub fn total(&self) -> usize {
        self.violation + self.warning + self.notice
    }
}

/// Alerts of one rule, by level.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleCount {
    pub rule: &'static str,
    #[serde(flatten)]
    pub levels: LevelCounts,
}

/// R-STRUCT-2: city-department teams with a cadre "around 40", against the target; and the
/// plan figure (appointed this year under 40), reported only.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct YoungCadres {
    pub young_age: i32,
    /// Teams of units whose 单位类别 is 市直单位 (empty ones included: they lack one too).
    pub city_teams: usize,
    /// Of those, teams with a current member aged ≤ `young_age`.
    pub with_young: usize,
    pub target: Fraction,
    /// `with_young / city_teams ≥ target`, exactly (true when there is no such team).
    pub meets_target: bool,
    pub plan_age: i32,
    /// Distinct cadres who began a post (a new joined run) from 1 January to the as-of date.
    pub appointed_this_year: usize,
    /// Of those, aged under `plan_age` on the day they began it.
    pub appointed_under_plan_age: usize,
}

/// R-TRAIN-2.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Secondments {
    pub year: i16,
    /// 挂职 appointments starting from 1 January to the as-of date.
    pub count: usize,
    pub target: u32,
    pub meets_target: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub units: usize,
    pub teams: usize,
    pub teams_with_members: usize,
    pub posts: usize,
    /// Sum of 职数.
    pub seats: u64,
    /// Distinct cadres holding a post on the as-of date.
    pub cadres_in_post: usize,
    /// Posts with no 职务层次: left out of R-TERM-1's 15 years at one level.
    pub posts_without_level: usize,
    pub young: YoungCadres,
    pub secondments: Secondments,
    pub levels: LevelCounts,
    /// Every rule of [`RULES`], in that order, zero counts included.
    pub rules: Vec<RuleCount>,
}

pub(crate) fn build(now: &Now, alerts: &[&Raw]) -> Summary {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    let mut levels = LevelCounts::default();
    let mut rules: Vec<RuleCount> = RULES
        .iter()
        .map(|r| RuleCount {
            rule: r,
            levels: LevelCounts::default(),
        })
        .collect();
    for a in alerts {
        levels.add(a.level);
        rules[a.rule as usize].levels.add(a.level);
    }
    let mut city_teams = 0;
    let mut with_young = 0;
    let mut teams_with_members = 0;
    for (ti, t) in f.teams.iter().enumerate() {
        let members = now.members(ti as u32);
        teams_with_members += usize::from(!members.is_empty());
        if f.unit(t.unit).city_department {
            city_teams += 1;
            with_young += usize::from(members.iter().any(|m| now.age(m.cadre) <= p.young_age));
        }
    }
    let new_year = as_of.first_of_year();
    let mut began: Vec<(u32, bool)> = f
        .new_runs
        .iter()
        .filter(|x| new_year <= x.0 && x.0 <= as_of)
        .map(|&(d, c)| (c, age_on(f.cadre(c).birth, d) < p.plan_age))
        .collect();
    // A cadre counts once; under the plan age if any new post began under it.
    began.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    began.dedup_by_key(|x| x.0);
    let count = secondments(f, as_of);
    Summary {
        units: f.units.len(),
        teams: f.teams.len(),
        teams_with_members,
        posts: f.posts.len(),
        seats: f.posts.iter().map(|p| u64::from(p.seats)).sum(),
        cadres_in_post: now.holders.len(),
        posts_without_level: f.posts.iter().filter(|p| p.level.is_none()).count(),
        young: YoungCadres {
            young_age: p.young_age,
            city_teams,
            with_young,
            target: p.young_team_ratio,
            meets_target: p.young_team_ratio.reached(with_young, city_teams),
            plan_age: p.plan_age,
            appointed_this_year: began.len(),
            appointed_under_plan_age: began.iter().filter(|x| x.1).count(),
        },
        secondments: Secondments {
            year: as_of.year(),
            count,
            target: p.secondment_target,
            meets_target: count >= p.secondment_target as usize,
        },
        levels,
        rules,
    }
}
