//! The state of a case, folded from its events (never stored apart from them).

use super::event::{Event, Initiation, Inspection, NameVotes, Person, VoteCount};
use crate::Date;

/// Where a candidate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Named, eligible, not (yet) a 考察对象.
    Nominated,
    /// 考察对象.
    Shortlisted,
    /// Passed the 常委会.
    Passed,
    /// 任前公示 open or done.
    Publicity,
    Appointed,
    /// Stopped by a veto (R-SEL-7).
    Vetoed,
    /// Did not get the votes of more than half of all members (R-SEL-8).
    Failed,
    /// An objection found true (R-SEL-9).
    Objection,
    Withdrawn,
}

impl Status {
    /// Out of the case for good.
    pub fn stopped(self) -> bool {
        matches!(
            self,
            Status::Vetoed | Status::Failed | Status::Objection | Status::Withdrawn
        )
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::Nominated => "nominated",
            Status::Shortlisted => "shortlisted",
            Status::Passed => "passed",
            Status::Publicity => "publicity",
            Status::Appointed => "appointed",
            Status::Vetoed => "vetoed",
            Status::Failed => "failed",
            Status::Objection => "objection",
            Status::Withdrawn => "withdrawn",
        }
    }
}

/// A candidate and what the case holds of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub person: Person,
    pub nominated_on: Date,
    pub status: Status,
    pub inspection: Option<Inspection>,
    /// (veto, the day).
    pub opinion: Option<(bool, Date)>,
    pub vote: Option<VoteCount>,
    /// (opened, last working day, 任职 allowed from).
    pub publicity: Option<(Date, Date, Date)>,
    /// (day, document number, end of 试用期).
    pub appointed: Option<(Date, String, Option<Date>)>,
}

/// An objection and its verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objection {
    pub candidate: i64,
    pub serious: bool,
    pub received: Date,
    /// (day, upheld).
    pub verified: Option<(Date, bool)>,
}

/// A recommendation of R-SEL-1: a meeting's (with 实到 and votes) or talks' (with mentions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub on: Date,
    /// 实到 of a meeting; none for talks.
    pub attended: Option<u32>,
    pub names: Vec<NameVotes>,
}

/// The step a case is at: the next thing to do (or done, or stopped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Recommendation,
    Shortlist,
    Inspection,
    Integrity,
    Decision,
    Publicity,
    Appointment,
    /// Every place filled (or every passed candidate appointed).
    Done,
    /// Nobody left to appoint.
    Stopped,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Recommendation,
        Step::Shortlist,
        Step::Inspection,
        Step::Integrity,
        Step::Decision,
        Step::Publicity,
        Step::Appointment,
        Step::Done,
        Step::Stopped,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Recommendation => "recommendation",
            Step::Shortlist => "shortlist",
            Step::Inspection => "inspection",
            Step::Integrity => "integrity",
            Step::Decision => "decision",
            Step::Publicity => "publicity",
            Step::Appointment => "appointment",
            Step::Done => "done",
            Step::Stopped => "stopped",
        }
    }
}

/// A case as its events make it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Case {
    /// The record as it stands: each event as written, or as its latest correction has it.
    pub records: Vec<Event>,
    /// How many events were appended (corrections included).
    pub appended: usize,
    pub initiation: Option<Initiation>,
    pub meetings: Vec<Recommendation>,
    pub talks: Vec<Recommendation>,
    pub organization: Vec<(Date, Vec<String>)>,
    pub candidates: Vec<Candidate>,
    pub shortlisted_on: Option<Date>,
    pub objections: Vec<Objection>,
    pub voted_on: Option<Date>,
    /// The day of the latest event: a new step may not happen before it.
    pub last_on: Option<Date>,
}

impl Case {
    /// The case its events make.
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Case {
        let mut c = Case::default();
        for e in events {
            c.apply(e);
        }
        c
    }

    /// Folds one more event in. A correction replaces the record it names and the state is
    /// folded again from the records.
    pub fn apply(&mut self, e: &Event) {
        self.appended += 1;
        self.last_on = Some(self.last_on.map_or(e.on(), |d| d.max(e.on())));
        if let Event::Corrected { of, event, .. } = e {
            let mut records = std::mem::take(&mut self.records);
            if let Some(r) = records.get_mut(*of as usize) {
                *r = (**event).clone();
            }
            let (appended, last_on) = (self.appended, self.last_on);
            *self = Case::default();
            for r in &records {
                self.fold(r);
            }
            self.records = records;
            self.appended = appended;
            self.last_on = last_on;
            return;
        }
        self.fold(e);
        self.records.push(e.clone());
    }

