//! A year's notice as an administrator types it, one line each (R-SEL-9):
//!
//! ```text
//! 来源：国务院办公厅关于2027年部分节假日安排的通知 2026-11-10
//! 2027-01-01 至 2027-01-03 元旦
//! 2027年2月6日至12日 春节
//! 2027-02-07 上班 春节
//! ```
//!
//! A holiday is a day or a range of days and its name (放假 around the name is dropped); a
//! 调休 working day is a day (or range) followed by 上班 and, optionally, the holiday's name.
//! Dates are `YYYY-MM-DD` (also `.` or `/`), or `YYYY年M月D日`; the end of a range may leave
//! out the year (`M月D日`) or the year and month (`D日`); a weekday in brackets after a date
//! (`（周六）`) is skipped. Blank lines and lines starting with `#` are ignored. Every error is
//! reported with its line, and a text with any error gives no year at all.

use super::{Holiday, Source, Workday, Year, is_weekend};
use crate::date::{Date, make_date};
use crate::message;
use crate::msg::Msg;
use std::collections::HashMap;

/// The longest notice text taken (a notice is some twenty lines).
const MAX_CHARS: usize = 10_000;

/// The words of a line (data: what an administrator types).
const SOURCE: [&str; 2] = ["来源", "來源"];
const WORK: &str = "上班";
const OFF: [&str; 2] = ["放假调休", "放假"];
const WEEK: [&str; 2] = ["周", "星期"];
const RANGE: [char; 7] = ['至', '到', '~', '～', '—', '–', '-'];

/// A year as a form gives it: four digits, 1900 to 2200.
pub fn parse_year_number(text: &str) -> Result<i16, Msg> {
    let t = text.trim();
    t.parse::<i16>()
        .ok()
        .filter(|y| t.len() == 4 && (1900..=2200).contains(y))
        .ok_or_else(|| message!("calendar-year-malformed", value = t.to_string()))
}

enum Entry {
    Source(Source),
    Holiday(Date, Date, String),
    Work(Date, Date, String),
}

/// The days of `year` as `text` gives them, or every error with its line.
pub fn parse_year(year: i16, text: &str) -> Result<Year, Vec<Msg>> {
    if !(1900..=2200).contains(&year) {
        return Err(vec![message!(
            "calendar-year-malformed",
            value = year.to_string()
        )]);
    }
    if text.chars().count() > MAX_CHARS {
        return Err(vec![message!("calendar-text-too-long", max = MAX_CHARS)]);
    }
    let mut errors = Vec::new();
    let mut y = Year {
        year,
        source: Source::default(),
        holidays: Vec::new(),
        workdays: Vec::new(),
        shipped: false,
    };
    let mut source_line = None;
    // Each day named so far: (line, whether a holiday).
    let mut seen: HashMap<Date, (usize, bool)> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let entry = match parse_line(t, line) {
            Ok(e) => e,
            Err(m) => {
                errors.push(m);
                continue;
            }
        };
        let (first, last, holiday, name) = match entry {
            Entry::Source(s) => {
                if source_line.is_some() {
                    errors.push(message!("calendar-source-twice", line = line));
                }
                source_line = Some(line);
                y.source = s;
                continue;
            }
            Entry::Holiday(a, b, n) => (a, b, true, n),
            Entry::Work(a, b, n) => (a, b, false, n),
        };
        if let Some(d) = [first, last].into_iter().find(|d| d.year() != year) {
            errors.push(message!(
                "calendar-day-outside-year",
                line = line,
                date = d,
                year = year
            ));
            continue;
        }
        if last < first {
            errors.push(message!("calendar-range-reversed", line = line));
            continue;
        }
        let days: Vec<Date> = super::days_of(year)
            .filter(|d| first <= *d && *d <= last)
            .collect();
        if !holiday && let Some(d) = days.iter().find(|d| !is_weekend(**d)) {
            errors.push(message!(
                "calendar-workday-not-weekend",
                line = line,
                date = *d
            ));
            continue;
        }
        let clash = days.iter().find_map(|d| seen.get(d).map(|s| (*d, *s)));
        if let Some((d, (other, was_holiday))) = clash {
            errors.push(if was_holiday == holiday {
                message!("calendar-day-twice", line = line, date = d, other = other)
            } else {
                message!(
                    "calendar-holiday-and-workday",
                    line = line,
                    date = d,
                    other = other
                )
            });
            continue;
        }
        for d in &days {
            seen.insert(*d, (line, holiday));
        }
        if holiday {
            y.holidays.push(Holiday { name, first, last });
        } else {
            y.workdays.extend(days.into_iter().map(|date| Workday {
                date,
                name: name.clone(),
            }));
        }
    }
    if errors.is_empty() && y.holidays.is_empty() {
        errors.push(message!("calendar-year-empty", year = year));
    }
    if errors.is_empty() {
        y.holidays.sort_by_key(|h| h.first);
        y.workdays.sort_by_key(|w| w.date);
        Ok(y)
    } else {
        Err(errors)
    }
}

