//! An LRMX person onto the registry's cadre and records (M1): what an import compares with
//! what is stored.

use super::{LrmxPerson, ResumeEntry};
use crate::cadre::{FamilyMember, ResumeLine};
use crate::codes::{Degree, Education, Party};
use crate::error::DomainError;
use crate::registry::{Cadre, CadreRaw};

/// The registry's 学历 of a form's text: a label or alias as it is (`大学本科`), else the
/// level the text ends with (`中央党校研究生` → 研究生); anything else is given back for
/// [`Cadre::parse`] to refuse with the value.
pub fn parse_education(text: &str) -> String {
    let t = text.trim();
    if Education::parse(t).is_ok() {
        return t.to_string();
    }
    Education::ALL
        .iter()
        .find(|e| t.ends_with(e.label()))
        .map_or_else(|| t.to_string(), |e| e.label().to_string())
}

/// The registry's 学位 of a form's text: `法学学士` → 学士.
pub(crate) fn parse_degree(text: &str) -> String {
    let t = text.trim();
    Degree::ALL
        .iter()
        .find(|d| t.ends_with(d.label()))
        .map_or_else(|| t.to_string(), |d| d.label().to_string())
}

/// The form's value, or what is stored when the form leaves it blank: a file that omits an
/// element does not erase what the registry knows.
fn or_stored(form: String, stored: Option<&str>) -> String {
    if form.trim().is_empty() {
        stored.unwrap_or_default().to_string()
    } else {
        form
    }
}

impl LrmxPerson {
    /// The registry's cadre of this person, checked as a roster row is (the ID number against
    /// 性别 and 出生年月 …). `stored` is the cadre already registered under the same ID
    /// number: what the form leaves blank, and what it does not carry (现职级, 专业领域), is
    /// kept from it. The form has no 政治面貌: a 入党时间 makes a new cadre 中共党员 (a stored
    /// 中共预备党员 or 中共党员 is kept), none leaves the stored value or, for a new cadre,
    /// 群众 — the import's preview shows it before anything is written.
    pub fn to_cadre(&self, stored: Option<&Cadre>) -> Result<Cadre, DomainError> {
        let s = stored.map(Cadre::to_raw);
        let s = s.as_ref();
        let pick =
            |form: String, f: fn(&CadreRaw) -> &String| or_stored(form, s.map(|r| f(r).as_str()));
        let party = match (self.party_joined, stored.map(|c| c.party)) {
            (Some(_), Some(p)) if !p.is_non_cpc() => p,
            (Some(_), _) => Party::Cpc,
            (None, Some(p)) => p,
            (None, None) => Party::Masses,
        };
        let date = |d: Option<super::LrmxDate>| d.map(|d| d.registry_text()).unwrap_or_default();
        let school = |x: &super::Schooling| {
            if x.education_school.trim().is_empty() {
                x.degree_school.clone()
            } else {
                x.education_school.clone()
            }
        };
        let raw = CadreRaw {
            id_number: self.id_number.to_string(),
            name: self.name.clone(),
            gender: self
                .gender
                .unwrap_or_else(|| self.id_number.gender())
                .label()
                .into(),
            ethnicity: pick(self.ethnicity.clone(), |r| &r.ethnicity),
            birth_date: match self.birth {
                Some(b) => b.registry_text(),
                None => crate::date::iso(self.id_number.birth_date()),
            },
            native_place: pick(self.native_place.clone(), |r| &r.native_place),
            party: party.label().into(),
            party_joined: pick(date(self.party_joined), |r| &r.party_joined),
            work_started: pick(date(self.work_started), |r| &r.work_started),
            ft_education: pick(parse_education(&self.full_time.education), |r| {
                &r.ft_education
            }),
            ft_degree: pick(parse_degree(&self.full_time.degree), |r| &r.ft_degree),
            ft_school: pick(school(&self.full_time), |r| &r.ft_school),
            pt_education: pick(parse_education(&self.in_service.education), |r| {
                &r.pt_education
            }),
            pt_degree: pick(parse_degree(&self.in_service.degree), |r| &r.pt_degree),
            pt_school: pick(school(&self.in_service), |r| &r.pt_school),
            profession: s.map(|r| r.profession.clone()).unwrap_or_default(),
            rank: s.map(|r| r.rank.clone()).unwrap_or_default(),
        };
        Cadre::parse(&raw)
    }

    /// The 简历 as the registry's lines: a period's in-service study follows its text in
    /// the form's brackets, so nothing of the form is lost.
    pub fn resume_lines(&self) -> Vec<ResumeLine> {
        self.resume.iter().map(ResumeEntry::to_line).collect()
    }

    /// The family members as the registry keeps them.
    pub fn family_records(&self) -> &[FamilyMember] {
        &self.family
    }
}

impl ResumeEntry {
    /// The period as one registry line, its study written after the text.
    pub fn to_line(&self) -> ResumeLine {
        let mut line = self.period.clone();
        for d in &self.during {
            line.text.push('（');
            line.text.push_str(super::DURING);
            line.text.push('：');
            line.text.push_str(d);
            line.text.push('）');
        }
        line
    }
}
