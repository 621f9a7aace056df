//! 干部: the roster row of a cadre.

use super::{REQUIRED, opt_parse, optional, required};
use crate::codes::{Degree, Education, Gender, Party};
use crate::date::{self, Date, iso};
use crate::error::{DomainError, Errors};
use crate::id_number::IdNumber;
use crate::message;
use crate::msg::{Arg, Msg};

/// 干部: the fields of the roster's 干部 sheet. 简历, family, rewards and ratings are kept
/// beside it (see [`crate::cadre`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cadre {
    pub id_number: IdNumber,
    pub name: String,
    pub gender: Gender,
    pub ethnicity: String,
    pub birth_date: Date,
    pub native_place: String,
    pub party: Party,
    pub party_joined: Option<Date>,
    pub work_started: Option<Date>,
    pub ft_education: Option<Education>,
    pub ft_degree: Option<Degree>,
    pub ft_school: String,
    pub pt_education: Option<Education>,
    pub pt_degree: Option<Degree>,
    pub pt_school: String,
    pub profession: String,
    pub rank: String,
}

/// Missing form fields are blank (and a required blank is reported by `parse`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CadreRaw {
    pub id_number: String,
    pub name: String,
    pub gender: String,
    pub ethnicity: String,
    pub birth_date: String,
    pub native_place: String,
    pub party: String,
    pub party_joined: String,
    pub work_started: String,
    pub ft_education: String,
    pub ft_degree: String,
    pub ft_school: String,
    pub pt_education: String,
    pub pt_degree: String,
    pub pt_school: String,
    pub profession: String,
    pub rank: String,
}

/// Field keys of [`CadreRaw`] with the roster header each one reads.
pub const CADRE_FIELDS: [(&str, &str); 17] = [
    ("id_number", "身份证号"),
    ("name", "姓名"),
    ("gender", "性别"),
    ("ethnicity", "民族"),
    ("birth_date", "出生日期"),
    ("native_place", "籍贯"),
    ("party", "政治面貌"),
    ("party_joined", "入党时间"),
    ("work_started", "参加工作时间"),
    ("ft_education", "全日制学历"),
    ("ft_degree", "全日制学位"),
    ("ft_school", "全日制院校及专业"),
    ("pt_education", "在职学历"),
    ("pt_degree", "在职学位"),
    ("pt_school", "在职院校及专业"),
    ("profession", "专业领域"),
    ("rank", "现职级"),
];

impl CadreRaw {
    /// The values in the order of [`CADRE_FIELDS`].
    pub fn values(&self) -> [&str; 17] {
        [
            &self.id_number,
            &self.name,
            &self.gender,
            &self.ethnicity,
            &self.birth_date,
            &self.native_place,
            &self.party,
            &self.party_joined,
            &self.work_started,
            &self.ft_education,
            &self.ft_degree,
            &self.ft_school,
            &self.pt_education,
            &self.pt_degree,
            &self.pt_school,
            &self.profession,
            &self.rank,
        ]
    }
}

impl CadreRaw {
    /// The 身份证号 when it is a valid ID number, whatever the other cells hold: a row
    /// refused for another error can still be referred to by it.
    pub fn key(&self) -> Option<IdNumber> {
        IdNumber::parse(&self.id_number).ok()
    }
}

impl Cadre {
    /// Checks every field; the ID number's check digit, and that gender and birth date
    /// agree with it.
    pub fn parse(r: &CadreRaw) -> Result<Cadre, DomainError> {
        Self::parse_as(r, true)
    }

    /// A record as stored, each field checked but not against the others: a record written
    /// beside banzi's checks (a database edited by hand, an older system's data) whose
    /// gender or birth date disagrees with its ID number is still read and shown, and the
    /// data check (信息校核, issue 16 item 5) reports the disagreement. Saving it again
    /// goes through [`Cadre::parse`].
    pub fn from_stored(r: &CadreRaw) -> Result<Cadre, DomainError> {
        Self::parse_as(r, false)
    }

