//! The tally of a session — R-VOTE-5, R-VOTE-6, R-SEL-2.
//!
//! Everything is counted in integers. Shares are given in basis points (万分之: 6667 shows as
//! 66.67%) and scores in hundredths (9143 shows as 91.43), both rounded half up; whether a
//! name passes is decided on the exact counts, never on a rounded share.
//!
//! R-SEL-2's pass marks and the shares beside the votes are of the attendees, 实到人数
//! ([`Tally::attendees`]); the ballots cast are what every question's valid and invalid
//! answers add up to.

use super::exact::Nat;
use super::{Answer, Cast, Question, QuestionKind, SessionSpec, valid_on};
use crate::rules::Fraction;
use serde::Serialize;
use std::collections::BTreeMap;

/// The result of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// 应到人数.
    pub expected: u32,
    /// 实到人数 as recorded on the session; None for a session closed before it was
    /// recorded (see the module doc of `ballot`).
    pub attended: Option<u32>,
    /// The ballots cast (收回票数), valid or not, of every group, online and paper.
    pub cast: u64,
    /// R-SEL-2's attendees, the number pass marks and shares are of: `attended`, or `cast`
    /// when the session has no 实到 recorded.
    pub attendees: u64,
    /// R-SEL-2: a name passes with votes over this share of `attendees`.
    pub threshold: Fraction,
    /// The session's groups in order, each with the ballots it cast.
    pub groups: Vec<GroupTally>,
    /// Ballots whose group is none of the session's. They count as cast and in every
    /// question, but in no group and so in no weighted score; always 0 when the casts come
    /// from the session's own codes.
    pub ungrouped: u64,
    pub questions: Vec<QuestionTally>,
}

impl Tally {
    /// R-VOTE-5: the groups that cast more ballots than codes were issued to them. Empty
    /// unless something went wrong before the tally (a code counted twice, a paper ballot
    /// keyed twice); a caller does not publish a tally while it is not.
    pub fn over_issued(&self) -> Vec<&str> {
        self.groups
            .iter()
            .filter(|g| g.over_issued)
            .map(|g| g.name.as_str())
            .collect()
    }

    /// For later steps of a selection (DOMAIN.md M4, R-SEL-2 确定考察对象): the names of
    /// question `q` whose votes (推荐) or 同意 votes (赞成票) are over the threshold, most
    /// votes first. Empty for a rating or a question that does not exist.
    pub fn passing(&self, q: usize) -> Vec<&str> {
        match self.questions.get(q).map(|q| &q.result) {
            Some(QuestionResult::Recommend(rows)) => rows
                .iter()
                .filter(|r| r.passes)
                .map(|r| r.name.as_str())
                .collect(),
            Some(QuestionResult::Approve(rows)) => {
                let mut v: Vec<&ApprovalTally> = rows.iter().filter(|r| r.passes).collect();
                v.sort_by_key(|r| std::cmp::Reverse(r.yes));
                v.into_iter().map(|r| r.name.as_str()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// For the assessment (DOMAIN.md M6, 民主测评 of R-ASSESS-6): the rating of `name` in
    /// question `q`, with its weighted score; `None` when the question rates no such name.
    pub fn rating(&self, q: usize, name: &str) -> Option<&RatingTally> {
        match self.questions.get(q).map(|q| &q.result) {
            Some(QuestionResult::Rate(rows)) => rows.iter().find(|r| r.name == name),
            _ => None,
        }
    }
}

/// A rater group (R-VOTE-6) and its ballots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupTally {
    pub name: String,
    /// Weight in percent.
    pub weight: u32,
    /// Codes issued.
    pub codes: u32,
    /// Ballots cast.
    pub cast: u64,
    /// `cast > codes` (R-VOTE-5: never, if all went right).
    pub over_issued: bool,
}

/// One question's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionTally {
    pub title: String,
    pub kind: QuestionKind,
    /// Ballots whose answer to this question counts (R-VOTE-5); `valid + invalid` is
    /// [`Tally::cast`]. Invalid are the over-selected paper answers, and any answer (or
    /// missing answer) the ballot checks would have refused.
    pub valid: u64,
    pub invalid: u64,
    pub result: QuestionResult,
}

/// The counts of a question, by its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionResult {
    /// 推荐: the listed names and the written-in ones, ranked by votes; ties keep the listed
    /// order, write-ins come after listed names and among themselves go by their text.
    Recommend(Vec<OptionTally>),
    /// 赞成票: one line per candidate, in listed order.
    Approve(Vec<ApprovalTally>),
    /// 干部测评 / 班子测评: one line per cadre or team, in listed order.
    Rate(Vec<RatingTally>),
}

/// A name of a recommendation and its votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionTally {
    pub name: String,
    /// Written in by voters (as trimmed, grouped by exact text) rather than listed.
    pub written_in: bool,
    /// Valid answers naming it.
    pub votes: u64,
    /// 1-based; equal votes share a rank (1, 2, 2, 4).
    pub rank: u64,
    /// `votes / attendees` (实到) in basis points, rounded half up.
    pub share_bp: u64,
    /// R-SEL-2: `votes / attendees` (实到) strictly over the threshold.
    pub passes: bool,
}

