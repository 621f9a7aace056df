//! 到龄 — R-AGE-1: statutory retirement under the 2025 reform, by rank and gender, and
//! leaving-leadership ages by rank and gender *(param)*. Corrected 2026-12-02.
//!
//! - The base age and whether the reform's delay applies come from a table *(param)* by rank
//!   group and gender ([`super::rank`]: 县处级 and above, or below; by 现职级, else the
//!   职务层次 of the highest post held). Defaults: men 60 with the delay; women at 县处级 and
//!   above 60 without it (中组发〔2015〕14号: 正、副处级女干部 retire at 60, and the reform
//!   delays the statutory 50 and 55 of women, not this 60); other women 55 with the delay.
//! - The delay (《关于实施渐进式延迟法定退休年龄的决定》): the original retirement month
//!   `M` = birth month + base age. If `M` is before 2025-01 it is unchanged; from 2025-01 the
//!   delay is `min(cap, ⌊(M − 2025-01 in months) / k⌋ + 1)` months, `k = 4, cap = 36` for base
//!   60 and 55 (and any other base but 50), `k = 2, cap = 60` for base 50. The due date (到龄)
//!   is the birth date + base years + delay months, the day clamped to the month's end; the
//!   message shows the 到龄年月.
//! - Leaving leadership: when the cadre's 现职级 is in the table *(param, empty by default)*,
//!   for their gender (a row for one gender wins over a row for both), due on the birth date
//!   + that many years; no reform delay.
//! - Only cadres holding a post on the as-of date are checked; the alert names their first
//!   post (正职 before 副职 …, then by code).
//! - Level (issue 12): on or after the due date and still in post, a **violation** (the cadre
//!   should have retired or left the leadership post); due after the as-of date but within
//!   12 months *(param)*, a **warning**. The message says 已于 or 将于.

use super::current::{Now, add_months};
use super::messages::{Scene, bare, reached};
use super::params::{RankGroup, RetireRule};
use super::rank::cadre_group;
use super::{Level, Raw, Rule};
use crate::date::{Date, YearMonth, add_years};
use crate::message;
use crate::msg::{Arg, Msg};

/// A cadre's statutory retirement under the 2025 reform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Retirement {
    /// The original age (60, 55 or 50).
    pub base_age: i32,
    /// Months of delay under the reform (0 before 2025-01).
    pub delay_months: i32,
    /// 到龄年月.
    pub month: YearMonth,
    /// The day the age is reached: birth + base years + delay months.
    pub date: Date,
}

/// Retirement of a cadre born on `birth` whose original retirement age is `base_age`, under
/// the reform's delay.
pub fn retirement(birth: Date, base_age: i32) -> Retirement {
    retirement_by(
        birth,
        RetireRule {
            age: base_age,
            delay: true,
        },
    )
}

/// Retirement of a cadre born on `birth` under one cell of the table: the base age, delayed
/// by the reform only when the cell says so.
pub fn retirement_by(birth: Date, rule: RetireRule) -> Retirement {
    let base_age = rule.age;
    let (k, cap) = if base_age == 50 { (2, 60) } else { (4, 36) };
    let original = (i32::from(birth.year()) + base_age) * 12 + i32::from(birth.month()) - 1;
    let since_reform = original - 2025 * 12;
    let delay_months = if since_reform < 0 || !rule.delay {
        0
    } else {
        (since_reform / k + 1).min(cap)
    };
    let date = add_months(birth, base_age * 12 + delay_months);
    Retirement {
        base_age,
        delay_months,
        month: YearMonth::from(date),
        date,
    }
}

/// The retirement rule of a cadre (R-AGE-1 *(param)*); a cadre of unknown group takes the
/// rule below 县处级 (see [`super::rank`]).
fn rule_of(p: &super::Params, group: Option<RankGroup>, c: &super::facts::CadreF) -> RetireRule {
    p.retire_rule(group.unwrap_or(RankGroup::Below), c.gender)
}

/// 违规 when reached on the as-of date, 预警 when due within the horizon.
fn level(due: Date, as_of: Date, horizon: Date) -> Option<Level> {
    if due <= as_of {
        Some(Level::Violation)
    } else if due <= horizon {
        Some(Level::Warning)
    } else {
        None
    }
}

/// `tie` of the leaving-leadership alert (retirement is 0).
const BY_RANK: u32 = 1;

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    let horizon = now.horizon(p.age_warning_months);
    // The rank table in interned words, looked up once; rows for one gender first.
    let mut by_rank: Vec<(u32, Option<crate::codes::Gender>, i32)> = p
        .leave_by_rank
        .iter()
        .filter_map(|x| {
            let i = f.words.iter().position(|w| w == x.rank.trim())?;
            Some((i as u32, x.gender, x.age))
        })
        .collect();
    by_rank.sort_by_key(|x| x.1.is_none());
    for &(ci, span) in &now.holders {
        let c = f.cadre(ci);
        let Some(post) = now.first_post(span) else {
            continue;
        };
        let group = cadre_group(now, ci, span);
        let r = retirement_by(c.birth, rule_of(p, group, c));
        if let Some(level) = level(r.date, as_of, horizon) {
            out.push(Raw {
                due: Some(r.date),
                n: group.map_or(0, |g| g as u32 + 1),
                ..Raw::on_cadre(now, Rule::Age1, level, post, ci)
            });
        }
        let leave = by_rank
            .iter()
            .find(|x| x.0 == c.rank && x.1.is_none_or(|g| g == c.gender));
        if let Some(&(_, _, age)) = leave {
            let due = add_years(c.birth, i16::try_from(age).unwrap_or(i16::MAX));
            if let Some(level) = level(due, as_of, horizon) {
                out.push(Raw {
                    due: Some(due),
                    tie: BY_RANK,
                    n: age.unsigned_abs(),
                    ..Raw::on_cadre(now, Rule::Age1, level, post, ci)
                });
            }
        }
    }
}

/// `rule-retire`: 周建（男，1965-01-15出生）任江川市司法局局长，法定退休年龄60岁1个月，到龄年月
/// 2025年02月，将于2025-02-15到龄（R-AGE-1）; `rule-leave` for the leaving-leadership age of a
/// 现职级.
pub(crate) fn message(now: &Scene, r: &Raw) -> Msg {
    let f = now.f;
    let (Some(post), Some(c), Some(due)) = (r.post, r.cadre, r.due) else {
        return bare(r);
    };
    let (name, c) = (f.cadre_name(c).to_string(), f.cadre(c));
    let post = f.post_name(post);
    if r.tie == BY_RANK {
        return message!(
            "rule-leave",
            name = name,
            rank = Arg::label(f.word(c.rank).to_string()),
            birth = c.birth,
            post = post,
            age = r.n,
            month = Arg::Month(due),
            reached = reached(due, now.as_of),
            due = due,
        );
    }
    // `n` keeps the group the rule was taken for (0: unknown, taken as below 县处级).
    let group = match r.n {
        1 => Some(RankGroup::County),
        2 => Some(RankGroup::Below),
        _ => None,
    };
    let age = retirement_by(c.birth, rule_of(now.p, group, c));
    let years = age.base_age + age.delay_months / 12;
    message!(
        "rule-retire",
        name = name,
        gender = Arg::label(c.gender.label()),
        birth = c.birth,
        post = post,
        age = years,
        months = age.delay_months % 12,
        month = Arg::Month(due),
        reached = reached(due, now.as_of),
        due = due,
    )
}