    fn parse_as(r: &CadreRaw, agree: bool) -> Result<Cadre, DomainError> {
        let mut e = Errors::default();
        let id = if r.id_number.trim().is_empty() {
            e.add("身份证号", REQUIRED);
            None
        } else {
            e.check("身份证号", IdNumber::parse(&r.id_number))
        };
        let name = required(&mut e, "姓名", &r.name);
        if let Some(n) = &name
            && n.chars().count() > 30
        {
            e.add("姓名", Msg::new("reg-name-too-long"));
        }
        let gender = if r.gender.trim().is_empty() {
            e.add("性别", REQUIRED);
            None
        } else {
            e.check("性别", Gender::parse(&r.gender))
        };
        let ethnicity = required(&mut e, "民族", &r.ethnicity);
        let mut birth = if r.birth_date.trim().is_empty() {
            e.add("出生日期", REQUIRED);
            None
        } else {
            e.check("出生日期", date::parse(&r.birth_date))
        };
        // Cadre files often give 出生年月 only (1975.10): it agrees with an ID number of that
        // year and month, and the ID number supplies the day.
        let month_only = r.birth_date.trim().split(['-', '.', '/']).count() == 2;
        let native_place = optional(&mut e, "籍贯", &r.native_place);
        let party = if r.party.trim().is_empty() {
            e.add("政治面貌", REQUIRED);
            None
        } else {
            e.check("政治面貌", Party::parse(&r.party))
        };
        let party_joined = e
            .check("入党时间", date::parse_opt(&r.party_joined))
            .flatten();
        let work_started = e
            .check("参加工作时间", date::parse_opt(&r.work_started))
            .flatten();
        let ft_education = opt_parse(&mut e, "全日制学历", &r.ft_education, Education::parse);
        let ft_degree = opt_parse(&mut e, "全日制学位", &r.ft_degree, Degree::parse);
        let ft_school = optional(&mut e, "全日制院校及专业", &r.ft_school);
        let pt_education = opt_parse(&mut e, "在职学历", &r.pt_education, Education::parse);
        let pt_degree = opt_parse(&mut e, "在职学位", &r.pt_degree, Degree::parse);
        let pt_school = optional(&mut e, "在职院校及专业", &r.pt_school);
        let profession = optional(&mut e, "专业领域", &r.profession);
        let rank = optional(&mut e, "现职级", &r.rank);

        if let Some(id) = id.as_ref().filter(|_| agree) {
            if let Some(g) = gender
                && g != id.gender()
            {
                e.add(
                    "性别",
                    message!(
                        "reg-gender-mismatch",
                        gender = Arg::label(g.label()),
                        id_gender = Arg::label(id.gender().label()),
                    ),
                );
            }
            let born = id.birth_date();
            if let Some(b) = birth
                && month_only
                && (b.year(), b.month()) == (born.year(), born.month())
            {
                birth = Some(born);
            }
            if let Some(b) = birth
                && b != born
            {
                e.add(
                    "出生日期",
                    message!("reg-birth-mismatch", birth = b, id_birth = born),
                );
            }
        }
        if let (Some(b), Some(w), true) = (birth, work_started, agree)
            && w < b
        {
            e.add("参加工作时间", Msg::new("reg-work-before-birth"));
        }
        if let (Some(b), Some(p), true) = (birth, party_joined, agree)
            && p < b
        {
            e.add("入党时间", Msg::new("reg-joined-before-birth"));
        }
        e.into_result()?;
        let (
            Some(id_number),
            Some(name),
            Some(gender),
            Some(ethnicity),
            Some(birth_date),
            Some(party),
        ) = (id, name, gender, ethnicity, birth, party)
        else {
            return Err(DomainError::Internal(
                "cadre fields checked but missing".into(),
            ));
        };
        Ok(Cadre {
            id_number,
            name,
            gender,
            ethnicity,
            birth_date,
            native_place,
            party,
            party_joined,
            work_started,
            ft_education,
            ft_degree,
            ft_school,
            pt_education,
            pt_degree,
            pt_school,
            profession,
            rank,
        })
    }

    /// The raw form of a checked cadre (to fill an edit form or a roster row).
    pub fn to_raw(&self) -> CadreRaw {
        let od = |d: Option<Date>| d.map(iso).unwrap_or_default();
        CadreRaw {
            id_number: self.id_number.to_string(),
            name: self.name.clone(),
            gender: self.gender.label().into(),
            ethnicity: self.ethnicity.clone(),
            birth_date: iso(self.birth_date),
            native_place: self.native_place.clone(),
            party: self.party.label().into(),
            party_joined: od(self.party_joined),
            work_started: od(self.work_started),
            ft_education: self
                .ft_education
                .map(|x| x.label().to_string())
                .unwrap_or_default(),
            ft_degree: self
                .ft_degree
                .map(|x| x.label().to_string())
                .unwrap_or_default(),
            ft_school: self.ft_school.clone(),
            pt_education: self
                .pt_education
                .map(|x| x.label().to_string())
                .unwrap_or_default(),
            pt_degree: self
                .pt_degree
                .map(|x| x.label().to_string())
                .unwrap_or_default(),
            pt_school: self.pt_school.clone(),
            profession: self.profession.clone(),
            rank: self.rank.clone(),
        }
    }
}
