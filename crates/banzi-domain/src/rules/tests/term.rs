//! R-TERM-1.

use super::*;
use crate::codes::PostKind::*;

#[test]
fn r_term_1_two_terms_in_one_post() {
    let mut b = B::new();
    b.unit("WLJ", "江川市文旅局")
        .post("WLJ-9", "WLJ", "党组成员", Member);
    let id = b.cadre("吴刚");
    b.appt(&id, "WLJ-9", "2014-03-01", None, None);
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
    assert_eq!(
        a.message,
        "吴刚自2014-03-01起任江川市文旅局党组成员，已于2024-03-01连续任职满两个任期（10年），不再推荐、提名或者任命担任同一职务（R-TERM-1）"
    );
    // Terms of 4 years: two terms are 8.
    let p = Params::from_pairs(&[("term.years", "4")]).unwrap();
    assert_eq!(
        of(&b.run_with(&p, "2022-03-01"), "R-TERM-1")[0].due,
        Some(d("2022-03-01"))
    );
}

#[test]
fn r_term_1_fifteen_years_at_one_level_across_posts() {
    let mut b = B::new();
    b.unit("A", "江川市农业农村局")
        .post("A-2", "A", "副局长", Deputy)
        .unit("B", "江川市林业局")
        .post("B-2", "B", "副局长", Deputy)
        .post("B-1", "B", "局长", Principal);
    let id = b.cadre("郑和");
    b.appt(&id, "A-2", "2005-01-01", Some("2012-01-01"), None)
        .appt(&id, "B-2", "2012-01-02", None, None);
    let level = |day: &str| -> Vec<Option<Date>> {
        b.alerts("R-TERM-1", day)
            .iter()
            .filter(|a| a.message.contains("同层次"))
            .map(|a| a.due)
            .collect()
    };
    assert_eq!(level("2018-12-31"), []);
    assert_eq!(level("2019-01-01"), [Some(d("2020-01-01"))]);
    assert_eq!(level("2020-01-01"), [Some(d("2020-01-01"))]);
    assert_eq!(
        b.alerts("R-TERM-1", "2020-01-01")[0].message,
        "郑和（现任江川市林业局副局长）自2005-01-01起连续担任副职领导职务，已于2020-01-01满15年，不再推荐、提名或者任命担任同层次领导职务（R-TERM-1）"
    );
    // Promotion to 正职 starts a new level.
    let mut b2 = B::new();
    b2.unit("B", "江川市林业局")
        .post("B-2", "B", "副局长", Deputy)
        .post("B-1", "B", "局长", Principal);
    let id = b2.cadre("郑和");
    b2.appt(&id, "B-2", "2005-01-01", Some("2012-01-01"), None)
        .appt(&id, "B-1", "2012-01-01", None, None);
    assert!(b2.alerts("R-TERM-1", "2020-06-01").is_empty());
}

#[test]
fn r_term_1_a_gap_of_two_days_breaks_the_level_run() {
    let mut b = B::new();
    b.unit("A", "江川市农业农村局")
        .post("A-2", "A", "副局长", Deputy)
        .post("A-3", "A", "副局长（二）", Deputy);
    let id = b.cadre("郑和");
    b.appt(&id, "A-2", "2005-01-01", Some("2012-01-01"), None)
        .appt(&id, "A-3", "2012-01-03", None, None);
    assert!(b.alerts("R-TERM-1", "2020-01-01").is_empty());
}
