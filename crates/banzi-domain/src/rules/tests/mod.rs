//! Tests of the M2 rules: small rosters built in code, one file per rule family, each rule
//! checked the day before, the day of and the day after its boundary (and on 29 February).
//! A message is checked as what the rule decides (its id and arguments); how each reads in
//! zh-CN, zh-TW and English is checked in `banzi-i18n` (`src/tests/alerts.rs`).

mod age;
mod composition;
mod exchange;
mod generated;
mod oracle;
mod params;
mod probation;
mod report;
mod structure;
mod term;
mod training;

use super::{Alert, Alerts, Facts, Level, Params, evaluate};
use crate::codes::{Gender, Manner, Party, PostKind, TrainingKind, UnitSystem};
use crate::date::Date;
use crate::message;
use crate::msg::{Arg, Msg};
use crate::roster::Roster;
use std::sync::Arc;

pub(super) use super::sample::{RosterBuilder as B, d, of};

/// The levels of a rule's alerts on each date, in order.
pub(super) fn levels(b: &B, rule: &str, dates: &[&str]) -> Vec<Vec<Level>> {
    dates
        .iter()
        .map(|day| b.alerts(rule, day).iter().map(|a| a.level).collect())
        .collect()
}

pub(super) use Level::{Notice as N, Violation as V, Warning as W};

/// A vocabulary value as a message argument.
pub(super) fn label(l: &'static str) -> Arg {
    Arg::label(l)
}

/// The select key of 已于 (`yes`) or 将于 (`no`).
pub(super) fn reached(yes: bool) -> Arg {
    Arg::from(if yes { "yes" } else { "no" })
}
