//! R-TERM-1 (corrected 2026-12-02).

use super::*;
use crate::codes::PostKind::*;
use crate::codes::PostLevel::*;

#[test]
fn r_term_1_two_terms_in_one_post() {
    let mut b = B::new();
    b.unit("WLJ", "江川市文旅局")
        .post("WLJ-1", "WLJ", "局长", Principal);
    let id = b.cadre("吴刚");
    b.appt(&id, "WLJ-1", "2014-03-01", None, None);
    assert_eq!(
        levels(
            &b,
            "R-TERM-1",
            &[
                "2023-02-28",
                "2023-03-01",
                "2024-02-29",
                "2024-03-01",
                "2024-03-02"
            ]
        ),
        [vec![], vec![N], vec![N], vec![N], vec![N]]
    );
    let a = &b.alerts("R-TERM-1", "2024-03-01")[0];
    assert_eq!(a.due, Some(d("2024-03-01")));
    // 吴刚自2014-03-01起任江川市文旅局局长，已于2024-03-01连续任职满两个任期（10年），
    // 不再推荐、提名或者任命担任同一职务（R-TERM-1）
    assert_eq!(
        a.message,
        message!(
            "rule-two-terms",
            name = "吴刚",
            since = d("2014-03-01"),
            post = "江川市文旅局局长",
            reached = reached(true),
            due = d("2024-03-01"),
            years = 10,
        )
    );
    // Terms of 4 years: two terms are 8.
    let p = Params::from_pairs(&[("term.years", "4")]).unwrap();
    assert_eq!(
        of(&b.run_with(&p, "2022-03-01"), "R-TERM-1")[0].due,
        Some(d("2022-03-01"))
    );
}

/// 第六条 speaks of 正职: a deputy or a member ten years in one post is not counted.
#[test]
fn r_term_1_two_terms_only_for_principals() {
    for kind in [Deputy, Member, DisciplineLead] {
        let mut b = B::new();
        b.unit("WLJ", "江川市文旅局")
            .post("WLJ-9", "WLJ", "职务", kind);
        let id = b.cadre("吴刚");
        b.appt(&id, "WLJ-9", "2010-03-01", None, None);
        assert!(b.alerts("R-TERM-1", "2024-03-01").is_empty(), "{kind}");
    }
    // A 换届 re-appointment 30 days after the first term ended continues it.
    let mut b = B::new();
    b.unit("WLJ", "江川市文旅局")
        .post("WLJ-1", "WLJ", "局长", Principal);
    let id = b.cadre("吴刚");
    b.appt(&id, "WLJ-1", "2014-03-01", Some("2019-03-01"), None)
        .appt(&id, "WLJ-1", "2019-03-31", None, Some(Manner::Elected));
    assert_eq!(
        b.alerts("R-TERM-1", "2024-03-01")[0].due,
        Some(d("2024-03-01"))
    );
}

/// 第七条: 15 years **in total** at one 职务层次, every stretch added, in any unit.
#[test]
fn r_term_1_fifteen_years_in_total_at_one_level() {
    let mut b = B::new();
    b.unit("A", "江川市农业农村局")
        .post("A-2", "A", "副局长", Deputy)
        .level("A-2", DivisionDeputy)
        .unit("X", "江川市委党校")
        .post("X-2", "X", "副校长", Deputy)
        .unit("B", "江川市林业局")
        .post("B-2", "B", "副局长", Deputy)
        .level("B-2", DivisionDeputy)
        .post("B-1", "B", "局长", Principal)
        .level("B-1", DivisionChief);
    let id = b.cadre("郑和");
    // 7 years at 副处, 3 years at a post with no 职务层次, then 副处 again from 2015-01-01:
    // 15 in total on 2023-01-02 (2015-01-01 moved back by the 2,556 days of 2005–2011 is
    // 2008-01-02, plus 15 years).
    b.appt(&id, "A-2", "2005-01-01", Some("2012-01-01"), None)
        .appt(&id, "X-2", "2012-01-01", Some("2015-01-01"), None)
        .appt(&id, "B-2", "2015-01-01", None, None);
    let level = |day: &str| -> Vec<(Option<Date>, Msg)> {
        b.alerts("R-TERM-1", day)
            .into_iter()
            .filter(|a| a.message.id == "rule-level-years")
            .map(|a| (a.due, a.message))
            .collect()
    };
    assert_eq!(level("2022-01-01"), []);
    let got = level("2022-01-02");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, Some(d("2023-01-02")));
    // 郑和（现任江川市林业局副局长）自2005-01-01起担任副处级领导职务，累计将于2023-01-02满15年，
    // 不再推荐、提名或者任命担任同层次领导职务（R-TERM-1）；另有1段任职的职位未填职务层次，未计入
    let years = |yes| {
        message!(
            "rule-level-years",
            name = "郑和",
            post = "江川市林业局副局长",
            since = d("2005-01-01"),
            level = label("副处级"),
            reached = reached(yes),
            due = d("2023-01-02"),
            years = 15,
            unknown = 1,
        )
    };
    assert_eq!(got[0].1, years(false));
    // …累计已于2023-01-02满15年…
    assert_eq!(level("2023-01-02")[0].1, years(true));
    // Not consecutive, yet counted: the reading before the correction found nothing here.
    // Promotion to 正处 starts another level.
    let mut b2 = b.clone();
    b2.r.appointments[2].value.end = Some(d("2020-01-01"));
    b2.appt(&id, "B-1", "2020-01-01", None, Some(Manner::Elected));
    assert!(
        b2.alerts("R-TERM-1", "2022-06-01")
            .iter()
            .all(|a| a.message.id != "rule-level-years")
    );
    // A post without 职务层次 held now: no count at all.
    let mut b3 = B::new();
    b3.unit("X", "江川市委党校")
        .post("X-2", "X", "副校长", Deputy);
    let id = b3.cadre("郑和");
    b3.appt(&id, "X-2", "2000-01-01", None, None);
    assert!(b3.alerts("R-TERM-1", "2024-01-01").is_empty());
}

/// Two posts of one level held at once count their common days once.
#[test]
fn r_term_1_overlapping_posts_at_one_level_count_once() {
    let mut b = B::new();
    b.unit("A", "江川市农业农村局")
        .post("A-2", "A", "副局长", Deputy)
        .level("A-2", DivisionDeputy)
        .post_full("A-9", "A", "党组", "党组副书记", Deputy, 1)
        .level("A-9", DivisionDeputy);
    let id = b.cadre("郑和");
    b.appt(&id, "A-2", "2010-01-01", None, None).appt(
        &id,
        "A-9",
        "2012-01-01",
        Some("2020-01-01"),
        None,
    );
    let a: Vec<_> = b
        .alerts("R-TERM-1", "2024-06-01")
        .into_iter()
        .filter(|a| a.message.id == "rule-level-years")
        .collect();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].due, Some(d("2025-01-01")));
}
