//! A form onto the registry's record and back (M1; issue 16, items 1 and 2).

use super::person;
use crate::cadre::{ResumeLine, YearRating};
use crate::codes::{Gender, Rating};
use crate::date::YearMonth;
use crate::lrmx::{Derived, ImportPlan, Outcome, ResumeEntry};
use std::collections::HashMap;

fn ym(y: i16, m: i8) -> YearMonth {
    YearMonth { year: y, month: m }
}

#[test]
fn a_period_and_its_study_survive_the_registry_line() {
    let e = ResumeEntry {
        period: ResumeLine {
            start: ym(2003, 7),
            end: None,
            text: "江川市财政局局长（正处级）".into(),
        },
        during: vec!["2004.09--2007.07在中央党校经济管理专业在职研究生学习".into()],
    };
    let line = e.to_line();
    assert_eq!(
        line.text,
        "江川市财政局局长（正处级）（其间：2004.09--2007.07在中央党校经济管理专业在职研究生学习）"
    );
    assert_eq!(
        ResumeEntry::from_line(&line),
        e,
        "the post's own bracket stays in the text"
    );
}

#[test]
fn a_text_the_registry_derives_is_kept_only_where_the_file_words_it_otherwise() {
    let mut p = person("1968-03-15", Gender::Male);
    p.current_post = "江川市财政局局长".into();
    p.ratings = "2024年度考核优秀。".into();
    let derived = Derived {
        posts_in_force: vec!["江川市财政局局长".into()],
        rewards: Vec::new(),
        ratings: vec![YearRating {
            year: 2024,
            rating: Rating::Excellent,
        }],
    };
    let r = p.to_record(None, &derived).unwrap();
    assert_eq!(r.texts.current_post, "", "the same as the posts in force");
    assert_eq!(r.texts.ratings_text, "", "the same as the ratings");
    assert_eq!(
        r.texts.ft_education_text, "",
        "大学 is the registry's label"
    );
    assert_eq!(
        r.texts.ft_degree_text, "经济学学士",
        "worded otherwise than 学士"
    );
    // Back out, the registry's wording is printed where the file's was dropped.
    let back = r.to_person(&derived);
    assert_eq!(back.current_post, "江川市财政局局长");
    assert_eq!(back.full_time.degree, "经济学学士");
    assert_eq!(back.full_time.education, "大学");
}

#[test]
fn a_blank_element_keeps_what_is_stored() {
    let mut p = person("1968-03-15", Gender::Male);
    p.health = "健康".into();
    let stored = p.to_record(None, &Derived::default()).unwrap();
    let mut again = p.clone();
    again.health = String::new();
    again.resume.clear();
    let r = again.to_record(Some(&stored), &Derived::default()).unwrap();
    assert_eq!(r, stored);
}

#[test]
fn a_plan_names_new_changed_same_and_duplicate_files() {
    let p = person("1968-03-15", Gender::Male);
    let q = person("1971-05-02", Gender::Female);
    let mut stored = HashMap::new();
    let r = q.to_record(None, &Derived::default()).unwrap();
    stored.insert(q.id_number.to_string(), (r, Derived::default()));
    let mut changed = q.clone();
    changed.native_place = "云南玉溪".into();
    let plan = ImportPlan::new(
        vec![
            ("a.lrmx".into(), Ok(p.clone())),
            ("b.lrmx".into(), Ok(q.clone())),
            (
                "c.lrmx".into(),
                Err(vec![crate::msg::Msg::new("lrmx-not-xml")]),
            ),
        ],
        &stored,
    );
    assert_eq!(plan.counts(), [1, 0, 1, 1]);
    let plan2 = ImportPlan::new(vec![("b.lrmx".into(), Ok(changed))], &stored);
    let Outcome::Update(_, c) = &plan2.files[0].outcome else {
        panic!("{:?}", plan2.files[0].outcome)
    };
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].field, "native_place");
    assert_ne!(plan.digest(), plan2.digest());
    let twice = ImportPlan::new(
        vec![("x.lrmx".into(), Ok(p.clone())), ("y.lrmx".into(), Ok(p))],
        &HashMap::new(),
    );
    assert_eq!(twice.counts(), [0, 0, 0, 2]);
}
