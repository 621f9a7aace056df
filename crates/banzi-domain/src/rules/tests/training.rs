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

#[test]
fn r_train_1_department_leader_without_professional_training_this_year() {
    let (mut b, id) = leader("市直单位", Principal);
    b.training(&id, TrainingKind::Professional, "2023-12-31")
        .training(&id, TrainingKind::PartySpirit, "2024-01-05")
        .training(&id, TrainingKind::Professional, "2024-03-01");
    assert_eq!(
        levels(
            &b,
            "R-TRAIN-1",
            &[
                "2024-01-01",
                "2024-02-29",
                "2024-03-01",
                "2024-12-31",
                "2025-01-01"
            ]
        ),
        [vec![N], vec![N], vec![], vec![], vec![N]]
    );
    let a = &b.alerts("R-TRAIN-1", "2024-02-29")[0];
    assert_eq!((a.post.as_deref(), a.due), (Some("HBJ-1"), None));
    assert_eq!(
        a.message,
        "冯琳（江川市生态环境局局长）2024年截至2024-02-29参加专业化能力培训0次，少于每年1次（R-TRAIN-1）"
    );
    let p = Params::from_pairs(&[("train.per_year", "2")]).unwrap();
    assert_eq!(of(&b.run_with(&p, "2024-12-31"), "R-TRAIN-1").len(), 1);
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
    assert_eq!(
        a.message,
        "2024年截至2024-05-31全市挂职锻炼1人次，低于年度目标2人次（R-TRAIN-2）"
    );
    // In 2023 only one, on 31 December.
    assert_eq!(run("2023-12-30").summary.secondments.count, 0);
    assert_eq!(run("2023-12-31").summary.secondments.count, 1);
}
