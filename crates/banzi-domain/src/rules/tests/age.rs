//! R-AGE-1: the 2025 retirement reform and leaving-leadership ages.

use super::*;
use crate::codes::PostKind::*;
use crate::rules::retirement;

/// (birth, base age, delay months, 到龄年月) — rows of the official tables of the 2025 reform.
#[test]
fn r_age_1_reform_formula_against_the_official_tables() {
    let rows = [
        // 男, 原60岁: every 4 months one month more, up to 63.
        ("1964-12-10", 60, 0, "2024.12"),
        ("1965-01-10", 60, 1, "2025.02"),
        ("1965-04-10", 60, 1, "2025.05"),
        ("1965-05-10", 60, 2, "2025.07"),
        ("1966-12-10", 60, 6, "2027.06"),
        ("1971-12-10", 60, 21, "2033.09"),
        ("1976-08-10", 60, 35, "2039.07"),
        ("1976-09-10", 60, 36, "2039.09"),
        ("1990-01-10", 60, 36, "2053.01"),
        // 女, 原55岁: the same pace, up to 58.
        ("1969-12-10", 55, 0, "2024.12"),
        ("1970-01-10", 55, 1, "2025.02"),
        ("1975-05-10", 55, 17, "2031.10"),
        ("1981-08-10", 55, 35, "2039.07"),
        ("1981-09-10", 55, 36, "2039.09"),
        // 女, 原50岁: every 2 months one month more, up to 55.
        ("1974-12-10", 50, 0, "2024.12"),
        ("1975-01-10", 50, 1, "2025.02"),
        ("1975-02-10", 50, 1, "2025.03"),
        ("1975-03-10", 50, 2, "2025.05"),
        ("1980-06-10", 50, 33, "2033.03"),
        ("1984-11-10", 50, 60, "2039.11"),
        ("1984-12-10", 50, 60, "2039.12"),
        ("1985-01-10", 50, 60, "2040.01"),
    ];
    for (birth, base, delay, month) in rows {
        let r = retirement(d(birth), base);
        assert_eq!(
            (r.delay_months, r.month.to_string()),
            (delay, month.to_string()),
            "born {birth}, base {base}"
        );
    }
    let age = |birth: &str| {
        let r = retirement(d(birth), 60);
        (r.base_age + r.delay_months / 12, r.delay_months % 12)
    };
    assert_eq!(age("1965-01-10"), (60, 1));
    assert_eq!(age("1976-09-10"), (63, 0));
    assert_eq!(age("1964-12-10"), (60, 0));
}

#[test]
fn r_age_1_due_day_is_clamped_to_the_month() {
    // 1965-01-31 + 60 years + 1 month: no 31 February.
    assert_eq!(retirement(d("1965-01-31"), 60).date, d("2025-02-28"));
    // 29 February: 1964-02-29 + 60 years (no delay) is 2024-02-29, a leap year.
    assert_eq!(retirement(d("1964-02-29"), 60).date, d("2024-02-29"));
    // 1980-02-29 + 63 years is in a common year.
    assert_eq!(retirement(d("1980-02-29"), 60).date, d("2043-02-28"));
}

fn holder(gender: Gender, birth: &str, rank: &str) -> B {
    let mut b = B::new();
    b.unit("SFJ", "江川市司法局")
        .post("SFJ-1", "SFJ", "局长", Principal);
    let id = b.cadre_full("周建", gender, birth, Party::Cpc, "", rank);
    b.appt(&id, "SFJ-1", "2020-01-01", None, None);
    b
}

/// Levels (issue 12): due within 12 months a warning; on or past the date, still in post, a
/// violation.
#[test]
fn r_age_1_warns_twelve_months_ahead_and_is_a_violation_when_reached() {
    // Due 2025-02-15.
    let b = holder(Gender::Male, "1965-01-15", "");
    assert_eq!(
        levels(
            &b,
            "R-AGE-1",
            &[
                "2024-02-14",
                "2024-02-15",
                "2025-02-14",
                "2025-02-15",
                "2025-02-16"
            ]
        ),
        [vec![], vec![W], vec![W], vec![V], vec![V]]
    );
    // Retired in 2019 and still in post is no longer the same as due next year.
    let old = holder(Gender::Male, "1959-03-10", "");
    assert_eq!(levels(&old, "R-AGE-1", &["2024-01-01"]), [vec![V]]);
    let a = &b.alerts("R-AGE-1", "2024-02-15")[0];
    assert_eq!(a.due, Some(d("2025-02-15")));
    // 周建（男，1965-01-15出生）任江川市司法局局长，法定退休年龄60岁1个月，到龄年月2025年02月，
    // 将于2025-02-15到龄（R-AGE-1）
    assert_eq!(
        a.message,
        message!(
            "rule-retire",
            name = "周建",
            gender = label("男"),
            birth = d("1965-01-15"),
            post = "江川市司法局局长",
            age = 60,
            months = 1,
            month = Arg::Month(d("2025-02-15")),
            reached = reached(false),
            due = d("2025-02-15"),
        )
    );
    let now = &b.alerts("R-AGE-1", "2025-02-15")[0].message;
    assert_eq!(now.arg("reached"), Some(&reached(true)));
}

