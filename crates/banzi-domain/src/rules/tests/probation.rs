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
    assert_eq!(
        a.message,
        "孙立于2023-06-15以委任方式任江川市水利局副局长，试用期12个月，将于2024-06-15期满，应及时考核确认（R-PROB-1）"
    );
}

#[test]
fn r_prob_1_from_29_february() {
    let b = appointed(Some(Manner::Competition), Principal, "2024-02-29");
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
    let b = appointed(Some(Manner::Appointed), Member, "2023-06-15");
    assert!(b.alerts("R-PROB-1", "2024-06-01").is_empty());
}

#[test]
fn r_prob_1_a_joined_reappointment_does_not_restart_it() {
    let mut b = appointed(Some(Manner::Appointed), Deputy, "2023-06-15");
    let id = b.r.cadres[0].value.id_number.to_string();
    b.r.appointments[0].value.end = Some(d("2024-01-01"));
    b.appt(&id, "ST-2", "2024-01-02", None, Some(Manner::Elected));
    assert_eq!(
        b.alerts("R-PROB-1", "2024-06-01")[0].due,
        Some(d("2024-06-15"))
    );
    assert!(b.alerts("R-PROB-1", "2024-12-15").is_empty());
}
