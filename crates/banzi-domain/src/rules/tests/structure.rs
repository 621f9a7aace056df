//! R-STRUCT-1 statistics and the team card.

use super::*;
use crate::codes::Education;
use crate::codes::PostKind::*;
use crate::rules::{Level, Light, evaluate, structure};

fn labels(v: &[crate::rules::Count]) -> Vec<(String, u32)> {
    v.iter().map(|c| (c.label.clone(), c.count)).collect()
}

fn s(x: &str, n: u32) -> (String, u32) {
    (x.to_string(), n)
}

fn city() -> B {
    let mut b = B::new();
    b.unit("SWJ", "江川市商务局")
        .post("SWJ-1", "SWJ", "局长", Principal)
        .post_full("SWJ-2", "SWJ", "", "副局长", Deputy, 3)
        .unit_full("XZ", "江川市某镇", "乡镇(街道)", UnitSystem::Other, false)
        .post("XZ-1", "XZ", "镇长", Principal);
    let a = b.cadre_full("甲", Gender::Male, "1968-03-01", Party::Cpc, "经济管理", "");
    let c = b.cadre_full(
        "乙",
        Gender::Female,
        "1985-07-01",
        Party::Jiusan,
        "法律",
        "",
    );
    let e = b.cadre_full("丙", Gender::Male, "1979-01-01", Party::Cpc, "经济管理", "");
    b.r.cadres[0].value.ft_education = Some(Education::University);
    b.r.cadres[0].value.pt_education = Some(Education::Postgraduate);
    b.r.cadres[1].value.ft_education = Some(Education::Postgraduate);
    b.appt(
        &a,
        "SWJ-1",
        "2020-03-01",
        None,
        Some(Manner::OutsideExchange),
    )
    .appt(&c, "SWJ-2", "2023-09-01", None, None)
    .appt(&e, "XZ-1", "2010-01-01", Some("2016-01-01"), None)
    .appt(&e, "SWJ-2", "2016-01-01", None, Some(Manner::Exchange));
    b
}

#[test]
fn r_struct_1_city_profile() {
    let b = city();
    let st = structure(&b.facts(), &Params::default(), d("2024-06-30"));
    let c = &st.city;
    assert_eq!(c.members, 3);
    // Ages 56, 38, 45.
    assert_eq!(c.mean_age, Some(46.3));
    assert_eq!(
        labels(&c.age_bands),
        [s("35-39岁", 1), s("45-49岁", 1), s("55-59岁", 1)]
    );
    assert_eq!(c.pyramid[0].women, 1);
    assert_eq!(
        labels(&c.generations),
        [s("60后", 1), s("70后", 1), s("80后", 1)]
    );
    assert_eq!(labels(&c.gender), [s("男", 2), s("女", 1)]);
    assert_eq!(labels(&c.ethnicity), [s("汉族", 3)]);
    assert_eq!(labels(&c.party), [s("中共党员", 2), s("九三学社", 1)]);
    assert_eq!(c.non_cpc, 1);
    assert_eq!(
        labels(&c.ft_education),
        [s("研究生", 1), s("大学", 1), s("未填", 1)]
    );
    assert_eq!(labels(&c.highest_education), [s("研究生", 2), s("未填", 1)]);
    assert_eq!(labels(&c.profession), [s("经济管理", 2), s("法律", 1)]);
    // 甲 exchanged in from outside; 丙 was a 镇长; 乙 from within.
    assert_eq!(
        labels(&c.source),
        [s("本系统", 1), s("系统外交流", 1), s("基层", 1)]
    );
    // Tenure in post on 2024-06-30: 4y (甲), 0y (乙), 8y (丙).
    assert_eq!(
        labels(&c.tenure),
        [
            s("不满1年", 1),
            s("1至3年", 0),
            s("3至5年", 1),
            s("5至10年", 1),
            s("10年及以上", 0)
        ]
    );
    assert!(c.age_tiers);
}

#[test]
fn r_struct_1_team_profiles_and_tenure_boundaries() {
    let b = city();
    let facts = b.facts();
    let p = Params::default();
    let st = structure(&facts, &p, d("2024-08-31"));
    assert_eq!(st.teams.len(), 2);
    let swj = &st.teams[0];
    assert_eq!(swj.unit, "SWJ");
    assert_eq!(
        swj.name,
        crate::message!("rule-team", unit = "江川市商务局", team = "", form = "none")
    );
    assert_eq!((swj.posts, swj.seats, swj.profile.members), (2, 4, 3));
    assert_eq!(swj.profile.tenure[0].count, 1);
    // 乙 reaches one year in post on 2024-09-01.
    let st = structure(&facts, &p, d("2024-09-01"));
    assert_eq!(st.teams[0].profile.tenure[0].count, 0);
    assert_eq!(st.teams[0].profile.tenure[1].count, 1);
    let xz = &st.teams[1];
    assert_eq!(xz.profile.members, 0);
    assert_eq!(xz.profile.mean_age, None);
    assert!(!xz.profile.age_tiers);
}

