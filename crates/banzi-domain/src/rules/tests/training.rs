//! R-TRAIN-1..2.

use super::*;
use crate::codes::PostKind::*;

fn leader(category: &str, kind: PostKind) -> (B, String) {
    let mut b = B::new();
    b.unit_full(
        "HBJ",
        "江川市生态环境局",
        category,
        UnitSystem::Other,
        false,
    )
    .post("HBJ-1", "HBJ", "局长", kind);
    let id = b.cadre("冯琳");
    b.appt(&id, "HBJ-1", "2020-01-01", None, None);
    (b, id)
}

/// R-TRAIN-1 (corrected 2026-12-02): judged on the last complete calendar year, not on the
/// weeks of the current one.
#[test]
fn r_train_1_department_leader_without_professional_training_last_year() {
    let (mut b, id) = leader("市直单位", Principal);
    b.training(&id, TrainingKind::Professional, "2023-12-31")
        .training(&id, TrainingKind::PartySpirit, "2024-01-05")
        .training(&id, TrainingKind::Professional, "2024-03-01");
    // 2023 had one (on 31 December); 2024 one (专业化能力; 党性教育 does not count); 2025 none.
    assert_eq!(
        levels(
            &b,
            "R-TRAIN-1",
            &[
                "2023-12-31",
                "2024-01-01",
                "2024-12-31",
                "2025-01-01",
                "2025-12-31",
                "2026-01-01"
            ]
        ),
        [vec![N], vec![], vec![], vec![], vec![], vec![N]]
    );
    let a = &b.alerts("R-TRAIN-1", "2026-01-01")[0];
    assert_eq!((a.post.as_deref(), a.due), (Some("HBJ-1"), None));
    // 冯琳（江川市生态环境局局长）2025年参加专业化能力培训0次，少于每年1次（R-TRAIN-1）
    assert_eq!(
        a.message,
        message!(
            "rule-trainings",
            name = "冯琳",
            post = "江川市生态环境局局长",
            year = 2025,
            done = 0,
            need = 1,
        )
    );
    let p = Params::from_pairs(&[("train.per_year", "2")]).unwrap();
    assert_eq!(of(&b.run_with(&p, "2024-12-31"), "R-TRAIN-1").len(), 1);
}

/// R-TRAIN-1 hours (《干部教育培训工作条例》2023 第十四条, corrected 2026-12-02): 县处级 and above
/// at least 550 学时 over the last 5 complete years; 乡科级 at least 90 in the last complete year.
#[test]
fn r_train_1_hours_by_rank_group() {
    let hours = |rank: &str, rows: &[(&str, f64)]| {
        let mut b = B::new();
        b.unit_full("XQ", "江川县", "县(市、区)", UnitSystem::Other, false)
            .post("XQ-1", "XQ", "县长", Principal);
        let id = b.cadre_full("王于和", Gender::Male, "1975-06-15", Party::Cpc, "", rank);
        b.appt(&id, "XQ-1", "2018-01-01", None, None);
        for (start, h) in rows {
            b.training_hours(&id, TrainingKind::Theory, start, Some(*h));
        }
        b
    };
    // 县处级: 2021–2025 for an as-of date in 2026; 549.9 falls short, 550 is enough.
    let county = |extra: f64| {
        hours(
            "正处级",
            &[
                ("2020-12-31", 500.0),
                ("2021-01-01", 300.0),
                ("2025-12-31", 249.9 + extra),
                ("2026-01-02", 100.0),
            ],
        )
    };
    let b = county(0.0);
    let a = b.alerts("R-TRAIN-1", "2026-06-01");
    assert_eq!(a.len(), 1);
    // 王于和（江川县县长，县处级以上）2021年至2025年参加培训累计549.9学时，少于5年550学时
    // （R-TRAIN-1）
    assert_eq!(
        a[0].message,
        message!(
            "rule-county-hours",
            name = "王于和",
            post = "江川县县长",
            from = 2021,
            to = 2025,
            hours = "549.9",
            years = 5,
            need = 550,
        )
    );
    assert!(county(0.1).alerts("R-TRAIN-1", "2026-06-01").is_empty());
    // On 2025-12-31 the window is 2020–2024: 500 + 300 = 800.
    assert!(b.alerts("R-TRAIN-1", "2025-12-31").is_empty());
    // 乡科级: 90 in the last complete year.
    let b = hours("正科级", &[("2025-03-01", 89.5), ("2026-01-05", 90.0)]);
    // 王于和（江川县县长，乡科级）2025年参加培训89.5学时，少于每年90学时（R-TRAIN-1）
    assert_eq!(
        b.alerts("R-TRAIN-1", "2026-06-01")[0].message,
        message!(
            "rule-township-hours",
            name = "王于和",
            post = "江川县县长",
            year = 2025,
            hours = "89.5",
            need = 90,
        )
    );
    assert!(b.alerts("R-TRAIN-1", "2027-01-01").is_empty());
    // No 现职级 and no 职务层次: the standard is unknown, nothing is said.
    assert!(hours("", &[]).alerts("R-TRAIN-1", "2026-06-01").is_empty());
    // The parameters.
    let p = Params::from_pairs(&[("train.township_hours", "80")]).unwrap();
    let b = hours("正科级", &[("2025-03-01", 89.5)]);
    assert!(of(&b.run_with(&p, "2026-06-01"), "R-TRAIN-1").is_empty());
}

