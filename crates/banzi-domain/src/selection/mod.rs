//! 干部选拔任用 — DOMAIN.md M4 (R-SEL-1 … R-SEL-12), a selection case as commands in and
//! events out.
//!
//! A case is one post to fill (a batch of 换届 or 个别调整 groups several). Its record is the
//! list of its [`Event`]s, appended and never edited (全程纪实, R-SEL-12); the state
//! ([`Case`]) is folded from them and never kept apart. [`handle`] decides a [`Command`]
//! against the state: it returns the events to append, or every unmet precondition, each
//! naming its R-id ([`Unmet`]), and nothing is written. Nothing else writes a case.
//!
//! Steps (M4): 动议 ([`Command::Initiate`]) → 民主推荐 (会议推荐 from a ballot session,
//! 谈话调研推荐, 组织推荐) with 任职资格 checked as candidates are named (R-SEL-6) → 确定考察对象
//! (R-SEL-1 validity, R-SEL-2 votes and 差额) → 考察 (R-SEL-3/4/5) → 廉政意见 (R-SEL-7, the
//! 纪检监察 reviewer only; a veto stops the candidate) → 讨论决定 (R-SEL-8) → 任前公示 (R-SEL-9,
//! on the working-day calendar; objections verified) → 任职 (R-SEL-10).
//!
//! Interpretations where the texts are silent, written here:
//! - Every step carries the day it happened (`on`), never after the day it is recorded and
//!   never before the step it follows; a refusal of order cites R-SEL-12 (the record).
//! - R-SEL-1: 会议推荐 or 谈话调研推荐 is required; 组织推荐 is recorded when there is one and
//!   does not replace them. A recommendation is valid `sel.recommend_valid_days` *(param)*
//!   days to the day 考察对象 are determined (365: a year later is allowed, a day more not).
//! - R-SEL-2: with a valid 会议推荐, each 考察对象 needs votes strictly over
//!   `sel.candidate_share` *(param)* of 实到 (of the latest valid meeting); with talks only,
//!   each must have been named in one. A 差额 case needs at least ⌈places ×
//!   `sel.shortlist_extra`⌉ (and at least one) more 考察对象 than places.
//! - R-SEL-6 is checked when a candidate is named ([`Command::Nominate`]): an ineligible
//!   candidate is refused with every unmet condition.
//! - An objection found true (属实, affecting the appointment) stops the candidate, as a veto
//!   does; one found untrue lets the case go on.
//! - A correction ([`Command::Correct`]) replaces what was written in a record of 谈话调研推荐,
//!   组织推荐, 考察 or 动议's texts, by a new event naming the one it corrects, until the
//!   常委会 has voted; decisions (votes, opinions, dates of 公示, 任职) are never corrected.

mod case;
pub mod chain;
pub mod checklist;
mod command;
pub mod eligibility;
mod event;
#[cfg(test)]
mod tests;

pub use case::{Candidate, Case, Status, Step};
pub use command::{Command, Ctx, POLITICAL, WorkingDays, handle, probation};
pub use eligibility::{Condition, EligibilityFacts, HeldPost};
pub use event::{Event, Initiation, Inspection, NameVotes, Person, PostRef, VoteCount, VoteSource};

use crate::msg::Msg;

/// A precondition a command did not meet: the rule it comes from and what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    /// `R-SEL-…`.
    pub rule: &'static str,
    pub msg: Msg,
}

impl Unmet {
    pub fn new(rule: &'static str, msg: Msg) -> Unmet {
        Unmet { rule, msg }
    }
}
