//! 竞争上岗 / 竞争性选拔 — R-SEL-11: published posts and conditions, eligibility review
//! (资格审查), a written exam, a structured interview before several judges with the highest
//! and lowest scores dropped, a weighted total, a ranking, and 差额 to 考察; everything public
//! (五公开: post, conditions, procedure, process, result — [`notice`]).
//!
//! Plain data in ([`Competition`]), results out ([`Outcome`]); no clock, no storage.
//!
//! Interpretations where the texts are silent:
//! - **Scores** are exact decimals of at most two places ([`Score`], hundredths), between 0 and
//!   the setup's full mark (100 by default), the same for the written exam and the interview:
//!   the total weighs the two as they are, so both are on one scale.
//! - **Interview score**: the mean of the scores left after dropping the `drop_each_end`
//!   highest and as many lowest (equal scores at an end are dropped one at a time), from the
//!   exact sum, rounded half up to two decimals ([`trimmed_mean`]). That rounded figure is
//!   the interview score published and weighted.
//! - **Total** = written × w + interview × (1 − w), computed exactly and rounded once, half
//!   up, to two decimals ([`total`]). **Ranking is by that published total** ([`Total`]):
//!   people check their place against the notice, so totals shown alike rank alike. Equal
//!   totals share a rank (1, 2, 2, 4); within a tie applicants keep their order of
//!   registration, which decides nothing.
//! - **Judges**: the setup names the panel; every applicant who passed the review must have a
//!   score from every judge of it and from no one else, or nothing is ranked and the result
//!   names each applicant with the judges missing (or unknown). A panel smaller than
//!   `2 × drop_each_end + 1` is refused.
//! - **Review**: scoring waits until every applicant has been reviewed (the refusal names
//!   those who have not); only those who passed are scored and ranked, and a score given to
//!   one who did not pass is refused.
//! - **Posts**: an applicant applies for one post; each post is ranked on its own against its
//!   places.
//! - **差额** ([`Shortlist`]): how many of a post's applicants go on to 考察 — `PerPlace(n)`
//!   (1:n, n per place), `Extra(n)` (places + n) or `Share(f)` (places + ⌈places × f⌉, at
//!   least one more: R-SEL-2's `sel.shortlist_extra`, the default). It must name more people
//!   than places. A tie across the cut line is not decided here: the result names who ties
//!   for which places ([`CutTie`]); fewer applicants than the shortlist are all shortlisted,
//!   and the result says the 差额 was not reached.

mod notice;
mod rank;
mod score;
#[cfg(test)]
mod tests;
mod text;

pub use notice::{
    Block, Notice, NoticeKind, Text, conditions_notice, five_notices, post_notice,
    procedure_notice, process_notice, result_notice,
};
pub use rank::{CutTie, Interview, Outcome, PostResult, Ranked, Standing, rank, score};
pub use score::{MAX_FULL_MARKS, Score, Total, dropped, total, trimmed_mean};
pub use text::{CompetitionText, FAILED, PASSED, from_text};

use crate::message;
use crate::msg::{Arg, Msg};
use crate::rules::{Fraction, Params};
use std::collections::{BTreeMap, BTreeSet};

/// A post offered (职位) and its number of places (职数).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub title: String,
    pub places: u32,
}

/// How many of a post's applicants go on to 考察 (差额), see the module doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortlist {
    /// 1:n — n 考察对象 for each place (1:2 is `PerPlace(2)`).
    PerPlace(u32),
    /// The places and n more.
    Extra(u32),
    /// The places and ⌈places × share⌉ more, at least one (R-SEL-2's `sel.shortlist_extra`).
    Share(Fraction),
}

