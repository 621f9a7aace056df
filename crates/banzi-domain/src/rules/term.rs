//! 任期 — R-TERM-1 (《党政领导干部职务任期暂行规定》: terms of 5 years). Corrected 2026-12-02.
//!
//! - Two terms (第六条): a current holder of a **正职** post whose joined run in that post (M1
//!   "Joining") reaches 2 × 5 years *(param)* → notice "不再推荐、提名或者任命担任同一职务".
//!   Other posts are not counted.
//! - One level (第七条): a current holder of a post with a 职务层次 whose time at that level,
//!   **in total** (累计: every stretch at posts of that 职务层次, in any unit, added up; days
//!   held at two posts of the level at once count once), reaches 15 years *(param)* → notice
//!   "不再推荐、提名或者任命担任同层次领导职务"; once per cadre and level, on their first current
//!   post of that level. The day it is reached is found by moving the start of the stretch held
//!   now back by the days of the earlier stretches and adding 15 years, as if the cadre stays
//!   in post: with one stretch it is its start + 15 years, as for every other tenure rule.
//!   Posts without a 职务层次 are left out of the count (the level is unknown); the message says
//!   how many of the cadre's earlier appointments were, and the summary how many posts lack
//!   one.
//! - Both are anticipated within the R-EXCH-6 lookahead (12 months *(param)*), also as a
//!   notice and under R-TERM-1: the rule only stops a re-nomination, so neither case is a
//!   breach yet. `due` is the day the years are reached.

use super::current::Now;
use super::messages::{Scene, bare, reached};
use super::{Level, Raw, Rule};
use crate::codes::{PostKind, PostLevel};
use crate::date::{Date, add_years, epoch_day, from_epoch_day};
use crate::message;
use crate::msg::{Arg, Msg};

/// `tie` of the two-terms case; the level case is 1.
const TWO_TERMS: u32 = 0;
const ONE_LEVEL: u32 = 1;

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p) = (now.f, now.p);
    let horizon = now.horizon(p.lookahead_months);
    let two_terms = p.term_years.saturating_mul(2);
    let mut levels_done: Vec<PostLevel> = Vec::new();
    for &(ci, span) in &now.holders {
        levels_done.clear();
        for (_, a) in now.held(span) {
            let post = f.post(a.post);
            if post.kind == PostKind::Principal {
                let due = add_years(a.run_start, two_terms);
                if due <= horizon {
                    out.push(Raw {
                        due: Some(due),
                        since: Some(a.run_start),
                        n: two_terms.unsigned_abs().into(),
                        tie: TWO_TERMS,
                        ..Raw::on_cadre(now, Rule::Term1, Level::Notice, a.post, ci)
                    });
                }
            }
            let Some(level) = post.level else { continue };
            if levels_done.contains(&level) {
                continue;
            }
            levels_done.push(level);
            let Some(at) = at_level(now, ci, level) else {
                continue;
            };
            let due = add_years(at.from, p.level_years);
            if due <= horizon {
                out.push(Raw {
                    due: Some(due),
                    since: Some(at.first),
                    n: p.level_years.unsigned_abs().into(),
                    tie: ONE_LEVEL,
                    members: at.unknown,
                    ..Raw::on_cadre(now, Rule::Term1, Level::Notice, a.post, ci)
                });
            }
        }
    }
}

/// A cadre's time at one level, on the as-of date.
struct AtLevel {
    /// The start of the stretch held now, moved back by the days of the earlier ones.
    from: Date,
    /// The first day at the level.
    first: Date,
    /// Earlier appointments (started on or before the as-of date) at posts with no 职务层次.
    unknown: u32,
}

/// The stretches of cadre `ci` at posts of `level` up to the as-of date, merged where they
/// touch or overlap; none when no stretch holds on the as-of date.
fn at_level(now: &Now, ci: u32, level: PostLevel) -> Option<AtLevel> {
    let f = now.f;
    let as_of = epoch_day(now.as_of);
    let ours = &f.appts[f.cadre(ci).appts.range()];
    let mut spans: Vec<(i32, i32)> = ours
        .iter()
        .filter(|a| f.post(a.post).level == Some(level) && epoch_day(a.start) <= as_of)
        .map(|a| (epoch_day(a.start), a.end.map_or(i32::MAX, epoch_day)))
        .collect();
    spans.sort_unstable();
    let unknown = ours
        .iter()
        .filter(|a| f.post(a.post).level.is_none() && a.start <= now.as_of)
        .count() as u32;
    let first = spans.first()?.0;
    let (mut earlier, mut cur): (i64, Option<(i32, i32)>) = (0, None);
    for (s, e) in spans {
        cur = match cur {
            Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                earlier += i64::from(ce - cs);
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    let (s, e) = cur?;
    if !(s <= as_of && as_of < e) {
        return None;
    }
    let from = i64::from(s) - earlier;
    Some(AtLevel {
        from: from_epoch_day(i32::try_from(from).unwrap_or(i32::MIN)),
        first: from_epoch_day(first),
        unknown,
    })
}

/// `rule-two-terms`: 吴刚自2014-03-01起任江川市文旅局局长，已于2024-03-01连续任职满两个任期
/// （10年），不再推荐、提名或者任命担任同一职务（R-TERM-1）; `rule-level-years` for the years
/// at one level, saying how many earlier appointments (`$unknown`) it left out.
pub(crate) fn message(now: &Scene, r: &Raw) -> Msg {
    let f = now.f;
    let (Some(pi), Some(c), Some(due), Some(since)) = (r.post, r.cadre, r.due, r.since) else {
        return bare(r);
    };
    let (name, post, post_name) = (f.cadre_name(c).to_string(), f.post(pi), f.post_name(pi));
    let reached = reached(due, now.as_of);
    if r.tie == TWO_TERMS {
        return message!(
            "rule-two-terms",
            name = name,
            since = since,
            post = post_name,
            reached = reached,
            due = due,
            years = r.n,
        );
    }
    message!(
        "rule-level-years",
        name = name,
        post = post_name,
        since = since,
        level = Arg::label(post.level.map_or("", PostLevel::label)),
        reached = reached,
        due = due,
        years = r.n,
        unknown = r.members,
    )
}
