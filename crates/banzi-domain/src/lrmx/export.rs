//! What an export fills in beside the stored record (issue 16, item 2): 计算年龄时间, the 2025
//! elements by R-AGE-1, and 拟任/拟免/任免理由 from a proposed appointment.

use super::LrmxPerson;
use super::dates::LrmxDate;
use crate::codes::Gender;
use crate::date::{Date, YearMonth, add_years};
use crate::rules::{Params, RankGroup, RetireRule, rank_group, retirement_by};

/// A proposed appointment (拟任/拟免) and its reason, as the form prints them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proposal {
    /// 拟任职务.
    pub appoint: String,
    /// 拟免职务.
    pub remove: String,
    /// 任免理由.
    pub reason: String,
}

/// The values an export computes.
#[derive(Debug, Clone, Copy)]
pub struct Export<'a> {
    /// 计算年龄时间: the as-of day of the form.
    pub as_of: Date,
    /// The cadre's cell of the retirement table (R-AGE-1).
    pub rule: RetireRule,
    /// The proposed appointment, when there is one.
    pub proposal: Option<&'a Proposal>,
}

impl<'a> Export<'a> {
    /// The export of a cadre of `rank` (现职级) and `gender` under `params`; an unknown rank
    /// takes the rule below 县处级, as the alerts do (R-AGE-1).
    pub fn new(
        as_of: Date,
        params: &Params,
        rank: &str,
        gender: Gender,
        proposal: Option<&'a Proposal>,
    ) -> Export<'a> {
        let group = rank_group(rank).unwrap_or(RankGroup::Below);
        Export {
            as_of,
            rule: params.retire_rule(group, gender),
            proposal,
        }
    }
}

impl LrmxPerson {
    /// The person as an export writes them: 计算年龄时间 is the as-of day; 改革前任职年龄界限
    /// is the month the base age is reached (birth + base years) and 到龄年月 the month it is
    /// reached under the reform's delay, both from the birth date in the ID number
    /// (R-AGE-1); 拟任职务, 拟免职务 and 任免理由 are the proposal's, or blank without one.
    pub fn for_export(&self, e: &Export<'_>) -> LrmxPerson {
        let birth = self.id_number.birth_date();
        let base = i16::try_from(e.rule.age).unwrap_or(i16::MAX);
        let p = e.proposal.cloned().unwrap_or_default();
        LrmxPerson {
            age_as_of: Some(LrmxDate::Day(e.as_of)),
            pre_reform_limit: Some(YearMonth::from(add_years(birth, base))),
            due: Some(retirement_by(birth, e.rule).month),
            proposed_post: p.appoint,
            proposed_removal: p.remove,
            reason: p.reason,
            ..self.clone()
        }
    }
}
