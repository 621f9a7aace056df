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

/// A team as messages name it (`rule-team`): "江川市财政局领导班子" (in English "江川市财政局
/// leadership team"), or with its 班子名称: "江川市财政局党组", "江川市财政局行政班子". The
/// unit's name and the 班子名称 are data, shown as they are; `$form` says which of the three.
pub(crate) fn team_title(unit_name: &str, team: &str) -> Msg {
    let form = if team.is_empty() {
        "none"
    } else if ["班子", "党组", "党委", "党工委"]
        .iter()
        .any(|end| team.ends_with(end))
    {
        "named"
    } else {
        "suffixed"
    };
    message!(
        "rule-team",
        unit = unit_name.to_string(),
        team = team.to_string(),
        form = form
    )
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
    use crate::date::parse as parse_date;

    #[test]
    fn team_titles_end_in_a_team_word_and_dates_select_reached() {
        let form = |unit: &str, team: &str| team_title(unit, team).arg("form").cloned();
        assert_eq!(form("江川市财政局", ""), Some(Arg::from("none")));
        assert_eq!(form("江川市财政局", "党组"), Some(Arg::from("named")));
        assert_eq!(form("江川市财政局", "行政"), Some(Arg::from("suffixed")));
        let d = parse_date("2025-02-08").unwrap();
        let next = parse_date("2025-02-09").unwrap();
        assert_eq!(reached(d, d), Arg::from("yes"));
        assert_eq!(reached(next, d), Arg::from("no"));
    }
}
