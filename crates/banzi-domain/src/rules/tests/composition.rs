//! R-STRUCT-2..6.

use super::*;
use crate::codes::PostKind::*;

/// A team of a 市直单位 with a 局长 and two 副局长 posts.
fn team(category: &str) -> B {
    let mut b = B::new();
    b.unit_full("SWJ", "江川市商务局", category, UnitSystem::Other, false)
        .post("SWJ-1", "SWJ", "局长", Principal)
        .post_full("SWJ-2", "SWJ", "", "副局长", Deputy, 2);
    b
}

#[test]
fn r_struct_2_city_team_without_a_cadre_aged_42_or_under() {
    let mut b = team("市直单位");
    let old = b.cadre_full("甲", Gender::Female, "1970-01-01", Party::Cpc, "", "");
    let young = b.cadre_full("乙", Gender::Male, "1982-06-15", Party::Cpc, "", "");
    b.appt(&old, "SWJ-1", "2020-01-01", None, None)
        .appt(&young, "SWJ-2", "2020-01-01", None, None);
    // 乙 turns 43 on 2025-06-15.
    assert_eq!(
        levels(
            &b,
            "R-STRUCT-2",
            &["2025-06-14", "2025-06-15", "2025-06-16"]
        ),
        [vec![], vec![N], vec![N]]
    );
    let a = &b.alerts("R-STRUCT-2", "2025-06-15")[0];
    assert_eq!(
        (a.unit.as_str(), &a.post, &a.cadre, a.due),
        ("SWJ", &None, &None, None)
    );
    // 截至2025-06-15，江川市商务局领导班子无42岁及以下的年轻干部（R-STRUCT-2）
    assert_eq!(
        a.message,
        message!(
            "rule-young",
            as_of = d("2025-06-15"),
            team = message!("rule-team", unit = "江川市商务局", team = "", form = "none"),
            age = 42,
        )
    );
    // Only city departments.
    let mut b = team("县(市、区)");
    let old = b.cadre_full("甲", Gender::Female, "1970-01-01", Party::Cpc, "", "");
    b.appt(&old, "SWJ-1", "2020-01-01", None, None);
    assert!(b.alerts("R-STRUCT-2", "2025-06-15").is_empty());
}

#[test]
fn r_struct_2_a_29_february_birthday() {
    let mut b = team("市直单位");
    let id = b.cadre_full("丙", Gender::Female, "1980-02-29", Party::Cpc, "", "");
    b.appt(&id, "SWJ-1", "2020-01-01", None, None);
    // 43 on 2023-02-28 in a common year.
    assert_eq!(
        levels(
            &b,
            "R-STRUCT-2",
            &["2023-02-27", "2023-02-28", "2023-03-01"]
        ),
        [vec![], vec![N], vec![N]]
    );
}

#[test]
fn r_struct_2_ratio_of_city_teams_in_the_summary() {
    let mut b = B::new();
    for (i, birth) in ["1990-01-01", "1991-01-01", "1960-01-01"]
        .iter()
        .enumerate()
    {
        let u = format!("U{i}");
        let p = format!("U{i}-1");
        b.unit(&u, &format!("单位{i}"))
            .post(&p, &u, "局长", Principal);
        let id = b.cadre_full("某", Gender::Female, birth, Party::Cpc, "", "");
        b.appt(&id, &p, "2020-01-01", None, None);
    }
    let y = b.run("2024-01-01").summary.young;
    assert_eq!((y.city_teams, y.with_young, y.meets_target), (3, 2, true));
    assert_eq!(y.target.to_string(), "2/3");
    let p = Params::from_pairs(&[("struct.young_team_ratio", "70%")]).unwrap();
    assert!(!b.run_with(&p, "2024-01-01").summary.young.meets_target);
    // An empty city team counts in the ratio but is not flagged.
    b.unit("U9", "单位9").post("U9-1", "U9", "局长", Principal);
    let r = b.run("2024-01-01");
    assert_eq!(
        (r.summary.young.city_teams, r.summary.young.with_young),
        (4, 2)
    );
    assert!(!r.summary.young.meets_target);
    assert_eq!(of(&r, "R-STRUCT-2").len(), 1);
}

