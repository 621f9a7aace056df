//! The registry's record of one person as the 任免审批表 carries it (M1; issue 16, items 1
//! and 2): what an LRMX import writes and compares with what is stored, and what an export
//! reads back into a form.
//!
//! The roster row ([`Cadre`]) holds the typed fields; [`FormTexts`] keeps the elements it has
//! no field for (出生地, 健康状况, 专长 …) as the file wrote them, so nothing of an imported
//! form is lost and an export gives it back. A text the registry can also derive (现任职务 from
//! the appointments in force, 奖惩 and 年度考核 from their records) is the file's wording
//! while it stands; the store forgets the 现任职务 wording when a 任职 or 免职 is recorded.

use super::wording::{ratings_text, rewards_text};
use super::{LrmxDate, LrmxPerson, ResumeEntry, Schooling};
use crate::cadre::{FamilyMember, ResumeLine, RewardEntry, YearRating};
use crate::error::DomainError;
use crate::registry::Cadre;
use serde_json::{Map, Value};

/// The form's elements the roster row has no field for, as the file wrote them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct FormTexts {
    /// 出生地.
    pub birth_place: String,
    /// 健康状况.
    pub health: String,
    /// 专业技术职务.
    pub professional_title: String,
    /// 熟悉专业有何专长.
    pub expertise: String,
    /// 现任职务 as the file words it.
    pub current_post: String,
    /// 奖惩情况 as written.
    pub rewards_text: String,
    /// 年度考核结果 as written.
    pub ratings_text: String,
    /// 呈报单位.
    pub reporting_unit: String,
    /// 填表人.
    pub filled_by: String,
    /// 全日制教育 学历 and 学位 as worded (`大学本科`, `法学学士`): printed while they still
    /// name the registry's 学历 and 学位.
    pub ft_education_text: String,
    pub ft_degree_text: String,
    /// 全日制 学位's 毕业院校系及专业.
    pub ft_degree_school: String,
    /// 在职教育, the same three.
    pub pt_education_text: String,
    pub pt_degree_text: String,
    pub pt_degree_school: String,
}

impl FormTexts {
    /// The values of `self`, each blank one taken from `stored`: a file that omits an element
    /// does not erase what the registry knows.
    fn or(self, stored: &FormTexts) -> FormTexts {
        let pick = |a: String, b: &String| if a.trim().is_empty() { b.clone() } else { a };
        FormTexts {
            birth_place: pick(self.birth_place, &stored.birth_place),
            health: pick(self.health, &stored.health),
            professional_title: pick(self.professional_title, &stored.professional_title),
            expertise: pick(self.expertise, &stored.expertise),
            current_post: pick(self.current_post, &stored.current_post),
            rewards_text: pick(self.rewards_text, &stored.rewards_text),
            ratings_text: pick(self.ratings_text, &stored.ratings_text),
            reporting_unit: pick(self.reporting_unit, &stored.reporting_unit),
            filled_by: pick(self.filled_by, &stored.filled_by),
            ft_education_text: pick(self.ft_education_text, &stored.ft_education_text),
            ft_degree_text: pick(self.ft_degree_text, &stored.ft_degree_text),
            ft_degree_school: pick(self.ft_degree_school, &stored.ft_degree_school),
            pt_education_text: pick(self.pt_education_text, &stored.pt_education_text),
            pt_degree_text: pick(self.pt_degree_text, &stored.pt_degree_text),
            pt_degree_school: pick(self.pt_degree_school, &stored.pt_degree_school),
        }
    }
}

/// One person's record as the form carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRecord {
    pub cadre: Cadre,
    /// 简历, a period's in-service study bracketed after its text.
    pub resume: Vec<ResumeLine>,
    pub family: Vec<FamilyMember>,
    pub texts: FormTexts,
    /// The photo's bytes (JPEG or PNG, checked when read).
    pub photo: Option<Vec<u8>>,
}

/// What the registry derives a form's texts from: the posts held today (as `单位职务`),
/// the 奖惩 and the 年度考核 records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Derived {
    pub posts_in_force: Vec<String>,
    pub rewards: Vec<RewardEntry>,
    pub ratings: Vec<YearRating>,
}

impl Derived {
    fn current_post(&self) -> String {
        self.posts_in_force.join("、")
    }
}

