//! Scores of a competitive selection (R-SEL-11) as exact decimals: a score is a whole number
//! of hundredths, a mean and a weighted total are fractions of integers rounded once, half
//! up, to hundredths. No binary floating point anywhere: 0.4 × 85.3 + 0.6 × 83.1 and
//! 0.4 × 90.1 + 0.6 × 79.9 are both 83.98, and must tie (in `f64` they do not).

use crate::message;
use crate::msg::{Arg, Msg};
use crate::rules::Fraction;
use serde::Serialize;
use std::fmt;

/// A score to two decimals, kept as hundredths: `85.25` is `Score(8525)`. Written with two
/// decimals (`85.00`, `85.50`), as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Score(u32);

/// The largest full mark a setup may give (1000 points): a bound that keeps every product
/// of the weighting far inside `u128`.
pub const MAX_FULL_MARKS: Score = Score(100_000);

impl Score {
    /// The usual full mark, 100.
    pub const HUNDRED: Score = Score(10_000);

    pub const fn from_hundredths(h: u32) -> Score {
        Score(h)
    }

    pub const fn hundredths(self) -> u32 {
        self.0
    }

    /// Reads what a judge or clerk typed: digits with at most two decimals (`85`, `85.5`,
    /// `85.25`), full-width digits and `．` as a Chinese input method types them, from 0 to
    /// `max` inclusive. Anything else is refused with the text as typed.
    pub fn parse(text: &str, max: Score) -> Result<Score, Msg> {
        let t = text.trim();
        if t.is_empty() {
            return Err(message!("competition-score-empty"));
        }
        let shown = || t.to_string();
        let malformed = || message!("competition-score-malformed", text = shown());
        let out_of_range = || {
            message!(
                "competition-score-out-of-range",
                text = shown(),
                max = max.to_string()
            )
        };
        let half: String = t.chars().map(halfwidth).collect();
        // A minus sign is read so that `-5` is said to be below 0, not unreadable.
        let (negative, body) = match half.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, half.as_str()),
        };
        let (whole, frac) = match body.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (body, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || frac.is_some_and(|f| !digits(f)) {
            return Err(malformed());
        }
        let frac = frac.unwrap_or("");
        if frac.len() > 2 {
            return Err(message!("competition-score-decimals", text = shown()));
        }
        // Leading zeros are allowed (`085`); a whole part longer than any score is out of
        // range, without parsing it into an integer it would overflow.
        let whole = whole.trim_start_matches('0');
        if negative || whole.len() > 6 {
            return Err(out_of_range());
        }
        let w: u64 = whole.parse().unwrap_or(0);
        let f: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let h = w * 100 + f;
        if h > u64::from(max.0) {
            return Err(out_of_range());
        }
        Ok(Score(h as u32))
    }
}

fn halfwidth(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' | '。' => '.',
        '－' => '-',
        _ => c,
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl From<Score> for Arg {
    fn from(s: Score) -> Arg {
        Arg::Text(s.to_string().into())
    }
}

/// `num / den` hundredths rounded half up to whole hundredths (`den` > 0): the one rounding
/// of R-SEL-11's arithmetic, done on the exact fraction.
fn round_half_up(num: u128, den: u128) -> u32 {
    let q = (2 * num + den) / (2 * den);
    u32::try_from(q).unwrap_or(u32::MAX)
}

/// A structured interview's score (R-SEL-11): the mean of the judges' scores left after
/// dropping the `drop` highest and the `drop` lowest, from the exact sum of what is kept,
/// rounded half up to two decimals (84.125 → 84.13). Equal scores at an end are dropped one
/// by one: with 95, 95, 90 and one dropped at each end, one 95 stays. Fewer than
/// `2 × drop + 1` scores are refused: nothing would be left to average.
pub fn trimmed_mean(scores: &[Score], drop: u32) -> Result<Score, Msg> {
    let drop = drop as usize;
    let need = 2 * drop + 1;
    if scores.len() < need {
        return Err(message!(
            "competition-interview-too-few",
            count = scores.len(),
            need = need
        ));
    }
    let mut sorted = scores.to_vec();
    sorted.sort_unstable();
    let kept = &sorted[drop..sorted.len() - drop];
    let sum: u128 = kept.iter().map(|s| u128::from(s.0)).sum();
    Ok(Score(round_half_up(sum, kept.len() as u128)))
}

/// The positions in `scores` of those [`trimmed_mean`] drops: the lowest `drop`, then the
/// highest `drop`; among equal scores the earlier ones are taken first, so the same input
/// always marks the same judges.
pub fn dropped(scores: &[Score], drop: u32) -> Vec<usize> {
    let drop = drop as usize;
    if scores.len() < 2 * drop + 1 {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by_key(|&i| (scores[i], i));
    let (low, rest) = order.split_at(drop);
    // The highest of the rest, the earlier judge first among equal scores (never one
    // already dropped as lowest, when all scores are equal).
    let mut rest = rest.to_vec();
    rest.sort_by_key(|&i| (std::cmp::Reverse(scores[i]), i));
    low.iter().chain(&rest[..drop]).copied().collect()
}

/// A total score as published (R-SEL-11): written × w + interview × (1 − w), computed on the
/// exact fraction and rounded once, half up, to two decimals. Ranking compares this value and
/// nothing else: it is the figure on the result notice, so two applicants shown with the same
/// total have the same rank, and an applicant can check their place against the notice. No
/// other ordering of totals is exposed, so a tie cannot be broken by accident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Total(Score);

impl Total {
    pub fn score(self) -> Score {
        self.0
    }
}

impl fmt::Display for Total {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl From<Total> for Arg {
    fn from(t: Total) -> Arg {
        Arg::from(t.0)
    }
}

/// The weighted total of R-SEL-11 with the written exam weighing `written_weight` (a
/// [`Fraction`] between 0 and 1; the interview weighs the rest). With 2/5: (2 × written +
/// 3 × interview) / 5, in hundredths, rounded half up once.
pub fn total(written: Score, interview: Score, written_weight: Fraction) -> Total {
    let den = u128::from(written_weight.den.max(1));
    let num = u128::from(written_weight.num).min(den);
    let exact = u128::from(written.0) * num + u128::from(interview.0) * (den - num);
    Total(Score(round_half_up(exact, den)))
}