#[test]
fn r_struct_3_required_non_cpc_member_missing_is_a_violation() {
    let mut b = B::new();
    b.unit_full("JYJ", "江川市教育局", "市直单位", UnitSystem::Other, true)
        .post("JYJ-1", "JYJ", "局长", Principal)
        .post_full("JYJ-2", "JYJ", "行政", "副局长", Deputy, 1);
    let a = b.cadre_full(
        "甲",
        Gender::Female,
        "1975-01-01",
        Party::CpcProbation,
        "",
        "",
    );
    let c = b.cadre_full("乙", Gender::Female, "1975-01-01", Party::Jiusan, "", "");
    b.appt(&a, "JYJ-1", "2020-01-01", None, None).appt(
        &c,
        "JYJ-2",
        "2020-01-01",
        Some("2024-03-01"),
        None,
    );
    // The 九三学社 member of the other team counts for the unit until 2024-03-01.
    assert_eq!(
        levels(
            &b,
            "R-STRUCT-3",
            &["2024-02-29", "2024-03-01", "2024-03-02"]
        ),
        [vec![], vec![V], vec![V]]
    );
    let v = &b.alerts("R-STRUCT-3", "2024-03-01")[0];
    // 江川市教育局为党外干部必配单位，截至2024-03-01班子成员中无党外干部（R-STRUCT-3）
    assert_eq!(
        v.message,
        message!(
            "rule-no-non-cpc",
            unit = "江川市教育局",
            as_of = d("2024-03-01")
        )
    );
    assert_eq!((v.post.clone(), v.cadre.clone(), v.due), (None, None, None));
}

#[test]
fn r_struct_3_team_without_a_woman_is_a_notice() {
    let mut b = team("市直单位");
    let man = b.cadre("甲");
    let woman = b.cadre_full("乙", Gender::Female, "1980-01-01", Party::Cpc, "", "");
    b.appt(&man, "SWJ-1", "2015-01-01", None, None).appt(
        &woman,
        "SWJ-2",
        "2020-01-01",
        Some("2024-03-01"),
        None,
    );
    assert_eq!(
        levels(&b, "R-STRUCT-3", &["2024-02-29", "2024-03-01"]),
        [vec![], vec![N]]
    );
    // 截至2024-03-01，江川市商务局领导班子无女干部（R-STRUCT-3）
    assert_eq!(
        b.alerts("R-STRUCT-3", "2024-03-01")[0].message,
        message!(
            "rule-no-woman",
            as_of = d("2024-03-01"),
            team = message!("rule-team", unit = "江川市商务局", team = "", form = "none")
        )
    );
}

#[test]
fn r_struct_4_over_and_under_authorised_seats() {
    let mut b = team("市直单位");
    let ids: Vec<String> = (0..4).map(|i| b.cadre(&format!("副{i}"))).collect();
    b.appt(&ids[0], "SWJ-2", "2020-01-01", None, None)
        .appt(&ids[1], "SWJ-2", "2024-03-01", None, None)
        .appt(&ids[2], "SWJ-2", "2020-01-01", Some("2024-03-02"), None);
    // SWJ-1 (局长) is vacant throughout; SWJ-2 has 2 seats.
    let at = |day: &str| -> Vec<(Option<String>, Level)> {
        b.alerts("R-STRUCT-4", day)
            .into_iter()
            .map(|a| (a.post, a.level))
            .collect()
    };
    let vacant = (Some("SWJ-1".to_string()), N);
    // SWJ-2 holds 2, 3, 2 of its 2 seats.
    assert_eq!(at("2024-02-29"), std::slice::from_ref(&vacant));
    // Violations sort first.
    assert_eq!(
        at("2024-03-01"),
        [(Some("SWJ-2".to_string()), V), vacant.clone()]
    );
    assert_eq!(at("2024-03-02"), std::slice::from_ref(&vacant));
    // Fewer holders than seats: 空缺 with the number missing.
    let under = b.alerts("R-STRUCT-4", "2019-12-31");
    // 截至2019-12-31，江川市商务局副局长职数2名，现任0名，空缺2名（R-STRUCT-4）
    assert_eq!(
        under[1].message,
        seats("2019-12-31", "江川市商务局副局长", (2, 0, 0), "vacant", 2)
    );
    let msgs: Vec<Msg> = b
        .alerts("R-STRUCT-4", "2024-03-01")
        .into_iter()
        .map(|a| a.message)
        .collect();
    // 截至2024-03-01，江川市商务局副局长职数2名，现任3名，超职数配备1名（R-STRUCT-4）
    assert_eq!(
        msgs,
        [
            seats("2024-03-01", "江川市商务局副局长", (2, 3, 0), "over", 1),
            seats("2024-03-01", "江川市商务局局长", (1, 0, 0), "vacant", 1),
        ]
    );
}

