//! 能力建设 — R-TRAIN-1..2 (seeds 000, 001, 002; 《干部教育培训工作条例》2023). Corrected
//! 2026-12-02.
//!
//! - R-TRAIN-1, trainings (notice): each cadre holding a 正职 or 副职 post of a unit whose
//!   单位类别 is 市直单位 ("department leader") on the as-of date, with fewer than 1 *(param)*
//!   training of 类别 专业化能力 starting in the **last complete calendar year** (the year
//!   before the as-of year: a year is judged once it is over, not in its first weeks). One
//!   notice per cadre, on their first such post; `due` is none.
//! - R-TRAIN-1, hours (notice, 第十四条): each cadre in post, by rank group ([`super::rank`]):
//!   县处级 and above with fewer than 550 *(param)* 学时 in the last 5 *(param)* complete
//!   calendar years; 乡科级 with fewer than 90 *(param)* 学时 in the last complete calendar year.
//!   学时 are those of the 培训 sheet, of every 类别, counted in the year the training started;
//!   a blank 学时 counts 0. A cadre whose group is unknown (no 现职级, no 职务层次) is not checked.
//!   One notice per cadre, on their first post (正职 before 副职 …).
//! - R-TRAIN-2: secondments are appointments with 任职方式 挂职 starting from 1 January of the
//!   as-of year up to the as-of date, counted city-wide (each appointment row once) against
//!   the yearly target of 100 *(param)*, in the summary; below the target, one notice on the
//!   root unit (the unit with no parent, first by code).

use super::current::Now;
use super::facts::Facts;
use super::messages::Scene;
use super::params::RankGroup;
use super::rank::cadre_group;
use super::{Level, Raw, Rule};
use crate::codes::PostKind;
use crate::date::Date;
use crate::message;
use crate::msg::Msg;

/// `tie` of the alerts: trainings, hours of 县处级 and above, hours of 乡科级.
const COUNT: u32 = 0;
const COUNTY_HOURS: u32 = 1;
const TOWNSHIP_HOURS: u32 = 2;

/// 1 January of the as-of year.
fn new_year(as_of: Date) -> Date {
    as_of.first_of_year()
}

/// How many of the sorted dates fall in the as-of year up to the as-of date.
pub(crate) fn this_year(sorted: &[Date], as_of: Date) -> usize {
    let from = sorted.partition_point(|d| *d < new_year(as_of));
    let to = sorted.partition_point(|d| *d <= as_of);
    to.saturating_sub(from)
}

/// Secondments started this year so far (R-TRAIN-2).
pub(crate) fn secondments(f: &Facts, as_of: Date) -> usize {
    this_year(&f.secondments, as_of)
}

/// Whether `d` falls in the calendar years `from_year..=to_year`.
fn in_years(d: Date, from_year: i16, to_year: i16) -> bool {
    (from_year..=to_year).contains(&d.year())
}

/// How many of the sorted dates fall in the calendar year `year`.
fn in_year(sorted: &[Date], year: i16) -> usize {
    let from = sorted.partition_point(|d| d.year() < year);
    let to = sorted.partition_point(|d| d.year() <= year);
    to - from
}

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    let last_year = as_of.year() - 1;
    for &(ci, span) in &now.holders {
        hours(now, ci, span, out);
        let Some(post) = now
            .held(span)
            .filter(|(_, a)| {
                let post = f.post(a.post);
                matches!(post.kind, PostKind::Principal | PostKind::Deputy)
                    && f.unit(post.unit).city_department
            })
            .map(|(_, a)| (f.post(a.post).kind, a.post))
            .min()
            .map(|x| x.1)
        else {
            continue;
        };
        let done = in_year(&f.pro_trainings[f.cadre(ci).trainings.range()], last_year);
        if done < p.trainings_per_year as usize {
            out.push(Raw {
                n: done as u32,
                tie: COUNT,
                ..Raw::on_cadre(now, Rule::Train1, Level::Notice, post, ci)
            });
        }
    }
    let n = secondments(f, as_of);
    if let Some(root) = f.root
        && n < p.secondment_target as usize
    {
        out.push(Raw {
            n: n as u32,
            ..Raw::on_unit(Rule::Train2, Level::Notice, root, 0)
        });
    }
}

/// R-TRAIN-1's hours of one cadre in post.
fn hours(now: &Now, ci: u32, span: super::facts::Span, out: &mut Vec<Raw>) {
    let (f, p) = (now.f, now.p);
    let Some(group) = cadre_group(now, ci, span) else {
        return;
    };
    let last = now.as_of.year() - 1;
    let (first, need, tie) = match group {
        RankGroup::County => {
            let years = i16::try_from(p.county_hours_years).unwrap_or(1);
            (last - years + 1, p.county_hours, COUNTY_HOURS)
        }
        RankGroup::Below => (last, p.township_hours, TOWNSHIP_HOURS),
    };
    let tenths: u64 = f.hours[f.cadre(ci).hours.range()]
        .iter()
        .filter(|(d, _)| in_years(*d, first, last))
        .map(|&(_, h)| u64::from(h))
        .sum();
    if tenths >= u64::from(need) * 10 {
        return;
    }
    let Some(post) = now.first_post(span) else {
        return;
    };
    out.push(Raw {
        n: u32::try_from(tenths).unwrap_or(u32::MAX),
        tie,
        ..Raw::on_cadre(now, Rule::Train1, Level::Notice, post, ci)
    });
}

/// Tenths of an hour as the roster writes 学时: `120`, `120.5`.
fn hours_text(tenths: u32) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        t => format!("{}.{t}", tenths / 10),
    }
}

/// `rule-trainings`: 冯琳（江川市生态环境局局长）2023年参加专业化能力培训0次，少于每年1次
/// （R-TRAIN-1）; `rule-county-hours` and `rule-township-hours` for 学时, `rule-secondments`
/// for R-TRAIN-2.
pub(crate) fn message(now: &Scene, r: &Raw) -> Msg {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    let last = as_of.year() - 1;
    match (r.post, r.cadre) {
        (Some(post), Some(c)) if r.tie == COUNTY_HOURS => message!(
            "rule-county-hours",
            name = f.cadre_name(c).to_string(),
            post = f.post_name(post),
            from = last - i16::try_from(p.county_hours_years).unwrap_or(1) + 1,
            to = last,
            hours = hours_text(r.n),
            years = p.county_hours_years,
            need = p.county_hours,
        ),
        (Some(post), Some(c)) if r.tie == TOWNSHIP_HOURS => message!(
            "rule-township-hours",
            name = f.cadre_name(c).to_string(),
            post = f.post_name(post),
            year = last,
            hours = hours_text(r.n),
            need = p.township_hours,
        ),
        (Some(post), Some(c)) => message!(
            "rule-trainings",
            name = f.cadre_name(c).to_string(),
            post = f.post_name(post),
            year = last,
            done = r.n,
            need = p.trainings_per_year,
        ),
        _ => message!(
            "rule-secondments",
            year = as_of.year(),
            as_of = as_of,
            done = r.n,
            target = p.secondment_target,
        ),
    }
}
