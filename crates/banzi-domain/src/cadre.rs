//! The parts of a cadre record beyond the roster row: 简历, 家庭主要成员, 奖惩, 年度考核.

use crate::codes::{Rating, RewardKind};
use crate::date::{self, Date, YearMonth};
use crate::error::{DomainError, Errors};
use crate::msg::Msg;
use crate::registry::REQUIRED;

/// One 简历 line: `YYYY.MM--YYYY.MM  单位及职务`; the current period has no end.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ResumeLine {
    pub start: YearMonth,
    pub end: Option<YearMonth>,
    pub text: String,
}

impl ResumeLine {
    pub fn parse(start: &str, end: &str, text: &str) -> Result<Self, DomainError> {
        let mut e = Errors::default();
        let s = e.check("起始年月", YearMonth::parse(start));
        let t = e.check("截止年月", YearMonth::parse_opt(end)).flatten();
        let text = text.trim();
        if text.is_empty() {
            e.add("单位及职务", REQUIRED);
        }
        if let (Some(s), Some(t)) = (s, t)
            && t < s
        {
            e.add("截止年月", Msg::new("reg-to-before-from"));
        }
        e.into_result()?;
        Ok(ResumeLine {
            start: s.ok_or_else(|| DomainError::Internal("起始年月".into()))?,
            end: t,
            text: text.to_string(),
        })
    }

    /// The LRMX form of the line.
    pub fn render(&self) -> String {
        match self.end {
            Some(e) => format!("{}--{}  {}", self.start, e, self.text),
            None => format!("{}--         {}", self.start, self.text),
        }
    }
}

/// 家庭主要成员及重要社会关系.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FamilyMember {
    /// 称谓: 妻子, 儿子, 父亲 …
    pub relation: String,
    pub name: String,
    pub birth: Option<YearMonth>,
    pub party: String,
    /// 工作单位及职务 (已故 is written here).
    pub work: String,
}

impl FamilyMember {
    pub fn parse(
        relation: &str,
        name: &str,
        birth: &str,
        party: &str,
        work: &str,
    ) -> Result<Self, DomainError> {
        let mut e = Errors::default();
        if relation.trim().is_empty() {
            e.add("称谓", REQUIRED);
        }
        if name.trim().is_empty() {
            e.add("姓名", REQUIRED);
        }
        let birth = e.check("出生年月", YearMonth::parse_opt(birth)).flatten();
        e.into_result()?;
        Ok(FamilyMember {
            relation: relation.trim().into(),
            name: name.trim().into(),
            birth,
            party: party.trim().into(),
            work: work.trim().into(),
        })
    }
}

/// 奖惩情况: one entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RewardEntry {
    pub date: Date,
    pub kind: RewardKind,
    pub text: String,
}

impl RewardEntry {
    pub fn parse(date: &str, kind: &str, text: &str) -> Result<Self, DomainError> {
        let mut e = Errors::default();
        let d = e.check("日期", date::parse(date));
        let k = e.check("类别", RewardKind::parse(kind));
        if text.trim().is_empty() {
            e.add("内容", REQUIRED);
        }
        e.into_result()?;
        Ok(RewardEntry {
            date: d.ok_or_else(|| DomainError::Internal("日期".into()))?,
            kind: k.unwrap_or(RewardKind::Reward),
            text: text.trim().into(),
        })
    }
}

/// 年度考核结果 of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct YearRating {
    pub year: i32,
    pub rating: Rating,
}

impl YearRating {
    pub fn parse(year: &str, rating: &str) -> Result<Self, DomainError> {
        let mut e = Errors::default();
        let y = match year.trim().parse::<i32>() {
            Ok(y) if (1950..=2200).contains(&y) => Some(y),
            _ => {
                e.add("年度", Msg::new("reg-year-four-digits"));
                None
            }
        };
        let r = e.check("等次", Rating::parse(rating));
        e.into_result()?;
        Ok(YearRating {
            year: y.unwrap_or(1950),
            rating: r.unwrap_or(Rating::Competent),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_lines_render_as_lrmx_writes_them() {
        let l = ResumeLine::parse("1998.07", "2003.12", "某县财政局科员").unwrap();
        assert_eq!(l.render(), "1998.07--2003.12  某县财政局科员");
        let now = ResumeLine::parse("2020.01", "", "某市财政局局长").unwrap();
        assert!(now.render().starts_with("2020.01--  "));
        assert_eq!(
            invalid(ResumeLine::parse("2003.12", "1998.07", "x")),
            [("截止年月".to_string(), Msg::new("reg-to-before-from"))]
        );
    }

    #[test]
    fn family_and_ratings_are_checked() {
        assert!(FamilyMember::parse("妻子", "李娜", "1980.03", "中共党员", "某中学教师").is_ok());
        assert_eq!(
            invalid(FamilyMember::parse("", "李娜", "1980.3", "", "")),
            [
                ("称谓".to_string(), REQUIRED),
                (
                    "出生年月".to_string(),
                    crate::message!("reg-month-malformed", value = "1980.3")
                ),
            ]
        );
        assert_eq!(
            YearRating::parse("2023", "优秀").unwrap().rating,
            Rating::Excellent
        );
        assert_eq!(
            invalid(YearRating::parse("23", "优秀")),
            [("年度".to_string(), Msg::new("reg-year-four-digits"))]
        );
    }

    fn invalid<T: std::fmt::Debug>(r: Result<T, DomainError>) -> Vec<(String, Msg)> {
        match r {
            Err(DomainError::Invalid(v)) => v.into_iter().map(|f| (f.field, f.message)).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }
}
