//! A small city with known answers, built through the same parse functions a workbook uses.

use banzi_domain::codes::Gender;
use banzi_domain::date::parse as parse_date;
use banzi_domain::id_number::synthesize;
use banzi_domain::registry::*;
use banzi_domain::roster::{Located, Roster};

pub fn id(seq: u32, birth: &str, g: Gender) -> String {
    synthesize(320102, parse_date(birth).expect("date"), seq, g).to_string()
}

pub fn zhang_wei() -> String {
    id(1, "1980-05-20", Gender::Male)
}
pub fn li_na() -> String {
    id(2, "1985-03-08", Gender::Female)
}
pub fn wang_qiang() -> String {
    id(3, "1972-11-30", Gender::Male)
}
pub fn zhao_min() -> String {
    id(4, "1990-07-01", Gender::Female)
}

pub fn unit(
    code: &str,
    name: &str,
    parent: &str,
    category: &str,
    system: &str,
    non_cpc: &str,
) -> Unit {
    Unit::parse(&UnitRaw {
        code: code.into(),
        name: name.into(),
        parent_code: parent.into(),
        category: category.into(),
        platform: "综合经济".into(),
        system: system.into(),
        non_cpc_required: non_cpc.into(),
    })
    .expect("unit")
}

pub fn post(code: &str, unit: &str, title: &str, kind: &str, seats: &str) -> Post {
    leveled_post(code, unit, title, kind, seats, "")
}

/// A post with its 职务层次 (blank: unknown).
pub fn leveled_post(
    code: &str,
    unit: &str,
    title: &str,
    kind: &str,
    seats: &str,
    level: &str,
) -> Post {
    Post::parse(&PostRaw {
        code: code.into(),
        unit_code: unit.into(),
        team: String::new(),
        title: title.into(),
        kind: kind.into(),
        seats: seats.into(),
        level: level.into(),
    })
    .expect("post")
}

pub fn cadre(idn: &str, name: &str, gender: &str, birth: &str, party: &str, edu: &str) -> Cadre {
    Cadre::parse(&CadreRaw {
        id_number: idn.into(),
        name: name.into(),
        gender: gender.into(),
        ethnicity: "汉族".into(),
        birth_date: birth.into(),
        party: party.into(),
        ft_education: edu.into(),
        rank: "副处级".into(),
        profession: "财政金融".into(),
        ..Default::default()
    })
    .expect("cadre")
}

pub fn appt(idn: &str, post: &str, start: &str, end: &str) -> Appointment {
    Appointment::parse(&AppointmentRaw {
        id_number: idn.into(),
        post_code: post.into(),
        start: start.into(),
        end: end.into(),
        manner: "委任".into(),
        doc_no: "江委〔2020〕1号".into(),
    })
    .expect("appointment")
}

pub fn at<T>(v: Vec<T>) -> Vec<Located<T>> {
    v.into_iter()
        .enumerate()
        .map(|(i, value)| Located {
            row: i as u32 + 2,
            value,
        })
        .collect()
}

/// 市委 (C) → 市财政局 (U1: 局长 P1, 副局长 P2 ×2), 市教育局 (U2: 局长 P3, 党外干部必配).
/// 张伟 局长 of U1 since 2016; 李娜 副局长 of U1 since 2019 (with an earlier joined run);
/// 王强 局长 of U2; 赵敏 has no post. P1 is 正处级, P2 副处级 (an alias: 副县级), P3's level
/// unknown.
pub fn roster() -> Roster {
    Roster {
        units: at(vec![
            unit("C", "江川市委", "", "市委", "", ""),
            unit("U1", "市财政局", "C", "市直单位", "其他", "否"),
            unit("U2", "市教育局", "C", "市直单位", "", "是"),
        ]),
        posts: at(vec![
            leveled_post("P1", "U1", "局长", "正职", "", "正处级"),
            leveled_post("P2", "U1", "副局长", "副职", "2", "副县级"),
            post("P3", "U2", "局长", "正职", "1"),
        ]),
        cadres: at(vec![
            cadre(
                &zhang_wei(),
                "张伟",
                "男",
                "1980-05-20",
                "中共党员",
                "研究生",
            ),
            cadre(&li_na(), "李娜", "女", "1985-03-08", "九三学社社员", "大学"),
            cadre(
                &wang_qiang(),
                "王强",
                "男",
                "1972-11-30",
                "中共党员",
                "大学",
            ),
            cadre(&zhao_min(), "赵敏", "女", "1990-07-01", "群众", "研究生"),
        ]),
        appointments: at(vec![
            appt(&zhang_wei(), "P1", "2016-03-01", ""),
            appt(&li_na(), "P2", "2015-01-01", "2019-01-01"),
            appt(&li_na(), "P2", "2019-01-02", ""),
            appt(&wang_qiang(), "P3", "2012-06-01", ""),
        ]),
        portfolios: at(vec![Portfolio {
            id_number: banzi_domain::IdNumber::parse(&li_na()).expect("id"),
            post_code: "P2".into(),
            work: "预算".into(),
            start: parse_date("2019-01-02").expect("d"),
            end: None,
        }]),
        trainings: at(vec![Training {
            id_number: banzi_domain::IdNumber::parse(&zhang_wei()).expect("id"),
            name: "专业化能力培训".into(),
            kind: banzi_domain::codes::TrainingKind::Professional,
            start: parse_date("2025-04-01").expect("d"),
            end: Some(parse_date("2025-04-05").expect("d")),
            hours: Some(32.5),
        }]),
    }
}
