//! The registry of M1: units, posts, cadres and their records, as checked values.
//!
//! Each record has a `…Raw` form of plain text (a roster row or a web form) and a `parse`
//! that checks every field and reports all problems at once, keyed by the Chinese column
//! header of ROSTER_FORMAT.md so a workbook error and a form error read the same.

use crate::codes::{
    Degree, Education, Gender, Manner, Party, PostKind, TrainingKind, UnitSystem, parse_yes_no,
};
use crate::date::{Date, iso, parse_date, parse_opt_date};
use crate::error::{DomainError, Errors};
use crate::id_number::IdNumber;

fn required(e: &mut Errors, field: &str, v: &str) -> Option<String> {
    let t = v.trim();
    if t.is_empty() {
        e.add(field, "必填项不能为空");
        None
    } else if t.chars().count() > 200 {
        e.add(field, "内容过长（最多200字）");
        None
    } else {
        Some(t.to_string())
    }
}

fn optional(e: &mut Errors, field: &str, v: &str) -> String {
    let t = v.trim();
    if t.chars().count() > 200 {
        e.add(field, "内容过长（最多200字）");
    }
    t.to_string()
}

fn code(e: &mut Errors, field: &str, v: &str) -> Option<String> {
    let t = required(e, field, v)?;
    if t.len() > 40
        || !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        e.add(field, "编码只能由字母、数字和 - _ . 组成，最多40位");
        return None;
    }
    Some(t)
}

fn opt_parse<T>(
    e: &mut Errors,
    field: &str,
    v: &str,
    p: fn(&str) -> Result<T, String>,
) -> Option<T> {
    if v.trim().is_empty() {
        None
    } else {
        e.check(field, p(v))
    }
}

/// 单位.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
    /// 单位类别: 县(市、区), 市直单位, 乡镇(街道), 企事业单位 … (open list).
    pub category: String,
    /// 考核平台 (R-ASSESS-2).
    pub platform: String,
    pub system: UnitSystem,
    /// 党外干部必配 (R-STRUCT-3).
    pub non_cpc_required: bool,
}

#[derive(Debug, Clone, Default)]
pub struct UnitRaw {
    pub code: String,
    pub name: String,
    pub parent_code: String,
    pub category: String,
    pub platform: String,
    pub system: String,
    pub non_cpc_required: String,
}

impl Unit {
    pub fn parse(r: &UnitRaw) -> Result<Unit, DomainError> {
        let mut e = Errors::default();
        let code = code(&mut e, "单位编码", &r.code);
        let name = required(&mut e, "单位名称", &r.name);
        let parent = r.parent_code.trim();
        let parent_code = if parent.is_empty() {
            None
        } else {
            self::code(&mut e, "上级单位编码", parent)
        };
        let category = required(&mut e, "单位类别", &r.category);
        let platform = optional(&mut e, "考核平台", &r.platform);
        let system = e.check("所属系统", UnitSystem::parse(&r.system));
        let flag = e.check("党外干部必配", parse_yes_no(&r.non_cpc_required));
        if let (Some(c), Some(p)) = (&code, &parent_code)
            && c == p
        {
            e.add("上级单位编码", "上级单位不能是本单位");
        }
        e.into_result()?;
        Ok(Unit {
            code: code.unwrap_or_default(),
            name: name.unwrap_or_default(),
            parent_code,
            category: category.unwrap_or_default(),
            platform,
            system: system.unwrap_or(UnitSystem::Other),
            non_cpc_required: flag.unwrap_or(false),
        })
    }
}

/// 职位: a seat on a team. `team` is the 班子名称; blank means the unit's one team.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Post {
    pub code: String,
    pub unit_code: String,
    pub team: String,
    pub title: String,
    pub kind: PostKind,
    /// 职数.
    pub seats: i64,
}

#[derive(Debug, Clone, Default)]
pub struct PostRaw {
    pub code: String,
    pub unit_code: String,
    pub team: String,
    pub title: String,
    pub kind: String,
    pub seats: String,
}

