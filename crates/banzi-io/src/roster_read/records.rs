//! Which `…Raw` field each header of [`crate::layout`] fills, for the six record types.
//!
//! A sheet keeps one `Raw` value and refills its Strings row after row, so reading allocates
//! nothing per cell once the buffers have grown (the import benchmark: at most 2× calamine).

use banzi_domain::DomainError;
use banzi_domain::registry::{
    Appointment, AppointmentRaw, Cadre, CadreRaw, Portfolio, PortfolioRaw, Post, PostRaw, Training,
    TrainingRaw, Unit, UnitRaw,
};
use banzi_domain::roster::{Key, Located, Part, Roster};

use crate::layout::{self, Sheet};

/// A record read from one row of its sheet.
pub(crate) trait Record: Sized {
    type Raw: Default;
    const SHEET: &'static Sheet;
    /// The Raw field of the sheet's column `i` (in [`Sheet::columns`] order).
    fn field(raw: &mut Self::Raw, i: usize) -> Option<&mut String>;
    fn parse(raw: &Self::Raw) -> Result<Self, DomainError>;
    fn rows(r: &mut Roster) -> &mut Vec<Located<Self>>;
    fn part(rows: Vec<Located<Self>>) -> Part;
    /// The key other rows refer to this row by (单位, 职位, 干部), when the raw row has a
    /// readable one: a row refused for other errors is still there for them.
    fn key(_raw: &Self::Raw) -> Option<Key> {
        None
    }
    /// Whether a streaming read hands the sheet on in chunks (单位 and 职位 go whole: the
    /// unit tree is checked as a whole, and both are small).
    const CHUNKED: bool = true;
}

impl Record for Unit {
    type Raw = UnitRaw;
    const SHEET: &'static Sheet = &layout::UNITS;
    fn field(r: &mut UnitRaw, i: usize) -> Option<&mut String> {
        Some(match i {
            0 => &mut r.code,
            1 => &mut r.name,
            2 => &mut r.parent_code,
            3 => &mut r.category,
            4 => &mut r.platform,
            5 => &mut r.system,
            6 => &mut r.non_cpc_required,
            _ => return None,
        })
    }
    fn parse(raw: &UnitRaw) -> Result<Self, DomainError> {
        Unit::parse(raw)
    }
    fn rows(r: &mut Roster) -> &mut Vec<Located<Self>> {
        &mut r.units
    }
    fn part(rows: Vec<Located<Self>>) -> Part {
        Part::Units(rows)
    }
    fn key(raw: &UnitRaw) -> Option<Key> {
        raw.key().map(Key::Unit)
    }
    const CHUNKED: bool = false;
}

impl Record for Post {
    type Raw = PostRaw;
    const SHEET: &'static Sheet = &layout::POSTS;
    fn field(r: &mut PostRaw, i: usize) -> Option<&mut String> {
        Some(match i {
            0 => &mut r.code,
            1 => &mut r.unit_code,
            2 => &mut r.team,
            3 => &mut r.title,
            4 => &mut r.kind,
            5 => &mut r.seats,
            6 => &mut r.level,
            _ => return None,
        })
    }
    fn parse(raw: &PostRaw) -> Result<Self, DomainError> {
        Post::parse(raw)
    }
    fn rows(r: &mut Roster) -> &mut Vec<Located<Self>> {
        &mut r.posts
    }
    fn part(rows: Vec<Located<Self>>) -> Part {
        Part::Posts(rows)
    }
    fn key(raw: &PostRaw) -> Option<Key> {
        raw.key().map(Key::Post)
    }
    const CHUNKED: bool = false;
}

impl Record for Cadre {
    type Raw = CadreRaw;
    const SHEET: &'static Sheet = &layout::CADRES;
    fn field(r: &mut CadreRaw, i: usize) -> Option<&mut String> {
        Some(match i {
            0 => &mut r.id_number,
            1 => &mut r.name,
            2 => &mut r.gender,
            3 => &mut r.ethnicity,
            4 => &mut r.birth_date,
            5 => &mut r.native_place,
            6 => &mut r.party,
            7 => &mut r.party_joined,
            8 => &mut r.work_started,
            9 => &mut r.ft_education,
            10 => &mut r.ft_degree,
            11 => &mut r.ft_school,
            12 => &mut r.pt_education,
            13 => &mut r.pt_degree,
            14 => &mut r.pt_school,
            15 => &mut r.profession,
            16 => &mut r.rank,
            _ => return None,
        })
    }
    fn parse(raw: &CadreRaw) -> Result<Self, DomainError> {
        Cadre::parse(raw)
    }
    fn rows(r: &mut Roster) -> &mut Vec<Located<Self>> {
        &mut r.cadres
    }
    fn part(rows: Vec<Located<Self>>) -> Part {
        Part::Cadres(rows)
    }
    fn key(raw: &CadreRaw) -> Option<Key> {
        raw.key().map(Key::Cadre)
    }
}

