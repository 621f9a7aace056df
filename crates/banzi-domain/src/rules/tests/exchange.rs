//! R-EXCH-1..6.

use super::*;
use crate::codes::PostKind::*;

fn principal(start: &str, end: Option<&str>) -> (B, String) {
    let mut b = B::new();
    b.unit("CZJ", "江川市财政局")
        .post("CZJ-1", "CZJ", "局长", Principal);
    let id = b.cadre("张伟");
    b.appt(&id, "CZJ-1", start, end, Some(Manner::Appointed));
    (b, id)
}

#[test]
fn r_exch_1_principal_ten_years_in_post_must_be_exchanged() {
    let (b, id) = principal("2014-03-01", None);
    assert_eq!(
        levels(&b, "R-EXCH-1", &["2024-02-29", "2024-03-01", "2024-03-02"]),
        [vec![W], vec![V], vec![V]]
    );
    let a = &b.alerts("R-EXCH-1", "2024-03-01")[0];
    assert_eq!(a.due, Some(d("2024-03-01")));
    assert_eq!(a.unit, "CZJ");
    assert_eq!(a.post.as_deref(), Some("CZJ-1"));
    assert_eq!(a.cadre.as_deref(), Some(id.as_str()));
    // 张伟，现任江川市财政局局长（正职）自2014-03-01起已于2024-03-01满10年，须交流（R-EXCH-1）
    let exch = |yes| {
        message!(
            "rule-exch",
            name = "张伟",
            post = "江川市财政局局长",
            kind = label("正职"),
            since = d("2014-03-01"),
            reached = reached(yes),
            due = d("2024-03-01"),
            years = 10,
            rule = "R-EXCH-1",
        )
    };
    assert_eq!(a.message, exch(true));
    // …将于2024-03-01满10年…
    let ahead = &b.alerts("R-EXCH-1", "2024-02-29")[0];
    assert_eq!(ahead.message, exch(false));
}

#[test]
fn r_exch_6_anticipates_twelve_months_under_the_rule_it_anticipates() {
    let (b, _) = principal("2014-03-01", None);
    // due 2024-03-01: seen from as-of + 12 months = 2024-03-01, not from 2024-02-29.
    assert_eq!(
        levels(&b, "R-EXCH-1", &["2023-02-28", "2023-03-01", "2023-03-02"]),
        [vec![], vec![W], vec![W]]
    );
    assert!(b.alerts("R-EXCH-6", "2023-06-01").is_empty());
    // The lookahead is a parameter.
    let p = Params::from_pairs(&[("exch.lookahead_months", "0")]).unwrap();
    assert!(of(&b.run_with(&p, "2024-02-29"), "R-EXCH-1").is_empty());
    assert_eq!(of(&b.run_with(&p, "2024-03-01"), "R-EXCH-1").len(), 1);
}

#[test]
fn r_exch_1_a_29_february_start_is_reached_on_28_february() {
    let (b, _) = principal("2016-02-29", None);
    assert_eq!(
        levels(&b, "R-EXCH-1", &["2026-02-27", "2026-02-28", "2026-03-01"]),
        [vec![W], vec![V], vec![V]]
    );
    assert_eq!(
        b.alerts("R-EXCH-1", "2026-02-28")[0].due,
        Some(d("2026-02-28"))
    );
    // A 29 February as-of date looks ahead to 28 February of the next year.
    let (b, _) = principal("2015-02-28", None);
    assert_eq!(
        levels(&b, "R-EXCH-1", &["2024-02-27", "2024-02-28", "2024-02-29"]),
        [vec![], vec![W], vec![W]]
    );
    let (b, _) = principal("2015-03-01", None);
    assert_eq!(
        levels(&b, "R-EXCH-1", &["2024-02-29", "2024-03-01"]),
        [vec![], vec![W]]
    );
}

#[test]
fn r_exch_1_only_current_holders() {
    let (b, _) = principal("2010-01-01", Some("2024-03-01"));
    assert_eq!(
        levels(&b, "R-EXCH-1", &["2024-02-29", "2024-03-01"]),
        [vec![V], vec![]]
    );
    // Not yet started.
    let (b, _) = principal("2024-03-02", None);
    assert!(b.alerts("R-EXCH-1", "2024-03-01").is_empty());
}

