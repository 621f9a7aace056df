//! 信息校核 — the data check of the whole registry (issue 16, item 5; DOMAIN.md M1, R-SEL-12).
//!
//! Each cadre's record is checked on its own, against itself: the ID number against gender
//! and birth date; 三龄两历 (入党时间 on or after the 18th birthday, 参加工作时间 on or after the
//! 16th); the 简历 in order, without gaps or overlaps of more than a month, its open line
//! naming an appointment in force and every appointment in force named by an open line (of
//! one who holds no post the open line is not judged: the registry does not know it);
//! appointments not before the 18th birthday; and the fields the 干部任免审批表 (R-SEL-12)
//! needs that the registry holds.
//!
//! Education dates (each 学历's start and end, after birth and in order) are part of the
//! issue's check, but the registry holds no education dates yet: that check waits for them
//! and is not pretended here.

mod report;
#[cfg(test)]
mod tests;

pub use report::{Checked, Group, Line, Report};

use crate::cadre::ResumeLine;
use crate::codes::Party;
use crate::date::{Date, YearMonth, add_years, make_date};
use crate::message;
use crate::msg::{Arg, Msg};
use crate::registry::Cadre;

/// The checks, in the order the report counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(into = "&'static str")]
pub enum Check {
    /// 性别 disagrees with the 17th digit of the ID number.
    IdGender,
    /// 出生日期 disagrees with the ID number.
    IdBirth,
    /// 入党时间 before the 18th birthday.
    PartyAge,
    /// 参加工作时间 before the 16th birthday.
    WorkAge,
    /// A 简历 line ending before it starts.
    ResumeReversed,
    /// More than a month between one 简历 line's end and the next one's start.
    ResumeGap,
    /// Consecutive 简历 lines overlapping by more than a month.
    ResumeOverlap,
    /// The 简历's current period and the appointments in force disagree.
    ResumeCurrent,
    /// An appointment starting before the 18th birthday.
    AppointmentAge,
    /// A field the 任免审批表 needs is missing.
    MissingForPrint,
    /// An education period (a 简历 line of study, or a （其间：…） study) before birth,
    /// ending before it starts, or out of order.
    EducationDates,
}

impl From<Check> for &'static str {
    fn from(c: Check) -> &'static str {
        c.key()
    }
}

impl Check {
    pub const ALL: [Check; 11] = [
        Check::IdGender,
        Check::IdBirth,
        Check::PartyAge,
        Check::WorkAge,
        Check::ResumeReversed,
        Check::ResumeGap,
        Check::ResumeOverlap,
        Check::ResumeCurrent,
        Check::AppointmentAge,
        Check::MissingForPrint,
        Check::EducationDates,
    ];

    /// The stable key of the check (JSON, addresses, anchors).
    pub fn key(self) -> &'static str {
        match self {
            Check::IdGender => "id-gender",
            Check::IdBirth => "id-birth",
            Check::PartyAge => "party-age",
            Check::WorkAge => "work-age",
            Check::ResumeReversed => "resume-reversed",
            Check::ResumeGap => "resume-gap",
            Check::ResumeOverlap => "resume-overlap",
            Check::ResumeCurrent => "resume-current",
            Check::AppointmentAge => "appointment-age",
            Check::MissingForPrint => "missing-for-print",
            Check::EducationDates => "education-dates",
        }
    }

    /// The check by its key.
    pub fn from_key(key: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The name of the check, as a column head.
    pub fn name(self) -> Msg {
        Msg::new(match self {
            Check::IdGender => "datacheck-check-id-gender",
            Check::IdBirth => "datacheck-check-id-birth",
            Check::PartyAge => "datacheck-check-party-age",
            Check::WorkAge => "datacheck-check-work-age",
            Check::ResumeReversed => "datacheck-check-resume-reversed",
            Check::ResumeGap => "datacheck-check-resume-gap",
            Check::ResumeOverlap => "datacheck-check-resume-overlap",
            Check::ResumeCurrent => "datacheck-check-resume-current",
            Check::AppointmentAge => "datacheck-check-appointment-age",
            Check::MissingForPrint => "datacheck-check-missing-for-print",
            Check::EducationDates => "datacheck-check-education-dates",
        })
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One appointment of the cadre, with what the 简历 should name of it (borrowed from the
/// posts, which a province shares among a million appointments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held<'a> {
    pub unit_name: &'a str,
    pub title: &'a str,
    pub start: Date,
    /// The first day it is no longer held; None while in force.
    pub end: Option<Date>,
}

impl Held<'_> {
    fn in_force(&self, as_of: Date) -> bool {
        self.start <= as_of && self.end.is_none_or(|e| e > as_of)
    }
}

/// What is checked of one cadre.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub cadre: &'a Cadre,
    pub resume: &'a [ResumeLine],
    pub held: &'a [Held<'a>],
    pub has_photo: bool,
}

