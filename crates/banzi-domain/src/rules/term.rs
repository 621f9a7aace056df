//! 任期 — R-TERM-1 (《党政领导干部职务任期暂行规定》: terms of 5 years; two consecutive terms
//! in one post, or 15 years at one level, end re-nomination to it).
//!
//! - Two terms: a current holder of any post whose joined run in that post reaches
//!   2 × 5 years *(param)* → notice "不再推荐、提名或者任命担任同一职务".
//! - One level: a current holder of a 正职 (or 副职) post whose consecutive holding of posts of
//!   that kind, in any unit, joined across posts when the next starts at most one day after
//!   the previous ended, reaches 15 years *(param)* → notice; once per cadre and kind, on
//!   their first current post of that kind. ("累计" in the regulation is read as consecutive
//!   here: the roster's earlier history is often incomplete.)
//! - Both are anticipated within the R-EXCH-6 lookahead (12 months *(param)*), also as a
//!   notice and under R-TERM-1: the rule only stops a re-nomination, so neither case is a
//!   breach yet. `due` is the day the years are reached.

use super::current::Now;
use super::messages::{Scene, msg, when};
use super::{Level, Raw, Rule};
use crate::codes::PostKind;
use crate::date::add_years;

/// `tie` of the two-terms case; one level is 1.
const TWO_TERMS: u32 = 0;

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p) = (now.f, now.p);
    let horizon = now.horizon(p.lookahead_months);
    let two_terms = p.term_years.saturating_mul(2);
    for &(ci, span) in &now.holders {
        let mut kinds_done = [false; 2];
        for (_, a) in now.held(span) {
            let post = f.post(a.post);
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
            let k = match post.kind {
                PostKind::Principal => 0,
                PostKind::Deputy => 1,
                _ => continue,
            };
            if kinds_done[k] {
                continue;
            }
            kinds_done[k] = true;
            let due = add_years(a.level_start, p.level_years);
            if due <= horizon {
                out.push(Raw {
                    due: Some(due),
                    since: Some(a.level_start),
                    n: p.level_years.unsigned_abs().into(),
                    tie: 1,
                    ..Raw::on_cadre(now, Rule::Term1, Level::Notice, a.post, ci)
                });
            }
        }
    }
}

/// 吴刚自2014-03-01起任江川市文旅局党组成员，已于2024-03-01连续任职满两个任期（10年），
/// 不再推荐、提名或者任命担任同一职务（R-TERM-1）
pub(crate) fn message(now: &Scene, r: &Raw) -> String {
    let f = now.f;
    let (Some(pi), Some(c), Some(due), Some(since)) = (r.post, r.cadre, r.due, r.since) else {
        return String::new();
    };
    let (c, post) = (f.cadre(c), f.post(pi));
    let when = when(due, now.as_of);
    if r.tie == TWO_TERMS {
        msg! {
            c.name, "自", since, "起任", post.full_name, "，", when, due, "连续任职满两个任期（",
            r.n, "年），不再推荐、提名或者任命担任同一职务（R-TERM-1）"
        }
    } else {
        msg! {
            c.name, "（现任", post.full_name, "）自", since, "起连续担任", post.kind.label(),
            "领导职务，", when, due, "满", r.n,
            "年，不再推荐、提名或者任命担任同层次领导职务（R-TERM-1）"
        }
    }
}
