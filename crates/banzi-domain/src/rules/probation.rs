//! 试用期 — R-PROB-1 (R-SEL-10; 《党政领导干部选拔任用工作条例》第五十四条). Corrected 2026-12-02.
//!
//! A 试用期 follows a **promotion** (提拔) by appointment — 任职方式 委任 or 竞争上岗, not 选任 —
//! to a 副职 post of a 工作部门. The roster does not say which appointments carry one, so it
//! is read as follows, on the joined run (M1) held on the as-of date:
//! - the post is a 副职 of a unit whose 单位类别 is 市直单位 (the 工作部门 the registry knows;
//!   the roster has no kind for 内设机构 posts, so none is checked); a 正职 carries none;
//! - the run began by 委任 or 竞争上岗 (选任, 交流, 系统外交流, 挂职 and a blank manner: none);
//! - it is a promotion: where the post has a 职务层次 and some earlier post of the cadre has
//!   one, the post's level is higher than every earlier post's known level (a move at the same
//!   level or down is none); otherwise, by the post kind, the cadre held no 正职 or 副职 post
//!   before the run began (a first 副职 after none).
//!
//! The probation ends on the run's start + 12 months *(param)*; a notice is raised when it
//! ends after the as-of date and no later than as-of + 1 month *(param)*: the cadre is then
//! due for assessment and confirmation. A probation already over is not flagged (whether it
//! was confirmed is not in the roster).

use super::current::{Now, add_months};
use super::facts::ApptF;
use super::messages::{Scene, bare};
use super::{Level, Raw, Rule};
use crate::codes::{Manner, PostKind};
use crate::message;
use crate::msg::{Arg, Msg};

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    let horizon = now.horizon(p.probation_warning_months);
    for &(ci, span) in &now.holders {
        for (_, a) in now.held(span) {
            let post = f.post(a.post);
            if post.kind != PostKind::Deputy || !f.unit(post.unit).city_department {
                continue;
            }
            let competition = match a.run_manner {
                Some(Manner::Appointed) => 0,
                Some(Manner::Competition) => 1,
                _ => continue,
            };
            let end = add_months(a.run_start, p.probation_months);
            if as_of < end && end <= horizon && promoted(now, ci, a) {
                out.push(Raw {
                    due: Some(end),
                    since: Some(a.run_start),
                    n: competition,
                    ..Raw::on_cadre(now, Rule::Prob1, Level::Notice, a.post, ci)
                });
            }
        }
    }
}

/// Whether the run of `a` (a 副职) was a promotion of cadre `ci` (see the module doc).
fn promoted(now: &Now, ci: u32, a: &ApptF) -> bool {
    let f = now.f;
    let earlier = || {
        f.appts[f.cadre(ci).appts.range()]
            .iter()
            .filter(move |b| b.start < a.run_start)
    };
    let level = f.post(a.post).level;
    // Levels order highest first, so the highest held before is the least value.
    let highest_before = earlier().filter_map(|b| f.post(b.post).level).min();
    match (level, highest_before) {
        (Some(l), Some(before)) => l < before,
        _ => !earlier()
            .any(|b| matches!(f.post(b.post).kind, PostKind::Principal | PostKind::Deputy)),
    }
}

/// `rule-probation`: 孙立于2023-06-15以委任方式任江川市水利局副局长，试用期12个月，将于
/// 2024-06-15期满，应及时考核确认（R-PROB-1）
pub(crate) fn message(now: &Scene, r: &Raw) -> Msg {
    let f = now.f;
    let (Some(post), Some(c), Some(end), Some(start)) = (r.post, r.cadre, r.due, r.since) else {
        return bare(r);
    };
    let manner = if r.n == 1 {
        Manner::Competition
    } else {
        Manner::Appointed
    };
    message!(
        "rule-probation",
        name = f.cadre_name(c).to_string(),
        since = start,
        manner = Arg::label(manner.label()),
        post = f.post_name(post),
        months = now.p.probation_months,
        due = end,
    )
}