/// A candidate of an approval question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovalTally {
    pub name: String,
    /// 同意.
    pub yes: u64,
    /// 不同意.
    pub no: u64,
    /// 弃权, with the valid answers that left the candidate unmarked.
    pub abstain: u64,
    /// `yes / attendees` (实到) in basis points, rounded half up.
    pub share_bp: u64,
    /// R-SEL-2 on 同意 votes: `yes / attendees` (实到) strictly over the threshold.
    pub passes: bool,
}

/// A cadre or team of a rating question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingTally {
    pub name: String,
    /// Marks per grade, best first ([`QuestionKind::marks`]), from every valid answer.
    pub counts: [u64; 4],
    /// Valid answers that left it unmarked; they count in no mean.
    pub unmarked: u64,
    /// Per group, parallel to [`Tally::groups`].
    pub groups: Vec<GroupRating>,
    /// R-VOTE-6: the weighted score in hundredths, rounded half up, over the groups that
    /// marked it (the others' weights left out); None when no group with a weight did.
    pub score: Option<u64>,
}

/// One group's marks for a cadre or team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRating {
    pub counts: [u64; 4],
    /// The mean grade value in hundredths, rounded half up; None without marks.
    pub mean: Option<u64>,
}

/// Counts a session's cast ballots. Total: a ballot the checks would have refused is
/// counted as cast and invalid where it is malformed, never a panic.
pub fn tally(spec: &SessionSpec, cast: &[Cast]) -> Tally {
    let mut groups: Vec<GroupTally> = spec
        .groups
        .iter()
        .map(|g| GroupTally {
            name: g.name.clone(),
            weight: g.weight,
            codes: g.codes,
            cast: 0,
            over_issued: false,
        })
        .collect();
    let mut ungrouped = 0;
    for c in cast {
        match groups.get_mut(c.group) {
            Some(g) => g.cast += 1,
            None => ungrouped += 1,
        }
    }
    for g in &mut groups {
        g.over_issued = g.cast > u64::from(g.codes);
    }
    let ballots = cast.len() as u64;
    // R-SEL-2: over 实到, not over the ballots cast; a session closed before 实到 was
    // recorded keeps the ballots cast (module doc).
    let attendees = spec.attended.map_or(ballots, u64::from);
    let questions = spec
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| question(spec, i, q, cast, attendees))
        .collect();
    Tally {
        expected: spec.expected,
        attended: spec.attended,
        cast: ballots,
        attendees,
        threshold: spec.threshold,
        groups,
        ungrouped,
        questions,
    }
}

fn question(
    spec: &SessionSpec,
    i: usize,
    q: &Question,
    cast: &[Cast],
    attendees: u64,
) -> QuestionTally {
    // (group, answer) of the ballots whose answer counts; a ballot without an answer to
    // this question is invalid on it.
    let counted: Vec<(usize, &Answer)> = cast
        .iter()
        .filter_map(|c| {
            c.ballot
                .get(i)
                .filter(|a| valid_on(q, a))
                .map(|a| (c.group, a))
        })
        .collect();
    let valid = counted.len() as u64;
    let result = match q.kind {
        QuestionKind::Recommend { .. } => {
            QuestionResult::Recommend(recommend(spec, q, &counted, attendees))
        }
        QuestionKind::Approve => QuestionResult::Approve(approve(spec, q, &counted, attendees)),
        QuestionKind::RateCadre | QuestionKind::RateTeam => {
            QuestionResult::Rate(rate(spec, q, &counted))
        }
    };
    QuestionTally {
        title: q.title.clone(),
        kind: q.kind.clone(),
        valid,
        invalid: cast.len() as u64 - valid,
        result,
    }
}

fn recommend(
    spec: &SessionSpec,
    q: &Question,
    counted: &[(usize, &Answer)],
    attendees: u64,
) -> Vec<OptionTally> {
    let mut votes = vec![0u64; q.options.len()];
    let mut written: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, a) in counted {
        if let Answer::Picks { picks, write_ins } = a {
            for &p in picks {
                if let Some(v) = votes.get_mut(p as usize) {
                    *v += 1;
                }
            }
            for w in write_ins {
                *written.entry(w.trim()).or_default() += 1;
            }
        }
    }
    let line = |name: &str, written_in: bool, votes: u64| OptionTally {
        name: name.to_string(),
        written_in,
        votes,
        rank: 0,
        share_bp: share_bp(votes, attendees),
        passes: passes(spec.threshold, votes, attendees),
    };
    let mut lines: Vec<OptionTally> = q
        .options
        .iter()
        .zip(votes)
        .map(|(name, v)| line(name, false, v))
        .chain(written.into_iter().map(|(name, v)| line(name, true, v)))
        .collect();
    // Stable: equal votes keep the listed order, then the write-ins in text order.
    lines.sort_by_key(|l| std::cmp::Reverse(l.votes));
    let mut rank = 0;
    let mut prev = None;
    for (k, l) in lines.iter_mut().enumerate() {
        if prev != Some(l.votes) {
            rank = k as u64 + 1;
            prev = Some(l.votes);
        }
        l.rank = rank;
    }
    lines
}

