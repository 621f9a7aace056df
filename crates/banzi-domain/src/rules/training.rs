//! 能力建设 — R-TRAIN-1..2 (seeds 000, 001, 002).
//!
//! - R-TRAIN-1 (notice): each cadre holding a 正职 or 副职 post of a unit whose 单位类别 is
//!   市直单位 ("department leader") on the as-of date, with fewer than 1 *(param)* training of
//!   类别 专业化能力 starting from 1 January of the as-of year up to the as-of date. One
//!   notice per cadre, on their first such post; `due` is none.
//! - R-TRAIN-2: secondments are appointments with 任职方式 挂职 starting from 1 January of the
//!   as-of year up to the as-of date, counted city-wide (each appointment row once) against
//!   the yearly target of 100 *(param)*, in the summary; below the target, one notice on the
//!   root unit (the unit with no parent, first by code).

use super::current::Now;
use super::facts::Facts;
use super::messages::{Scene, msg};
use super::{Level, Raw, Rule};
use crate::codes::PostKind;
use crate::date::Date;

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

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    for &(ci, span) in &now.holders {
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
        let done = this_year(&f.pro_trainings[f.cadre(ci).trainings.range()], as_of);
        if done < p.trainings_per_year as usize {
            out.push(Raw {
                n: done as u32,
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

/// 冯琳（江川市生态环境局局长）2024年截至2024-02-29参加专业化能力培训0次，少于每年1次（R-TRAIN-1）
pub(crate) fn message(now: &Scene, r: &Raw) -> String {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    match (r.post, r.cadre) {
        (Some(post), Some(c)) => msg! {
            f.cadre(c).name, "（", f.post(post).full_name, "）", as_of.year(), "年截至", as_of,
            "参加专业化能力培训", r.n, "次，少于每年", p.trainings_per_year, "次（R-TRAIN-1）"
        },
        _ => msg! {
            as_of.year(), "年截至", as_of, "全市挂职锻炼", r.n, "人次，低于年度目标",
            p.secondment_target, "人次（R-TRAIN-2）"
        },
    }
}
