//! 工作日历 — the official calendar of holidays (放假) and 调休 working days (上班) that the
//! 任前公示 of a selection case is counted on (R-SEL-9): at least `sel.publicity_days`
//! working days, the opening day counted when it is a working day, 任职 allowed from the day
//! after the last of them.
//!
//! A year is known only from a notice: the 国务院办公厅 notices published so far are shipped
//! in the binary (`notices/*.txt`, read by the same parser as a year an administrator types),
//! and the administrator enters later years from their notice. A count that runs into a year
//! no notice covers is refused (`calendar-year-unknown`): a weekend-only guess would count
//! the days of a holiday week as working days.

mod parse;
pub use parse::{parse_year, parse_year_number};

#[cfg(test)]
mod tests;

use crate::date::Date;
use crate::message;
use crate::msg::Msg;
use jiff::civil::Weekday;
use std::collections::BTreeMap;

/// The notices shipped in the binary, by year: the official 国务院办公厅 notices, each typed
/// as an administrator would type it. They cannot be replaced or deleted.
const SHIPPED: &[(i16, &str)] = &[
    (2025, include_str!("notices/2025.txt")),
    (2026, include_str!("notices/2026.txt")),
];

/// Whether `year` is one of the shipped notices (and so cannot be entered).
pub fn is_shipped(year: i16) -> bool {
    SHIPPED.iter().any(|(y, _)| *y == year)
}

/// Where a year's days come from: the notice's title and date, as its 来源 line gives them
/// (empty when the administrator gave none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    pub title: String,
    pub date: Option<Date>,
}

/// A holiday of a notice: its name (国庆节) and its days off (放假), first to last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub name: String,
    pub first: Date,
    pub last: Date,
}

/// A 调休 working day: a Saturday or Sunday that is a working day, with the name of the
/// holiday it makes up for when the notice gives it (may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workday {
    pub date: Date,
    pub name: String,
}

/// One year of the calendar, as its notice has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i16,
    pub source: Source,
    pub holidays: Vec<Holiday>,
    pub workdays: Vec<Workday>,
    /// Shipped in the binary (an official notice), not entered.
    pub shipped: bool,
}

/// What a day of a known year is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind<'a> {
    /// Monday to Friday, no holiday.
    Working,
    /// Saturday or Sunday, no 调休.
    Weekend,
    /// 放假: a day of the named holiday (on a weekend day too).
    Holiday(&'a str),
    /// 调休上班: a Saturday or Sunday that is a working day.
    MakeUp,
}

impl DayKind<'_> {
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Working | DayKind::MakeUp)
    }
}

pub fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

impl Year {
    /// What `d` is, if it is a day of this year.
    pub fn day(&self, d: Date) -> Option<DayKind<'_>> {
        if d.year() != self.year {
            return None;
        }
        if let Some(h) = self.holidays.iter().find(|h| h.first <= d && d <= h.last) {
            return Some(DayKind::Holiday(&h.name));
        }
        Some(if self.workdays.iter().any(|w| w.date == d) {
            DayKind::MakeUp
        } else if is_weekend(d) {
            DayKind::Weekend
        } else {
            DayKind::Working
        })
    }

    /// The number of working days of the year.
    pub fn working_days(&self) -> u32 {
        days_of(self.year)
            .filter(|&d| self.day(d).is_some_and(DayKind::is_working))
            .count() as u32
    }
}

/// Every day of `year`, in order.
pub fn days_of(year: i16) -> impl Iterator<Item = Date> {
    let first = Date::new(year, 1, 1).ok();
    std::iter::successors(first, |d| d.tomorrow().ok()).take_while(move |d| d.year() == year)
}

/// The end of a 任前公示 (R-SEL-9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Publicity {
    /// The day the notice was published.
    pub open: Date,
    /// The working days it must last.
    pub days: u32,
    /// The `days`-th working day counted from `open` (included when it is a working day).
    pub last_day: Date,
    /// The first day 任职 is allowed: the day after `last_day`.
    pub appoint_from: Date,
}

/// The known years: the shipped notices and the years an administrator entered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i16, Year>,
}

fn unknown(year: i16) -> Msg {
    message!("calendar-year-unknown", year = year)
}

impl Calendar {
    /// The shipped notices only. They are tested to parse; one that did not would leave its
    /// year unknown (counts into it refused), never guessed.
    pub fn shipped() -> Calendar {
        let mut c = Calendar::default();
        for (year, text) in SHIPPED {
            if let Ok(mut y) = parse_year(*year, text) {
                y.shipped = true;
                c.years.insert(*year, y);
            }
        }
        c
    }

    /// The shipped notices and the entered years `entered`. An entered year of a shipped
    /// notice is refused (`calendar-year-shipped`): the official notice cannot be replaced.
    pub fn with_entered(entered: impl IntoIterator<Item = Year>) -> Result<Calendar, Msg> {
        let mut c = Calendar::shipped();
        for y in entered {
            if c.years.get(&y.year).is_some_and(|k| k.shipped) {
                return Err(message!("calendar-year-shipped", year = y.year));
            }
            c.years.insert(
                y.year,
                Year {
                    shipped: false,
                    ..y
                },
            );
        }
        Ok(c)
    }

    /// The known years, in order.
    pub fn years(&self) -> impl Iterator<Item = &Year> {
        self.years.values()
    }

    pub fn year(&self, year: i16) -> Option<&Year> {
        self.years.get(&year)
    }

    /// What `d` is; `calendar-year-unknown` when no notice covers its year.
    pub fn day(&self, d: Date) -> Result<DayKind<'_>, Msg> {
        self.years
            .get(&d.year())
            .and_then(|y| y.day(d))
            .ok_or_else(|| unknown(d.year()))
    }

    /// Whether `d` is a working day: a 调休 working day, or Monday to Friday and no holiday.
    pub fn is_working_day(&self, d: Date) -> Result<bool, Msg> {
        self.day(d).map(DayKind::is_working)
    }

    /// The working days from `first` to `last`, both included (0 when `last` is before
    /// `first`); refused when a day between is of an unknown year.
    pub fn working_days_between(&self, first: Date, last: Date) -> Result<u32, Msg> {
        let mut n = 0;
        let mut d = first;
        while d <= last {
            n += u32::from(self.is_working_day(d)?);
            d = next(d)?;
        }
        Ok(n)
    }

    /// R-SEL-9: the `days`-th working day counted from `open` (`open` counts when it is a
    /// working day) and the day after it, from which 任职 is allowed. Refused with
    /// `calendar-year-unknown` naming the year the count runs into when no notice covers it.
    pub fn publicity(&self, open: Date, days: u32) -> Result<Publicity, Msg> {
        if days == 0 {
            return Err(message!("calendar-days-zero"));
        }
        let mut d = open;
        let mut counted = 0;
        loop {
            if self.is_working_day(d)? {
                counted += 1;
                if counted == days {
                    break;
                }
            }
            d = next(d)?;
        }
        Ok(Publicity {
            open,
            days,
            last_day: d,
            appoint_from: next(d)?,
        })
    }
}

/// The day after `d`; past the last day jiff has, that day's year is the unknown one.
fn next(d: Date) -> Result<Date, Msg> {
    d.tomorrow()
        .map_err(|_| unknown(d.year().saturating_add(1)))
}