#[test]
fn team_card_lights_and_veto() {
    let b = city();
    let st = structure(&b.facts(), &Params::default(), d("2024-06-30"));
    let card = &st.teams[0].card;
    let lights: Vec<(&str, Light)> = card.dimensions.iter().map(|d| (d.key, d.light)).collect();
    assert_eq!(
        lights,
        [
            ("young", Light::Green),
            ("woman", Light::Green),
            ("seats", Light::Yellow),
            ("outside", Light::Green),
            ("complement", Light::Green),
        ]
    );
    assert_eq!(card.light, Light::Yellow);
    // 职数4名，现任3名
    assert_eq!(
        card.dimensions[2].detail,
        message!("rule-card-seats", seats = 4, held = 3, seconded = 0)
    );
    // 超职数 is a violation and a veto: the team turns red.
    let mut over = city();
    let x = over.cadre("丁");
    over.appt(&x, "SWJ-1", "2024-01-01", None, None);
    let st = structure(&over.facts(), &Params::default(), d("2024-06-30"));
    assert_eq!(st.teams[0].card.light, Light::Red);
    // A unit that must have a 党外 member and has none: red as well.
    let mut b = B::new();
    b.unit_full("JYJ", "江川市教育局", "市直单位", UnitSystem::Other, true)
        .post("JYJ-1", "JYJ", "局长", Principal);
    let w = b.cadre_full("戊", Gender::Female, "1985-01-01", Party::Cpc, "", "");
    b.appt(
        &w,
        "JYJ-1",
        "2020-01-01",
        Some("2026-01-01"),
        Some(Manner::OutsideExchange),
    );
    let card = &structure(&b.facts(), &Params::default(), d("2024-06-30")).teams[0].card;
    let non_cpc = card.dimensions.iter().find(|d| d.key == "non_cpc").unwrap();
    assert_eq!((non_cpc.light, non_cpc.veto), (Light::Red, true));
    assert_eq!(card.light, Light::Red);
    // After the member left (2026-01-01) the unit is not checked for 党外: yellow, not red.
    let card = &structure(&b.facts(), &Params::default(), d("2026-06-30")).teams[0].card;
    assert!(
        card.dimensions.iter().all(|d| d.light == Light::Yellow),
        "{card:?}"
    );
    assert_eq!(card.light, Light::Yellow);
    // With every dimension met the team is green.
    let mut b = B::new();
    b.unit_full("JYJ", "江川市教育局", "市直单位", UnitSystem::Other, false)
        .post("JYJ-1", "JYJ", "局长", Principal);
    let w = b.cadre_full("戊", Gender::Female, "1985-01-01", Party::Cpc, "", "");
    b.appt(
        &w,
        "JYJ-1",
        "2020-01-01",
        None,
        Some(Manner::OutsideExchange),
    );
    let card = &structure(&b.facts(), &Params::default(), d("2024-06-30")).teams[0].card;
    assert_eq!(card.light, Light::Green);
}

/// Only notices: a 市直单位 team of two men of 52 and 53, both 经济管理, none from outside
/// the system, every seat filled. Each of R-STRUCT-2, -3, -5 and -6 raises a notice, so
/// those dimensions are yellow, not red, and so is the team (issue 15, item 8).
#[test]
fn a_team_with_only_notices_is_yellow() {
    let mut b = B::new();
    b.unit_full("CZJ", "江川市财政局", "市直单位", UnitSystem::Other, false)
        .post("CZJ-1", "CZJ", "局长", Principal)
        .post("CZJ-2", "CZJ", "副局长", Deputy);
    let a = b.cadre_full("甲", Gender::Male, "1972-01-01", Party::Cpc, "经济管理", "");
    let c = b.cadre_full("乙", Gender::Male, "1971-03-01", Party::Cpc, "经济管理", "");
    b.appt(&a, "CZJ-1", "2020-01-01", None, None)
        .appt(&c, "CZJ-2", "2021-01-01", None, None);
    let facts = b.facts();
    let as_of = d("2024-06-30");
    let report = evaluate(&facts, &Params::default(), as_of);
    let levels: Vec<(&str, Level)> = report
        .alerts
        .iter()
        .filter(|x| x.rule.starts_with("R-STRUCT"))
        .map(|x| (x.rule, x.level))
        .collect();
    assert_eq!(
        levels,
        [
            ("R-STRUCT-2", N),
            ("R-STRUCT-3", N),
            ("R-STRUCT-5", N),
            ("R-STRUCT-6", N),
            ("R-STRUCT-6", N),
        ]
    );
    let card = &structure(&facts, &Params::default(), as_of).teams[0].card;
    let lights: Vec<(&str, Light)> = card.dimensions.iter().map(|d| (d.key, d.light)).collect();
    assert_eq!(
        lights,
        [
            ("young", Light::Yellow),
            ("woman", Light::Yellow),
            ("seats", Light::Green),
            ("outside", Light::Yellow),
            ("complement", Light::Yellow),
        ]
    );
    assert_eq!(card.light, Light::Yellow);
}

