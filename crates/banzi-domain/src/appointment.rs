//! 任职 history: joining consecutive appointments and the tenure they make.
//!
//! A cadre holds a post on the days `start ≤ d < end` (no end = still holds it).
//! Appointments of one cadre to the same post are joined when the next starts at most
//! `gap_days` *(param `tenure.join_gap_days`, default 31)* after the previous ended, so a 换届
//! re-appointment a few days later does not restart the clock; tenure in a post runs from the
//! start of the joined run that holds on the as-of date (DOMAIN.md M1 "Joining", corrected
//! 2026-12-02; used by every tenure rule).

use crate::date::{Date, epoch_day};
use crate::msg::Msg;

/// One period of holding something (a post, a team): `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    pub end: Option<Date>,
}

impl Period {
    pub fn holds_on(&self, d: Date) -> bool {
        self.start <= d && self.end.is_none_or(|e| d < e)
    }
}

/// Whether a period starting on `next` joins one that ended on `end` (none: still running):
/// it starts at most `gap_days` days after that end (or before it).
pub fn joins(end: Option<Date>, next: Date, gap_days: u32) -> bool {
    match end {
        None => true,
        Some(e) => i64::from(epoch_day(next)) - i64::from(epoch_day(e)) <= i64::from(gap_days),
    }
}

/// Joins periods that touch or overlap, or where the next starts at most `gap_days` after
/// the previous ended. The input may be in any order.
pub fn join_periods(mut periods: Vec<Period>, gap_days: u32) -> Vec<Period> {
    periods.sort_by_key(|p| p.start);
    let mut out: Vec<Period> = Vec::with_capacity(periods.len());
    for p in periods {
        if let Some(last) = out.last_mut()
            && joins(last.end, p.start, gap_days)
        {
            last.end = match (last.end, p.end) {
                (None, _) | (_, None) => None,
                (Some(a), Some(b)) => Some(a.max(b)),
            };
            continue;
        }
        out.push(p);
    }
    out
}

/// The start of the joined run holding on `as_of`, if any: where tenure is counted from.
pub fn tenure_start(periods: Vec<Period>, as_of: Date, gap_days: u32) -> Option<Date> {
    join_periods(periods, gap_days)
        .into_iter()
        .find(|p| p.holds_on(as_of))
        .map(|p| p.start)
}

/// Checks an appointment (任) against the cadre's history of the same post: the new period
/// must not overlap one they already have.
pub fn check_no_overlap(existing: &[Period], new: Period) -> Result<(), Msg> {
    for p in existing {
        let new_ends_after_p_starts = new.end.is_none_or(|e| e > p.start);
        let p_ends_after_new_starts = p.end.is_none_or(|e| e > new.start);
        if new_ends_after_p_starts && p_ends_after_new_starts {
            return Err(Msg::new("reg-overlap"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse as parse_date;

    fn p(s: &str, e: Option<&str>) -> Period {
        Period {
            start: parse_date(s).unwrap(),
            end: e.map(|e| parse_date(e).unwrap()),
        }
    }

    #[test]
    fn holding_is_half_open() {
        let x = p("2020-01-01", Some("2021-01-01"));
        assert!(x.holds_on(parse_date("2020-01-01").unwrap()));
        assert!(x.holds_on(parse_date("2020-12-31").unwrap()));
        assert!(!x.holds_on(parse_date("2021-01-01").unwrap()));
        assert!(p("2020-01-01", None).holds_on(parse_date("2099-01-01").unwrap()));
    }

    /// DOMAIN.md M1 "Joining" (corrected 2026-12-02): at most `join_gap_days` (31) after the
    /// previous ended joins; one day more does not.
    #[test]
    fn joins_when_next_starts_at_most_the_gap_after() {
        let same_day = join_periods(
            vec![p("2015-03-01", Some("2018-03-01")), p("2018-03-01", None)],
            31,
        );
        assert_eq!(same_day, vec![p("2015-03-01", None)]);
        let next_day = join_periods(
            vec![p("2018-03-02", None), p("2015-03-01", Some("2018-03-01"))],
            31,
        );
        assert_eq!(next_day, vec![p("2015-03-01", None)]);
        // 换届: ended 2021-03-01, re-appointed 31 days later (2021-04-01) joins; 32 does not.
        let at_gap = join_periods(
            vec![p("2016-03-01", Some("2021-03-01")), p("2021-04-01", None)],
            31,
        );
        assert_eq!(at_gap, vec![p("2016-03-01", None)]);
        let past_gap = join_periods(
            vec![p("2016-03-01", Some("2021-03-01")), p("2021-04-02", None)],
            31,
        );
        assert_eq!(past_gap.len(), 2);
        // Over a year end and a leap day: 2023-12-31 + 31 days = 2024-01-31.
        assert!(joins(
            Some(p("2023-12-31", None).start),
            p("2024-01-31", None).start,
            31
        ));
        assert!(!joins(
            Some(p("2023-12-31", None).start),
            p("2024-02-01", None).start,
            31
        ));
        assert!(joins(
            Some(p("2024-02-28", None).start),
            p("2024-03-30", None).start,
            31
        ));
        assert!(!joins(
            Some(p("2024-02-28", None).start),
            p("2024-03-31", None).start,
            31
        ));
        // A gap of one day (the rule before the correction) is still a parameter value.
        let one = join_periods(
            vec![p("2015-03-01", Some("2018-03-01")), p("2018-03-03", None)],
            1,
        );
        assert_eq!(one.len(), 2);
    }

    #[test]
    fn tenure_counts_from_the_run_holding_on_the_date() {
        let h = vec![
            p("2005-01-01", Some("2008-01-01")),
            p("2012-01-01", Some("2016-01-01")),
            p("2016-01-02", None),
        ];
        let start = tenure_start(h.clone(), parse_date("2024-06-01").unwrap(), 31);
        assert_eq!(start, Some(parse_date("2012-01-01").unwrap()));
        assert_eq!(tenure_start(h, parse_date("2010-01-01").unwrap(), 31), None);
    }

    #[test]
    fn overlapping_appointments_are_refused() {
        let have = vec![p("2015-01-01", Some("2018-01-01"))];
        assert_eq!(
            check_no_overlap(&have, p("2017-06-01", None)),
            Err(Msg::new("reg-overlap"))
        );
        assert!(check_no_overlap(&have, p("2018-01-01", None)).is_ok());
        assert!(check_no_overlap(&have, p("2010-01-01", Some("2015-01-01"))).is_ok());
        assert!(check_no_overlap(&have, p("2010-01-01", Some("2015-01-02"))).is_err());
    }
}
