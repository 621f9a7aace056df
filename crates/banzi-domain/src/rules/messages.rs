//! What alerts say: each rule's `message` chooses an entry of the catalog (`rule-…` in
//! `banzi-i18n/locales/<lang>/rules.ftl`) and its arguments, so a message reads the same every
//! day and in every language; the edge words it. The names of posts and teams are built once
//! in [`super::Facts`], and handed over as they are (never translated).

use super::facts::Facts;
use super::params::Params;
use super::{Level, Raw};
use crate::date::Date;
use crate::message;
use crate::msg::{Arg, Msg};

/// What a message is written from: the registry, the parameters and the as-of date.
pub(crate) struct Scene<'a> {
    pub f: &'a Facts,
    pub p: &'a Params,
    pub as_of: Date,
}

/// "江川市财政局局长": the unit's name and the post's title.
pub(crate) fn post_title(unit_name: &str, title: &str) -> String {
    let mut s = String::with_capacity(unit_name.len() + title.len());
    s.push_str(unit_name);
    s.push_str(title);
    s
}

/// "江川市财政局领导班子", or with its 班子名称: "江川市财政局党组", "江川市财政局行政班子".
pub(crate) fn team_title(unit_name: &str, team: &str) -> String {
    let mut s = unit_name.to_string();
    if team.is_empty() {
        s.push_str("领导班子");
    } else {
        s.push_str(team);
        if !["班子", "党组", "党委", "党工委"]
            .iter()
            .any(|end| team.ends_with(end))
        {
            s.push_str("班子");
        }
    }
    s
}

/// The select key of 已于 / 将于 (`$reached`): `yes` when the date has come, `no` when it
/// is ahead.
pub(crate) fn reached(due: Date, as_of: Date) -> Arg {
    Arg::from(if due <= as_of { "yes" } else { "no" })
}

/// What an alert reads when what its rule's message names is missing (it never is: each
/// rule fills what its message needs): the rule id alone.
pub(crate) fn bare(r: &Raw) -> Msg {
    message!("rule-alert", rule = r.rule.id())
}

/// The level of a tenure threshold (R-EXCH-6): reached, a "must" rule is a violation and a
/// "should" rule a warning; due on or before the horizon, one step lower; later, nothing.
pub(crate) fn tenure_level(due: Date, as_of: Date, horizon: Date, must: bool) -> Option<Level> {
    if due <= as_of {
        Some(if must {
            Level::Violation
        } else {
            Level::Warning
        })
    } else if due <= horizon {
        Some(if must { Level::Warning } else { Level::Notice })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_date;

    #[test]
    fn team_titles_end_in_a_team_word_and_dates_select_reached() {
        assert_eq!(team_title("江川市财政局", ""), "江川市财政局领导班子");
        assert_eq!(team_title("江川市财政局", "党组"), "江川市财政局党组");
        assert_eq!(team_title("江川市财政局", "行政"), "江川市财政局行政班子");
        let d = parse_date("2025-02-08").unwrap();
        let next = parse_date("2025-02-09").unwrap();
        assert_eq!(reached(d, d), Arg::from("yes"));
        assert_eq!(reached(next, d), Arg::from("no"));
    }
}
