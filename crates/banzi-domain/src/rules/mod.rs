//! 结构分析与预警 — the rules of DOMAIN.md M2 over a whole roster (issue 3).
//!
//! Pure: [`Facts::new`] indexes a [`crate::roster::Roster`] once (string keys become integer
//! indices, appointments are grouped by cadre and post and sorted, joined runs are
//! precomputed); [`evaluate`] then runs every alert rule for an as-of date in one linear pass
//! over the indexed facts, and [`structure`] gives the R-STRUCT-1 statistics and the team
//! traffic-light cards. Rule parameters (*(param)* in DOMAIN.md) are data: [`Params`].
//!
//! One file per rule family: `composition` (R-STRUCT-2..6), `exchange` (R-EXCH-1..6), `age`
//! (R-AGE-1), `probation` (R-PROB-1), `term` (R-TERM-1), `training` (R-TRAIN-1..2), `rank`
//! (the 职级 groups of R-AGE-1 and R-TRAIN-1), `structure` and `card` (R-STRUCT-1); `rows`,
//! `facts`, `indexing`, `joining` and `keys` build the index, `current` is the roster on the
//! as-of date, `messages` and `alerts` say what each alert says (a [`crate::msg::Msg`] that
//! the edge words in the reader's language), and `json` writes the report with its words.
//!
//! # Meaning, exactly
//! - A cadre holds a post on the days `start ≤ d < end` (no end = still holds it). A *current
//!   holder* has an appointment holding on the as-of date. Appointments of one cadre to one
//!   post are joined when the next starts at most 31 days *(param `tenure.join_gap_days`)*
//!   after the previous ended ([`crate::appointment::joins`]; DOMAIN.md M1 "Joining",
//!   corrected 2026-12-02), so a 换届 re-appointment does not restart the clock; tenure runs
//!   from the start of the joined run that contains the appointment held on the as-of date.
//!   Team tenure (R-EXCH-2, R-STRUCT-5) joins the cadre's appointments across all posts of the
//!   team the same way, and 分管 rows (R-EXCH-5) join across the team's posts by 分管工作;
//!   time "at one level" (R-TERM-1) is the total of every stretch at posts of one 职务层次.
//!   [`Facts`] are joined once when indexed; evaluating with another gap joins them again.
//! - The 任职方式 of a joined run is that of its first appointment (how the holding began): a
//!   re-appointment does not turn an outside exchange into an inside one (R-STRUCT-5), nor
//!   restart a probation (R-PROB-1). R-STRUCT-4 reads the 任职方式 of the appointment in
//!   force (挂职 takes no seat).
//! - N years are reached on `start + N years` (29 February → 28 February,
//!   [`crate::date::add_years`]); months are added with the day clamped to the month's end
//!   (so the 12-month lookahead from 29 February 2024 ends on 28 February 2025).
//! - Levels (R-EXCH-1..6): a "must" rule reached is a violation, a "should" rule reached a
//!   warning; due after the as-of date but on or before as-of + lookahead months (R-EXCH-6): a
//!   "must" rule gives a warning and a "should" rule a notice, under the id of the rule it
//!   anticipates. `due` is the date the threshold is or was reached.
//! - Structure rules look at current members (distinct cadres holding a post of the team). A
//!   team with no current member gets only the R-STRUCT-4 vacancy notices of its posts (it is
//!   simply unfilled; flagging it young-less, woman-less … as well would repeat one fact five
//!   times); likewise a unit with no current member in any team is not checked for 党外.
//! - Interpretations chosen where the texts are silent are documented in each rule's file.
//!
//! # Speed
//! A province (200,000 cadres, a million appointments) is indexed once; `evaluate` then does
//! no hashing of strings and sorts only its alerts, by integer keys; the rule families run
//! on two threads when there are many. Building and wording hundreds of thousands of
//! messages would be most of its work, so it builds none: [`Alerts`] keeps the keys and builds
//! a message when it is read (a page of the alert list words fifty, `banzi check` all of
//! them, on up to four threads); the result is the same.

mod age;
mod alerts;
mod card;
mod composition;
mod counted;
mod current;
mod exchange;
mod facts;
mod indexing;
mod joining;
mod json;
mod keys;
mod messages;
mod overview;
mod params;
mod probation;
mod rank;
mod rows;
#[cfg(any(test, feature = "testkit"))]
pub mod sample;
mod structure;
mod summary;
mod term;
mod texts;
mod training;

