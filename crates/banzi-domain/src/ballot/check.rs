//! Checks of a session's set-up and of a ballot's shape — R-VOTE-1, R-VOTE-5, R-VOTE-6.
//!
//! A ballot is checked twice over: its *shape* (one answer per question, of the question's
//! form, naming only what exists) and its *validity* (R-VOTE-5: no more names than allowed).
//! A phone ballot must pass both before it is accepted (mod.rs: over-selection is refused,
//! the code stays unused); a keyed-in paper ballot must pass the shape only, because a paper
//! form that picks too many names exists and is counted as invalid on that question.

use super::{Answer, Ballot, Question, QuestionKind, SessionSpec};
use crate::error::Errors;
use crate::msg::{Arg, Msg};
use crate::{DomainError, message};
use std::collections::BTreeSet;

const MAX_TITLE_CHARS: usize = 100;
const MAX_GROUPS: usize = 20;
const MAX_CODES: u32 = 10_000;
const MAX_QUESTIONS: usize = 50;
const MAX_OPTIONS: usize = 200;
/// How many more names than listed a question with write-ins may ask for.
const MAX_EXTRA_WRITE_INS: usize = 20;
const MAX_WRITE_IN_CHARS: usize = 20;

/// The set-up staff enter for a session. Every problem is reported at once, each under the
/// field it concerns (`groups.1.weight`, `questions.2.options` …; indices from 0, the
/// messages count from 1 as the page does).
pub fn check_spec(spec: &SessionSpec) -> Result<(), DomainError> {
    let mut e = Errors::default();
    let title = spec.title.trim();
    if title.is_empty() {
        e.add("title", message!("ballot-title-required"));
    } else {
        let n = title.chars().count();
        if n > MAX_TITLE_CHARS {
            e.add(
                "title",
                message!("ballot-title-too-long", max = MAX_TITLE_CHARS, n = n),
            );
        }
    }
    if spec.expected == 0 {
        e.add("expected", message!("ballot-expected-zero"));
    } else if let Some(n) = spec.attended
        && !(1..=spec.expected).contains(&n)
    {
        // R-SEL-2: 实到 may come with the set-up; it is then checked as when entered later.
        e.add(
            super::attendance::FIELD,
            super::attendance::out_of_range(n, spec.expected),
        );
    }
    check_groups(&mut e, spec);
    check_questions(&mut e, spec);
    let t = spec.threshold;
    if t.den == 0 {
        e.add("threshold", message!("ballot-threshold-zero-denominator"));
    } else if t.num > t.den {
        e.add(
            "threshold",
            message!("ballot-threshold-over-one", num = t.num, den = t.den),
        );
    }
    let v = spec.grade_values;
    if v.windows(2).any(|w| w[0] < w[1]) {
        e.add(
            "grade_values",
            message!(
                "ballot-grade-values-increase",
                values = Arg::List(v.iter().map(|&x| Arg::from(x)).collect()),
            ),
        );
    }
    e.into_result()
}

