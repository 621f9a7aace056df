//! 居民身份证号 (GB 11643-1999): 17 digits and a mod-11 check character.

use crate::codes::Gender;
use crate::date::{Date, make_date};
use crate::message;
use crate::msg::Msg;
use std::fmt;

/// A checked 18-character ID number. Built only by [`IdNumber::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct IdNumber(String);

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [u8; 11] = *b"10X98765432";

impl IdNumber {
    /// Checks length, digits, the birth date inside it and the check character. A lower-case
    /// `x` is accepted and stored upper-case.
    pub fn parse(text: &str) -> Result<Self, Msg> {
        let t = text.trim().to_ascii_uppercase();
        if t.chars().count() != 18 {
            let count = t.chars().count();
            return Err(message!("reg-id-length", value = t, count = count));
        }
        let b = t.as_bytes();
        if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
            return Err(Msg::new("reg-id-digits"));
        }
        if Self::birth_of(b).is_none() {
            return Err(message!("reg-id-birth-date", value = t[6..14].to_string()));
        }
        let check = check_char(b);
        if b[17] != check {
            return Err(message!(
                "reg-id-check-digit",
                expected = (check as char).to_string()
            ));
        }
        Ok(Self(t))
    }

    fn birth_of(b: &[u8]) -> Option<Date> {
        let s = std::str::from_utf8(&b[6..14]).ok()?;
        make_date(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..].parse().ok()?,
        )
    }

    pub fn birth_date(&self) -> Date {
        // parse() checked it; the fallback is unreachable for a built value.
        Self::birth_of(self.0.as_bytes()).unwrap_or(Date::constant(1900, 1, 1))
    }

    /// The 17th digit: odd is 男, even is 女.
    pub fn gender(&self) -> Gender {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A masked form for lists and logs: 3201**********123X.
    pub fn masked(&self) -> String {
        format!("{}**********{}", &self.0[..4], &self.0[14..])
    }
}

/// The check character of the first 17 digits (weights 2^(17-i) mod 11).
pub fn check_char(b: &[u8]) -> u8 {
    let sum: u32 = b[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

/// Builds a valid number from region, birth date and sequence (demo data and tests).
pub fn synthesize(region: u32, birth: Date, seq: u32, gender: Gender) -> IdNumber {
    let seq = seq % 500 * 2 + if gender == Gender::Male { 1 } else { 0 };
    let mut s = format!(
        "{:06}{:04}{:02}{:02}{:03}",
        region % 1_000_000,
        birth.year(),
        birth.month(),
        birth.day(),
        seq % 1000
    );
    let c = check_char(s.as_bytes());
    s.push(c as char);
    IdNumber(s)
}

impl fmt::Display for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse as parse_date;

    #[test]
    fn accepts_a_valid_number_and_reads_it() {
        // The GB 11643 worked example.
        let id = IdNumber::parse("11010519491231002x").unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(id.birth_date(), parse_date("1949-12-31").unwrap());
        assert_eq!(id.gender(), Gender::Female);
        assert_eq!(id.masked(), "1101**********002X");
    }

    #[test]
    fn refuses_bad_numbers_with_their_reasons() {
        assert_eq!(
            IdNumber::parse("110105194912310021").unwrap_err(),
            message!("reg-id-check-digit", expected = "X")
        );
        assert_eq!(
            IdNumber::parse(" 11010519491231002 ").unwrap_err(),
            message!("reg-id-length", value = "11010519491231002", count = 17)
        );
        assert_eq!(
            IdNumber::parse("1101051949123100AX").unwrap_err(),
            Msg::new("reg-id-digits")
        );
        let feb30 = synthesize(320102, parse_date("1980-02-28").unwrap(), 1, Gender::Male);
        let broken = feb30.as_str().replace("19800228", "19800230");
        assert_eq!(
            IdNumber::parse(&broken).unwrap_err(),
            message!("reg-id-birth-date", value = "19800230")
        );
    }

    #[test]
    fn synthesized_numbers_check_and_carry_gender() {
        for (i, g) in [(1, Gender::Male), (2, Gender::Female)] {
            let id = synthesize(320102, parse_date("1975-10-01").unwrap(), i, g);
            let back = IdNumber::parse(id.as_str()).unwrap();
            assert_eq!(back.gender(), g);
        }
    }
}