impl Shortlist {
    /// How many go on to 考察 for a post of `places`.
    pub fn size(self, places: u32) -> u32 {
        let p = u64::from(places);
        let n = match self {
            Shortlist::PerPlace(n) => p * u64::from(n),
            Shortlist::Extra(n) => p + u64::from(n),
            Shortlist::Share(f) => {
                let den = u64::from(f.den.max(1));
                p + (p * u64::from(f.num)).div_ceil(den).max(1)
            }
        };
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// A competition as set up and published: its posts, conditions, weights, judges, 差额.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    /// 2026年市财政局科级干部竞争上岗.
    pub title: String,
    /// Who publishes the notices (中共××市委组织部).
    pub issuer: String,
    pub posts: Vec<Post>,
    /// The published conditions (报名条件), one per line as entered.
    pub conditions: Vec<String>,
    /// The written exam's weight in the total; the interview has the rest.
    pub written_weight: Fraction,
    /// Interview scores dropped at each end (highest and lowest).
    pub drop_each_end: u32,
    pub shortlist: Shortlist,
    /// The full mark of the written exam and of each interview score.
    pub full_marks: Score,
    /// The interview panel (评委), by name.
    pub judges: Vec<String>,
}

impl Setup {
    /// A setup with the weights, the drop and the 差额 of the rule parameters
    /// (`sel.written_share`, `sel.drop_each_end`, `sel.shortlist_extra`), 100 points full.
    pub fn new(title: &str, issuer: &str, posts: Vec<Post>, params: &Params) -> Setup {
        Setup {
            title: title.to_string(),
            issuer: issuer.to_string(),
            posts,
            conditions: Vec::new(),
            written_weight: params.written_share,
            drop_each_end: params.drop_each_end,
            shortlist: Shortlist::Share(params.shortlist_extra),
            full_marks: Score::HUNDRED,
            judges: Vec::new(),
        }
    }

    /// Every problem of the setup at once; empty when it can be published. The panel of
    /// judges is chosen later and checked by [`Setup::check_panel`] before scoring.
    pub fn check(&self) -> Vec<Msg> {
        let mut out = Vec::new();
        if self.title.trim().is_empty() {
            out.push(message!("competition-title-empty"));
        }
        if self.posts.is_empty() {
            out.push(message!("competition-no-posts"));
        }
        for (i, p) in self.posts.iter().enumerate() {
            if p.title.trim().is_empty() {
                out.push(message!("competition-post-title-empty", n = i + 1));
            }
            if p.places == 0 {
                out.push(message!("competition-post-no-places", post = &p.title));
            }
        }
        // R-SEL-11: the conditions are published; a competition without any has none to
        // review applications against.
        if self.conditions.iter().all(|c| c.trim().is_empty()) {
            out.push(message!("competition-no-conditions"));
        }
        let w = self.written_weight;
        if w.den == 0 || w.num > w.den {
            out.push(message!(
                "competition-weight-out-of-range",
                weight = w.to_string()
            ));
        }
        if self.full_marks.hundredths() == 0 || self.full_marks > MAX_FULL_MARKS {
            out.push(message!(
                "competition-full-marks-out-of-range",
                value = self.full_marks,
                max = MAX_FULL_MARKS
            ));
        }
        if self
            .posts
            .iter()
            .any(|p| self.shortlist.size(p.places) <= p.places)
        {
            out.push(message!("competition-shortlist-not-more"));
        }
        out
    }

    /// The interview panel: named, each once, and enough of them for the drop.
    pub fn check_panel(&self) -> Vec<Msg> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for j in &self.judges {
            if j.trim().is_empty() {
                out.push(message!("competition-judge-name-empty"));
            } else if !seen.insert(j.as_str()) {
                out.push(message!("competition-judge-twice", judge = j));
            }
        }
        let need = 2 * self.drop_each_end as usize + 1;
        if self.judges.len() < need {
            out.push(message!(
                "competition-judges-too-few",
                count = self.judges.len(),
                need = need,
                drop = self.drop_each_end
            ));
        }
        out
    }
}

/// The eligibility review (资格审查) of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// Not reviewed yet.
    Pending,
    Passed,
    /// Not eligible, and why (as the reviewer wrote it; published in the process notice).
    Failed {
        reason: String,
    },
}

/// One application: who, for which post (index into [`Setup::posts`]), the review, and the
/// scores once given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    pub name: String,
    pub post: usize,
    pub review: Review,
    pub written: Option<Score>,
    /// Judge's name → score.
    pub interview: BTreeMap<String, Score>,
}

impl Applicant {
    /// An application not yet reviewed, without scores.
    pub fn new(name: &str, post: usize) -> Applicant {
        Applicant {
            name: name.to_string(),
            post,
            review: Review::Pending,
            written: None,
            interview: BTreeMap::new(),
        }
    }
}

/// A competition: its setup and applications, in order of registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competition {
    pub setup: Setup,
    pub applicants: Vec<Applicant>,
}

/// Names as one list argument of a message.
fn names<'a>(it: impl IntoIterator<Item = &'a str>) -> Arg {
    Arg::List(it.into_iter().map(|n| Arg::from(n.to_string())).collect())
}