/// R-VOTE-6: rater groups, their weights in percent and the codes issued to each.
fn check_groups(e: &mut Errors, spec: &SessionSpec) {
    let n = spec.groups.len();
    if n == 0 {
        e.add("groups", message!("ballot-groups-none"));
        return;
    }
    if n > MAX_GROUPS {
        e.add(
            "groups",
            message!("ballot-groups-too-many", max = MAX_GROUPS, n = n),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, g) in spec.groups.iter().enumerate() {
        let no = i + 1;
        let name = g.name.trim();
        if name.is_empty() {
            e.add(
                &format!("groups.{i}.name"),
                message!("ballot-group-name-required", group = no),
            );
        } else if !seen.insert(name) {
            e.add(
                &format!("groups.{i}.name"),
                message!("ballot-group-name-twice", name = name.to_string()),
            );
        }
        if g.weight == 0 {
            e.add(
                &format!("groups.{i}.weight"),
                message!("ballot-group-weight-zero", group = no),
            );
        }
        if !(1..=MAX_CODES).contains(&g.codes) {
            e.add(
                &format!("groups.{i}.codes"),
                message!(
                    "ballot-group-codes-range",
                    group = no,
                    max = MAX_CODES,
                    n = g.codes,
                ),
            );
        }
    }
    let sum: u64 = spec.groups.iter().map(|g| u64::from(g.weight)).sum();
    if sum != 100 {
        e.add("groups", message!("ballot-group-weights-sum", sum = sum));
    }
}

/// R-VOTE-1: the questions, their names and how many a recommendation may pick.
fn check_questions(e: &mut Errors, spec: &SessionSpec) {
    let n = spec.questions.len();
    if n == 0 {
        e.add("questions", message!("ballot-questions-none"));
        return;
    }
    if n > MAX_QUESTIONS {
        e.add(
            "questions",
            message!("ballot-questions-too-many", max = MAX_QUESTIONS, n = n),
        );
    }
    for (i, q) in spec.questions.iter().enumerate() {
        let no = i + 1;
        if q.title.trim().is_empty() {
            e.add(
                &format!("questions.{i}.title"),
                message!("ballot-question-title-required", question = no),
            );
        }
        let field = format!("questions.{i}.options");
        let len = q.options.len();
        if len == 0 {
            e.add(
                &field,
                message!("ballot-question-options-none", question = no),
            );
        } else if len > MAX_OPTIONS {
            e.add(
                &field,
                message!(
                    "ballot-question-options-too-many",
                    question = no,
                    max = MAX_OPTIONS,
                    n = len,
                ),
            );
        }
        let mut seen = BTreeSet::new();
        for (k, o) in q.options.iter().enumerate() {
            let name = o.trim();
            if name.is_empty() {
                e.add(
                    &field,
                    message!(
                        "ballot-question-option-name-required",
                        question = no,
                        item = k + 1,
                    ),
                );
            } else if !seen.insert(name) {
                e.add(
                    &field,
                    message!(
                        "ballot-question-option-twice",
                        question = no,
                        name = name.to_string(),
                    ),
                );
            }
        }
        if let QuestionKind::Recommend { max, write_ins } = q.kind {
            let field = format!("questions.{i}.max");
            // u32 to usize is lossless on every target banzi builds for.
            let max = max as usize;
            if max == 0 {
                e.add(&field, message!("ballot-question-max-zero", question = no));
            } else if !write_ins && max > len {
                e.add(
                    &field,
                    message!(
                        "ballot-question-max-over-listed",
                        question = no,
                        listed = len,
                        max = max,
                    ),
                );
            } else if write_ins && max > len + MAX_EXTRA_WRITE_INS {
                let most = len + MAX_EXTRA_WRITE_INS;
                e.add(
                    &field,
                    message!(
                        "ballot-question-max-over-write-ins",
                        question = no,
                        most = most,
                        extra = MAX_EXTRA_WRITE_INS,
                        max = max,
                    ),
                );
            }
        }
    }
}

/// A ballot from the phone page (R-VOTE-2): well formed, and no question over-selected —
/// a voter is told to correct it rather than have it counted invalid.
pub fn check_online(spec: &SessionSpec, ballot: &Ballot) -> Result<(), DomainError> {
    check_ballot(spec, ballot, true)
}

/// A keyed-in paper ballot: well formed; over-selection is kept, and counted invalid on
/// that question (R-VOTE-5).
pub fn check_paper(spec: &SessionSpec, ballot: &Ballot) -> Result<(), DomainError> {
    check_ballot(spec, ballot, false)
}

fn check_ballot(spec: &SessionSpec, ballot: &Ballot, online: bool) -> Result<(), DomainError> {
    let mut e = Errors::default();
    let (want, got) = (spec.questions.len(), ballot.len());
    if want != got {
        e.add(
            "ballot",
            message!("ballot-answers-count", want = want, got = got),
        );
    }
    for (i, (q, a)) in spec.questions.iter().zip(ballot).enumerate() {
        let no = i + 1;
        let field = format!("questions.{i}");
        for p in problems(q, a) {
            e.add(&field, p.message(no));
        }
        if online
            && let (Some(n), QuestionKind::Recommend { max, .. }) = (chosen_over(q, a), &q.kind)
        {
            e.add(
                &field,
                message!(
                    "ballot-answer-over-selected",
                    question = no,
                    max = *max,
                    n = n,
                ),
            );
        }
    }
    e.into_result()
}

/// R-VOTE-5, per question: an answer counts when it is well formed and picks no more names
/// than allowed (listed picks and write-ins together). An answer with nothing marked is
/// valid. A malformed answer (which the checks above refuse, so only a caller that skipped
/// them can bring one) is invalid rather than guessed at.
pub fn valid_on(q: &Question, a: &Answer) -> bool {
    chosen_over(q, a).is_none() && problems(q, a).is_empty()
}

/// The number of names an over-selected recommendation chose; None when within `max` or
/// not a recommendation.
fn chosen_over(q: &Question, a: &Answer) -> Option<usize> {
    match (&q.kind, a) {
        (QuestionKind::Recommend { max, .. }, Answer::Picks { picks, write_ins }) => {
            let n = picks.len() + write_ins.len();
            (n > *max as usize).then_some(n)
        }
        _ => None,
    }
}

/// What is wrong with the shape of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    /// Marks for a recommendation, or picks for an approval or a rating.
    WrongForm,
    /// A pick past the end of the list (index from 0).
    NoSuchOption(u32),
    PickedTwice(String),
    WriteInsNotAllowed,
    BlankWriteIn,
    LongWriteIn(String),
    /// A write-in that is one of the listed names: it should have been picked.
    WriteInListed(String),
    WrittenTwice(String),
    /// Not one mark per option.
    MarkCount {
        want: usize,
        got: usize,
    },
    /// A mark that is none of the question's marks, at this option (index from 0).
    BadMark(usize),
}

