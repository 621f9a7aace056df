//! How alerts are written: one pattern per rule, so a message reads the same every day.
//!
//! A province has hundreds of thousands of alerts, so messages are assembled piece by piece
//! into one buffer ([`msg!`]) rather than through `format!`, and the names of posts and teams
//! are built once in [`super::Facts`].

use super::Level;
use super::facts::Facts;
use super::params::{Fraction, Params};
use crate::date::Date;

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

/// A piece of a message.
pub(crate) trait Piece {
    fn put(&self, s: &mut String);
}

impl Piece for str {
    fn put(&self, s: &mut String) {
        s.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, s: &mut String) {
        s.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, s: &mut String) {
        (**self).put(s);
    }
}

/// Dates are written `YYYY-MM-DD`: a roster's (years 1900..=2200) as ten bytes at once, the
/// three or so dates of each of a province's alerts being a good part of its messages.
impl Piece for Date {
    fn put(&self, s: &mut String) {
        let (m, d) = (self.month().unsigned_abs(), self.day().unsigned_abs());
        match u16::try_from(self.year()) {
            Ok(y @ 1000..=9999) => {
                let digit = |n: u16| b'0' + (n % 10) as u8;
                let (m, d) = (u16::from(m), u16::from(d));
                let b = [
                    digit(y / 1000),
                    digit(y / 100),
                    digit(y / 10),
                    digit(y),
                    b'-',
                    digit(m / 10),
                    digit(m),
                    b'-',
                    digit(d / 10),
                    digit(d),
                ];
                s.push_str(ascii(&b));
            }
            _ => {
                put_digits(s, i64::from(self.year()), 4);
                s.push('-');
                put_digits(s, i64::from(m), 2);
                s.push('-');
                put_digits(s, i64::from(d), 2);
            }
        }
    }
}

impl Piece for Fraction {
    fn put(&self, s: &mut String) {
        s.push_str(&self.to_string());
    }
}

macro_rules! int_piece {
    ($($t:ty),+) => {$(
        impl Piece for $t {
            fn put(&self, s: &mut String) {
                put_digits(s, *self as i64, 1);
            }
        }
    )+};
}
int_piece!(i16, i32, i64, u32, usize);

/// A date as 到龄年月: `YYYY年MM月`.
pub(crate) struct YearMonthCn(pub Date);

impl Piece for YearMonthCn {
    fn put(&self, s: &mut String) {
        put_digits(s, i64::from(self.0.year()), 4);
        s.push('年');
        put_digits(s, i64::from(self.0.month()), 2);
        s.push('月');
    }
}

/// Bytes known to be ASCII (digits and signs) as text.
fn ascii(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or_default()
}

/// Writes `n` in decimal with at least `width` digits.
fn put_digits(s: &mut String, n: i64, width: usize) {
    let mut buf = [b'0'; 21];
    let mut v = n.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    i = i.min(buf.len() - width.min(buf.len() - 1));
    if n < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    s.push_str(ascii(&buf[i..]));
}

thread_local! {
    /// Where messages are assembled, so that each is then allocated at its exact size.
    pub(crate) static SCRATCH: std::cell::RefCell<String> =
        std::cell::RefCell::new(String::with_capacity(1024));
}

/// Concatenates the pieces into a new message (a piece must not itself use `msg!`).
macro_rules! msg {
    ($($p:expr),+ $(,)?) => {{
        $crate::rules::messages::SCRATCH.with_borrow_mut(|s| {
            s.clear();
            $( $crate::rules::messages::Piece::put(&$p, s); )+
            s.as_str().to_owned()
        })
    }};
}
pub(crate) use msg;

/// "已于" when the date has come, "将于" when it is ahead.
pub(crate) fn when(due: Date, as_of: Date) -> &'static str {
    if due <= as_of { "已于" } else { "将于" }
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
    fn pieces_write_dates_and_numbers() {
        let d = parse_date("2025-02-08").unwrap();
        let s = msg! { d, "，", YearMonthCn(d), 36i32, "/", 0u32, -7i64, "/", 12345usize };
        assert_eq!(s, "2025-02-08，2025年02月36/0-7/12345");
        let far = Date::new(12345 % 10000, 1, 2).unwrap();
        assert_eq!(
            msg! { far, "/", Date::new(987, 11, 30).unwrap() },
            "2345-01-02/0987-11-30"
        );
        assert_eq!(msg! { i64::MIN, "/", -5i32 }, "-9223372036854775808/-5");
        assert_eq!(team_title("江川市财政局", ""), "江川市财政局领导班子");
        assert_eq!(team_title("江川市财政局", "党组"), "江川市财政局党组");
        assert_eq!(team_title("江川市财政局", "行政"), "江川市财政局行政班子");
    }
}
