//! Meetings and anonymous ballots — DOMAIN.md M5 (民主推荐, 民主测评).
//!
//! A ballot session belongs to a meeting. It has rater groups (班子成员, 中层干部, 服务对象 …),
//! each weighted (R-VOTE-6) and given a number of one-time codes (R-VOTE-2), and one or more
//! questions of the kinds of R-VOTE-1. A ballot answers every question; it carries its rater
//! group and nothing else about who cast it (R-VOTE-3).
//!
//! Interpretations where the texts are silent:
//! - Validity (R-VOTE-5) is judged per question: a ballot that picks too many names on one
//!   question is invalid on that question and still counts on the others, as a paper form
//!   with several sections is counted. An answer with nothing marked is valid (an abstention).
//! - Online ballots are checked before they are accepted: over-selection is refused with a
//!   message and the code stays unused (R-SEC-4), so invalid ballots come from paper only.
//! - R-SEL-2's attendees are the attendance of the meeting (实到人数, DOMAIN.md as corrected
//!   2026-12-02; issue 12), not the ballots cast: staff record it on the session from the
//!   meeting's sign-in ([`SessionSpec::attended`], beside 应到人数) before it opens, and may
//!   correct it until it closes ([`attendance`]). A name passes with votes strictly over X%
//!   of 实到, in integers: `votes × den > 实到 × num`. The shares shown beside the votes are
//!   of 实到 as well, so a share and its pass mark read against the same number; a
//!   question's valid and invalid answers still add up to the ballots cast.
//! - Ballots cast (online and counted paper, valid or not) never exceed 实到: a session with
//!   more refuses to close, naming both numbers, until people have resolved it.
//! - A session stored before 实到 was recorded reads with none (`serde(default)`; nothing
//!   stored changes). A draft must have it entered before it opens, an open one before it
//!   closes. A closed one keeps the result it closed with: counted over the ballots cast,
//!   and the tally says so ([`Tally::attended`] is `None`, [`Tally::attendees`] the ballots
//!   cast).
//! - A weighted rating (R-VOTE-6) is Σ weight × (mean grade value within the group) over the
//!   groups that rated, divided by the sum of those groups' weights; grade values are
//!   parameters of the session (default 优秀/好 100, 称职/较好 80, 基本称职/一般 60, 不称职/差 0).

pub mod attendance;
mod check;
pub mod codes;
mod exact;
pub mod guesses;
mod setup;
pub mod tally;
#[cfg(test)]
mod tests;

pub use check::{check_online, check_paper, check_spec, valid_on};
pub use setup::{SetupText, parse_setup};
pub use tally::{OptionTally, QuestionTally, Tally, tally};

use crate::Date;
use crate::msg::Msg;
use crate::rules::Fraction;
use serde::{Deserialize, Serialize};

/// What a question asks (R-VOTE-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    /// 推荐: pick at most `max` names from the options, and write-ins when allowed.
    Recommend { max: u32, write_ins: bool },
    /// 同意/不同意/弃权 for each candidate.
    Approve,
    /// 优秀/称职/基本称职/不称职 for each cadre.
    RateCadre,
    /// 好/较好/一般/差 for each team.
    RateTeam,
}

impl QuestionKind {
    /// The marks an answer may give each option, in order, in Chinese as the result
    /// workbook files them (an official record, `banzi-io`'s `ballot_write`); empty for a
    /// recommendation. Pages show [`QuestionKind::mark_names`].
    pub fn marks(&self) -> &'static [&'static str] {
        match self {
            QuestionKind::Recommend { .. } => &[],
            QuestionKind::Approve => &["同意", "不同意", "弃权"],
            QuestionKind::RateCadre => &["优秀", "称职", "基本称职", "不称职"],
            QuestionKind::RateTeam => &["好", "较好", "一般", "差"],
        }
    }

    /// 推荐, 赞成票, 干部测评, 班子测评: the kind in Chinese as the result workbook files it.
    /// Pages show [`QuestionKind::name`].
    pub fn label(&self) -> &'static str {
        match self {
            QuestionKind::Recommend { .. } => "推荐",
            QuestionKind::Approve => "赞成票",
            QuestionKind::RateCadre => "干部测评",
            QuestionKind::RateTeam => "班子测评",
        }
    }

    /// The kind as pages name it, worded in the reader's language.
    pub fn name(&self) -> Msg {
        Msg::new(match self {
            QuestionKind::Recommend { .. } => "ballot-kind-recommend",
            QuestionKind::Approve => "ballot-kind-approve",
            QuestionKind::RateCadre => "ballot-kind-rate-cadre",
            QuestionKind::RateTeam => "ballot-kind-rate-team",
        })
    }

    /// The marks as pages name them, parallel to [`QuestionKind::marks`].
    pub fn mark_names(&self) -> Vec<Msg> {
        let ids: &[&'static str] = match self {
            QuestionKind::Recommend { .. } => &[],
            QuestionKind::Approve => &[
                "ballot-mark-approve-yes",
                "ballot-mark-approve-no",
                "ballot-mark-approve-abstain",
            ],
            QuestionKind::RateCadre => &[
                "ballot-mark-cadre-excellent",
                "ballot-mark-cadre-competent",
                "ballot-mark-cadre-basically-competent",
                "ballot-mark-cadre-incompetent",
            ],
            QuestionKind::RateTeam => &[
                "ballot-mark-team-good",
                "ballot-mark-team-fairly-good",
                "ballot-mark-team-fair",
                "ballot-mark-team-poor",
            ],
        };
        ids.iter().map(|id| Msg::new(id)).collect()
    }
}

/// One question of a session: its title and the names (candidates, cadres or teams) it
/// lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub title: String,
    #[serde(flatten)]
    pub kind: QuestionKind,
    pub options: Vec<String>,
}

/// A rater group (R-VOTE-6): its weight in percent and the codes issued to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    pub weight: u32,
    pub codes: u32,
}

/// A ballot session as staff set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSpec {
    pub title: String,
    pub meeting_date: Date,
    /// 应到人数.
    pub expected: u32,
    /// 实到人数, from the meeting's sign-in: R-SEL-2's attendees. None until staff enter it
    /// (a session must have it to open), and in sessions stored before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attended: Option<u32>,
    pub groups: Vec<Group>,
    pub questions: Vec<Question>,
    /// R-SEL-2: a candidate passes with votes over this share of the attendees (实到).
    #[serde(with = "fraction_text")]
    pub threshold: Fraction,
    /// The value of each grade of a rating, best first (4 values).
    pub grade_values: [u32; 4],
}

/// The answer to one question: the names picked (indices into the options, and write-ins),
/// or one mark per option (an index into [`QuestionKind::marks`], or none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Picks {
        picks: Vec<u32>,
        #[serde(default)]
        write_ins: Vec<String>,
    },
    Marks {
        marks: Vec<Option<u8>>,
    },
}

/// A ballot: one answer per question, in order.
pub type Ballot = Vec<Answer>;

/// A cast ballot as a tally reads it: the index of its rater group and its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cast {
    pub group: usize,
    pub ballot: Ballot,
}

mod fraction_text {
    use crate::rules::Fraction;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(f: &Fraction, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{}/{}", f.num, f.den))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Fraction, D::Error> {
        let t = String::deserialize(d)?;
        Fraction::parse(&t).map_err(serde::de::Error::custom)
    }
}