#[test]
fn r_struct_4_is_the_only_rule_for_an_empty_team() {
    let b = team("市直单位");
    let r = b.run("2024-01-01");
    let rules: Vec<&str> = r.alerts.iter().map(|a| a.rule).collect();
    assert_eq!(rules, ["R-STRUCT-4", "R-STRUCT-4", "R-TRAIN-2"]);
}

#[test]
fn r_struct_5_outside_exchange_share_of_a_third() {
    let mut b = team("市直单位");
    b.post_full("SWJ-3", "SWJ", "", "副局长", Deputy, 2);
    let ids: Vec<String> = (0..4).map(|i| b.cadre(&format!("成员{i}"))).collect();
    // 成员0 came from outside the system in 2018 and was re-appointed without a gap.
    b.appt(
        &ids[0],
        "SWJ-1",
        "2018-01-01",
        Some("2021-01-01"),
        Some(Manner::OutsideExchange),
    )
    .appt(&ids[0], "SWJ-1", "2021-01-02", None, Some(Manner::Elected))
    .appt(&ids[1], "SWJ-2", "2018-01-01", None, None)
    .appt(&ids[2], "SWJ-2", "2018-01-01", None, None)
    .appt(&ids[3], "SWJ-3", "2018-01-01", Some("2024-03-01"), None);
    // 1 of 4 < 1/3; 1 of 3 = 1/3.
    assert_eq!(
        levels(&b, "R-STRUCT-5", &["2024-02-29", "2024-03-01"]),
        [vec![N], vec![]]
    );
    // 截至2024-02-29，江川市商务局领导班子现有成员4名，其中系统外交流干部1名，低于1/3
    // （R-STRUCT-5 额位制）
    assert_eq!(
        b.alerts("R-STRUCT-5", "2024-02-29")[0].message,
        message!(
            "rule-outside",
            as_of = d("2024-02-29"),
            team = message!("rule-team", unit = "江川市商务局", team = "", form = "none"),
            members = 4,
            outside = 1,
            share = "33.3%",
        )
    );
    // A 换届 gap of up to 31 days keeps the stretch; 32 days starts a new stretch that did
    // not begin by 系统外交流 (M1 "Joining", corrected 2026-12-02).
    for (restart, alerts) in [("2021-01-03", 0), ("2021-02-01", 0), ("2021-02-02", 1)] {
        let mut b2 = team("市直单位");
        let x = b2.cadre("甲");
        b2.appt(
            &x,
            "SWJ-1",
            "2018-01-01",
            Some("2021-01-01"),
            Some(Manner::OutsideExchange),
        )
        .appt(&x, "SWJ-1", restart, None, Some(Manner::Elected));
        assert_eq!(b2.alerts("R-STRUCT-5", "2020-12-31").len(), 0);
        assert_eq!(
            b2.alerts("R-STRUCT-5", "2021-03-01").len(),
            alerts,
            "{restart}"
        );
    }
}