#[test]
fn r_train_1_only_principals_and_deputies_of_city_departments() {
    let (b, _) = leader("县(市、区)", Principal);
    assert!(b.alerts("R-TRAIN-1", "2024-06-01").is_empty());
    let (b, _) = leader("市直单位", Member);
    assert!(b.alerts("R-TRAIN-1", "2024-06-01").is_empty());
    let (b, _) = leader("市直单位", Deputy);
    assert_eq!(b.alerts("R-TRAIN-1", "2024-06-01").len(), 1);
}

#[test]
fn r_train_2_secondments_this_year_against_the_target() {
    let mut b = B::new();
    b.unit_full("XZ", "江川市某镇", "乡镇(街道)", UnitSystem::Other, false)
        .post_full("XZ-2", "XZ", "", "副镇长（挂职）", Deputy, 5);
    for (i, start) in ["2023-12-31", "2024-01-01", "2024-06-01"]
        .iter()
        .enumerate()
    {
        let id = b.cadre(&format!("挂{i}"));
        b.appt(&id, "XZ-2", start, None, Some(Manner::Secondment));
    }
    let p = Params::from_pairs(&[("train.secondment_target", "2")]).unwrap();
    let run = |day: &str| b.run_with(&p, day);
    assert_eq!(of(&run("2024-05-31"), "R-TRAIN-2").len(), 1);
    assert!(of(&run("2024-06-01"), "R-TRAIN-2").is_empty());
    let s = run("2024-05-31").summary.secondments;
    assert_eq!(
        (s.year, s.count, s.target, s.meets_target),
        (2024, 1, 2, false)
    );
    let a = &of(&run("2024-05-31"), "R-TRAIN-2")[0];
    assert_eq!(
        (a.unit.as_str(), a.post.clone(), a.cadre.clone()),
        ("ROOT", None, None)
    );
    // 2024年截至2024-05-31全市挂职锻炼1人次，低于年度目标2人次（R-TRAIN-2）
    assert_eq!(
        a.message,
        message!(
            "rule-secondments",
            year = 2024,
            as_of = d("2024-05-31"),
            done = 1,
            target = 2,
        )
    );
    // In 2023 only one, on 31 December.
    assert_eq!(run("2023-12-30").summary.secondments.count, 0);
    assert_eq!(run("2023-12-31").summary.secondments.count, 1);
}
