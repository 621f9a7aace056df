//! Scoring and ranking a competition (R-SEL-11): every problem that stops it is reported at
//! once; otherwise each post's passed applicants are ranked by their published total, ties
//! shown as ties, and the 差额 cut drawn without deciding a tie across it.

use super::score::{dropped, total, trimmed_mean};
use super::{Applicant, Competition, Review, Score, Total, names};
use crate::message;
use crate::msg::Msg;
use serde::Serialize;

/// An interview as scored: every judge's score in the panel's order, the judges whose scores
/// were dropped (lowest first, then highest), and the mean of the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interview {
    pub scores: Vec<(String, Score)>,
    pub dropped: Vec<String>,
    pub mean: Score,
}

/// Where a ranked applicant stands against the 差额 cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Goes on to 考察.
    Shortlisted,
    /// Ties with others across the cut line: people decide ([`CutTie`]).
    AtCut,
    Out,
}

/// One ranked applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// Index into [`Competition::applicants`].
    pub applicant: usize,
    pub name: String,
    pub written: Score,
    pub interview: Interview,
    pub total: Total,
    /// 1-based; equal totals share a rank (1, 2, 2, 4).
    pub rank: u32,
    /// Shares its rank with another applicant (并列).
    pub tied: bool,
    pub standing: Standing,
}

/// A tie across the 差额 cut: `names` share rank `rank` with total `total`, and the places
/// from `rank` to `last` (the shortlist's size) are fewer than they are. Not decided by the
/// program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CutTie {
    pub names: Vec<String>,
    pub total: Total,
    pub rank: u32,
    pub last: u32,
}

impl CutTie {
    /// How many of the tied go on: the places from `rank` to `last`.
    pub fn seats(&self) -> u32 {
        self.last + 1 - self.rank
    }
}

/// One post's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostResult {
    /// Index into [`super::Setup::posts`].
    pub post: usize,
    pub title: String,
    pub places: u32,
    /// How many go on to 考察 (差额).
    pub shortlist: u32,
    /// Best first.
    pub rows: Vec<Ranked>,
    pub cut_tie: Option<CutTie>,
    /// How many fewer passed applicants there are than the shortlist (0 when enough).
    pub short_of: u32,
}

/// The result of a competition, post by post in the setup's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub posts: Vec<PostResult>,
}

/// Ranks of `totals` (R-SEL-11): the indices of `totals`, best first, each with its rank;
/// equal totals share the rank of the first of them (1, 2, 2, 4) and keep their order in
/// `totals`.
pub fn rank(totals: &[Total]) -> Vec<(usize, u32)> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| totals[b].cmp(&totals[a]).then(a.cmp(&b)));
    let mut out = Vec::with_capacity(order.len());
    let mut r = 0;
    for (pos, &i) in order.iter().enumerate() {
        if pos == 0 || totals[i] != totals[order[pos - 1]] {
            r = pos as u32 + 1;
        }
        out.push((i, r));
    }
    out
}

/// Scores and ranks `c` (R-SEL-11), or every reason it cannot be yet.
pub fn score(c: &Competition) -> Result<Outcome, Vec<Msg>> {
    let mut errors = c.setup.check();
    errors.extend(c.setup.check_panel());
    errors.extend(check_applicants(c));
    if !errors.is_empty() {
        return Err(errors);
    }
    let s = &c.setup;
    let mut posts = Vec::with_capacity(s.posts.len());
    for (p, post) in s.posts.iter().enumerate() {
        let mut rows = Vec::new();
        for (i, a) in c.applicants.iter().enumerate() {
            if a.post != p || a.review != Review::Passed {
                continue;
            }
            let interview = interview(a, &s.judges, s.drop_each_end).map_err(|e| vec![e])?;
            let written = a.written.unwrap_or(Score::from_hundredths(0));
            rows.push(Ranked {
                applicant: i,
                name: a.name.clone(),
                written,
                total: total(written, interview.mean, s.written_weight),
                interview,
                rank: 0,
                tied: false,
                standing: Standing::Out,
            });
        }
        let shortlist = s.shortlist.size(post.places);
        let totals: Vec<Total> = rows.iter().map(|r| r.total).collect();
        let order = rank(&totals);
        let mut ranked: Vec<Ranked> = Vec::with_capacity(rows.len());
        let mut slots: Vec<Option<Ranked>> = rows.into_iter().map(Some).collect();
        for (i, r) in &order {
            if let Some(mut row) = slots[*i].take() {
                row.rank = *r;
                row.tied = order.iter().filter(|(_, o)| o == r).count() > 1;
                ranked.push(row);
            }
        }
        let cut_tie = cut(&mut ranked, shortlist);
        let short_of = shortlist.saturating_sub(ranked.len() as u32);
        posts.push(PostResult {
            post: p,
            title: post.title.clone(),
            places: post.places,
            shortlist,
            rows: ranked,
            cut_tie,
            short_of,
        });
    }
    Ok(Outcome { posts })
}

