//! 交流轮岗 — R-EXCH-1..6 (seed 000 example 2).
//!
//! For each appointment held on the as-of date, tenure counted from the start of its joined
//! stretch (M1 "Joining": the next appointment starts at most 31 days *(param)* after the
//! previous ended):
//! - R-EXCH-1 (must, 必须交流): a 正职 post, tenure in the post ≥ 10 years *(param)*.
//! - R-EXCH-2 (should, 应当交流 — corrected 2026-12-02: seed 000 puts one 应当 over both deputy
//!   clauses): a 副职 post of a unit whose 所属系统 is 纪检监察, 组织 or 公检法, tenure in the
//!   **team** (joined across the team's posts) ≥ 10 years *(param)*.
//! - R-EXCH-3 (should): any other 副职, tenure in the post ≥ 10 years *(param)*.
//! - R-EXCH-4 (should): a 派驻纪检监察组组长 post, tenure in the post ≥ 5 years *(param)*.
//! - R-EXCH-5 (should): each 分管 portfolio held on the as-of date, of a cadre who holds that
//!   post on the as-of date, ≥ 5 years *(param)* from the start of its stretch: rows of the
//!   cadre with the same 分管工作 (trimmed text) in the same team join like appointments
//!   (副局长 → 常务副局长 still 分管财务 is one stretch, corrected 2026-12-02). One alert per
//!   stretch, on the first current row's post, when two rows of a stretch are current.
//! - R-EXCH-6: each of them is anticipated up to as-of + 12 months *(param)*, one level lower,
//!   under the anticipated rule's own id ([`super::messages::tenure_level`]): a "must" rule
//!   reached is a violation and a warning ahead, a "should" rule a warning and a notice.

use super::current::Now;
use super::messages::{Scene, bare, reached, tenure_level};
use super::{Raw, Rule};
use crate::codes::PostKind;
use crate::date::add_years;
use crate::message;
use crate::msg::{Arg, Msg};

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    let horizon = now.horizon(p.lookahead_months);
    for &(ci, span) in &now.holders {
        let c = f.cadre(ci);
        for (_, a) in now.held(span) {
            let post = f.post(a.post);
            let key_system = f.unit(post.unit).key_system;
            let (rule, years, since, must) = match post.kind {
                PostKind::Principal => (Rule::Exch1, p.principal_years, a.run_start, true),
                PostKind::Deputy if key_system => {
                    (Rule::Exch2, p.key_deputy_years, a.team_start, false)
                }
                PostKind::Deputy => (Rule::Exch3, p.deputy_years, a.run_start, false),
                PostKind::DisciplineLead => {
                    (Rule::Exch4, p.discipline_lead_years, a.run_start, false)
                }
                PostKind::Member => continue,
            };
            let due = add_years(since, years);
            if let Some(level) = tenure_level(due, as_of, horizon, must) {
                out.push(Raw {
                    due: Some(due),
                    since: Some(since),
                    n: years.unsigned_abs().into(),
                    ..Raw::on_cadre(now, rule, level, a.post, ci)
                });
            }
        }
        // R-EXCH-5: current portfolios of a post the cadre holds now, once per stretch.
        let ports = &f.portfolios[c.portfolios.range()];
        for (k, pf) in ports.iter().enumerate() {
            let holds = |pf: &super::facts::PortF| {
                pf.start <= as_of
                    && pf.end.is_none_or(|e| as_of < e)
                    && now.held(span).any(|(_, a)| a.post == pf.post)
            };
            let same_stretch = |q: &super::facts::PortF| {
                q.run_start == pf.run_start
                    && f.text(q.work).trim() == f.text(pf.work).trim()
                    && f.post(q.post).team == f.post(pf.post).team
            };
            if !holds(pf) || ports[..k].iter().any(|q| same_stretch(q) && holds(q)) {
                continue;
            }
            let due = add_years(pf.run_start, p.portfolio_years);
            if let Some(level) = tenure_level(due, as_of, horizon, false) {
                out.push(Raw {
                    due: Some(due),
                    since: Some(pf.run_start),
                    n: p.portfolio_years.unsigned_abs().into(),
                    tie: c.portfolios.lo + k as u32,
                    ..Raw::on_cadre(now, Rule::Exch5, level, pf.post, ci)
                });
            }
        }
    }
}

/// `rule-exch`: 张伟，现任江川市财政局局长（正职）自2014-03-01起已于2024-03-01满10年，须交流
/// （R-EXCH-1）; `rule-exch-team` (R-EXCH-2, years in the team) and `rule-exch-portfolio`
/// (R-EXCH-5, years in charge of one work).
pub(crate) fn message(now: &Scene, r: &Raw) -> Msg {
    let f = now.f;
    let (Some(pi), Some(c), Some(due), Some(since)) = (r.post, r.cadre, r.due, r.since) else {
        return bare(r);
    };
    let (name, post, post_name) = (f.cadre_name(c).to_string(), f.post(pi), f.post_name(pi));
    let reached = reached(due, now.as_of);
    match r.rule {
        Rule::Exch2 => message!(
            "rule-exch-team",
            name = name,
            post = post_name,
            kind = Arg::label(post.kind.label()),
            since = since,
            team = f.team_title(post.team),
            reached = reached,
            due = due,
            years = r.n,
        ),
        Rule::Exch5 => {
            let work = f
                .portfolios
                .get(r.tie as usize)
                .map_or("", |p| f.text(p.work).trim());
            message!(
                "rule-exch-portfolio",
                name = name,
                post = post_name,
                since = since,
                work = work.to_string(),
                reached = reached,
                due = due,
                years = r.n,
            )
        }
        rule => message!(
            "rule-exch",
            name = name,
            post = post_name,
            kind = Arg::label(post.kind.label()),
            since = since,
            reached = reached,
            due = due,
            years = r.n,
            rule = rule.id(),
        ),
    }
}
