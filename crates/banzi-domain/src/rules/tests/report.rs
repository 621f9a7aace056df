//! The report: order, JSON form, summary counts.

use super::*;
use crate::codes::PostKind::*;

fn city() -> B {
    let mut b = B::new();
    b.unit_full(
        "ZZB",
        "江川市委组织部",
        "市直单位",
        UnitSystem::Organization,
        true,
    )
    .post("ZZB-1", "ZZB", "部长", Principal)
    .post("ZZB-2", "ZZB", "副部长", Deputy)
    .unit("CZJ", "江川市财政局")
    .post("CZJ-1", "CZJ", "局长", Principal);
    let a = b.cadre("甲");
    let c = b.cadre("乙");
    b.appt(&a, "ZZB-1", "2010-01-01", None, None)
        .appt(&c, "ZZB-2", "2012-01-01", None, None);
    b
}

#[test]
fn alerts_sort_by_level_rule_unit_post_cadre() {
    let r = city().run("2024-01-01");
    let keys: Vec<(Level, &str, &str, Option<&str>)> = r
        .alerts
        .iter()
        .map(|a| (a.level, a.rule, a.unit, a.post))
        .collect();
    assert_eq!(
        &keys[..2],
        [
            (V, "R-STRUCT-3", "ZZB", None),
            (V, "R-EXCH-1", "ZZB", Some("ZZB-1")),
        ]
    );
    // R-EXCH-2 is a "should" rule (corrected 2026-12-02): the first of the warnings.
    let first_warning = keys.iter().position(|k| k.0 == W).unwrap();
    assert_eq!(keys[first_warning], (W, "R-EXCH-2", "ZZB", Some("ZZB-2")));
    assert!(keys.contains(&(N, "R-STRUCT-4", "CZJ", Some("CZJ-1"))));
    assert_eq!(keys, sorted_keys(&r.alerts));
}

#[test]
fn json_has_exactly_the_seven_keys_with_iso_dates() {
    let r = city().run("2024-01-01");
    let texts: Vec<String> = r.alerts.messages_with(|m| m.to_string());
    let v = serde_json::to_value(r.worded(&texts)).unwrap();
    assert_eq!(
        v.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["alerts", "as_of", "summary"]
    );
    assert_eq!(v["as_of"], "2024-01-01");
    let first = v["alerts"][0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    let mut want = ["rule", "level", "due", "unit", "post", "cadre", "message"];
    let mut got = keys.clone();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    let exch = v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["rule"] == "R-EXCH-1")
        .unwrap();
    assert_eq!(exch["level"], "violation");
    assert_eq!(exch["due"], "2020-01-01");
    assert_eq!(exch["post"], "ZZB-1");
    let vacancy = v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["rule"] == "R-STRUCT-4")
        .unwrap();
    assert_eq!(vacancy["level"], "notice");
    assert!(vacancy["due"].is_null());
    assert!(vacancy["cadre"].is_null());
    assert!(v["summary"]["rules"].is_array());
}

#[test]
fn summary_counts_by_rule_and_level() {
    let r = city().run("2024-01-01");
    let s = &r.summary;
    assert_eq!(s.levels.total(), r.alerts.len());
    let sum: usize = s.rules.iter().map(|x| x.levels.total()).sum();
    assert_eq!(sum, r.alerts.len());
    assert_eq!(s.rules.len(), crate::rules::RULES.len());
    let exch1 = s.rules.iter().find(|x| x.rule == "R-EXCH-1").unwrap();
    assert_eq!(exch1.levels.violation, 1);
    assert_eq!(
        (s.units, s.teams, s.teams_with_members, s.posts, s.seats),
        (3, 2, 1, 3, 3)
    );
    assert_eq!(s.cadres_in_post, 2);
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(json["rules"][0]["rule"], "R-STRUCT-2");
    assert!(json["rules"][0]["notice"].is_number());
}