/// Marks each row's standing against a shortlist of `n`; a group of equal totals that starts
/// at or before place `n` and ends after it is the cut's tie.
fn cut(rows: &mut [Ranked], n: u32) -> Option<CutTie> {
    let mut tie = None;
    let len = rows.len();
    let mut start = 0;
    while start < len {
        let r = rows[start].rank;
        let end = rows[start..]
            .iter()
            .position(|x| x.rank != r)
            .map_or(len, |k| start + k);
        // The group holds places r ..= r + size − 1.
        let last_place = r + (end - start) as u32 - 1;
        let standing = if last_place <= n {
            Standing::Shortlisted
        } else if r > n {
            Standing::Out
        } else {
            tie = Some(CutTie {
                names: rows[start..end].iter().map(|x| x.name.clone()).collect(),
                total: rows[start].total,
                rank: r,
                last: n,
            });
            Standing::AtCut
        };
        for x in &mut rows[start..end] {
            x.standing = standing;
        }
        start = end;
    }
    tie
}

fn interview(a: &Applicant, judges: &[String], drop: u32) -> Result<Interview, Msg> {
    let scores: Vec<(String, Score)> = judges
        .iter()
        .filter_map(|j| a.interview.get(j).map(|s| (j.clone(), *s)))
        .collect();
    let values: Vec<Score> = scores.iter().map(|(_, s)| *s).collect();
    let mean = trimmed_mean(&values, drop)?;
    let dropped = dropped(&values, drop)
        .into_iter()
        .map(|i| scores[i].0.clone())
        .collect();
    Ok(Interview {
        scores,
        dropped,
        mean,
    })
}

/// What stops scoring on the applicants' side: reviews not done, scores missing, given to
/// someone not eligible, over the full mark, or from judges not on the panel.
fn check_applicants(c: &Competition) -> Vec<Msg> {
    let s = &c.setup;
    let mut out = Vec::new();
    let pending: Vec<&str> = c
        .applicants
        .iter()
        .filter(|a| a.review == Review::Pending)
        .map(|a| a.name.as_str())
        .collect();
    if !pending.is_empty() {
        out.push(message!("competition-not-reviewed", names = names(pending)));
    }
    let mut no_written = Vec::new();
    for a in &c.applicants {
        if a.post >= s.posts.len() {
            out.push(message!(
                "competition-post-unknown",
                name = &a.name,
                n = a.post + 1
            ));
        }
        if let Review::Failed { reason } = &a.review
            && reason.trim().is_empty()
        {
            out.push(message!("competition-reason-empty", name = &a.name));
        }
        if a.review != Review::Passed {
            if a.written.is_some() || !a.interview.is_empty() {
                out.push(message!("competition-scored-not-passed", name = &a.name));
            }
            continue;
        }
        match a.written {
            None => no_written.push(a.name.as_str()),
            Some(w) if w > s.full_marks => out.push(over_full(a, w, s.full_marks)),
            Some(_) => {}
        }
        let missing: Vec<&str> = s
            .judges
            .iter()
            .filter(|j| !a.interview.contains_key(*j))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            out.push(message!(
                "competition-judge-missing",
                name = &a.name,
                judges = names(missing)
            ));
        }
        let unknown: Vec<&str> = a
            .interview
            .keys()
            .filter(|j| !s.judges.contains(j))
            .map(String::as_str)
            .collect();
        if !unknown.is_empty() {
            out.push(message!(
                "competition-judge-unknown",
                name = &a.name,
                judges = names(unknown)
            ));
        }
        for score in a.interview.values().filter(|v| **v > s.full_marks) {
            out.push(over_full(a, *score, s.full_marks));
        }
    }
    if !no_written.is_empty() {
        out.push(message!(
            "competition-written-missing",
            names = names(no_written)
        ));
    }
    out
}

fn over_full(a: &Applicant, score: Score, max: Score) -> Msg {
    message!(
        "competition-score-over-full",
        name = &a.name,
        score = score,
        max = max
    )
}
