//! 任职资格 — R-SEL-6 (《党政领导干部选拔任用工作条例》第八条、第九条), checked from the registry
//! when a candidate is named.
//!
//! For a post of 县处级 and above (副处级 or higher 职务层次):
//! - `sel.service_years` *(param, 5)* years since 参加工作时间;
//! - `sel.grassroots_years` *(param, 2)* years at grassroots units. The registry knows
//!   only the posts it holds: time at posts of units whose 单位类别 is 乡镇(街道),
//!   县(市、区) or 企事业单位 counts (the 条例's 基层 is 县级以下党政机关 and 企事业单位).
//!
//! For any post with a 职务层次, when it is a promotion (the cadre has held no post at that
//! level or higher): time at the level just below, a parameter per level promoted to
//! (`sel.below_*`: 3 years at a 正职 level before the 副职 above it — 正科 → 副处, 正处 → 副厅
//! — and 2 at a 副职 level before the 正职 of it — 副处 → 正处, as 条例第九条 says).
//!
//! For every post: 大学专科 or higher (第八条); not at the statutory retirement (R-AGE-1) on
//! the day, by the rank group of the post.
//!
//! Time at a level adds every stretch held (joined as M1 joins periods, overlaps counted
//! once), counted in whole days to the day.

use crate::Date;
use crate::appointment::{Period, join_periods};
use crate::codes::{Education, Gender, PostKind, PostLevel};
use crate::date::{add_years, epoch_day};
use crate::message;
use crate::msg::{Arg, Msg};
use crate::rules::{Params, level_group, retirement_by};

/// A post the cadre held (or holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldPost {
    pub start: Date,
    pub end: Option<Date>,
    pub kind: PostKind,
    pub level: Option<PostLevel>,
    /// The unit is at the grassroots (乡镇(街道), 县(市、区), 企事业单位).
    pub grassroots: bool,
}

/// What R-SEL-6 reads of a cadre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EligibilityFacts {
    pub birth_date: Date,
    pub gender: Gender,
    pub work_started: Option<Date>,
    /// The highest of 全日制 and 在职 学历.
    pub education: Option<Education>,
    pub held: Vec<HeldPost>,
}

/// An unmet condition of R-SEL-6.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// Fewer years of work than needed (or 参加工作时间 unknown: `have` none).
    Service { need: u32, have: Option<u32> },
    /// Fewer years at the grassroots.
    Grassroots { need: u32, have: u32 },
    /// Fewer years at the level below.
    LowerLevel {
        level: PostLevel,
        need: u32,
        have: u32,
    },
    /// Below 大学专科 (or none recorded).
    Education { have: Option<Education> },
    /// At or past the statutory retirement on the day.
    Age { due: Date },
}

impl Condition {
    pub fn message(&self) -> Msg {
        match self {
            Condition::Service { need, have: None } => {
                message!("sel-eligible-service-unknown", need = *need)
            }
            Condition::Service {
                need,
                have: Some(h),
            } => message!("sel-eligible-service", need = *need, have = *h),
            Condition::Grassroots { need, have } => {
                message!("sel-eligible-grassroots", need = *need, have = *have)
            }
            Condition::LowerLevel { level, need, have } => message!(
                "sel-eligible-lower-level",
                level = Arg::label(level.label()),
                need = *need,
                have = *have
            ),
            Condition::Education { have: None } => Msg::new("sel-eligible-education-none"),
            Condition::Education { have: Some(e) } => {
                message!("sel-eligible-education", have = Arg::label(e.label()))
            }
            Condition::Age { due } => message!("sel-eligible-age", due = *due),
        }
    }
}

/// Whole years from `from` to `to` (0 when `to` is earlier).
fn whole_years(from: Date, to: Date) -> u32 {
    let mut n = 0u32;
    while n < 200 && add_years(from, (n + 1) as i16) <= to {
        n += 1;
    }
    n
}

/// Whole years in `days` days, counted as the calendar does from a day: the years of a
/// stretch of `days` days starting on `on − days`.
fn years_of_days(days: i64, on: Date) -> u32 {
    let start = crate::date::from_epoch_day(epoch_day(on) - days as i32);
    whole_years(start, on)
}

/// Days held, joined (overlaps once), up to `on`.
fn days_held<'a>(posts: impl Iterator<Item = &'a HeldPost>, on: Date) -> i64 {
    let periods: Vec<Period> = posts
        .filter(|p| p.start < on)
        .map(|p| Period {
            start: p.start,
            end: Some(p.end.map_or(on, |e| e.min(on))),
        })
        .collect();
    join_periods(periods, 0)
        .iter()
        .map(|p| i64::from(epoch_day(p.end.unwrap_or(on)) - epoch_day(p.start)))
        .sum()
}

/// The level just below `level` (副处 below 正处, 正科 below 副处 …); none below 副科.
fn below(level: PostLevel) -> Option<PostLevel> {
    let all = PostLevel::ALL;
    let i = all.iter().position(|l| *l == level)?;
    all.get(i + 1).copied()
}

/// Every unmet condition of R-SEL-6 for a post of `level` on `on`; empty when eligible.
pub fn check(
    f: &EligibilityFacts,
    level: Option<PostLevel>,
    p: &Params,
    on: Date,
) -> Vec<Condition> {
    let mut out = Vec::new();
    let county = level.is_some_and(|l| l <= PostLevel::DivisionDeputy);
    if county {
        match f.work_started {
            None => out.push(Condition::Service {
                need: p.service_years,
                have: None,
            }),
            Some(w) => {
                let have = whole_years(w, on);
                if have < p.service_years {
                    out.push(Condition::Service {
                        need: p.service_years,
                        have: Some(have),
                    });
                }
            }
        }
        let have = years_of_days(days_held(f.held.iter().filter(|h| h.grassroots), on), on);
        if have < p.grassroots_years {
            out.push(Condition::Grassroots {
                need: p.grassroots_years,
                have,
            });
        }
    }
    if let Some(level) = level {
        // A promotion: no post held at this level or higher before the day.
        let promoted = !f
            .held
            .iter()
            .any(|h| h.start < on && h.level.is_some_and(|l| l <= level));
        if promoted && let Some(lower) = below(level) {
            let at = PostLevel::ALL.iter().position(|l| *l == level).unwrap_or(0);
            let need = p.below_years.get(at).copied().unwrap_or(0);
            let days = days_held(f.held.iter().filter(|h| h.level == Some(lower)), on);
            let have = years_of_days(days, on);
            if have < need {
                out.push(Condition::LowerLevel {
                    level: lower,
                    need,
                    have,
                });
            }
        }
    }
    if f.education.is_none_or(|e| e > Education::College) {
        out.push(Condition::Education { have: f.education });
    }
    let group = level.map_or(crate::rules::RankGroup::Below, level_group);
    let due = retirement_by(f.birth_date, p.retire_rule(group, f.gender)).date;
    if due <= on {
        out.push(Condition::Age { due });
    }
    out
}