/// M1 "Joining" (corrected 2026-12-02): a 换届 re-appointment up to 31 days *(param)* after
/// the previous appointment ended continues the stretch; 32 days starts a new one.
#[test]
fn r_exch_1_joins_appointments_at_most_the_gap_apart() {
    for (second, due, level) in [
        ("2014-01-01", "2020-01-01", V),
        ("2014-01-02", "2020-01-01", V),
        ("2014-01-03", "2020-01-01", V),
        ("2014-02-01", "2020-01-01", V),
        ("2014-02-02", "2024-02-02", W),
    ] {
        let (mut b, id) = principal("2010-01-01", Some("2014-01-01"));
        b.appt(&id, "CZJ-1", second, None, Some(Manner::Elected));
        let a = b.alerts("R-EXCH-1", "2023-06-01");
        let got: Vec<_> = a.iter().map(|a| (a.due, a.level)).collect();
        assert_eq!(
            got,
            [(Some(d(due)), level)],
            "second appointment from {second}"
        );
    }
    // The gap is a parameter: with 1 day (the reading before the correction) a second
    // appointment two days later starts again.
    let p = Params::from_pairs(&[("tenure.join_gap_days", "1")]).unwrap();
    let (mut b, id) = principal("2010-01-01", Some("2014-01-01"));
    b.appt(&id, "CZJ-1", "2014-01-03", None, Some(Manner::Elected));
    let r = b.run_with(&p, "2023-06-01");
    assert_eq!(of(&r, "R-EXCH-1")[0].due, Some(d("2024-01-03")));
    let p = Params::from_pairs(&[("tenure.join_gap_days", "0")]).unwrap();
    let r = b.run_with(&p, "2023-06-01");
    assert_eq!(of(&r, "R-EXCH-1")[0].due, Some(d("2024-01-03")));
}

fn key_deputy(system: UnitSystem) -> (B, String) {
    let mut b = B::new();
    b.unit_full("ZZB", "江川市委组织部", "市直单位", system, false)
        .post("ZZB-2", "ZZB", "副部长", Deputy)
        .post("ZZB-3", "ZZB", "部务委员", Member)
        .post_full("ZZB-9", "ZZB", "机关党委", "书记", Deputy, 1);
    let id = b.cadre("李强");
    b.appt(&id, "ZZB-3", "2010-05-01", Some("2015-05-01"), None)
        .appt(&id, "ZZB-2", "2015-05-02", None, Some(Manner::Appointed));
    (b, id)
}

/// R-EXCH-2 is a "should" rule (应当交流, corrected 2026-12-02): reached → warning, ahead →
/// notice.
#[test]
fn r_exch_2_key_system_deputy_counts_years_in_the_team() {
    for system in [
        UnitSystem::Organization,
        UnitSystem::Discipline,
        UnitSystem::Law,
    ] {
        let (b, _) = key_deputy(system);
        assert_eq!(
            levels(
                &b,
                "R-EXCH-2",
                &["2019-04-30", "2020-04-30", "2020-05-01", "2020-05-02"]
            ),
            [vec![], vec![N], vec![W], vec![W]],
            "{system}"
        );
        // R-EXCH-3 covers the other deputies only.
        assert!(b.alerts("R-EXCH-3", "2026-01-01").is_empty());
    }
    let (b, _) = key_deputy(UnitSystem::Organization);
    // 李强，现任江川市委组织部副部长（副职），自2010-05-01起在江川市委组织部领导班子连续任职，
    // 已于2020-05-01满10年，应当交流（R-EXCH-2）
    assert_eq!(
        b.alerts("R-EXCH-2", "2020-05-01")[0].message,
        message!(
            "rule-exch-team",
            name = "李强",
            post = "江川市委组织部副部长",
            kind = label("副职"),
            since = d("2010-05-01"),
            team = message!(
                "rule-team",
                unit = "江川市委组织部",
                team = "",
                form = "none"
            ),
            reached = reached(true),
            due = d("2020-05-01"),
            years = 10,
        )
    );
    // A 换届 gap of 20 days between the two posts of the team still joins the team stretch.
    let (mut b, id) = key_deputy(UnitSystem::Law);
    b.r.appointments.pop();
    b.appt(&id, "ZZB-2", "2015-05-21", None, Some(Manner::Appointed));
    assert_eq!(
        b.alerts("R-EXCH-2", "2020-05-01")[0].due,
        Some(d("2020-05-01"))
    );
}