impl Problem {
    /// What the voter (or the clerk keying a paper slip) reads, for question `no` (from 1).
    fn message(&self, no: usize) -> Msg {
        match self {
            Problem::WrongForm => message!("ballot-answer-wrong-form", question = no),
            Problem::NoSuchOption(k) => message!(
                "ballot-answer-no-such-item",
                question = no,
                item = Arg::Int(i64::from(*k) + 1),
            ),
            Problem::PickedTwice(name) => {
                message!("ballot-answer-picked-twice", question = no, name = name)
            }
            Problem::WriteInsNotAllowed => {
                message!("ballot-answer-write-ins-not-allowed", question = no)
            }
            Problem::BlankWriteIn => message!("ballot-answer-write-in-blank", question = no),
            Problem::LongWriteIn(name) => message!(
                "ballot-answer-write-in-too-long",
                question = no,
                name = name,
                max = MAX_WRITE_IN_CHARS,
            ),
            Problem::WriteInListed(name) => {
                message!("ballot-answer-write-in-listed", question = no, name = name)
            }
            Problem::WrittenTwice(name) => {
                message!("ballot-answer-written-twice", question = no, name = name)
            }
            Problem::MarkCount { want, got } => message!(
                "ballot-answer-mark-count",
                question = no,
                want = *want,
                got = *got,
            ),
            Problem::BadMark(k) => {
                message!("ballot-answer-bad-mark", question = no, item = k + 1)
            }
        }
    }
}

/// The shape problems of an answer, in the order a reader meets them.
fn problems(q: &Question, a: &Answer) -> Vec<Problem> {
    let mut out = Vec::new();
    match (&q.kind, a) {
        (
            QuestionKind::Recommend {
                write_ins: allowed, ..
            },
            Answer::Picks { picks, write_ins },
        ) => {
            let mut picked = BTreeSet::new();
            for &p in picks {
                match q.options.get(p as usize) {
                    None => out.push(Problem::NoSuchOption(p)),
                    Some(name) if !picked.insert(p) => {
                        out.push(Problem::PickedTwice(name.trim().to_string()));
                    }
                    Some(_) => {}
                }
            }
            if !write_ins.is_empty() && !allowed {
                out.push(Problem::WriteInsNotAllowed);
            }
            let mut written = BTreeSet::new();
            for w in write_ins {
                let name = w.trim();
                if name.is_empty() {
                    out.push(Problem::BlankWriteIn);
                } else if name.chars().count() > MAX_WRITE_IN_CHARS {
                    out.push(Problem::LongWriteIn(name.to_string()));
                } else if q.options.iter().any(|o| o.trim() == name) {
                    out.push(Problem::WriteInListed(name.to_string()));
                } else if !written.insert(name) {
                    out.push(Problem::WrittenTwice(name.to_string()));
                }
            }
        }
        (QuestionKind::Recommend { .. }, Answer::Marks { .. }) | (_, Answer::Picks { .. }) => {
            out.push(Problem::WrongForm)
        }
        (kind, Answer::Marks { marks }) => {
            if marks.len() != q.options.len() {
                out.push(Problem::MarkCount {
                    want: q.options.len(),
                    got: marks.len(),
                });
            }
            let choices = kind.marks().len();
            for (k, m) in marks.iter().enumerate() {
                if m.is_some_and(|m| usize::from(m) >= choices) {
                    out.push(Problem::BadMark(k));
                }
            }
        }
    }
    out
}
