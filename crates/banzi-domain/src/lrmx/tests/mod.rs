use super::*;

mod record;
mod resume;
use crate::codes::{Degree, Education, Party};
use crate::date::parse as day;
use crate::error::DomainError;
use crate::id_number::synthesize;
use crate::registry::Cadre;
use crate::rules::Params;

fn person(birth: &str, gender: Gender) -> LrmxPerson {
    let id = synthesize(530102, day(birth).unwrap(), 3, gender);
    let mut p = LrmxPerson::new("周建", id);
    p.gender = Some(gender);
    p.birth = Some(LrmxDate::parse(&birth.replace('-', "")[..6]).unwrap());
    p.ethnicity = "汉族".into();
    p.native_place = "云南江川".into();
    p.party_joined = Some(LrmxDate::parse("198806").unwrap());
    p.work_started = Some(LrmxDate::parse("19870701").unwrap());
    p.full_time = Schooling {
        education: "大学".into(),
        degree: "经济学学士".into(),
        education_school: "云南大学经济系财政学专业".into(),
        degree_school: String::new(),
    };
    p.in_service = Schooling {
        education: "中央党校研究生".into(),
        degree: String::new(),
        education_school: "中央党校经济管理专业".into(),
        degree_school: String::new(),
    };
    p
}

#[test]
fn every_element_has_a_distinct_tag_and_name_in_the_order_of_lrmx_md() {
    let tags: Vec<&str> = ELEMENTS.iter().map(|e| e.tag).collect();
    assert_eq!(tags.first(), Some(&"XingMing"));
    assert_eq!(
        &tags[tags.len() - 3..],
        [
            "Version",
            "GaiGeQianRenZhiNianLingJieXian",
            "DaoLingNianYue"
        ]
    );
    let mut names: Vec<&str> = ELEMENTS.iter().map(|e| e.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), ELEMENTS.len());
    assert_eq!(
        element("ShenFenZheng").map(|e| e.name),
        Some("lrmx-el-shenfenzheng")
    );
    assert_eq!(element("Nope"), None);
}

#[test]
fn a_person_maps_onto_the_registry_cadre() {
    let p = person("1965-01-15", Gender::Male);
    let c = p.to_cadre(None).unwrap();
    assert_eq!(c.id_number, p.id_number);
    assert_eq!(c.name, "周建");
    // 出生年月 agrees with the ID number, which supplies the day.
    assert_eq!(c.birth_date, day("1965-01-15").unwrap());
    assert_eq!(c.party, Party::Cpc);
    assert_eq!(c.party_joined, Some(day("1988-06-01").unwrap()));
    assert_eq!(c.work_started, Some(day("1987-07-01").unwrap()));
    assert_eq!(c.ft_education, Some(Education::University));
    assert_eq!(c.ft_degree, Some(Degree::Bachelor));
    assert_eq!(c.ft_school, "云南大学经济系财政学专业");
    assert_eq!(c.pt_education, Some(Education::Postgraduate));
    assert_eq!(c.pt_degree, None);
}

#[test]
fn blank_elements_keep_what_is_stored_and_the_form_wins_otherwise() {
    let p = person("1965-01-15", Gender::Male);
    let mut stored: Cadre = p.to_cadre(None).unwrap();
    stored.native_place = "云南玉溪".into();
    stored.party = Party::CpcProbation;
    stored.rank = "正处级".into();
    stored.profession = "财政".into();
    stored.pt_degree = Some(Degree::Master);
    let mut q = p.clone();
    q.native_place = String::new();
    let c = q.to_cadre(Some(&stored)).unwrap();
    assert_eq!(c.native_place, "云南玉溪");
    assert_eq!((c.party, c.rank.as_str()), (Party::CpcProbation, "正处级"));
    assert_eq!(c.profession, "财政");
    assert_eq!(c.pt_degree, Some(Degree::Master));
    let c = p.to_cadre(Some(&stored)).unwrap();
    assert_eq!(c.native_place, "云南江川");
    // No 入党时间 and nothing stored: 群众.
    let mut q = p.clone();
    q.party_joined = None;
    assert_eq!(q.to_cadre(None).unwrap().party, Party::Masses);
}

#[test]
fn a_form_that_disagrees_with_its_id_number_is_refused_as_a_roster_row_is() {
    let mut p = person("1965-01-15", Gender::Male);
    p.gender = Some(Gender::Female);
    p.birth = Some(LrmxDate::parse("196602").unwrap());
    p.full_time.education = "大学专科".into();
    let DomainError::Invalid(errs) = p.to_cadre(None).unwrap_err() else {
        panic!("expected invalid")
    };
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["全日制学历", "性别", "出生日期"]);
}

#[test]
fn resume_lines_keep_their_study_in_the_form_brackets() {
    let mut p = person("1965-01-15", Gender::Male);
    p.resume = parse_resume(
        "1998.07--2001.09  江川市财政局科员\n  （其间：1999.09--2001.07在云南大学学习）",
    )
    .unwrap();
    let lines = p.resume_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0].text,
        "江川市财政局科员（其间：1999.09--2001.07在云南大学学习）"
    );
}

/// R-AGE-1 at its boundary: born 1965-01, a man's 60 falls in 2025-01, the first month of
/// the reform, so it is delayed one month.
#[test]
fn an_export_computes_the_2025_elements_and_takes_the_proposal() {
    let params = Params::default();
    let p = person("1965-01-15", Gender::Male);
    let proposal = Proposal {
        appoint: "江川市财政局局长".into(),
        remove: "江川县副县长".into(),
        reason: "工作需要".into(),
    };
    let as_of = day("2024-11-30").unwrap();
    let e = Export::new(as_of, &params, "副处级", Gender::Male, Some(&proposal));
    let x = p.for_export(&e);
    assert_eq!(x.age_as_of, Some(LrmxDate::Day(as_of)));
    assert_eq!(
        x.pre_reform_limit.map(|m| m.to_string()).as_deref(),
        Some("2025.01")
    );
    assert_eq!(x.due.map(|m| m.to_string()).as_deref(), Some("2025.02"));
    assert_eq!(
        (
            x.proposed_post.as_str(),
            x.proposed_removal.as_str(),
            x.reason.as_str()
        ),
        ("江川市财政局局长", "江川县副县长", "工作需要")
    );
    // A woman at 正处级 retires at 60 without the delay; below 县处级 at 55 with it.
    let w = person("1975-03-10", Gender::Female);
    let county = w.for_export(&Export::new(as_of, &params, "正处级", Gender::Female, None));
    assert_eq!(
        county.due.map(|m| m.to_string()).as_deref(),
        Some("2035.03")
    );
    assert_eq!(county.proposed_post, "");
    let below = w.for_export(&Export::new(as_of, &params, "副科级", Gender::Female, None));
    assert_eq!(
        below.pre_reform_limit.map(|m| m.to_string()).as_deref(),
        Some("2030.03")
    );
    // 2030-03 is 62 months after 2025-01: 62 / 4 + 1 = 16 months of delay.
    assert_eq!(below.due.map(|m| m.to_string()).as_deref(), Some("2031.07"));
}
