//! Dates as cadre records write them: full dates and 年.月 (most cadre data is month-only).

use crate::message;
use crate::msg::Msg;
use std::fmt;

pub use jiff::civil::Date;

/// Parses a date as a roster or form writes it: `YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY/MM/DD`,
/// `YYYY-MM` or `YYYY.MM` (month-only means the 1st). Anything else is refused with a
/// message; in particular `1975.1` is refused because a number-typed Excel cell turns
/// 1975.10 into it (STACK.md).
pub fn parse(text: &str) -> Result<Date, Msg> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Msg::new("reg-date-required"));
    }
    let parts: Vec<&str> = t.split(['-', '.', '/']).collect();
    let bad = || message!("reg-date-malformed", value = t.to_string());
    let num = |s: &str, len: usize| -> Result<i64, Msg> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<i64>().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let (y, m, d) = match parts.as_slice() {
        [y, m] => (num(y, 4)?, num(m, 2)?, 1),
        [y, m, d] => (num(y, 4)?, num(m, 2)?, num(d, 2)?),
        _ => return Err(bad()),
    };
    make_date(y, m, d).ok_or_else(|| message!("reg-date-nonexistent", value = t.to_string()))
}

/// Parses an optional date: blank is `None`.
pub fn parse_opt(text: &str) -> Result<Option<Date>, Msg> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// The stored form `YYYY-MM-DD` exactly, without allocating (loading a province parses
/// millions of them); None for anything else, which [`parse`] then judges.
pub fn parse_iso(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| -> Option<i64> {
        b[r].iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    };
    make_date(n(0..4)?, n(5..7)?, n(8..10)?)
}

pub fn make_date(y: i64, m: i64, d: i64) -> Option<Date> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    Date::new(y as i16, m.try_into().ok()?, d.try_into().ok()?).ok()
}

/// The ISO form stored in both databases (`YYYY-MM-DD`), which sorts as text.
pub fn iso(d: Date) -> String {
    // Built by hand: this runs for every date of every imported row.
    let mut s = String::with_capacity(10);
    let y = d.year().clamp(0, 9999) as u16;
    for digit in [y / 1000, y / 100 % 10, y / 10 % 10, y % 10] {
        s.push(char::from(b'0' + digit as u8));
    }
    for (sep, v) in [('-', d.month() as u8), ('-', d.day() as u8)] {
        s.push(sep);
        s.push(char::from(b'0' + v / 10));
        s.push(char::from(b'0' + v % 10));
    }
    s
}

/// Full years of age on `as_of` (a birthday counts on its day; 29 February birthdays count
/// on 28 February in common years).
pub fn age_on(birth: Date, as_of: Date) -> i32 {
    let mut years = i32::from(as_of.year()) - i32::from(birth.year());
    if (as_of.month(), as_of.day()) < (birth.month(), birth.day()) {
        years -= 1;
        // 29 Feb birthday on 28 Feb of a common year: the birthday is reached.
        if birth.month() == 2
            && birth.day() == 29
            && as_of.month() == 2
            && as_of.day() == 28
            && !as_of.in_leap_year()
        {
            years += 1;
        }
    }
    years
}

/// Days since 1970-01-01 (negative before): date arithmetic in integers, for joining a
/// province's appointments and adding up tenure (Howard Hinnant's `days_from_civil`).
pub fn epoch_day(d: Date) -> i32 {
    let (m, dd) = (i32::from(d.month()), i32::from(d.day()));
    let y = i32::from(d.year()) - i32::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01 (the inverse of [`epoch_day`]).
pub fn from_epoch_day(n: i32) -> Date {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    Date::new(i16::try_from(y).unwrap_or(i16::MAX), m as i8, d as i8).unwrap_or(Date::ZERO)
}

/// `start + n years`, with 29 February landing on 28 February (DOMAIN: a period of N years
/// is reached on start + N years).
pub fn add_years(start: Date, n: i16) -> Date {
    let y = start.year().saturating_add(n);
    Date::new(y, start.month(), start.day())
        .or_else(|_| Date::new(y, start.month(), 28))
        .unwrap_or(start)
}

/// Whole years and remaining months from `start` to `as_of` (tenure shown on team pages).
pub fn years_months(start: Date, as_of: Date) -> (i32, i32) {
    let mut months = (i32::from(as_of.year()) - i32::from(start.year())) * 12
        + i32::from(as_of.month())
        - i32::from(start.month());
    if as_of.day() < start.day() {
        months -= 1;
    }
    let months = months.max(0);
    (months / 12, months % 12)
}

/// Birth-date bounds for an age filter on `as_of`: `(born_after, born_until)` such that
/// `min ≤ age ≤ max` exactly when `born_after < birth ≤ born_until`.
pub fn birth_bounds(
    as_of: Date,
    min: Option<i16>,
    max: Option<i16>,
) -> (Option<Date>, Option<Date>) {
    let until = min.map(|m| add_years(as_of, -m));
    let after = max.map(|m| add_years(as_of, -(m + 1)));
    (after, until)
}

/// A year and month: the precision of 简历, 出生年月 in LRMX, and family members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i16,
    pub month: i8,
}