#[test]
fn r_exch_2_does_not_join_another_team_of_the_unit() {
    let (mut b, id) = key_deputy(UnitSystem::Organization);
    // A move to another team of the unit starts a new team tenure.
    b.r.appointments.pop();
    b.appt(&id, "ZZB-9", "2015-05-02", None, None);
    assert!(b.alerts("R-EXCH-2", "2020-05-01").is_empty());
    assert_eq!(
        b.alerts("R-EXCH-2", "2025-05-02")[0].due,
        Some(d("2025-05-02"))
    );
}

#[test]
fn r_exch_3_other_deputy_should_be_exchanged_after_ten_years_in_post() {
    let (b, _) = key_deputy(UnitSystem::Other);
    // Counted in the post (from 2015-05-02), not in the team; a should rule: warning, notice.
    assert!(b.alerts("R-EXCH-2", "2026-01-01").is_empty());
    assert_eq!(
        levels(
            &b,
            "R-EXCH-3",
            &[
                "2024-05-01",
                "2024-05-02",
                "2025-05-01",
                "2025-05-02",
                "2025-05-03"
            ]
        ),
        [vec![], vec![N], vec![N], vec![W], vec![W]]
    );
    // …满10年，应当交流（R-EXCH-3）
    let m = &b.alerts("R-EXCH-3", "2025-05-02")[0].message;
    assert_eq!(m.id, "rule-exch");
    assert_eq!(m.arg("years"), Some(&Arg::Int(10)));
    assert_eq!(m.arg("rule"), Some(&Arg::from("R-EXCH-3")));
}

#[test]
fn r_exch_4_discipline_lead_five_years() {
    let mut b = B::new();
    b.unit("JW", "江川市纪委监委派驻第一纪检监察组")
        .post("JW-1", "JW", "组长", DisciplineLead);
    let id = b.cadre("王芳");
    b.appt(&id, "JW-1", "2020-02-29", None, None);
    assert_eq!(
        levels(
            &b,
            "R-EXCH-4",
            &[
                "2024-02-27",
                "2024-02-28",
                "2025-02-27",
                "2025-02-28",
                "2025-03-01"
            ]
        ),
        [vec![], vec![N], vec![N], vec![W], vec![W]]
    );
    // …应当有计划交流（R-EXCH-4）
    let m = &b.alerts("R-EXCH-4", "2025-02-28")[0].message;
    assert_eq!(m.id, "rule-exch");
    assert_eq!(m.arg("rule"), Some(&Arg::from("R-EXCH-4")));
    assert_eq!(m.arg("kind"), Some(&label("派驻纪检监察组组长")));
}

#[test]
fn r_exch_5_current_portfolio_from_its_own_start() {
    let mut b = B::new();
    b.unit("FGW", "江川市发展改革委")
        .post("FGW-2", "FGW", "副主任", Deputy);
    let id = b.cadre("赵敏");
    b.appt(&id, "FGW-2", "2012-01-01", None, None)
        .portfolio(&id, "FGW-2", "财务", "2012-01-01", Some("2019-07-01"))
        .portfolio(&id, "FGW-2", "项目建设", "2019-07-01", None);
    assert_eq!(
        levels(
            &b,
            "R-EXCH-5",
            &[
                "2023-06-30",
                "2023-07-01",
                "2024-06-30",
                "2024-07-01",
                "2024-07-02"
            ]
        ),
        [vec![], vec![N], vec![N], vec![W], vec![W]]
    );
    let a = &b.alerts("R-EXCH-5", "2024-07-01")[0];
    // 赵敏，现任江川市发展改革委副主任，自2019-07-01起分管项目建设，已于2024-07-01满5年，
    // 应当调整分工（R-EXCH-5）
    assert_eq!(
        a.message,
        message!(
            "rule-exch-portfolio",
            name = "赵敏",
            post = "江川市发展改革委副主任",
            since = d("2019-07-01"),
            work = "项目建设",
            reached = reached(true),
            due = d("2024-07-01"),
            years = 5,
        )
    );
    // The earlier portfolio, ended, is not counted even though it lasted 7 years.
    assert_eq!(b.alerts("R-EXCH-5", "2019-06-30").len(), 1);
    assert_eq!(b.alerts("R-EXCH-5", "2019-07-01").len(), 0);
}