/// One inconsistency found: which check, and the message naming the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    pub message: Msg,
}

/// A year and month as a message argument (its first day, written as the language writes
/// months).
fn month(ym: YearMonth) -> Arg {
    Arg::Month(make_date(ym.year.into(), ym.month.into(), 1).unwrap_or(Date::ZERO))
}

/// Months from `a` to `b` (negative when `b` is earlier).
fn months_between(a: YearMonth, b: YearMonth) -> i32 {
    (i32::from(b.year) - i32::from(a.year)) * 12 + i32::from(b.month) - i32::from(a.month)
}

/// Every finding of one cadre's record on `as_of` (the day that decides which appointments
/// are in force and where an open 简历 line ends), in the order of [`Check::ALL`].
pub fn check(f: &Facts, as_of: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    let c = f.cadre;
    let mut add = |check: Check, message: Msg| out.push(Finding { check, message });
    let id = &c.id_number;
    if c.gender != id.gender() {
        add(
            Check::IdGender,
            message!(
                "datacheck-id-gender",
                gender = Arg::label(c.gender.label()),
                id_gender = Arg::label(id.gender().label()),
            ),
        );
    }
    if c.birth_date != id.birth_date() {
        add(
            Check::IdBirth,
            message!(
                "datacheck-id-birth",
                birth = c.birth_date,
                id_birth = id.birth_date()
            ),
        );
    }
    let eighteen = add_years(c.birth_date, 18);
    if let Some(joined) = c.party_joined
        && joined < eighteen
    {
        add(
            Check::PartyAge,
            message!("datacheck-party-age", joined = joined, birthday = eighteen),
        );
    }
    let sixteen = add_years(c.birth_date, 16);
    if let Some(started) = c.work_started
        && started < sixteen
    {
        add(
            Check::WorkAge,
            message!("datacheck-work-age", started = started, birthday = sixteen),
        );
    }
    resume(f, as_of, &mut add);
    for h in f.held {
        if h.start < eighteen {
            add(
                Check::AppointmentAge,
                message!(
                    "datacheck-appointment-age",
                    unit = h.unit_name.to_string(),
                    post = h.title.to_string(),
                    start = h.start,
                    birthday = eighteen,
                ),
            );
        }
    }
    let missing = missing_for_print(f);
    if !missing.is_empty() {
        let count = missing.len();
        add(
            Check::MissingForPrint,
            message!(
                "datacheck-missing",
                fields = Arg::List(missing.into_iter().map(Arg::from).collect()),
                count = count,
            ),
        );
    }
    education(f, &mut add);
    out.sort_by_key(|x| x.check.index());
    out
}

/// The education dates the record holds: the 简历's periods of study (a line ending in
/// 学习) and the in-service studies written in its lines (`（其间：2004.09--2007.07在…学习）`).
/// Each starts after birth and ends after it starts, and they follow one another in the
/// order written (the registry has no separate education dates; issue 16, item 5).
fn education(f: &Facts, add: &mut impl FnMut(Check, Msg)) {
    use crate::lrmx::{DURING_OPEN, ResumeEntry, STUDY, leading_period};
    let born = YearMonth::from(f.cadre.birth_date);
    let mut studies: Vec<(YearMonth, Option<YearMonth>, String)> = Vec::new();
    for l in f.resume {
        // Most lines hold no study written in brackets: read without a copy.
        if !l.text.contains(DURING_OPEN) {
            if l.text.ends_with(STUDY) {
                studies.push((l.start, l.end, l.text.clone()));
            }
            continue;
        }
        let e = ResumeEntry::from_line(l);
        if e.period.text.ends_with(STUDY) {
            studies.push((l.start, l.end, e.period.text.clone()));
        }
        for d in &e.during {
            if let Some((start, end)) = leading_period(d) {
                studies.push((start, end, d.clone()));
            }
        }
    }
    let mut previous: Option<&(YearMonth, Option<YearMonth>, String)> = None;
    for s in &studies {
        let (start, end, text) = s;
        if *start < born {
            add(
                Check::EducationDates,
                message!(
                    "datacheck-education-before-birth",
                    text = text.clone(),
                    start = month(*start),
                    birth = f.cadre.birth_date,
                ),
            );
        } else if let Some(e) = end
            && e < start
        {
            add(
                Check::EducationDates,
                message!(
                    "datacheck-education-reversed",
                    text = text.clone(),
                    start = month(*start),
                    end = month(*e),
                ),
            );
        } else if let Some(p) = previous
            && *start < p.0
        {
            add(
                Check::EducationDates,
                message!(
                    "datacheck-education-order",
                    first = p.2.clone(),
                    second = text.clone(),
                ),
            );
        }
        previous = Some(s);
    }
}

