//! 试用期 — R-PROB-1 (R-SEL-10: a 试用期 of 1 year where it applies).
//!
//! The roster does not say which appointments carry a probation; it is read from the
//! 任职方式 of the joined run held on the as-of date: a run on a 正职 or 副职 post that began
//! by 委任 or 竞争上岗 (a promotion to a non-elected leadership post) has one; 选任, 交流,
//! 系统外交流, 挂职 and a blank manner have none. The probation ends on the run's start +
//! 12 months *(param)*; a notice is raised when it ends after the as-of date and no later
//! than as-of + 1 month *(param)*: the cadre is then due for assessment and confirmation.
//! A probation already over is not flagged (whether it was confirmed is not in the roster).

use super::current::{Now, add_months};
use super::messages::{Scene, msg};
use super::{Level, Raw, Rule};
use crate::codes::{Manner, PostKind};

pub(crate) fn check(now: &Now, out: &mut Vec<Raw>) {
    let (f, p, as_of) = (now.f, now.p, now.as_of);
    let horizon = now.horizon(p.probation_warning_months);
    for &(ci, span) in &now.holders {
        for (_, a) in now.held(span) {
            let post = f.post(a.post);
            if !matches!(post.kind, PostKind::Principal | PostKind::Deputy) {
                continue;
            }
            let competition = match a.run_manner {
                Some(Manner::Appointed) => 0,
                Some(Manner::Competition) => 1,
                _ => continue,
            };
            let end = add_months(a.run_start, p.probation_months);
            if as_of < end && end <= horizon {
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

/// 孙立于2023-06-15以委任方式任江川市水利局副局长，试用期12个月，将于2024-06-15期满，
/// 应及时考核确认（R-PROB-1）
pub(crate) fn message(now: &Scene, r: &Raw) -> String {
    let f = now.f;
    let (Some(post), Some(c), Some(end), Some(start)) = (r.post, r.cadre, r.due, r.since) else {
        return String::new();
    };
    let manner = if r.n == 1 {
        Manner::Competition
    } else {
        Manner::Appointed
    };
    msg! {
        f.cadre(c).name, "于", start, "以", manner.label(), "方式任", f.post(post).full_name,
        "，试用期", now.p.probation_months, "个月，将于", end, "期满，应及时考核确认（R-PROB-1）"
    }
}