/// One line (`t`, line number `line`) that is not blank nor a comment.
fn parse_line(t: &str, line: usize) -> Result<Entry, Msg> {
    let malformed = || message!("calendar-line-malformed", line = line, text = t.to_string());
    let nonexistent = || {
        message!(
            "calendar-date-nonexistent",
            line = line,
            text = t.to_string()
        )
    };
    if let Some(rest) = SOURCE.iter().find_map(|w| t.strip_prefix(w)) {
        let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']).trim();
        // A date at the end is the notice's.
        let (title, date) = match rest.rsplit_once(char::is_whitespace) {
            Some((title, last)) => match date_at(last, None) {
                Some((Some(d), "")) => (title.trim(), Some(d)),
                _ => (rest, None),
            },
            None => (rest, None),
        };
        if title.is_empty() {
            return Err(message!("calendar-source-empty", line = line));
        }
        return Ok(Entry::Source(Source {
            title: title.to_string(),
            date,
        }));
    }
    let (first, rest) = date_at(t, None).ok_or_else(malformed)?;
    let first = first.ok_or_else(nonexistent)?;
    let rest = skip_weekday(rest.trim_start());
    let (last, rest) = match rest.strip_prefix(RANGE) {
        Some(after) => {
            let (d, rest) = date_at(after.trim_start(), Some(first)).ok_or_else(malformed)?;
            (d.ok_or_else(nonexistent)?, skip_weekday(rest.trim_start()))
        }
        None => (first, rest),
    };
    let rest = rest.trim();
    if let Some(name) = rest.strip_prefix(WORK) {
        return Ok(Entry::Work(first, last, name.trim().to_string()));
    }
    let mut name = rest;
    for w in OFF {
        name = name.strip_prefix(w).unwrap_or(name).trim();
        name = name.strip_suffix(w).unwrap_or(name).trim();
    }
    if name.is_empty() {
        return Err(message!("calendar-holiday-name-missing", line = line));
    }
    Ok(Entry::Holiday(first, last, name.to_string()))
}

/// A run of ASCII digits at the start of `s`, and what follows.
fn number(s: &str) -> Option<(i64, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 4 {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

/// A date at the start of `s` and what follows: `Some((None, _))` for a date written right
/// that does not exist (2027-02-30). `after` is the start of a range, whose year (and
/// month) the end may leave out.
fn date_at(s: &str, after: Option<Date>) -> Option<(Option<Date>, &str)> {
    let (n, rest) = number(s)?;
    let (y, m, d, rest) = if let Some(sep) = rest.chars().next().filter(|c| "-./".contains(*c)) {
        let (m, rest) = number(rest.strip_prefix(sep)?)?;
        let (d, rest) = number(rest.strip_prefix(sep)?)?;
        if s.find(sep) != Some(4) {
            return None;
        }
        (n, m, d, rest)
    } else if let Some(rest) = rest.strip_prefix('年') {
        let (m, rest) = number(rest)?;
        let (d, rest) = number(rest.strip_prefix('月')?)?;
        (n, m, d, rest.strip_prefix('日')?)
    } else if let (Some(a), Some(rest)) = (after, rest.strip_prefix('月')) {
        let (d, rest) = number(rest)?;
        (i64::from(a.year()), n, d, rest.strip_prefix('日')?)
    } else if let (Some(a), Some(rest)) = (after, rest.strip_prefix('日')) {
        (i64::from(a.year()), i64::from(a.month()), n, rest)
    } else {
        return None;
    };
    Some((make_date(y, m, d), rest))
}

/// Skips a weekday in brackets (`（周六）`, `(星期日)`) at the start of `s`.
fn skip_weekday(s: &str) -> &str {
    let Some(inner) = s.strip_prefix(['(', '（']) else {
        return s;
    };
    match inner.find([')', '）']) {
        Some(end) if WEEK.iter().any(|w| inner[..end].starts_with(w)) => {
            let close = inner[end..].chars().next().map_or(0, char::len_utf8);
            &inner[end + close..]
        }
        _ => s,
    }
}
