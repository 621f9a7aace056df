//! Tests of the M2 rules: small rosters built in code, one file per rule family, each rule
//! checked the day before, the day of and the day after its boundary (and on 29 February).

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
use crate::msg::Msg;
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