pub use age::{Retirement, retirement, retirement_by};
pub use alerts::{Alert, AlertFilter, AlertPage, AlertRef, Alerts, Iter};
pub use card::{Card, Dimension, Light};
pub use counted::{Counted, DIMENSIONS, counted};
pub(crate) use current::add_months;
pub use facts::Facts;
pub use json::Worded;
pub use overview::{CARD_DIMENSIONS, Overview, TeamLights, overview};
pub use params::{
    Fraction, LeaveAge, PARAMS, ParamDesc, ParamKind, Params, RankGroup, RetireRule, percent,
};
pub use rank::{level_group, rank_group};
pub use rows::{
    AppointmentRow, CadreRow, PortfolioRow, PostRow, Rows, TrainingRow, UnitRow, hours_tenths,
};
pub use structure::{
    BandByGender, Count, Profile, SOURCES, Structure, TENURE_BANDS, TeamProfile, UNKNOWN, structure,
};
pub use summary::{LevelCounts, RuleCount, Secondments, Summary, YoungCadres};
pub use texts::{Text, Texts};

use crate::date::Date;
use current::Now;
use std::sync::Arc;

/// How serious an alert is; sorts most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// 违规 (`level-violation` in the catalog): a "must" rule is broken.
    Violation,
    /// 预警: a "should" rule is broken, or a "must" rule soon will be.
    Warning,
    /// 提示: for attention.
    Notice,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Violation, Level::Warning, Level::Notice];

    /// The JSON word (`violation` …); its name a user reads is `level.<key>` of the catalog.
    pub fn key(self) -> &'static str {
        match self {
            Level::Violation => "violation",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

/// Every rule id that can raise an alert, in display order. R-EXCH-6 never appears: an
/// anticipated alert carries the id of the rule it anticipates; R-STRUCT-1 is statistics.
pub const RULES: [&str; 15] = [
    "R-STRUCT-2",
    "R-STRUCT-3",
    "R-STRUCT-4",
    "R-STRUCT-5",
    "R-STRUCT-6",
    "R-EXCH-1",
    "R-EXCH-2",
    "R-EXCH-3",
    "R-EXCH-4",
    "R-EXCH-5",
    "R-AGE-1",
    "R-PROB-1",
    "R-TERM-1",
    "R-TRAIN-1",
    "R-TRAIN-2",
];

/// What [`evaluate`] finds on one date. As JSON with its messages worded: [`Report::to_json`].
#[derive(Debug, Clone)]
pub struct Report {
    pub as_of: Date,
    pub alerts: Alerts,
    pub summary: Summary,
}

/// A rule that raises alerts, in the order of [`RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rule {
    Struct2,
    Struct3,
    Struct4,
    Struct5,
    Struct6,
    Exch1,
    Exch2,
    Exch3,
    Exch4,
    Exch5,
    Age1,
    Prob1,
    Term1,
    Train1,
    Train2,
}

impl Rule {
    pub fn id(self) -> &'static str {
        RULES[self as usize]
    }
}

/// An alert: integer keys (ranks in code order) and what its message needs. Kept as such in
/// [`Alerts`], which writes codes and messages when they are read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Raw {
    pub level: Level,
    pub rule: Rule,
    pub unit: u32,
    pub post: Option<u32>,
    pub cadre: Option<u32>,
    pub due: Option<Date>,
    /// Orders alerts that share every other key, and says which case of the rule it is (a
    /// team index, a portfolio index …; see each rule's `message`).
    pub tie: u32,
    /// A start date and a number for the message (years, a count …), per rule.
    pub since: Option<Date>,
    pub n: u32,
    /// The team's current members, for messages on a team (R-STRUCT-5, R-STRUCT-6).
    pub members: u32,
}

impl Raw {
    /// An alert on a cadre in a post.
    pub fn on_cadre(now: &Now, rule: Rule, level: Level, post: u32, cadre: u32) -> Raw {
        Raw {
            level,
            rule,
            unit: now.f.post(post).unit,
            post: Some(post),
            cadre: Some(cadre),
            due: None,
            tie: 0,
            since: None,
            n: 0,
            members: 0,
        }
    }