#[test]
fn r_age_1_women_use_their_own_base_age() {
    // 55 + 1 month: due 2025-02-28 for a woman born 1970-01-28 below 县处级.
    for rank in ["", "正科级", "一级主任科员"] {
        let b = holder(Gender::Female, "1970-01-28", rank);
        assert_eq!(
            levels(&b, "R-AGE-1", &["2024-02-27", "2024-02-28", "2024-02-29"]),
            [vec![], vec![W], vec![W]],
            "{rank:?}"
        );
    }
    // With base 50 she would have retired long ago.
    let b = holder(Gender::Female, "1970-01-28", "");
    let p = Params::from_pairs(&[("age.retire_women", "50")]).unwrap();
    let a = of(&b.run_with(&p, "2024-02-27"), "R-AGE-1");
    assert_eq!(a[0].due, Some(d("2020-01-28")));
}

/// R-AGE-1 by rank and gender (corrected 2026-12-02; 中组发〔2015〕14号): a woman at 县处级 and
/// above retires at 60 with no reform delay; below it at 55 with the delay; men at 60 with it.
#[test]
fn r_age_1_county_level_women_retire_at_sixty_without_the_delay() {
    // Born 1966-05-20: at 60 without delay, due 2026-05-20; at 55 with delay she would have
    // been due 2021-05-20 (before the reform, no delay) — a false violation on a woman 局长.
    for rank in [
        "正处级",
        "副处级",
        "一级调研员",
        "四级调研员",
        "二级巡视员",
        "副厅级",
    ] {
        let b = holder(Gender::Female, "1966-05-20", rank);
        assert_eq!(
            levels(
                &b,
                "R-AGE-1",
                &["2025-05-19", "2025-05-20", "2026-05-19", "2026-05-20"]
            ),
            [vec![], vec![W], vec![W], vec![V]],
            "{rank}"
        );
        let a = &b.alerts("R-AGE-1", "2025-05-20")[0];
        assert_eq!(a.due, Some(d("2026-05-20")), "{rank}");
        assert_eq!(
            (a.message.arg("age"), a.message.arg("months")),
            (Some(&Arg::Int(60)), Some(&Arg::Int(0))),
            "{}",
            a.message
        );
    }
    // A man of the same rank and birth: 60 and 5 months under the reform.
    let b = holder(Gender::Male, "1966-05-20", "正处级");
    assert_eq!(
        b.alerts("R-AGE-1", "2026-06-01")[0].due,
        Some(d("2026-10-20"))
    );
    // No 现职级: the 职务层次 of the post held decides.
    let mut b = holder(Gender::Female, "1966-05-20", "");
    b.level("SFJ-1", crate::codes::PostLevel::DivisionChief);
    assert_eq!(
        b.alerts("R-AGE-1", "2025-06-01")[0].due,
        Some(d("2026-05-20"))
    );
    let mut b = holder(Gender::Female, "1971-05-20", "");
    b.level("SFJ-1", crate::codes::PostLevel::SectionChief);
    // 55 from 2026-05 with the delay of ⌊16/4⌋+1 = 5 months.
    assert_eq!(
        b.alerts("R-AGE-1", "2026-06-01")[0].due,
        Some(d("2026-10-20"))
    );
    // The table is a parameter: the delay applied to county women too.
    let b = holder(Gender::Female, "1966-05-20", "正处级");
    let p = Params::from_pairs(&[("age.delay_women_county", "是")]).unwrap();
    assert_eq!(
        of(&b.run_with(&p, "2026-06-01"), "R-AGE-1")[0].due,
        Some(d("2026-10-20"))
    );
    let p = Params::from_pairs(&[("age.retire_women_county", "58")]).unwrap();
    assert_eq!(
        of(&b.run_with(&p, "2024-06-01"), "R-AGE-1")[0].due,
        Some(d("2024-05-20"))
    );
}