impl LrmxPerson {
    /// The record this form writes over `stored` (the record registered under the same ID
    /// number): what the form leaves blank, the stored record keeps — a blank 简历 or family
    /// list and a missing photo too. A text the registry derives (`derived`: 现任职务, 奖惩,
    /// 年度考核; the 学历 and 学位 labels) is kept only where the file words it otherwise, so
    /// that the form goes on following the registry: an exported form read back changes
    /// nothing, and a later 任职 or rating shows on the next export.
    pub fn to_record(
        &self,
        stored: Option<&FormRecord>,
        derived: &Derived,
    ) -> Result<FormRecord, DomainError> {
        let cadre = self.to_cadre(stored.map(|s| &s.cadre))?;
        let texts = FormTexts {
            birth_place: self.birth_place.clone(),
            health: self.health.clone(),
            professional_title: self.professional_title.clone(),
            expertise: self.expertise.clone(),
            current_post: self.current_post.clone(),
            rewards_text: self.rewards.clone(),
            ratings_text: self.ratings.clone(),
            reporting_unit: self.reporting_unit.clone(),
            filled_by: self.filled_by.clone(),
            ft_education_text: self.full_time.education.clone(),
            ft_degree_text: self.full_time.degree.clone(),
            ft_degree_school: self.full_time.degree_school.clone(),
            pt_education_text: self.in_service.education.clone(),
            pt_degree_text: self.in_service.degree.clone(),
            pt_degree_school: self.in_service.degree_school.clone(),
        };
        let mut texts = match stored {
            Some(s) => texts.or(&s.texts),
            None => texts,
        };
        let r = cadre.to_raw();
        let blank_if = |t: &mut String, derived: &str| {
            if t.trim() == derived {
                t.clear();
            }
        };
        blank_if(&mut texts.current_post, &derived.current_post());
        blank_if(&mut texts.rewards_text, &rewards_text(&derived.rewards));
        blank_if(&mut texts.ratings_text, &ratings_text(&derived.ratings));
        blank_if(&mut texts.ft_education_text, &r.ft_education);
        blank_if(&mut texts.ft_degree_text, &r.ft_degree);
        blank_if(&mut texts.pt_education_text, &r.pt_education);
        blank_if(&mut texts.pt_degree_text, &r.pt_degree);
        Ok(FormRecord {
            cadre,
            resume: keep(self.resume_lines(), stored.map(|s| &s.resume)),
            family: keep(self.family.clone(), stored.map(|s| &s.family)),
            texts,
            photo: self
                .photo
                .clone()
                .or_else(|| stored.and_then(|s| s.photo.clone())),
        })
    }
}

impl FormRecord {
    /// The form of this record, before an export's computed values ([`LrmxPerson::for_export`]).
    pub fn to_person(&self, d: &Derived) -> LrmxPerson {
        let c = &self.cadre;
        let r = c.to_raw();
        let t = &self.texts;
        let date = |s: &str| LrmxDate::parse(s).ok();
        let schooling =
            |edu: &str, deg: &str, school: &str, edu_t: &str, deg_t: &str, deg_s: &str| {
                Schooling {
                    education: worded(edu_t, edu, super::parse_education),
                    degree: worded(deg_t, deg, super::cadre::parse_degree),
                    education_school: school.to_string(),
                    // As the file had it: the registry keeps one school, the 学历's; a blank
                    // 学位 school prints as that one.
                    degree_school: deg_s.to_string(),
                }
            };
        let mut p = LrmxPerson::new(c.name.clone(), c.id_number.clone());
        p.gender = Some(c.gender);
        p.birth = date(&r.birth_date);
        p.ethnicity = r.ethnicity.clone();
        p.native_place = r.native_place.clone();
        p.birth_place = t.birth_place.clone();
        p.party_joined = date(&r.party_joined);
        p.work_started = date(&r.work_started);
        p.health = t.health.clone();
        p.professional_title = t.professional_title.clone();
        p.expertise = t.expertise.clone();
        p.full_time = schooling(
            &r.ft_education,
            &r.ft_degree,
            &r.ft_school,
            &t.ft_education_text,
            &t.ft_degree_text,
            &t.ft_degree_school,
        );
        p.in_service = schooling(
            &r.pt_education,
            &r.pt_degree,
            &r.pt_school,
            &t.pt_education_text,
            &t.pt_degree_text,
            &t.pt_degree_school,
        );
        p.current_post = if t.current_post.trim().is_empty() {
            d.current_post()
        } else {
            t.current_post.clone()
        };
        p.resume = self.resume.iter().map(ResumeEntry::from_line).collect();
        p.rewards = if t.rewards_text.trim().is_empty() {
            rewards_text(&d.rewards)
        } else {
            t.rewards_text.clone()
        };
        p.ratings = if t.ratings_text.trim().is_empty() {
            ratings_text(&d.ratings)
        } else {
            t.ratings_text.clone()
        };
        p.family = self.family.clone();
        p.reporting_unit = t.reporting_unit.clone();
        p.filled_by = t.filled_by.clone();
        p.photo = self.photo.clone();
        p
    }