/// R-EXCH-5 (corrected 2026-12-02): the same 分管工作 kept across posts of one team is one
/// stretch (副局长 → 常务副局长, still 分管财务), joined like appointments; another team or
/// another work starts again.
#[test]
fn r_exch_5_one_portfolio_across_posts_of_the_team_is_one_stretch() {
    let build = |second_start: &str, second_post: &str| {
        let mut b = B::new();
        b.unit("CZJ", "江川市财政局")
            .post("CZJ-2", "CZJ", "副局长", Deputy)
            .post("CZJ-3", "CZJ", "常务副局长", Deputy)
            .post_full("CZJ-9", "CZJ", "党组", "党组成员", Member, 1);
        let id = b.cadre("王任重");
        b.appt(&id, "CZJ-2", "2019-03-01", Some("2022-03-01"), None)
            .appt(&id, second_post, second_start, None, None)
            .portfolio(&id, "CZJ-2", "财务", "2019-03-01", Some("2022-03-01"))
            .portfolio(&id, second_post, " 财务", second_start, None);
        b
    };
    // Same day, 31 days later: one stretch from 2019-03-01, due 2024-03-01.
    for start in ["2022-03-01", "2022-04-01"] {
        let b = build(start, "CZJ-3");
        assert_eq!(
            levels(&b, "R-EXCH-5", &["2023-02-28", "2023-03-01", "2024-03-01"]),
            [vec![], vec![N], vec![W]],
            "{start}"
        );
        let a = &b.alerts("R-EXCH-5", "2024-03-01")[0];
        assert_eq!(a.post, Some("CZJ-3".into()));
        assert_eq!(
            a.message,
            message!(
                "rule-exch-portfolio",
                name = "王任重",
                post = "江川市财政局常务副局长",
                since = d("2019-03-01"),
                work = "财务",
                reached = reached(true),
                due = d("2024-03-01"),
                years = 5,
            )
        );
    }
    // 32 days later: a new stretch from 2022-04-02.
    let b = build("2022-04-02", "CZJ-3");
    assert!(b.alerts("R-EXCH-5", "2024-03-01").is_empty());
    assert_eq!(
        b.alerts("R-EXCH-5", "2027-04-02")[0].due,
        Some(d("2027-04-02"))
    );
    // Another team of the unit (党组): not joined.
    let b = build("2022-03-01", "CZJ-9");
    assert!(b.alerts("R-EXCH-5", "2024-03-01").is_empty());
}

#[test]
fn r_exch_5_needs_the_cadre_to_hold_the_post() {
    let mut b = B::new();
    b.unit("FGW", "江川市发展改革委")
        .post("FGW-2", "FGW", "副主任", Deputy);
    let id = b.cadre("赵敏");
    b.appt(&id, "FGW-2", "2012-01-01", Some("2020-01-01"), None)
        .portfolio(&id, "FGW-2", "财务", "2012-01-01", None);
    assert_eq!(b.alerts("R-EXCH-5", "2019-12-31").len(), 1);
    assert!(b.alerts("R-EXCH-5", "2020-01-01").is_empty());
}

#[test]
fn r_exch_members_are_not_exchanged() {
    let mut b = B::new();
    b.unit("X", "江川市统计局")
        .post("X-9", "X", "党组成员", Member);
    let id = b.cadre("钱七");
    b.appt(&id, "X-9", "2000-01-01", None, None);
    let r = b.run("2024-01-01");
    assert!(r.alerts.iter().all(|a| !a.rule.starts_with("R-EXCH")));
}