impl YearMonth {
    /// Accepts `YYYY.MM`, `YYYY-MM`, `YYYYMM`, or a full date (the day is dropped).
    pub fn parse(text: &str) -> Result<Self, Msg> {
        let t = text.trim();
        let bad = || message!("reg-month-malformed", value = t.to_string());
        if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
            let y: i64 = t[..4].parse().map_err(|_| bad())?;
            let m: i64 = t[4..].parse().map_err(|_| bad())?;
            return make_date(y, m, 1)
                .map(Self::from)
                .ok_or_else(|| message!("reg-month-nonexistent", value = t.to_string()));
        }
        parse(t).map(Self::from).map_err(|_| bad())
    }
    pub fn parse_opt(text: &str) -> Result<Option<Self>, Msg> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(text).map(Some)
        }
    }
}

impl From<Date> for YearMonth {
    fn from(d: Date) -> Self {
        Self {
            year: d.year(),
            month: d.month(),
        }
    }
}

impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}.{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse(s).unwrap()
    }

    #[test]
    fn epoch_days_agree_with_jiff_on_every_day_from_1900_to_2200() {
        let mut day = d("1900-01-01");
        let first = epoch_day(day);
        assert_eq!(epoch_day(d("1970-01-01")), 0);
        let mut n = first;
        while day < d("2200-12-31") {
            assert_eq!(epoch_day(day), n, "{day}");
            assert_eq!(from_epoch_day(n), day);
            day = day.tomorrow().unwrap();
            n += 1;
        }
    }

    #[test]
    fn the_stored_form_parses_fast_and_agrees_with_parse_date() {
        for s in ["2024-02-29", "1900-01-01", "2200-12-31", "1975-10-01"] {
            assert_eq!(parse_iso(s), Some(d(s)), "{s}");
        }
        for s in [
            "2023-02-29",
            "1975.10.01",
            "1975-1-01",
            "1975-10",
            "１９７５-10-01",
            "1899-12-31",
            "2024-13-01",
            " 2024-01-01",
        ] {
            assert_eq!(parse_iso(s), None, "{s}");
        }
    }

    #[test]
    fn parses_the_roster_forms() {
        assert_eq!(iso(d("2020-03-15")), "2020-03-15");
        assert_eq!(iso(d("2020.03.15")), "2020-03-15");
        assert_eq!(iso(d("2020/03/15")), "2020-03-15");
        assert_eq!(iso(d("2020.03")), "2020-03-01");
        assert_eq!(iso(d("2020-03")), "2020-03-01");
    }

    #[test]
    fn refuses_ambiguous_and_impossible_dates() {
        // 1975.10 typed as a number arrives as 1975.1: refuse rather than guess January.
        assert!(parse("1975.1").is_err());
        assert_eq!(
            parse(" 2021-02-29").unwrap_err(),
            message!("reg-date-nonexistent", value = "2021-02-29")
        );
        assert_eq!(parse("2020-13-01").unwrap_err().id, "reg-date-nonexistent");
        assert_eq!(
            parse("二〇二〇年").unwrap_err(),
            message!("reg-date-malformed", value = "二〇二〇年")
        );
        assert_eq!(parse("").unwrap_err(), Msg::new("reg-date-required"));
        assert_eq!(parse_opt("  ").unwrap(), None);
    }

    #[test]
    fn age_counts_full_years() {
        let birth = d("1980-06-15");
        assert_eq!(age_on(birth, d("2020-06-14")), 39);
        assert_eq!(age_on(birth, d("2020-06-15")), 40);
        let leap = d("1980-02-29");
        assert_eq!(age_on(leap, d("2021-02-27")), 40);
        assert_eq!(age_on(leap, d("2021-02-28")), 41);
        assert_eq!(age_on(leap, d("2024-02-28")), 43);
        assert_eq!(age_on(leap, d("2024-02-29")), 44);
    }

    #[test]
    fn years_from_29_february_land_on_28_february() {
        assert_eq!(iso(add_years(d("2016-02-29"), 10)), "2026-02-28");
        assert_eq!(iso(add_years(d("2016-02-29"), 8)), "2024-02-29");
        assert_eq!(iso(add_years(d("2016-03-01"), 10)), "2026-03-01");
    }

    #[test]
    fn age_filter_bounds_agree_with_age_on() {
        let as_of = d("2026-11-21");
        let (after, until) = birth_bounds(as_of, Some(40), Some(42));
        for birth in [
            "1983-11-21",
            "1983-11-22",
            "1984-11-21",
            "1986-11-21",
            "1986-11-22",
            "1980-01-01",
        ] {
            let b = d(birth);
            let inside = after.is_none_or(|a| b > a) && until.is_none_or(|u| b <= u);
            let age = age_on(b, as_of);
            assert_eq!(inside, (40..=42).contains(&age), "{birth}: age {age}");
        }
    }

    #[test]
    fn tenure_in_years_and_months() {
        assert_eq!(years_months(d("2015-03-10"), d("2026-11-21")), (11, 8));
        assert_eq!(years_months(d("2015-03-22"), d("2026-11-21")), (11, 7));
        assert_eq!(years_months(d("2026-11-21"), d("2026-11-21")), (0, 0));
    }

    #[test]
    fn year_month_forms() {
        assert_eq!(YearMonth::parse("199809").unwrap().to_string(), "1998.09");
        assert_eq!(YearMonth::parse("1998.09").unwrap().to_string(), "1998.09");
        assert_eq!(
            YearMonth::parse("1998-09-12").unwrap().to_string(),
            "1998.09"
        );
        assert_eq!(
            YearMonth::parse("1998.9").unwrap_err(),
            message!("reg-month-malformed", value = "1998.9")
        );
        assert_eq!(
            YearMonth::parse("199813").unwrap_err(),
            message!("reg-month-nonexistent", value = "199813")
        );
    }
}