fn approve(
    spec: &SessionSpec,
    q: &Question,
    counted: &[(usize, &Answer)],
    attendees: u64,
) -> Vec<ApprovalTally> {
    q.options
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let [mut yes, mut no, mut abstain] = [0u64; 3];
            for (_, a) in counted {
                if let Answer::Marks { marks } = a {
                    match marks.get(k).copied().flatten() {
                        Some(0) => yes += 1,
                        Some(1) => no += 1,
                        _ => abstain += 1,
                    }
                }
            }
            ApprovalTally {
                name: name.clone(),
                yes,
                no,
                abstain,
                share_bp: share_bp(yes, attendees),
                passes: passes(spec.threshold, yes, attendees),
            }
        })
        .collect()
}

fn rate(spec: &SessionSpec, q: &Question, counted: &[(usize, &Answer)]) -> Vec<RatingTally> {
    let values = spec.grade_values;
    q.options
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let mut counts = [0u64; 4];
            let mut unmarked = 0;
            let mut by_group = vec![[0u64; 4]; spec.groups.len()];
            for (g, a) in counted {
                let Answer::Marks { marks } = a else { continue };
                match marks.get(k).copied().flatten().map(usize::from) {
                    Some(m) if m < 4 => {
                        counts[m] += 1;
                        if let Some(c) = by_group.get_mut(*g) {
                            c[m] += 1;
                        }
                    }
                    _ => unmarked += 1,
                }
            }
            // (weight, raters, sum of their grade values) of the groups that marked it.
            let mut rated = Vec::new();
            let groups = by_group
                .iter()
                .zip(&spec.groups)
                .map(|(c, g)| {
                    let n: u64 = c.iter().sum();
                    let sum: u128 = c
                        .iter()
                        .zip(values)
                        .map(|(&c, v)| u128::from(c) * u128::from(v))
                        .sum();
                    if n > 0 && g.weight > 0 {
                        rated.push((g.weight, n, sum));
                    }
                    GroupRating {
                        counts: *c,
                        mean: (n > 0).then(|| hundredths(sum, u128::from(n))),
                    }
                })
                .collect();
            let best = values.iter().copied().max().unwrap_or(0);
            RatingTally {
                name: name.clone(),
                counts,
                unmarked,
                groups,
                score: weighted_score(&rated, best),
            }
        })
        .collect()
}

/// `num / den` × 100, rounded half up: ⌊(200·num + den) / (2·den)⌋.
fn hundredths(num: u128, den: u128) -> u64 {
    u64::try_from((200 * num + den) / (2 * den)).unwrap_or(u64::MAX)
}

/// `part / whole` in basis points, rounded half up; 0 of nobody.
fn share_bp(part: u64, whole: u64) -> u64 {
    if whole == 0 {
        return 0;
    }
    let (p, w) = (u128::from(part), u128::from(whole));
    u64::try_from((20_000 * p + w) / (2 * w)).unwrap_or(u64::MAX)
}

/// R-SEL-2: `votes / attendees > num / den`, in integers: `votes × den > 实到 × num`.
fn passes(t: Fraction, votes: u64, attendees: u64) -> bool {
    u128::from(votes) * u128::from(t.den) > u128::from(attendees) * u128::from(t.num)
}

/// R-VOTE-6: Σ wᵍ·(Sᵍ/nᵍ) / Σ wᵍ over the `(w, n, S)` of the groups that rated, in
/// hundredths rounded half up. The means' denominators multiply (twenty groups of a few
/// thousand raters each overflow u128), so the sum is kept exactly as `p / q` in natural
/// numbers of any size. `best` is the largest grade value, which bounds the score.
fn weighted_score(rated: &[(u32, u64, u128)], best: u32) -> Option<u64> {
    if rated.is_empty() {
        return None;
    }
    let mut p = Nat::new(0);
    let mut q = Nat::new(1);
    let mut weights: u128 = 0;
    for &(w, n, s) in rated {
        let n = Nat::new(u128::from(n));
        p = p
            .mul(&n)
            .add(&q.mul(&Nat::new(s)).mul(&Nat::new(u128::from(w))));
        q = q.mul(&n);
        weights += u128::from(w);
    }
    // score = p / (q·W); in hundredths half up: the largest h with 2qW·h ≤ 200p + qW.
    let num = p.mul(&Nat::new(200)).add(&q.mul(&Nat::new(weights)));
    let den = q.mul(&Nat::new(2 * weights));
    let (mut lo, mut hi) = (0u64, 100 * u64::from(best) + 1);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if den.mul(&Nat::new(u128::from(mid))) <= num {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(lo)
}