/// Every dimension of every team's card, on many days of a city whose teams change: its
/// light is that of the alerts its rule raises on the team — none green, notices only
/// yellow, a warning or violation red — except the member dimensions of a team without
/// members, which are yellow (its vacancies are notices).
#[test]
fn each_card_light_follows_the_levels_of_its_alerts() {
    let mut b = city();
    let x = b.cadre("丁");
    b.appt(&x, "SWJ-1", "2024-01-01", Some("2024-03-01"), None);
    b.unit_full("JYJ", "江川市教育局", "市直单位", UnitSystem::Other, true)
        .post("JYJ-1", "JYJ", "局长", Principal);
    let w = b.cadre_full("戊", Gender::Female, "1990-01-01", Party::Cpc, "", "");
    b.appt(&w, "JYJ-1", "2019-01-01", Some("2023-01-01"), None);
    let facts = b.facts();
    let p = Params::default();
    for day in [
        "2012-01-01",
        "2017-06-01",
        "2022-01-01",
        "2024-02-01",
        "2024-06-30",
    ] {
        let as_of = d(day);
        let report = evaluate(&facts, &p, as_of);
        for t in &structure(&facts, &p, as_of).teams {
            for dim in &t.card.dimensions {
                let levels: Vec<Level> = report
                    .alerts
                    .iter()
                    .filter(|a| a.unit == t.unit && a.rule == dim.rule)
                    // R-STRUCT-3 is two rules in one id: the unit's 党外 (a violation) and
                    // the team's woman (a notice).
                    .filter(|a| {
                        dim.rule != "R-STRUCT-3"
                            || (dim.key == "non_cpc") == (a.level == Level::Violation)
                    })
                    .map(|a| a.level)
                    .collect();
                let want = if levels.iter().any(|l| *l != N) {
                    Light::Red
                } else if !levels.is_empty() || (t.profile.members == 0 && dim.key != "seats") {
                    Light::Yellow
                } else {
                    Light::Green
                };
                assert_eq!(dim.light, want, "{day} {} {}: {levels:?}", t.unit, dim.key);
            }
        }
    }
}

/// The members behind every number of a profile, by dimension: what `counted` lists under a
/// label is exactly what the profile counts under it, for the city and for each team.
#[test]
fn r_struct_1_every_count_is_its_list_of_members() {
    use crate::rules::{DIMENSIONS, Profile, counted};
    let b = city();
    let facts = b.facts();
    let params = Params::default();
    let on = d("2024-06-30");
    let st = structure(&facts, &params, on);
    let by_dim = |p: &Profile| -> Vec<(&'static str, Vec<crate::rules::Count>)> {
        vec![
            ("age", p.age_bands.clone()),
            ("gender", p.gender.clone()),
            ("generation", p.generations.clone()),
            ("ethnicity", p.ethnicity.clone()),
            ("party", p.party.clone()),
            ("ft_edu", p.ft_education.clone()),
            ("top_edu", p.highest_education.clone()),
            ("profession", p.profession.clone()),
            ("source", p.source.clone()),
            ("tenure", p.tenure.clone()),
        ]
    };
    let mut views = vec![(None, st.city.clone())];
    for t in &st.teams {
        views.push((Some((t.unit.clone(), t.team.clone())), t.profile.clone()));
    }
    for (team, profile) in views {
        let team = team.as_ref().map(|(u, t)| (u.as_str(), t.as_str()));
        let list = counted(&facts, &params, on, team).expect("team");
        assert_eq!(list.len() as u32, profile.members, "{team:?}");
        let dims = by_dim(&profile);
        assert_eq!(dims.len(), DIMENSIONS.len());
        for (dim, counts) in dims {
            for c in counts {
                let n = list
                    .iter()
                    .filter(|m| m.label(dim) == Some(c.label.as_str()))
                    .count() as u32;
                assert_eq!(n, c.count, "{team:?} {dim} {}", c.label);
            }
        }
    }
    // The city: 甲 (outside exchange, since 2020), 乙 (since 2023), 丙 (基层, since 2016),
    // in post code order, then by name.
    let city = counted(&facts, &params, on, None).unwrap();
    let names: Vec<_> = city.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["甲", "丙", "乙"]);
    assert_eq!(city[0].label("source"), Some("系统外交流"));
    assert_eq!(city[1].label("source"), Some("基层"));
    assert_eq!(city[1].label("tenure"), Some("5至10年"));
    assert_eq!(city[1].posts, ["江川市商务局副局长"]);
    assert!(counted(&facts, &params, on, Some(("SWJ", "无此班子"))).is_none());
}