/// R-STRUCT-5 (corrected 2026-12-02): entering the team by 系统外交流 counts, and a promotion
/// inside the team (副局长 → 局长, 选任) keeps it; the rule covers 市直单位 teams only.
#[test]
fn r_struct_5_a_promotion_inside_the_team_keeps_the_outside_entry() {
    let mut b = team("市直单位");
    let (x, y) = (b.cadre("甲"), b.cadre("乙"));
    b.appt(
        &x,
        "SWJ-2",
        "2018-01-01",
        Some("2022-06-01"),
        Some(Manner::OutsideExchange),
    )
    .appt(&x, "SWJ-1", "2022-06-01", None, Some(Manner::Elected))
    .appt(&y, "SWJ-2", "2018-01-01", None, None);
    // 1 of 2 ≥ 1/3 before and after the promotion.
    assert!(b.alerts("R-STRUCT-5", "2022-05-31").is_empty());
    assert!(b.alerts("R-STRUCT-5", "2022-06-01").is_empty());
    // The team card and the dashboard's source numbers read it the same way.
    let s = crate::rules::structure(&b.facts(), &Params::default(), d("2022-06-01"));
    let t = &s.teams[0];
    let source: Vec<(&str, u32)> = t
        .profile
        .source
        .iter()
        .map(|c| (c.label.as_str(), c.count))
        .collect();
    assert_eq!(source, [("本系统", 1), ("系统外交流", 1), ("基层", 0)]);
    let outside = t
        .card
        .dimensions
        .iter()
        .find(|x| x.key == "outside")
        .unwrap();
    assert_eq!(
        outside.detail,
        message!("rule-card-outside", outside = 1, members = 2)
    );
    // Entering the team as an insider and later moving posts by 系统外交流 inside the team
    // does not make an outsider: the stretch in the team began otherwise.
    let mut b = team("市直单位");
    let (x, y) = (b.cadre("甲"), b.cadre("乙"));
    b.appt(
        &x,
        "SWJ-2",
        "2018-01-01",
        Some("2022-06-01"),
        Some(Manner::Elected),
    )
    .appt(
        &x,
        "SWJ-1",
        "2022-06-01",
        None,
        Some(Manner::OutsideExchange),
    )
    .appt(&y, "SWJ-2", "2018-01-01", None, None);
    assert_eq!(b.alerts("R-STRUCT-5", "2022-06-01").len(), 1);
    // Not a 市直单位 team: no R-STRUCT-5 alert and no 额位制 light.
    for category in ["县(市、区)", "乡镇(街道)", "企事业单位"] {
        let mut b = team(category);
        let y = b.cadre("乙");
        b.appt(&y, "SWJ-2", "2018-01-01", None, None);
        assert!(
            b.alerts("R-STRUCT-5", "2022-06-01").is_empty(),
            "{category}"
        );
        let s = crate::rules::structure(&b.facts(), &Params::default(), d("2022-06-01"));
        assert!(
            s.teams[0]
                .card
                .dimensions
                .iter()
                .all(|x| x.key != "outside"),
            "{category}"
        );
    }
}

/// R-STRUCT-4 (corrected 2026-12-02): a holder whose appointment in force is 挂职 takes no
/// seat: neither 超职数 nor filling a 空缺; the card counts the same way.
#[test]
fn r_struct_4_a_secondment_takes_no_seat() {
    let mut b = team("市直单位");
    let ids: Vec<String> = (0..3).map(|i| b.cadre(&format!("副{i}"))).collect();
    b.appt(&ids[0], "SWJ-2", "2020-01-01", None, None)
        .appt(&ids[1], "SWJ-2", "2020-01-01", None, None)
        .appt(
            &ids[2],
            "SWJ-2",
            "2024-03-01",
            Some("2025-03-01"),
            Some(Manner::Secondment),
        );
    // Two seats, two holders and one seconded in: no 超职数.
    let posts = |day: &str| -> Vec<Option<String>> {
        b.alerts("R-STRUCT-4", day)
            .into_iter()
            .map(|a| a.post)
            .collect()
    };
    assert_eq!(posts("2024-03-01"), [Some("SWJ-1".to_string())]);
    // With one holder gone, the seconded cadre does not fill the 空缺.
    b.r.appointments[1].value.end = Some(d("2024-06-01"));
    let a = b.alerts("R-STRUCT-4", "2024-06-01");
    // 截至2024-06-01，江川市商务局副局长职数2名，现任1名（另有挂职1名，不占职数），空缺1名
    // （R-STRUCT-4）
    assert_eq!(
        a.into_iter().map(|a| a.message).collect::<Vec<_>>(),
        [
            seats("2024-06-01", "江川市商务局局长", (1, 0, 0), "vacant", 1),
            seats("2024-06-01", "江川市商务局副局长", (2, 1, 1), "vacant", 1),
        ]
    );
    let s = crate::rules::structure(&b.facts(), &Params::default(), d("2024-06-01"));
    let seats = s.teams[0]
        .card
        .dimensions
        .iter()
        .find(|x| x.key == "seats")
        .unwrap();
    assert_eq!(
        seats.detail,
        message!("rule-card-seats", seats = 3, held = 1, seconded = 1)
    );
    // After the secondment ends, nothing changes for the seats.
    assert_eq!(b.alerts("R-STRUCT-4", "2025-03-01").len(), 2);
    // A secondment that is joined to a regular appointment: the appointment in force decides.
    let mut b = team("市直单位");
    let x = b.cadre("甲");
    b.appt(
        &x,
        "SWJ-1",
        "2023-01-01",
        Some("2024-01-01"),
        Some(Manner::Secondment),
    )
    .appt(&x, "SWJ-1", "2024-01-01", None, Some(Manner::Appointed));
    assert_eq!(
        b.alerts("R-STRUCT-4", "2023-06-01")
            .into_iter()
            .filter(|a| a.post.as_deref() == Some("SWJ-1"))
            .count(),
        1
    );
    assert_eq!(
        b.alerts("R-STRUCT-4", "2024-01-01")
            .into_iter()
            .filter(|a| a.post.as_deref() == Some("SWJ-1"))
            .count(),
        0
    );
}