    fn fold(&mut self, e: &Event) {
        match e {
            Event::Initiated(i) => self.initiation = Some(i.clone()),
            Event::MeetingRecommendation {
                on,
                attended,
                votes,
                ..
            } => self.meetings.push(Recommendation {
                on: *on,
                attended: Some(*attended),
                names: votes.clone(),
            }),
            Event::TalkRecommendation { on, names, .. } => self.talks.push(Recommendation {
                on: *on,
                attended: None,
                names: names.clone(),
            }),
            Event::OrganizationRecommendation { on, names, .. } => {
                self.organization.push((*on, names.clone()))
            }
            Event::Nominated { on, candidate } => self.candidates.push(Candidate {
                person: candidate.clone(),
                nominated_on: *on,
                status: Status::Nominated,
                inspection: None,
                opinion: None,
                vote: None,
                publicity: None,
                appointed: None,
            }),
            Event::Shortlisted { on, candidates } => {
                self.shortlisted_on = Some(*on);
                for c in &mut self.candidates {
                    if candidates.contains(&c.person.cadre) {
                        c.status = Status::Shortlisted;
                    }
                }
            }
            Event::Inspected(i) => {
                if let Some(c) = self.candidate_mut(i.candidate) {
                    c.inspection = Some(i.clone());
                }
            }
            Event::IntegrityOpinion {
                on,
                candidate,
                veto,
                ..
            } => {
                if let Some(c) = self.candidate_mut(*candidate) {
                    c.opinion = Some((*veto, *on));
                    if *veto {
                        c.status = Status::Vetoed;
                    }
                }
            }
            Event::ObjectionReceived {
                on,
                candidate,
                serious,
                ..
            } => self.objections.push(Objection {
                candidate: *candidate,
                serious: *serious,
                received: *on,
                verified: None,
            }),
            Event::ObjectionVerified {
                on,
                objection,
                upheld,
                ..
            } => {
                let index = (*objection as usize).wrapping_sub(1);
                if let Some(o) = self.objections.get_mut(index) {
                    o.verified = Some((*on, *upheld));
                    let who = o.candidate;
                    if *upheld
                        && let Some(c) = self.candidate_mut(who)
                        && c.status != Status::Appointed
                    {
                        c.status = Status::Objection;
                    }
                }
            }
            Event::CommitteeVoted {
                on,
                members,
                counts,
                ..
            } => {
                self.voted_on = Some(*on);
                for v in counts {
                    if let Some(c) = self.candidate_mut(v.candidate) {
                        c.vote = Some(*v);
                        c.status = if passes(v.yes, *members) {
                            Status::Passed
                        } else {
                            Status::Failed
                        };
                    }
                }
            }
            Event::PublicityOpened {
                on,
                candidate,
                last_day,
                allowed_from,
                ..
            } => {
                if let Some(c) = self.candidate_mut(*candidate) {
                    c.publicity = Some((*on, *last_day, *allowed_from));
                    c.status = Status::Publicity;
                }
            }
            Event::Appointed {
                on,
                candidate,
                document_no,
                probation_until,
            } => {
                if let Some(c) = self.candidate_mut(*candidate) {
                    c.appointed = Some((*on, document_no.clone(), *probation_until));
                    c.status = Status::Appointed;
                }
            }
            Event::Withdrawn { candidate, .. } => {
                if let Some(c) = self.candidate_mut(*candidate) {
                    c.status = Status::Withdrawn;
                }
            }
            Event::Corrected { .. } => {}
        }
    }

    pub fn candidate(&self, cadre: i64) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.person.cadre == cadre)
    }

    fn candidate_mut(&mut self, cadre: i64) -> Option<&mut Candidate> {
        self.candidates.iter_mut().find(|c| c.person.cadre == cadre)
    }

    /// 考察对象 still in the case.
    pub fn shortlisted(&self) -> impl Iterator<Item = &Candidate> {
        self.candidates
            .iter()
            .filter(|c| c.status != Status::Nominated && !c.status.stopped())
    }

    /// The step the case is at.
    pub fn step(&self) -> Step {
        if self.initiation.is_none() || (self.meetings.is_empty() && self.talks.is_empty()) {
            return Step::Recommendation;
        }
        if self.shortlisted_on.is_none() {
            return Step::Shortlist;
        }
        let places = self.initiation.as_ref().map_or(1, |i| i.places) as usize;
        let appointed = self
            .candidates
            .iter()
            .filter(|c| c.status == Status::Appointed)
            .count();
        let live: Vec<&Candidate> = self.shortlisted().collect();
        if appointed >= places
            || (appointed > 0 && live.iter().all(|c| c.status == Status::Appointed))
        {
            return Step::Done;
        }
        if live.is_empty() {
            return Step::Stopped;
        }
        if self.voted_on.is_none() {
            if live.iter().any(|c| c.inspection.is_none()) {
                return Step::Inspection;
            }
            if live.iter().any(|c| c.opinion.is_none()) {
                return Step::Integrity;
            }
            return Step::Decision;
        }
        if live.iter().any(|c| c.status == Status::Passed) {
            return Step::Publicity;
        }
        if live.iter().any(|c| c.status == Status::Publicity) {
            return Step::Appointment;
        }
        Step::Stopped
    }
}

/// R-SEL-8: more than half of **all** members (not of those present).
pub fn passes(yes: u32, members: u32) -> bool {
    u64::from(yes) * 2 > u64::from(members)
}