    /// The record as an import's preview compares it, field by field: the roster row's
    /// fields as a cadre's entry names them, then [`FormRecord::shown_form`].
    pub fn shown(&self) -> Value {
        let mut m = match serde_json::to_value(&self.cadre) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        if let Value::Object(f) = self.shown_form() {
            m.extend(f);
        }
        m.retain(|_, v| v.as_str() != Some(""));
        Value::Object(m)
    }

    /// The part of the record beyond the roster row, as the trail keeps it: 简历 and family
    /// one line each, the photo by its kind, size and digest, and the form's texts; blank
    /// fields left out.
    pub fn shown_form(&self) -> Value {
        let mut m = Map::new();
        let lines = |v: Vec<String>| Value::String(v.join("\n"));
        m.insert(
            "resume".into(),
            lines(self.resume.iter().map(ResumeLine::render).collect()),
        );
        m.insert(
            "family".into(),
            lines(self.family.iter().map(family_line).collect()),
        );
        if let Some(p) = &self.photo {
            m.insert("photo".into(), Value::String(photo_text(p)));
        }
        if let Ok(Value::Object(t)) = serde_json::to_value(&self.texts) {
            m.extend(t);
        }
        m.retain(|_, v| v.as_str() != Some(""));
        Value::Object(m)
    }
}

/// The file's list, or the stored one when the file has none.
fn keep<T: Clone>(mine: Vec<T>, stored: Option<&Vec<T>>) -> Vec<T> {
    match stored {
        Some(s) if mine.is_empty() => s.clone(),
        _ => mine,
    }
}

/// A form's wording of a 学历 or 学位 while it still names the registry's value; the
/// registry's label otherwise (the record was edited since the file came in).
fn worded(text: &str, label: &str, parse: impl Fn(&str) -> String) -> String {
    if !text.trim().is_empty() && parse(text) == label {
        text.to_string()
    } else {
        label.to_string()
    }
}

/// A family member as one line of a preview.
fn family_line(f: &FamilyMember) -> String {
    let birth = f.birth.map(|b| b.to_string()).unwrap_or_default();
    [f.relation.as_str(), &f.name, &birth, &f.party, &f.work]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A photo as a preview shows it: its kind, size and the start of its digest (two photos
/// of the same size still differ).
fn photo_text(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let kind = if bytes.starts_with(&[0xFF, 0xD8]) {
        "JPEG"
    } else {
        "PNG"
    };
    let digest = crate::audit::hex(&Sha256::digest(bytes)[..4]);
    format!("{kind} {} KB #{digest}", bytes.len().div_ceil(1024))
}

impl ResumeEntry {
    /// A registry line back into a period and its in-service study: the bracketed
    /// `（其间：…）` parts after the text ([`ResumeEntry::to_line`]) are taken off again.
    pub fn from_line(line: &ResumeLine) -> ResumeEntry {
        let open = super::DURING_OPEN;
        let mut text = line.text.as_str();
        let mut during = Vec::new();
        while text.ends_with('）') {
            let Some(k) = text.rfind(open) else {
                break;
            };
            let inner = &text[k + open.len()..text.len() - '）'.len_utf8()];
            if inner.contains('（') || inner.contains('）') {
                break;
            }
            during.push(inner.to_string());
            text = text[..k].trim_end();
        }
        during.reverse();
        ResumeEntry {
            period: ResumeLine {
                start: line.start,
                end: line.end,
                text: text.to_string(),
            },
            during,
        }
    }
}