impl Record for Appointment {
    type Raw = AppointmentRaw;
    const SHEET: &'static Sheet = &layout::APPOINTMENTS;
    fn field(r: &mut AppointmentRaw, i: usize) -> Option<&mut String> {
        Some(match i {
            0 => &mut r.id_number,
            1 => &mut r.post_code,
            2 => &mut r.start,
            3 => &mut r.end,
            4 => &mut r.manner,
            5 => &mut r.doc_no,
            _ => return None,
        })
    }
    fn parse(raw: &AppointmentRaw) -> Result<Self, DomainError> {
        Appointment::parse(raw)
    }
    fn rows(r: &mut Roster) -> &mut Vec<Located<Self>> {
        &mut r.appointments
    }
    fn part(rows: Vec<Located<Self>>) -> Part {
        Part::Appointments(rows)
    }
}

impl Record for Portfolio {
    type Raw = PortfolioRaw;
    const SHEET: &'static Sheet = &layout::PORTFOLIOS;
    fn field(r: &mut PortfolioRaw, i: usize) -> Option<&mut String> {
        Some(match i {
            0 => &mut r.id_number,
            1 => &mut r.post_code,
            2 => &mut r.work,
            3 => &mut r.start,
            4 => &mut r.end,
            _ => return None,
        })
    }
    fn parse(raw: &PortfolioRaw) -> Result<Self, DomainError> {
        Portfolio::parse(raw)
    }
    fn rows(r: &mut Roster) -> &mut Vec<Located<Self>> {
        &mut r.portfolios
    }
    fn part(rows: Vec<Located<Self>>) -> Part {
        Part::Portfolios(rows)
    }
}

impl Record for Training {
    type Raw = TrainingRaw;
    const SHEET: &'static Sheet = &layout::TRAININGS;
    fn field(r: &mut TrainingRaw, i: usize) -> Option<&mut String> {
        Some(match i {
            0 => &mut r.id_number,
            1 => &mut r.name,
            2 => &mut r.kind,
            3 => &mut r.start,
            4 => &mut r.end,
            5 => &mut r.hours,
            _ => return None,
        })
    }
    fn parse(raw: &TrainingRaw) -> Result<Self, DomainError> {
        Training::parse(raw)
    }
    fn rows(r: &mut Roster) -> &mut Vec<Located<Self>> {
        &mut r.trainings
    }
    fn part(rows: Vec<Located<Self>>) -> Part {
        Part::Trainings(rows)
    }
}

#[cfg(test)]
mod tests {
    //! Each header must fill the field the domain reports under that same header: fill a
    //! valid row, spoil one column with 201 characters (too long for any field), and the
    //! error must name that column.
    use super::*;
    use banzi_domain::codes::Gender;
    use banzi_domain::date::parse as parse_date;
    use banzi_domain::id_number::synthesize;

    fn check<T: Record>(valid: &[&str]) {
        let sheet = T::SHEET;
        assert_eq!(valid.len(), sheet.columns.len(), "{}", sheet.name);
        assert!(T::field(&mut T::Raw::default(), sheet.columns.len()).is_none());
        let fill = |raw: &mut T::Raw| {
            for (i, v) in valid.iter().enumerate() {
                if let Some(f) = T::field(raw, i) {
                    *f = (*v).to_string();
                }
            }
        };
        let mut raw = T::Raw::default();
        fill(&mut raw);
        if let Err(e) = T::parse(&raw) {
            panic!("{}: the valid row fails: {e}", sheet.name);
        }
        for (i, col) in sheet.columns.iter().enumerate() {
            let mut raw = T::Raw::default();
            fill(&mut raw);
            if let Some(f) = T::field(&mut raw, i) {
                *f = "x".repeat(201);
            }
            match T::parse(&raw) {
                Err(DomainError::Invalid(errs)) => assert!(
                    errs.iter().any(|e| e.field == col.header),
                    "{} column {} reported as {errs:?}",
                    sheet.name,
                    col.header
                ),
                other => panic!("{} column {}: {:?}", sheet.name, col.header, other.is_ok()),
            }
        }
    }

    #[test]
    fn every_header_fills_the_field_of_the_same_name() {
        let id = synthesize(320102, parse_date("1978-05-20").unwrap(), 7, Gender::Male).to_string();
        let id = id.as_str();
        check::<Unit>(&["U1", "市委", "U0", "市直单位", "A", "组织", "是"]);
        check::<Post>(&["P1", "U1", "党组", "局长", "正职", "2", "正处级"]);
        check::<Cadre>(&[
            id,
            "张伟",
            "男",
            "汉族",
            "1978-05-20",
            "江苏南京",
            "中共党员",
            "2000-07-01",
            "1999-08-01",
            "大学",
            "学士",
            "南京大学经济学",
            "研究生",
            "硕士",
            "中央党校",
            "经济管理",
            "正处级",
        ]);
        check::<Appointment>(&[
            id,
            "P1",
            "2020-01-01",
            "2022-01-01",
            "委任",
            "宁委〔2020〕1号",
        ]);
        check::<Portfolio>(&[id, "P1", "财务", "2020-01-01", "2021-01-01"]);
        check::<Training>(&[id, "党校培训", "党性教育", "2020-01-01", "2020-02-01", "40"]);
    }
}