    /// An alert on a unit or one of its teams.
    pub fn on_unit(rule: Rule, level: Level, unit: u32, tie: u32) -> Raw {
        Raw {
            level,
            rule,
            unit,
            post: None,
            cadre: None,
            due: None,
            tie,
            since: None,
            n: 0,
            members: 0,
        }
    }
}

/// Runs every alert rule of M2 on `as_of`. Alerts are sorted by level (violations first),
/// rule (in the order of [`RULES`]), unit, post and cadre code (none first), due date. Each
/// is decided here; its codes and message are read from `facts` when wanted ([`Alerts`]).
pub fn evaluate(facts: &Arc<Facts>, params: &Params, as_of: Date) -> Report {
    let facts = &facts.joined_arc(params.join_gap_days);
    let now = Now::new(facts, params, as_of);
    let parts = check(&now, threads(now.holders.len()));
    let raw: Vec<&Raw> = parts.iter().flatten().collect();
    let summary = summary::build(&now, &raw);
    let sorted = sort_keys(&raw).iter().map(|&i| *raw[i as usize]).collect();
    Report {
        as_of,
        alerts: Alerts::new(facts, params, as_of, sorted),
        summary,
    }
}

/// The alerts sorted by their keys, as indices into `raw`: by level and rule, unit, post and
/// cadre (ranks in code order, none first), due date and tie, then place in `raw`; never by
/// the strings themselves.
fn sort_keys(raw: &[&Raw]) -> Vec<u32> {
    let fields = |r: &Raw| -> [u32; 6] {
        [
            (r.level as u32) << 8 | r.rule as u32,
            r.unit,
            r.post.map_or(0, |p| p + 1),
            r.cadre.map_or(0, |c| c + 1),
            r.due.map_or(0, keys::day_key),
            r.tie,
        ]
    };
    // Each field less its least value, in as many bits as its greatest then needs: a
    // province's keys fit in one u128, compared in two instructions rather than field by
    // field. Keys too wide for it (a registry far larger) sort as arrays.
    let (mut lo, mut hi) = ([u32::MAX; 6], [0u32; 6]);
    for r in raw {
        for (k, v) in fields(r).into_iter().enumerate() {
            lo[k] = lo[k].min(v);
            hi[k] = hi[k].max(v);
        }
    }
    let width = |n: u32| u32::BITS - n.leading_zeros();
    let bits: [u32; 6] = std::array::from_fn(|k| width(hi[k].saturating_sub(lo[k])));
    let at_bits = width(raw.len() as u32);
    if bits.iter().sum::<u32>() + at_bits <= u128::BITS {
        let mut keys: Vec<u128> = raw
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut key = 0u128;
                for (k, v) in fields(r).into_iter().enumerate() {
                    key = key << bits[k] | u128::from(v - lo[k]);
                }
                key << at_bits | i as u128
            })
            .collect();
        keys.sort_unstable();
        let mask = (1u128 << at_bits) - 1;
        return keys.iter().map(|k| (k & mask) as u32).collect();
    }
    let mut keys: Vec<([u32; 6], u32)> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| (fields(r), i as u32))
        .collect();
    keys.sort_unstable();
    keys.iter().map(|k| k.1).collect()
}

/// How many threads to use for `n` items: one for a city, up to 4 for a province.
pub(crate) fn threads(n: usize) -> usize {
    if n < 20_000 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    }
}

type Family = fn(&Now, &mut Vec<Raw>);

/// Every rule family; the two halves take about as long as each other.
const FAMILIES: [&[Family]; 2] = [
    &[composition::check, exchange::check, age::check],
    &[probation::check, term::check, training::check],
];

/// Runs the rule families, the two halves on two threads when `threads > 1`; the result is
/// the same either way.
fn check(now: &Now, threads: usize) -> [Vec<Raw>; 2] {
    let run = |families: &[Family]| {
        let mut out = Vec::with_capacity(now.holders.len() / 2 + now.f.posts.len() / 4);
        for check in families {
            check(now, &mut out);
        }
        out
    };
    if threads < 2 {
        return [run(FAMILIES[0]), run(FAMILIES[1])];
    }
    std::thread::scope(|s| {
        let second = s.spawn(|| run(FAMILIES[1]));
        let first = run(FAMILIES[0]);
        match second.join() {
            Ok(v) => [first, v],
            Err(e) => std::panic::resume_unwind(e),
        }
    })
}

#[cfg(test)]
mod tests;