#[test]
fn r_age_1_leaving_leadership_by_rank() {
    let b = holder(Gender::Male, "1970-06-01", "正处级");
    // No table by default: only retirement, far off.
    assert!(b.alerts("R-AGE-1", "2027-06-01").is_empty());
    let p = Params::from_pairs(&[("age.leave_by_rank", "正处级=58；副处级=55")]).unwrap();
    let got = |day: &str| -> Vec<Option<Date>> {
        of(&b.run_with(&p, day), "R-AGE-1")
            .iter()
            .map(|a| a.due)
            .collect()
    };
    assert_eq!(got("2027-05-31"), []);
    assert_eq!(got("2027-06-01"), [Some(d("2028-06-01"))]);
    assert_eq!(got("2028-06-02"), [Some(d("2028-06-01"))]);
    // 周建（正处级，1970-06-01出生）任江川市司法局局长，退出领导岗位年龄58岁，到龄年月2028年06月，
    // 已于2028-06-01到龄（R-AGE-1）
    assert_eq!(
        of(&b.run_with(&p, "2028-06-01"), "R-AGE-1")[0].message,
        message!(
            "rule-leave",
            name = "周建",
            rank = label("正处级"),
            birth = d("1970-06-01"),
            post = "江川市司法局局长",
            age = 58,
            month = Arg::Month(d("2028-06-01")),
            reached = reached(true),
            due = d("2028-06-01"),
        )
    );
    // Reached and still in post: a violation; ahead: a warning.
    assert_eq!(
        of(&b.run_with(&p, "2028-05-31"), "R-AGE-1")[0].level,
        Level::Warning
    );
    assert_eq!(
        of(&b.run_with(&p, "2028-06-01"), "R-AGE-1")[0].level,
        Level::Violation
    );
    // Another rank is not in the table.
    let b = holder(Gender::Male, "1970-06-01", "一级调研员");
    assert!(of(&b.run_with(&p, "2028-06-01"), "R-AGE-1").is_empty());
}

/// Leaving-leadership ages by rank and gender: a row for one gender wins over a row for both.
#[test]
fn r_age_1_leaving_leadership_by_rank_and_gender() {
    let p = Params::from_pairs(&[("age.leave_by_rank", "正处级=58；正处级/女=56")]).unwrap();
    let man = holder(Gender::Male, "1970-06-01", "正处级");
    let woman = holder(Gender::Female, "1970-06-01", "正处级");
    let due = |b: &B| -> Vec<Option<Date>> {
        of(&b.run_with(&p, "2026-06-01"), "R-AGE-1")
            .iter()
            .filter(|a| a.message.id == "rule-leave")
            .map(|a| a.due)
            .collect()
    };
    assert_eq!(due(&man), []);
    assert_eq!(due(&woman), [Some(d("2026-06-01"))]);
    assert_eq!(
        of(&woman.run_with(&p, "2026-06-01"), "R-AGE-1")
            .iter()
            .find(|a| a.message.id == "rule-leave")
            .map(|a| a.level),
        Some(Level::Violation)
    );
    // The text reads back as written.
    assert_eq!(
        p.get("age.leave_by_rank").as_deref(),
        Some("正处级=58；正处级/女=56")
    );
    for bad in [
        "正处级/其他=58",
        "正处级=58；正处级=57",
        "正处级/女=56；正处级／女=55",
    ] {
        assert!(
            Params::from_pairs(&[("age.leave_by_rank", bad)]).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn r_age_1_only_current_holders_once_each() {
    let mut b = holder(Gender::Male, "1960-01-01", "");
    b.post("SFJ-9", "SFJ", "党组成员", Member);
    let id = b.r.cadres[0].value.id_number.to_string();
    b.appt(&id, "SFJ-9", "2020-01-01", None, None);
    let a = b.alerts("R-AGE-1", "2021-01-01");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].post.as_deref(), Some("SFJ-1"));
    let mut b = B::new();
    b.cadre_full("退休者", Gender::Male, "1950-01-01", Party::Cpc, "", "");
    assert!(b.alerts("R-AGE-1", "2021-01-01").is_empty());
}