/// The 简历 checks: each line in order, consecutive lines (by start) without a gap or an
/// overlap of more than one month (an end month equal to the next start month, or the month
/// before it, is continuous), and the open line against the appointments in force.
fn resume(f: &Facts, as_of: Date, add: &mut impl FnMut(Check, Msg)) {
    let today = YearMonth::from(as_of);
    for l in f.resume {
        if let Some(end) = l.end
            && end < l.start
        {
            add(
                Check::ResumeReversed,
                message!(
                    "datacheck-resume-reversed",
                    start = month(l.start),
                    end = month(end),
                    text = l.text.clone(),
                ),
            );
        }
    }
    // A reversed line is reported as such; its neighbours are compared without it.
    let mut lines: Vec<&ResumeLine> = f
        .resume
        .iter()
        .filter(|l| l.end.is_none_or(|e| e >= l.start))
        .collect();
    lines.sort_by_key(|l| l.start);
    for w in lines.windows(2) {
        let (a, b) = (w[0], w[1]);
        // An open line runs to this month.
        let end = a.end.unwrap_or(today);
        let gap = months_between(end, b.start);
        if gap > 1 {
            add(
                Check::ResumeGap,
                message!(
                    "datacheck-resume-gap",
                    end = month(end),
                    start = month(b.start),
                    months = gap,
                ),
            );
        } else if gap < -1 {
            add(
                Check::ResumeOverlap,
                message!(
                    "datacheck-resume-overlap",
                    first = a.text.clone(),
                    second = b.text.clone(),
                    months = -gap,
                ),
            );
        }
    }
    let in_force: Vec<&Held> = f.held.iter().filter(|h| h.in_force(as_of)).collect();
    if f.resume.is_empty() || in_force.is_empty() {
        // No 简历 at all is a missing field, not a disagreement; and of one who holds no
        // post the registry does not know what the open line should say.
        return;
    }
    let names = |l: &ResumeLine, h: &Held| l.text.contains(h.unit_name) && l.text.contains(h.title);
    let open: Vec<&ResumeLine> = f.resume.iter().filter(|l| l.end.is_none()).collect();
    for l in &open {
        if !in_force.iter().any(|h| names(l, h)) {
            add(
                Check::ResumeCurrent,
                message!("datacheck-resume-open-unmatched", text = l.text.clone()),
            );
        }
    }
    for h in in_force {
        if !open.iter().any(|l| names(l, h)) {
            add(
                Check::ResumeCurrent,
                message!(
                    "datacheck-resume-post-unnamed",
                    unit = h.unit_name.to_string(),
                    post = h.title.to_string(),
                    start = h.start,
                ),
            );
        }
    }
}

/// The fields the 干部任免审批表 needs that the registry holds and this record lacks.
fn missing_for_print(f: &Facts) -> Vec<Msg> {
    let c = f.cadre;
    let mut out = Vec::new();
    if c.ethnicity.trim().is_empty() {
        out.push(Msg::new("datacheck-field-ethnicity"));
    }
    if c.native_place.trim().is_empty() {
        out.push(Msg::new("datacheck-field-native-place"));
    }
    if c.work_started.is_none() {
        out.push(Msg::new("datacheck-field-work-started"));
    }
    if c.party_joined.is_none() && matches!(c.party, Party::Cpc | Party::CpcProbation) {
        out.push(Msg::new("datacheck-field-party-joined"));
    }
    if c.ft_education.is_none() && c.pt_education.is_none() {
        out.push(Msg::new("datacheck-field-education"));
    }
    if !f.has_photo {
        out.push(Msg::new("datacheck-field-photo"));
    }
    if f.resume.is_empty() {
        out.push(Msg::new("datacheck-field-resume"));
    }
    out
}
