//! Dates as LRMX writes them: `YYYYMM` or `YYYYMMDD` (LRMX.md), printed `YYYY.MM`.

use crate::date::{Date, YearMonth, make_date};
use crate::message;
use crate::msg::Msg;
use std::fmt;

/// A date of an LRMX element, kept at the precision the file gave: most are 年.月, a few
/// files write the day too, and writing the value back gives the same text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum LrmxDate {
    Month(YearMonth),
    Day(Date),
}

impl LrmxDate {
    /// `YYYYMM` or `YYYYMMDD`; the dotted and dashed forms some other writers use
    /// (`YYYY.MM`, `YYYY.MM.DD`, `YYYY-MM-DD`) are read as well. A one-digit month is
    /// refused: `1975.1` may be a number that lost the 0 of October.
    pub fn parse(text: &str) -> Result<LrmxDate, Msg> {
        let t = text.trim();
        let bad = || message!("lrmx-date-malformed", value = t.to_string());
        let digits: String = t
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | '/'))
            .collect();
        let separated = digits.len() != t.len();
        if separated {
            // Every part two digits after the year.
            let parts: Vec<&str> = t.split(['.', '-', '/']).collect();
            let ok = matches!(parts.len(), 2 | 3)
                && parts[0].len() == 4
                && parts[1..].iter().all(|p| p.len() == 2);
            if !ok {
                return Err(bad());
            }
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let n = |r: std::ops::Range<usize>| digits[r].parse::<i64>().map_err(|_| bad());
        let none = || message!("lrmx-date-nonexistent", value = t.to_string());
        match digits.len() {
            6 => make_date(n(0..4)?, n(4..6)?, 1)
                .map(|d| LrmxDate::Month(d.into()))
                .ok_or_else(none),
            8 => make_date(n(0..4)?, n(4..6)?, n(6..8)?)
                .map(LrmxDate::Day)
                .ok_or_else(none),
            _ => Err(bad()),
        }
    }

    /// Blank is `None`.
    pub fn parse_opt(text: &str) -> Result<Option<LrmxDate>, Msg> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            LrmxDate::parse(text).map(Some)
        }
    }

    pub fn month(self) -> YearMonth {
        match self {
            LrmxDate::Month(m) => m,
            LrmxDate::Day(d) => d.into(),
        }
    }

    /// The day, or the 1st of the month.
    pub fn first_day(self) -> Date {
        match self {
            LrmxDate::Day(d) => d,
            LrmxDate::Month(m) => {
                Date::new(m.year, m.month, 1).unwrap_or(Date::constant(1900, 1, 1))
            }
        }
    }

    /// The form the registry's date fields read: `YYYY.MM` or `YYYY-MM-DD`.
    pub fn registry_text(self) -> String {
        match self {
            LrmxDate::Month(m) => m.to_string(),
            LrmxDate::Day(d) => crate::date::iso(d),
        }
    }
}

/// The file's form: `YYYYMM` or `YYYYMMDD`.
impl fmt::Display for LrmxDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LrmxDate::Month(m) => write!(f, "{:04}{:02}", m.year, m.month),
            LrmxDate::Day(d) => write!(f, "{:04}{:02}{:02}", d.year(), d.month(), d.day()),
        }
    }
}

/// A year and month in the file's form `YYYYMM` (family members, 到龄年月).
pub fn month_text(m: YearMonth) -> String {
    LrmxDate::Month(m).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_are_read_and_written_back_as_given() {
        for t in ["197510", "19751003", "200002", "20000229"] {
            assert_eq!(LrmxDate::parse(t).unwrap().to_string(), t);
        }
        assert_eq!(
            LrmxDate::parse("1975.10").unwrap(),
            LrmxDate::parse("197510").unwrap()
        );
        assert_eq!(
            LrmxDate::parse("1975-10-03").unwrap(),
            LrmxDate::parse("19751003").unwrap()
        );
        assert_eq!(LrmxDate::parse_opt("  ").unwrap(), None);
    }

    #[test]
    fn malformed_and_impossible_dates_are_refused_with_the_value() {
        for t in [
            "1975.1",
            "19751",
            "1975100",
            "１９７５１０",
            "1975年10月",
            "abcdef",
        ] {
            assert_eq!(
                LrmxDate::parse(t).unwrap_err(),
                message!("lrmx-date-malformed", value = t),
                "{t}"
            );
        }
        for t in ["197513", "19750230", "20010229", "189912"] {
            assert_eq!(
                LrmxDate::parse(t).unwrap_err(),
                message!("lrmx-date-nonexistent", value = t),
                "{t}"
            );
        }
    }
}