#[test]
fn r_struct_6_same_field_or_same_age_band() {
    let mut b = team("市直单位");
    let a = b.cadre_full(
        "甲",
        Gender::Female,
        "1980-03-01",
        Party::Cpc,
        "经济管理",
        "",
    );
    let c = b.cadre_full("乙", Gender::Male, "1982-01-01", Party::Cpc, "经济管理", "");
    b.appt(&a, "SWJ-1", "2020-01-01", None, None)
        .appt(&c, "SWJ-2", "2020-01-01", None, None);
    // Both 40–44 until 甲 turns 45 on 2025-03-01.
    let msgs = |day: &str| -> Vec<Msg> {
        b.alerts("R-STRUCT-6", day)
            .into_iter()
            .map(|a| a.message)
            .collect()
    };
    // 截至2025-02-28，江川市商务局领导班子2名成员专业领域均为经济管理，缺乏互补（R-STRUCT-6）
    // 截至2025-02-28，江川市商务局领导班子2名成员年龄均在40至44岁之间，缺乏互补（R-STRUCT-6）
    let title = message!("rule-team", unit = "江川市商务局", team = "", form = "none");
    let day = d("2025-02-28");
    assert_eq!(
        msgs("2025-02-28"),
        [
            message!(
                "rule-same-field",
                as_of = day,
                team = &title,
                members = 2,
                field = "经济管理",
            ),
            message!(
                "rule-same-age",
                as_of = day,
                team = &title,
                members = 2,
                from = 40,
                to = 44,
            ),
        ]
    );
    assert_eq!(msgs("2025-03-01").len(), 1);
    // A blank field is not a shared field; a single member is no team to complement.
    let mut b = team("市直单位");
    let a = b.cadre_full("甲", Gender::Female, "1970-01-01", Party::Cpc, "", "");
    let c = b.cadre_full("乙", Gender::Male, "1982-01-01", Party::Cpc, "", "");
    b.appt(&a, "SWJ-1", "2020-01-01", None, None);
    assert!(b.alerts("R-STRUCT-6", "2024-01-01").is_empty());
    b.appt(&c, "SWJ-2", "2020-01-01", None, None);
    assert!(b.alerts("R-STRUCT-6", "2024-01-01").is_empty());
}

/// An R-STRUCT-4 message: (seats, held, seconded), `over` or `vacant` by `n`.
fn seats(
    day: &str,
    post: &'static str,
    (seats, held, seconded): (u32, u32, u32),
    state: &'static str,
    n: u32,
) -> Msg {
    message!(
        "rule-seats",
        as_of = d(day),
        post = post,
        seats = seats,
        held = held,
        seconded = seconded,
        state = state,
        n = n,
    )
}
