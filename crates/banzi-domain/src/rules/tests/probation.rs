//! R-PROB-1.

use super::*;
use crate::codes::PostKind::*;

fn appointed(manner: Option<Manner>, kind: PostKind, start: &str) -> B {
    let mut b = B::new();
    b.unit("ST", "江川市水利局")
        .post("ST-2", "ST", "副局长", kind);
    let id = b.cadre("孙立");
    b.appt(&id, "ST-2", start, None, manner);
    b
}

#[test]
fn r_prob_1_probation_ending_within_a_month() {
    // Ends 2024-06-15.
    let b = appointed(Some(Manner::Appointed), Deputy, "2023-06-15");
    assert_eq!(
        levels(
            &b,
            "R-PROB-1",
            &[
                "2024-05-14",
                "2024-05-15",
                "2024-05-16",
                "2024-06-14",
                "2024-06-15"
            ]
        ),
        [vec![], vec![N], vec![N], vec![N], vec![]]
    );
    let a = &b.alerts("R-PROB-1", "2024-05-15")[0];
    assert_eq!(a.due, Some(d("2024-06-15")));
    // 孙立于2023-06-15以委任方式任江川市水利局副局长，试用期12个月，将于2024-06-15期满，
    // 应及时考核确认（R-PROB-1）
    assert_eq!(
        a.message,
        message!(
            "rule-probation",
            name = "孙立",
            since = d("2023-06-15"),
            manner = label("委任"),
            post = "江川市水利局副局长",
            months = 12,
            due = d("2024-06-15"),
        )
    );
}

#[test]
fn r_prob_1_from_29_february() {
    let b = appointed(Some(Manner::Competition), Deputy, "2024-02-29");
    // Ends 2025-02-28; the window opens on 2025-01-28.
    assert_eq!(
        levels(
            &b,
            "R-PROB-1",
            &["2025-01-27", "2025-01-28", "2025-02-27", "2025-02-28"]
        ),
        [vec![], vec![N], vec![N], vec![]]
    );
}

#[test]
fn r_prob_1_only_for_appointments_by_commission_or_competition_to_leading_posts() {
    for m in [
        None,
        Some(Manner::Elected),
        Some(Manner::Exchange),
        Some(Manner::OutsideExchange),
        Some(Manner::Secondment),
    ] {
        let b = appointed(m, Deputy, "2023-06-15");
        assert!(b.alerts("R-PROB-1", "2024-06-01").is_empty(), "{m:?}");
    }
    // Not a 正职 (corrected 2026-12-02), not another member.
    for kind in [Principal, Member, DisciplineLead] {
        let b = appointed(Some(Manner::Appointed), kind, "2023-06-15");
        assert!(b.alerts("R-PROB-1", "2024-06-01").is_empty(), "{kind}");
    }
    // Only a 工作部门 (市直单位).
    for category in ["县(市、区)", "乡镇(街道)", "企事业单位"] {
        let mut b = B::new();
        b.unit_full("ST", "江川县", category, UnitSystem::Other, false)
            .post("ST-2", "ST", "副县长", Deputy);
        let id = b.cadre("孙立");
        b.appt(&id, "ST-2", "2023-06-15", None, Some(Manner::Appointed));
        assert!(b.alerts("R-PROB-1", "2024-06-01").is_empty(), "{category}");
    }
}

/// R-PROB-1 (corrected 2026-12-02): a 试用期 follows a promotion, read from 职务层次 where the
/// posts have it, else from the post kind (a first 副职 after none).
#[test]
fn r_prob_1_only_after_a_promotion() {
    use crate::codes::PostLevel::*;
    // (earlier post: kind and level, new post's level, probation?)
    let cases = [
        // By level: 正科 → 副处 is a promotion, even from a 正职.
        (Principal, Some(SectionChief), Some(DivisionDeputy), true),
        (Deputy, Some(SectionChief), Some(DivisionDeputy), true),
        // The same level or down is not, whatever the kind.
        (Deputy, Some(DivisionDeputy), Some(DivisionDeputy), false),
        (Principal, Some(DivisionChief), Some(DivisionDeputy), false),
        (Member, Some(DivisionDeputy), Some(DivisionDeputy), false),
        // A level missing on either side: by kind — no 正职 or 副职 before.
        (Member, None, Some(DivisionDeputy), true),
        (Member, Some(SectionChief), None, true),
        (Deputy, None, Some(DivisionDeputy), false),
        (Principal, Some(SectionChief), None, false),
        (Deputy, None, None, false),
    ];
    for (kind, before, after, want) in cases {
        let mut b = B::new();
        b.unit_full("XZ", "江川县某镇", "乡镇(街道)", UnitSystem::Other, false)
            .post("XZ-1", "XZ", "镇职务", kind)
            .unit("ST", "江川市水利局")
            .post("ST-2", "ST", "副局长", Deputy);
        if let Some(l) = before {
            b.level("XZ-1", l);
        }
        if let Some(l) = after {
            b.level("ST-2", l);
        }
        let id = b.cadre("孙立");
        b.appt(&id, "XZ-1", "2018-01-01", Some("2023-06-15"), None)
            .appt(&id, "ST-2", "2023-06-15", None, Some(Manner::Appointed));
        assert_eq!(
            !b.alerts("R-PROB-1", "2024-06-01").is_empty(),
            want,
            "{kind} {before:?} → {after:?}"
        );
    }
    // The first appointment on record, a 副职: a first 副职 after none.
    let b = appointed(Some(Manner::Appointed), Deputy, "2023-06-15");
    assert_eq!(b.alerts("R-PROB-1", "2024-06-01").len(), 1);
}

#[test]
fn r_prob_1_a_joined_reappointment_does_not_restart_it() {
    let mut b = appointed(Some(Manner::Appointed), Deputy, "2023-06-15");
    let id = b.r.cadres[0].value.id_number.to_string();
    b.r.appointments[0].value.end = Some(d("2024-01-01"));
    // Re-appointed 31 days later: the same stretch (M1 "Joining").
    b.appt(&id, "ST-2", "2024-02-01", None, Some(Manner::Elected));
    assert_eq!(
        b.alerts("R-PROB-1", "2024-06-01")[0].due,
        Some(d("2024-06-15"))
    );
    assert!(b.alerts("R-PROB-1", "2024-12-15").is_empty());
}
