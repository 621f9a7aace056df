//! 班子结构 — R-STRUCT-2..6 (seed 001 "数字结构与素质结构同举 …").
//!
//! Over the current members of each team (distinct cadres holding one of its posts):
//! - R-STRUCT-2 (notice): a team of a unit whose 单位类别 is 市直单位 with no member aged
//!   ≤ 42 *(param)* in full years. The city ratio is in the summary.
//! - R-STRUCT-3: a unit marked 党外干部必配 whose teams have current members, none of them
//!   党外 (neither 中共党员 nor 中共预备党员), is a violation on the unit; a team with no
//!   woman is a notice.
//! - R-STRUCT-4: each post with more current holders than its 职数 is a violation
//!   (超职数配备), with fewer a notice (空缺); this one also covers teams with no member. A
//!   holder whose appointment in force has 任职方式 挂职 takes no seat (corrected 2026-12-02):
//!   they count neither towards 超职数 nor as filling a 空缺; the message says how many there are.
//! - R-STRUCT-5 (notice, 额位制; 市直单位 teams only, corrected 2026-12-02): members who entered
//!   the team by 系统外交流 — the joined stretch in the team that they are in now began so, and
//!   a promotion or re-appointment inside the team keeps it — are fewer than 1/3 *(param)* of
//!   the members (exact: `k * 3 < n * 1`).
//! - R-STRUCT-6 (notice, 互补): a team of two or more members who all have the same
//!   non-blank 专业领域; or who all fall in one 5-year age band, the bands being
//!   20–24, 25–29 … (age in full years, `age / 5`). Both may be raised for one team.
//!
//! A team with no current member gets only R-STRUCT-4 notices (see the module doc).

use super::current::Now;
use super::facts::Facts;
use super::messages::Scene;
use super::{Level, Raw, Rule};
use crate::codes::Gender;
use crate::message;
use crate::msg::Msg;

/// `tie` of the R-STRUCT-3 alert on a unit (teams use their index).
const UNIT_TIE: u32 = u32::MAX;

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p) = (now.f, now.p);
    for (ti, t) in f.teams.iter().enumerate() {
        let ti = ti as u32;
        for &pi in &f.team_posts[t.posts.range()] {
            let (held, seats) = (now.post_holders[pi as usize], f.post(pi).seats);
            if held != seats {
                let level = if held > seats {
                    Level::Violation
                } else {
                    Level::Notice
                };
                out.push(Raw {
                    post: Some(pi),
                    n: held,
                    members: now.post_seconded[pi as usize],
                    ..Raw::on_unit(Rule::Struct4, level, t.unit, 0)
                });
            }
        }
        let members = now.members(ti);
        if members.is_empty() {
            continue;
        }
        let notice = |rule, tie| Raw {
            members: members.len() as u32,
            ..Raw::on_unit(rule, Level::Notice, t.unit, tie)
        };
        if f.unit(t.unit).city_department
            && !members.iter().any(|m| now.age(m.cadre) <= p.young_age)
        {
            out.push(notice(Rule::Struct2, ti));
        }
        if !members
            .iter()
            .any(|m| f.cadre(m.cadre).gender == Gender::Female)
        {
            out.push(notice(Rule::Struct3, ti));
        }
        let outside = members.iter().filter(|m| m.outside).count();
        if f.unit(t.unit).city_department && !p.outside_share.reached(outside, members.len()) {
            out.push(Raw {
                n: outside as u32,
                ..notice(Rule::Struct5, ti)
            });
        }
        if members.len() >= 2 {
            let first = f.cadre(members[0].cadre).profession;
            if first != 0 && members.iter().all(|m| f.cadre(m.cadre).profession == first) {
                out.push(Raw {
                    n: first,
                    ..notice(Rule::Struct6, ti * 2)
                });
            }
            let band = age_band(now.age(members[0].cadre));
            if members.iter().all(|m| age_band(now.age(m.cadre)) == band) {
                out.push(Raw {
                    n: band.unsigned_abs(),
                    ..notice(Rule::Struct6, ti * 2 + 1)
                });
            }
        }
    }
    non_cpc(now, f, out);
}

/// The 5-year age band of an age: 40–44 is band 8.
pub(crate) fn age_band(age: i32) -> i32 {
    age.div_euclid(5)
}

/// R-STRUCT-3 for units that must have a 党外 member.
fn non_cpc(now: &Now, f: &Facts, out: &mut Vec<Raw>) {
    for (ui, u) in f.units.iter().enumerate() {
        if !u.non_cpc_required {
            continue;
        }
        let mut any = false;
        let mut non_cpc = false;
        for t in u.teams.range() {
            for m in now.members(t as u32) {
                any = true;
                non_cpc |= f.cadre(m.cadre).party.is_non_cpc();
            }
        }
        if any && !non_cpc {
            out.push(Raw::on_unit(
                Rule::Struct3,
                Level::Violation,
                ui as u32,
                UNIT_TIE,
            ));
        }
    }
}

/// `rule-no-woman`: 截至2024-03-01，江川市商务局领导班子无女干部（R-STRUCT-3）; one entry per
/// rule and case (`rule-young`, `rule-no-non-cpc`, `rule-seats`, `rule-outside`,
/// `rule-same-field`, `rule-same-age`).
pub(crate) fn message(now: &Scene, r: &Raw) -> Msg {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    if let Some(pi) = r.post {
        // R-STRUCT-4
        let post = f.post(pi);
        let (state, n) = if r.n > post.seats {
            ("over", r.n - post.seats)
        } else {
            ("vacant", post.seats - r.n)
        };
        return message!(
            "rule-seats",
            as_of = as_of,
            post = f.post_name(pi),
            seats = post.seats,
            held = r.n,
            seconded = r.members,
            state = state,
            n = n,
        );
    }
    if r.tie == UNIT_TIE {
        return message!(
            "rule-no-non-cpc",
            unit = f.unit_name(r.unit).to_string(),
            as_of = as_of,
        );
    }
    let ti = if r.rule == Rule::Struct6 {
        r.tie / 2
    } else {
        r.tie
    };
    let team = &f.team_title(ti);
    let members = r.members;
    match r.rule {
        Rule::Struct2 => message!("rule-young", as_of = as_of, team = team, age = p.young_age),
        Rule::Struct3 => message!("rule-no-woman", as_of = as_of, team = team),
        Rule::Struct5 => message!(
            "rule-outside",
            as_of = as_of,
            team = team,
            members = members,
            outside = r.n,
            share = p.outside_share.percent(),
        ),
        _ if r.tie.is_multiple_of(2) => message!(
            "rule-same-field",
            as_of = as_of,
            team = team,
            members = members,
            field = f.word(r.n).to_string(),
        ),
        _ => message!(
            "rule-same-age",
            as_of = as_of,
            team = team,
            members = members,
            from = r.n * 5,
            to = r.n * 5 + 4,
        ),
    }
}
