//! Checks of a session's set-up and of a ballot's shape — R-VOTE-1, R-VOTE-5, R-VOTE-6.
//!
//! A ballot is checked twice over: its *shape* (one answer per question, of the question's
//! form, naming only what exists) and its *validity* (R-VOTE-5: no more names than allowed).
//! A phone ballot must pass both before it is accepted (mod.rs: over-selection is refused,
//! the code stays unused); a keyed-in paper ballot must pass the shape only, because a paper
//! form that picks too many names exists and is counted as invalid on that question.

use super::{Answer, Ballot, Question, QuestionKind, SessionSpec};
use crate::DomainError;
use crate::error::Errors;
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
        e.add("title", "投票名称不能为空");
    } else {
        let n = title.chars().count();
        if n > MAX_TITLE_CHARS {
            e.add(
                "title",
                format!("投票名称不能超过{MAX_TITLE_CHARS}个字，现为{n}个字"),
            );
        }
    }
    if spec.expected == 0 {
        e.add("expected", "应到人数应至少为1");
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
        e.add("threshold", "通过比例的分母不能为0");
    } else if t.num > t.den {
        e.add(
            "threshold",
            format!("通过比例不能大于1，现为{}/{}", t.num, t.den),
        );
    }
    let v = spec.grade_values;
    if v.windows(2).any(|w| w[0] < w[1]) {
        e.add(
            "grade_values",
            format!(
                "各等次的分值应从好到差依次不增，现为{}、{}、{}、{}",
                v[0], v[1], v[2], v[3]
            ),
        );
    }
    e.into_result()
}

/// R-VOTE-6: rater groups, their weights in percent and the codes issued to each.
fn check_groups(e: &mut Errors, spec: &SessionSpec) {
    let n = spec.groups.len();
    if n == 0 {
        e.add("groups", "至少应设1个评议组");
        return;
    }
    if n > MAX_GROUPS {
        e.add("groups", format!("评议组不能超过{MAX_GROUPS}个，现为{n}个"));
    }
    let mut seen = BTreeSet::new();
    for (i, g) in spec.groups.iter().enumerate() {
        let no = i + 1;
        let name = g.name.trim();
        if name.is_empty() {
            e.add(
                &format!("groups.{i}.name"),
                format!("第{no}个评议组的名称不能为空"),
            );
        } else if !seen.insert(name) {
            e.add(&format!("groups.{i}.name"), format!("评议组“{name}”重复"));
        }
        if g.weight == 0 {
            e.add(
                &format!("groups.{i}.weight"),
                format!("第{no}个评议组的权重应至少为1"),
            );
        }
        if !(1..=MAX_CODES).contains(&g.codes) {
            e.add(
                &format!("groups.{i}.codes"),
                format!(
                    "第{no}个评议组的投票码数应为1到{MAX_CODES}，现为{}",
                    g.codes
                ),
            );
        }
    }
    let sum: u64 = spec.groups.iter().map(|g| u64::from(g.weight)).sum();
    if sum != 100 {
        e.add("groups", format!("各评议组权重之和应为100，现为{sum}"));
    }
}

/// R-VOTE-1: the questions, their names and how many a recommendation may pick.
fn check_questions(e: &mut Errors, spec: &SessionSpec) {
    let n = spec.questions.len();
    if n == 0 {
        e.add("questions", "至少应设1道题");
        return;
    }
    if n > MAX_QUESTIONS {
        e.add(
            "questions",
            format!("题目不能超过{MAX_QUESTIONS}道，现为{n}道"),
        );
    }
    for (i, q) in spec.questions.iter().enumerate() {
        let no = i + 1;
        if q.title.trim().is_empty() {
            e.add(
                &format!("questions.{i}.title"),
                format!("第{no}题的题目不能为空"),
            );
        }
        let field = format!("questions.{i}.options");
        let len = q.options.len();
        if len == 0 {
            e.add(&field, format!("第{no}题至少应列出1项"));
        } else if len > MAX_OPTIONS {
            e.add(
                &field,
                format!("第{no}题最多列出{MAX_OPTIONS}项，现为{len}项"),
            );
        }
        let mut seen = BTreeSet::new();
        for (k, o) in q.options.iter().enumerate() {
            let name = o.trim();
            if name.is_empty() {
                e.add(&field, format!("第{no}题第{}项的名称不能为空", k + 1));
            } else if !seen.insert(name) {
                e.add(&field, format!("第{no}题的“{name}”重复列出"));
            }
        }
        if let QuestionKind::Recommend { max, write_ins } = q.kind {
            let field = format!("questions.{i}.max");
            // u32 to usize is lossless on every target banzi builds for.
            let max = max as usize;
            if max == 0 {
                e.add(&field, format!("第{no}题的推荐人数应至少为1"));
            } else if !write_ins && max > len {
                e.add(
                    &field,
                    format!("第{no}题的推荐人数不能多于所列的{len}人，现为{max}人"),
                );
            } else if write_ins && max > len + MAX_EXTRA_WRITE_INS {
                let most = len + MAX_EXTRA_WRITE_INS;
                e.add(
                    &field,
                    format!("第{no}题的推荐人数不能多于{most}人（所列人数加{MAX_EXTRA_WRITE_INS}），现为{max}人"),
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
        e.add("ballot", format!("选票应有{want}题的答案，现为{got}题"));
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
            e.add(&field, format!("第{no}题最多推荐{max}人，您选了{n}人"));
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
    fn message(&self, no: usize) -> String {
        match self {
            Problem::WrongForm => format!("第{no}题的答案格式不对"),
            Problem::NoSuchOption(k) => format!("第{no}题没有第{}项", u64::from(*k) + 1),
            Problem::PickedTwice(name) => format!("第{no}题重复勾选了“{name}”"),
            Problem::WriteInsNotAllowed => format!("第{no}题不能另提人选"),
            Problem::BlankWriteIn => format!("第{no}题另提的人选不能为空"),
            Problem::LongWriteIn(name) => {
                format!("第{no}题另提的人选“{name}”超过{MAX_WRITE_IN_CHARS}个字")
            }
            Problem::WriteInListed(name) => {
                format!("第{no}题另提的“{name}”已在名单中，请直接勾选")
            }
            Problem::WrittenTwice(name) => format!("第{no}题重复另提了“{name}”"),
            Problem::MarkCount { want, got } => {
                format!("第{no}题应对{want}项逐项选择，现为{got}项")
            }
            Problem::BadMark(k) => format!("第{no}题第{}项的选择无效", k + 1),
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