impl Post {
    pub fn parse(r: &PostRaw) -> Result<Post, DomainError> {
        let mut e = Errors::default();
        let code = code(&mut e, "职位编码", &r.code);
        let unit_code = code_req(&mut e, "单位编码", &r.unit_code);
        let team = optional(&mut e, "班子名称", &r.team);
        let title = required(&mut e, "职位名称", &r.title);
        let kind = e.check("职位类别", PostKind::parse(&r.kind));
        let seats = if r.seats.trim().is_empty() {
            Some(1)
        } else {
            match r.seats.trim().trim_end_matches(".0").parse::<i64>() {
                Ok(n) if (1..=99).contains(&n) => Some(n),
                _ => {
                    e.add("职数", format!("职数“{}”应为1到99的整数", r.seats.trim()));
                    None
                }
            }
        };
        e.into_result()?;
        Ok(Post {
            code: code.unwrap_or_default(),
            unit_code: unit_code.unwrap_or_default(),
            team,
            title: title.unwrap_or_default(),
            kind: kind.unwrap_or(PostKind::Member),
            seats: seats.unwrap_or(1),
        })
    }
}

fn code_req(e: &mut Errors, field: &str, v: &str) -> Option<String> {
    code(e, field, v)
}

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

impl Cadre {
    /// Checks every field; the ID number's check digit, and that gender and birth date
    /// agree with it.
    pub fn parse(r: &CadreRaw) -> Result<Cadre, DomainError> {
        let mut e = Errors::default();
        let id = if r.id_number.trim().is_empty() {
            e.add("身份证号", "必填项不能为空");
            None
        } else {
            e.check("身份证号", IdNumber::parse(&r.id_number))
        };
        let name = required(&mut e, "姓名", &r.name);
        if let Some(n) = &name
            && n.chars().count() > 30
        {
            e.add("姓名", "姓名过长");
        }
        let gender = if r.gender.trim().is_empty() {
            e.add("性别", "必填项不能为空");
            None
        } else {
            e.check("性别", Gender::parse(&r.gender))
        };
        let ethnicity = required(&mut e, "民族", &r.ethnicity);
        let birth = if r.birth_date.trim().is_empty() {
            e.add("出生日期", "必填项不能为空");
            None
        } else {
            e.check("出生日期", parse_date(&r.birth_date))
        };
        let native_place = optional(&mut e, "籍贯", &r.native_place);
        let party = if r.party.trim().is_empty() {
            e.add("政治面貌", "必填项不能为空");
            None
        } else {
            e.check("政治面貌", Party::parse(&r.party))
        };
        let party_joined = e
            .check("入党时间", parse_opt_date(&r.party_joined))
            .flatten();
        let work_started = e
            .check("参加工作时间", parse_opt_date(&r.work_started))
            .flatten();
        let ft_education = opt_parse(&mut e, "全日制学历", &r.ft_education, Education::parse);
        let ft_degree = opt_parse(&mut e, "全日制学位", &r.ft_degree, Degree::parse);
        let ft_school = optional(&mut e, "全日制院校及专业", &r.ft_school);
        let pt_education = opt_parse(&mut e, "在职学历", &r.pt_education, Education::parse);
        let pt_degree = opt_parse(&mut e, "在职学位", &r.pt_degree, Degree::parse);
        let pt_school = optional(&mut e, "在职院校及专业", &r.pt_school);
        let profession = optional(&mut e, "专业领域", &r.profession);
        let rank = optional(&mut e, "现职级", &r.rank);

        if let Some(id) = &id {
            if let Some(g) = gender
                && g != id.gender()
            {
                e.add(
                    "性别",
                    format!("性别“{}”与身份证号不符（身份证号显示为{}）", g, id.gender()),
                );
            }
            if let Some(b) = birth
                && b != id.birth_date()
            {
                e.add(
                    "出生日期",
                    format!(
                        "出生日期{}与身份证号不符（身份证号显示为{}）",
                        iso(b),
                        iso(id.birth_date())
                    ),
                );
            }
        }
        if let (Some(b), Some(w)) = (birth, work_started)
            && w < b
        {
            e.add("参加工作时间", "参加工作时间早于出生日期");
        }
        if let (Some(b), Some(p)) = (birth, party_joined)
            && p < b
        {
            e.add("入党时间", "入党时间早于出生日期");
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
            return Err(DomainError::Internal("干部字段校验不一致".into()));
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

/// 任职: cadre × post × [start, end).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Appointment {
    pub id_number: IdNumber,
    pub post_code: String,
    pub start: Date,
    pub end: Option<Date>,
    pub manner: Option<Manner>,
    pub doc_no: String,
}

#[derive(Debug, Clone, Default)]
pub struct AppointmentRaw {
    pub id_number: String,
    pub post_code: String,
    pub start: String,
    pub end: String,
    pub manner: String,
    pub doc_no: String,
}

fn id_req(e: &mut Errors, v: &str) -> Option<IdNumber> {
    if v.trim().is_empty() {
        e.add("身份证号", "必填项不能为空");
        None
    } else {
        e.check("身份证号", IdNumber::parse(v))
    }
}

fn date_req(e: &mut Errors, field: &str, v: &str) -> Option<Date> {
    if v.trim().is_empty() {
        e.add(field, "必填项不能为空");
        None
    } else {
        e.check(field, parse_date(v))
    }
}

fn end_after(e: &mut Errors, field: &str, start: Option<Date>, end: Option<Date>) {
    if let (Some(s), Some(t)) = (start, end)
        && t <= s
    {
        e.add(field, format!("结束日期{}应晚于开始日期{}", iso(t), iso(s)));
    }
}

impl Appointment {
    pub fn parse(r: &AppointmentRaw) -> Result<Appointment, DomainError> {
        let mut e = Errors::default();
        let id = id_req(&mut e, &r.id_number);
        let post = code(&mut e, "职位编码", &r.post_code);
        let start = date_req(&mut e, "任职开始", &r.start);
        let end = e.check("任职结束", parse_opt_date(&r.end)).flatten();
        end_after(&mut e, "任职结束", start, end);
        let manner = opt_parse(&mut e, "任职方式", &r.manner, Manner::parse);
        let doc_no = optional(&mut e, "任免文号", &r.doc_no);
        e.into_result()?;
        Ok(Appointment {
            id_number: id.ok_or_else(|| DomainError::Internal("身份证号".into()))?,
            post_code: post.unwrap_or_default(),
            start: start.ok_or_else(|| DomainError::Internal("任职开始".into()))?,
            end,
            manner,
            doc_no,
        })
    }
}

/// 分管工作 of a post holder over time (R-EXCH-5).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Portfolio {
    pub id_number: IdNumber,
    pub post_code: String,
    pub work: String,
    pub start: Date,
    pub end: Option<Date>,
}

#[derive(Debug, Clone, Default)]
pub struct PortfolioRaw {
    pub id_number: String,
    pub post_code: String,
    pub work: String,
    pub start: String,
    pub end: String,
}

impl Portfolio {
    pub fn parse(r: &PortfolioRaw) -> Result<Portfolio, DomainError> {
        let mut e = Errors::default();
        let id = id_req(&mut e, &r.id_number);
        let post = code(&mut e, "职位编码", &r.post_code);
        let work = required(&mut e, "分管工作", &r.work);
        let start = date_req(&mut e, "开始", &r.start);
        let end = e.check("结束", parse_opt_date(&r.end)).flatten();
        end_after(&mut e, "结束", start, end);
        e.into_result()?;
        Ok(Portfolio {
            id_number: id.ok_or_else(|| DomainError::Internal("身份证号".into()))?,
            post_code: post.unwrap_or_default(),
            work: work.unwrap_or_default(),
            start: start.ok_or_else(|| DomainError::Internal("开始".into()))?,
            end,
        })
    }
}

/// 培训 (R-TRAIN-1).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Training {
    pub id_number: IdNumber,
    pub name: String,
    pub kind: TrainingKind,
    pub start: Date,
    pub end: Option<Date>,
    /// 学时; tenths of an hour are kept exactly as the workbook wrote them.
    pub hours: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct TrainingRaw {
    pub id_number: String,
    pub name: String,
    pub kind: String,
    pub start: String,
    pub end: String,
    pub hours: String,
}

impl Training {
    pub fn parse(r: &TrainingRaw) -> Result<Training, DomainError> {
        let mut e = Errors::default();
        let id = id_req(&mut e, &r.id_number);
        let name = required(&mut e, "培训名称", &r.name);
        let kind = if r.kind.trim().is_empty() {
            e.add("类别", "必填项不能为空");
            None
        } else {
            e.check("类别", TrainingKind::parse(&r.kind))
        };
        let start = date_req(&mut e, "开始", &r.start);
        let end = e.check("结束", parse_opt_date(&r.end)).flatten();
        if let (Some(s), Some(t)) = (start, end)
            && t < s
        {
            e.add("结束", "结束日期早于开始日期");
        }
        let hours = if r.hours.trim().is_empty() {
            None
        } else {
            match r.hours.trim().parse::<f64>() {
                Ok(h) if (0.0..=10000.0).contains(&h) => Some(h),
                _ => {
                    e.add(
                        "学时",
                        format!("学时“{}”应为0到10000的数字", r.hours.trim()),
                    );
                    None
                }
            }
        };
        e.into_result()?;
        Ok(Training {
            id_number: id.ok_or_else(|| DomainError::Internal("身份证号".into()))?,
            name: name.unwrap_or_default(),
            kind: kind.unwrap_or(TrainingKind::Other),
            start: start.ok_or_else(|| DomainError::Internal("开始".into()))?,
            end,
            hours,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_number::synthesize;

    fn raw() -> CadreRaw {
        let id = synthesize(320102, parse_date("1978-05-20").unwrap(), 7, Gender::Male);
        CadreRaw {
            id_number: id.to_string(),
            name: "张伟".into(),
            gender: "男".into(),
            ethnicity: "汉族".into(),
            birth_date: "1978-05-20".into(),
            party: "中共党员".into(),
            ..Default::default()
        }
    }

    fn fields(e: DomainError) -> Vec<(String, String)> {
        match e {
            DomainError::Invalid(v) => v.into_iter().map(|f| (f.field, f.message)).collect(),
            other => panic!("expected invalid, got {other}"),
        }
    }

    #[test]
    fn a_complete_cadre_parses_and_round_trips() {
        let c = Cadre::parse(&raw()).unwrap();
        assert_eq!(c.name, "张伟");
        let again = Cadre::parse(&c.to_raw()).unwrap();
        assert_eq!(again, c);
    }

    #[test]
    fn gender_and_birth_must_agree_with_the_id_number() {
        let mut r = raw();
        r.gender = "女".into();
        r.birth_date = "1978-05-21".into();
        let f = fields(Cadre::parse(&r).unwrap_err());
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, "性别");
        assert!(f[0].1.contains("与身份证号不符"));
        assert_eq!(f[1].0, "出生日期");
        assert!(f[1].1.contains("1978-05-20"));
    }

    #[test]
    fn every_missing_required_field_is_reported_at_once() {
        let f = fields(Cadre::parse(&CadreRaw::default()).unwrap_err());
        let names: Vec<_> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            names,
            ["身份证号", "姓名", "性别", "民族", "出生日期", "政治面貌"]
        );
    }

    #[test]
    fn appointment_end_must_follow_start() {
        let r = AppointmentRaw {
            id_number: raw().id_number,
            post_code: "P1".into(),
            start: "2020-01-01".into(),
            end: "2020-01-01".into(),
            ..Default::default()
        };
        let f = fields(Appointment::parse(&r).unwrap_err());
        assert_eq!(f[0].0, "任职结束");
    }

    #[test]
    fn post_seats_default_to_one_and_must_be_whole() {
        let mut r = PostRaw {
            code: "P1".into(),
            unit_code: "U1".into(),
            title: "局长".into(),
            kind: "正职".into(),
            ..Default::default()
        };
        assert_eq!(Post::parse(&r).unwrap().seats, 1);
        r.seats = "2.5".into();
        assert_eq!(fields(Post::parse(&r).unwrap_err())[0].0, "职数");
        r.seats = "3".into();
        assert_eq!(Post::parse(&r).unwrap().seats, 3);
    }

    #[test]
    fn unit_codes_are_checked() {
        let r = UnitRaw {
            code: "市 委".into(),
            name: "市委".into(),
            category: "市委".into(),
            ..Default::default()
        };
        assert_eq!(fields(Unit::parse(&r).unwrap_err())[0].0, "单位编码");
    }
}