#[test]
fn r_struct_2_plan_counts_cadres_appointed_this_year() {
    let mut b = city();
    let young = b.cadre_full("青", Gender::Female, "1990-05-01", Party::Cpc, "", "");
    let older = b.cadre_full("长", Gender::Female, "1980-05-01", Party::Cpc, "", "");
    b.appt(&young, "CZJ-1", "2024-03-01", None, None)
        .appt(&older, "ZZB-2", "2024-02-01", Some("2024-03-01"), None)
        .appt(&older, "ZZB-1", "2024-04-01", None, None);
    let y = b.run("2024-03-01").summary.young;
    assert_eq!((y.appointed_this_year, y.appointed_under_plan_age), (2, 1));
    let y = b.run("2024-02-29").summary.young;
    assert_eq!((y.appointed_this_year, y.appointed_under_plan_age), (1, 0));
}

#[test]
fn evaluation_is_deterministic_and_ignores_row_order() {
    let b = city();
    let mut shuffled = city();
    shuffled.r.units.reverse();
    shuffled.r.posts.reverse();
    shuffled.r.cadres.reverse();
    shuffled.r.appointments.reverse();
    assert_eq!(
        b.run("2024-01-01").alerts,
        shuffled.run("2024-01-01").alerts
    );
}

/// The documented order: level, rule in `RULES` order, unit, post, cadre, due.
pub(super) fn sorted_keys(alerts: &Alerts) -> Vec<(Level, &'static str, &str, Option<&str>)> {
    let rank = |r: &str| crate::rules::RULES.iter().position(|x| *x == r).unwrap();
    let mut v: Vec<_> = alerts.iter().collect();
    v.sort_by(|a, b| {
        (a.level, rank(a.rule), &a.unit, &a.post, &a.cadre, a.due).cmp(&(
            b.level,
            rank(b.rule),
            &b.unit,
            &b.post,
            &b.cadre,
            b.due,
        ))
    });
    v.into_iter()
        .map(|a| (a.level, a.rule, a.unit, a.post))
        .collect()
}

#[test]
fn duplicate_codes_keep_the_first_row_and_long_codes_still_work() {
    let mut b = B::new();
    let long = "L".repeat(45);
    b.unit("DUP", "甲局")
        .unit("DUP", "乙局")
        .unit(&long, "长编码局")
        .post("P1", &long, "局长", Principal)
        .post("P1", "DUP", "重复", Deputy)
        .post("P2", "DUP", "局长", Principal);
    let id = b.cadre("甲");
    b.appt(&id, "P1", "2010-01-01", None, None);
    let r = b.run("2024-01-01");
    assert_eq!((r.summary.units, r.summary.posts), (3, 2));
    let exch: Vec<(&str, Msg)> = r
        .alerts
        .iter()
        .filter(|a| a.rule == "R-EXCH-1")
        .map(|a| (a.unit, a.message()))
        .collect();
    assert_eq!(exch.len(), 1);
    assert_eq!(exch[0].0, long);
    // …长编码局局长（正职）…
    assert_eq!(exch[0].1.arg("post"), Some(&Arg::from("长编码局局长")));
    assert_eq!(exch[0].1.arg("kind"), Some(&label("正职")));
    // 截至2024-01-01，甲局局长职数1名，现任0名，空缺1名（R-STRUCT-4）
    let vacancy = of(&r, "R-STRUCT-4");
    assert_eq!(
        vacancy[0].message,
        message!(
            "rule-seats",
            as_of = d("2024-01-01"),
            post = "甲局局长",
            seats = 1,
            held = 0,
            seconded = 0,
            state = "vacant",
            n = 1,
        )
    );
}

#[test]
fn an_empty_roster_has_no_alerts() {
    let r = evaluate(
        &Arc::new(Facts::default()),
        &Params::default(),
        d("2024-01-01"),
    );
    assert!(r.alerts.is_empty());
    assert_eq!(r.summary.young.city_teams, 0);
    assert!(r.summary.young.meets_target);
    let st = crate::rules::structure(
        &Facts::new(&Roster::default()),
        &Params::default(),
        d("2024-01-01"),
    );
    assert_eq!((st.city.members, st.teams.len()), (0, 0));
}
