//! The events of a selection case: what the 全程纪实 records, as stored (JSON).

use crate::Date;
use crate::codes::{PostKind, PostLevel};
use serde::{Deserialize, Serialize};

/// A cadre of the registry, by row id and name as they were when the event was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub cadre: i64,
    pub name: String,
}

/// The post a case fills, as it was when the case was opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostRef {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub unit_code: String,
    pub unit_name: String,
    pub kind: PostKind,
    pub level: Option<PostLevel>,
    /// The unit is a 工作部门 (单位类别 市直单位): a promotion to its 副职 carries a 试用期
    /// (R-PROB-1).
    pub department: bool,
}

/// 动议: the post, why, among whom and on what conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiation {
    pub on: Date,
    pub post: PostRef,
    /// How many are to be appointed.
    pub places: u32,
    pub reason: String,
    pub scope: String,
    pub conditions: String,
    /// 差额: more 考察对象 than places (R-SEL-2).
    pub contested: bool,
}

/// Votes (or mentions in talks) for one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameVotes {
    pub name: String,
    pub votes: u32,
}

/// 考察 of one candidate (R-SEL-3/4/5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub on: Date,
    pub candidate: i64,
    /// 工作圈 and 生活圈 (R-SEL-3).
    pub work_circle: String,
    pub life_circle: String,
    /// 政治忠诚、政治定力、政治担当、政治能力、政治自律 (R-SEL-4).
    pub political: [String; 5],
    /// 个人有关事项报告 checked: the finding (R-SEL-5).
    pub personal_matters: String,
    /// 档案审核 (三龄两历一身份): the conclusion, and how many findings the data check had
    /// for the cadre that day (R-SEL-5).
    pub file_review: String,
    pub file_findings: u32,
}

/// One candidate's votes at the 常委会.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteCount {
    pub candidate: i64,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

/// Where the 常委会's counts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum VoteSource {
    /// A banzi approval ballot (its session).
    Ballot { session: i64 },
    /// Paper ballots counted and keyed in twice, by two people; the two keyings agreed.
    KeyedTwice { second_by: String },
}

/// What happened in a case. Each carries the day it happened (`on`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// 动议.
    Initiated(Initiation),
    /// 会议推荐, from a ballot session's tally (R-SEL-1, R-SEL-2).
    MeetingRecommendation {
        on: Date,
        session: i64,
        title: String,
        /// 实到人数 of the meeting.
        attended: u32,
        votes: Vec<NameVotes>,
    },
    /// 谈话调研推荐 (R-SEL-1).
    TalkRecommendation {
        on: Date,
        /// How many were talked to, and who (the scope).
        talked_to: u32,
        scope: String,
        summary: String,
        names: Vec<NameVotes>,
    },
    /// 组织推荐.
    OrganizationRecommendation {
        on: Date,
        names: Vec<String>,
        note: String,
    },
    /// A candidate named, found eligible (R-SEL-6).
    Nominated { on: Date, candidate: Person },
    /// 确定考察对象 (R-SEL-2).
    Shortlisted { on: Date, candidates: Vec<i64> },
    /// 考察 (R-SEL-3/4/5).
    Inspected(Inspection),
    /// 廉政意见 of the 纪检监察 reviewer (R-SEL-7).
    IntegrityOpinion {
        on: Date,
        candidate: i64,
        veto: bool,
        text: String,
        by: String,
    },
    /// An objection (信访举报, 公示期间反映) about a candidate.
    ObjectionReceived {
        on: Date,
        candidate: i64,
        serious: bool,
        text: String,
    },
    /// An objection verified (核实): `upheld` when found true and affecting the appointment.
    ObjectionVerified {
        on: Date,
        /// The objection's number in the case (1 for the first received).
        objection: u32,
        upheld: bool,
        finding: String,
    },
    /// 常委会 票决 (R-SEL-8).
    CommitteeVoted {
        on: Date,
        /// Members in office that day.
        members: u32,
        present: u32,
        source: VoteSource,
        counts: Vec<VoteCount>,
    },
    /// 任前公示 opened (R-SEL-9): its last working day, and the first day 任职 is allowed.
    PublicityOpened {
        on: Date,
        candidate: i64,
        days: u32,
        last_day: Date,
        allowed_from: Date,
    },
    /// 任职 (R-SEL-10), written to the registry in the same transaction.
    Appointed {
        on: Date,
        candidate: i64,
        document_no: String,
        /// The end of the 试用期 where R-PROB-1 gives one.
        probation_until: Option<Date>,
    },
    /// A candidate taken out of the case by the department.
    Withdrawn {
        on: Date,
        candidate: i64,
        reason: String,
    },
    /// A correction of the record at `of` (its index in the case, from 0): the event as it
    /// should have been written (R-SEL-12).
    Corrected {
        on: Date,
        of: u32,
        reason: String,
        event: Box<Event>,
    },
}

impl Event {
    /// The day it happened.
    pub fn on(&self) -> Date {
        match self {
            Event::Initiated(i) => i.on,
            Event::Inspected(i) => i.on,
            Event::MeetingRecommendation { on, .. }
            | Event::TalkRecommendation { on, .. }
            | Event::OrganizationRecommendation { on, .. }
            | Event::Nominated { on, .. }
            | Event::Shortlisted { on, .. }
            | Event::IntegrityOpinion { on, .. }
            | Event::ObjectionReceived { on, .. }
            | Event::ObjectionVerified { on, .. }
            | Event::CommitteeVoted { on, .. }
            | Event::PublicityOpened { on, .. }
            | Event::Appointed { on, .. }
            | Event::Withdrawn { on, .. }
            | Event::Corrected { on, .. } => *on,
        }
    }

    /// The stable key of the kind (stored beside the JSON, audited, shown by the catalog as
    /// `sel-event-<key>`).
    pub fn key(&self) -> &'static str {
        match self {
            Event::Initiated(_) => "initiated",
            Event::MeetingRecommendation { .. } => "meeting_recommendation",
            Event::TalkRecommendation { .. } => "talk_recommendation",
            Event::OrganizationRecommendation { .. } => "organization_recommendation",
            Event::Nominated { .. } => "nominated",
            Event::Shortlisted { .. } => "shortlisted",
            Event::Inspected(_) => "inspected",
            Event::IntegrityOpinion { .. } => "integrity_opinion",
            Event::ObjectionReceived { .. } => "objection_received",
            Event::ObjectionVerified { .. } => "objection_verified",
            Event::CommitteeVoted { .. } => "committee_voted",
            Event::PublicityOpened { .. } => "publicity_opened",
            Event::Appointed { .. } => "appointed",
            Event::Withdrawn { .. } => "withdrawn",
            Event::Corrected { .. } => "corrected",
        }
    }

    /// The candidate the event is about, when it is about one.
    pub fn candidate(&self) -> Option<i64> {
        match self {
            Event::Nominated { candidate, .. } => Some(candidate.cadre),
            Event::Inspected(i) => Some(i.candidate),
            Event::IntegrityOpinion { candidate, .. }
            | Event::ObjectionReceived { candidate, .. }
            | Event::PublicityOpened { candidate, .. }
            | Event::Appointed { candidate, .. }
            | Event::Withdrawn { candidate, .. } => Some(*candidate),
            _ => None,
        }
    }
}
