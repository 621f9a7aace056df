//! 到龄 — R-AGE-1: statutory retirement under the 2025 reform, and leaving-leadership ages by
//! rank *(param)*.
//!
//! - Retirement (《关于实施渐进式延迟法定退休年龄的决定》): the original retirement month
//!   `M` = birth month + base age (men 60, women 55 *(param)*; 50 exists in the formula). If
//!   `M` is before 2025-01 it is unchanged; from 2025-01 the delay is
//!   `min(cap, ⌊(M − 2025-01 in months) / k⌋ + 1)` months, `k = 4, cap = 36` for base 60 and
//!   55 (and any other base but 50), `k = 2, cap = 60` for base 50. The due date (到龄) is the
//!   birth date + base years + delay months, the day clamped to the month's end; the message
//!   shows the 到龄年月.
//! - Leaving leadership: when the cadre's 现职级 is in the table *(param, empty by default)*,
//!   due on the birth date + that many years; no reform delay.
//! - Only cadres holding a post on the as-of date are checked; the alert names their first
//!   post (正职 before 副职 …, then by code).
//! - Level: a **warning**, both when the age is reached and when it is due within 12 months
//!   *(param)* — reaching an age is not a breach of a rule by the team (a violation would be
//!   too strong), but it needs action before or at once. The message says 已于 or 将于.

use super::current::{Now, add_months};
use super::messages::{Scene, YearMonthCn, msg, when};
use super::{Level, Raw, Rule};
use crate::codes::Gender;
use crate::date::{Date, YearMonth, add_years};

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

impl Retirement {
    /// "60岁1个月", or "60岁" without a delay.
    pub fn age_text(&self) -> String {
        let years = self.base_age + self.delay_months / 12;
        match self.delay_months % 12 {
            0 => format!("{years}岁"),
            m => format!("{years}岁{m}个月"),
        }
    }
}

/// Retirement of a cadre born on `birth` whose original retirement age is `base_age`.
pub fn retirement(birth: Date, base_age: i32) -> Retirement {
    let (k, cap) = if base_age == 50 { (2, 60) } else { (4, 36) };
    let original = (i32::from(birth.year()) + base_age) * 12 + i32::from(birth.month()) - 1;
    let since_reform = original - 2025 * 12;
    let delay_months = if since_reform < 0 {
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

/// The original retirement age of a cadre (R-AGE-1 *(param)*).
fn base_age(p: &super::Params, g: Gender) -> i32 {
    match g {
        Gender::Male => p.retire_men,
        Gender::Female => p.retire_women,
    }
}

/// `tie` of the leaving-leadership alert (retirement is 0).
const BY_RANK: u32 = 1;

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p) = (now.f, now.p);
    let horizon = now.horizon(p.age_warning_months);
    // The rank table in interned words, looked up once.
    let by_rank: Vec<(u32, i32)> = p
        .leave_by_rank
        .iter()
        .filter_map(|(rank, age)| {
            let i = f.words.iter().position(|w| w == rank)?;
            Some((i as u32, *age))
        })
        .collect();
    for &(ci, span) in &now.holders {
        let c = f.cadre(ci);
        let Some(post) = now
            .held(span)
            .map(|(_, a)| (f.post(a.post).kind, a.post))
            .min()
            .map(|x| x.1)
        else {
            continue;
        };
        let r = retirement(c.birth, base_age(p, c.gender));
        if r.date <= horizon {
            out.push(Raw {
                due: Some(r.date),
                ..Raw::on_cadre(now, Rule::Age1, Level::Warning, post, ci)
            });
        }
        if let Some(&(_, age)) = by_rank.iter().find(|x| x.0 == c.rank) {
            let due = add_years(c.birth, i16::try_from(age).unwrap_or(i16::MAX));
            if due <= horizon {
                out.push(Raw {
                    due: Some(due),
                    tie: BY_RANK,
                    n: age.unsigned_abs(),
                    ..Raw::on_cadre(now, Rule::Age1, Level::Warning, post, ci)
                });
            }
        }
    }
}

/// 周建（男，1965-01-15出生）任江川市司法局局长，法定退休年龄60岁1个月，到龄年月2025年02月，
/// 将于2025-02-15到龄（R-AGE-1）
pub(crate) fn message(now: &Scene, r: &Raw) -> String {
    let f = now.f;
    let (Some(post), Some(c), Some(due)) = (r.post, r.cadre, r.due) else {
        return String::new();
    };
    let c = f.cadre(c);
    let post = &f.post(post).full_name;
    if r.tie == BY_RANK {
        msg! {
            c.name, "（", f.word(c.rank), "，", c.birth, "出生）任", post, "，退出领导岗位年龄",
            r.n, "岁，到龄年月", YearMonthCn(due), "，", when(due, now.as_of), due,
            "到龄（R-AGE-1）"
        }
    } else {
        let age = retirement(c.birth, base_age(now.p, c.gender)).age_text();
        msg! {
            c.name, "（", c.gender.label(), "，", c.birth, "出生）任", post, "，法定退休年龄",
            age, "，到龄年月", YearMonthCn(due), "，", when(due, now.as_of), due,
            "到龄（R-AGE-1）"
        }
    }
}
