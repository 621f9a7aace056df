//! 作废 and 补发 on both backends (R-VOTE-2, issue 15 item 4): a void says of each serial
//! whether it was voided or why not; 补发 makes one new code per voided serial in its rater
//! group, audited in the same transaction, once per serial; the new code votes and the
//! voided one does not; nothing is reissued after closing; issuing again fills a voided
//! slip's place so it is not reissued twice.

use super::audit::raw_trail;
use super::ballots::{opened, picks, refusal, spec};
use crate::helpers::staff;
use banzi_domain::DomainError;
use banzi_domain::ballot::codes::{Standing, VoidRefusal};
use banzi_store::{Cast, Store};

fn invalid<T: std::fmt::Debug>(r: Result<T, DomainError>) -> Vec<String> {
    match r {
        Err(DomainError::Invalid(v)) => v.iter().map(|f| crate::helpers::zh(&f.message)).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

async fn void_names_each_serial_and_reissue_makes_a_working_code(store: Store) {
    let s = staff();
    // Serials 1-2 班子成员, 3-5 中层干部.
    let (id, codes) = opened(&store, &spec()).await;
    let nonce = "nonce-reissue-0000001";
    let ballot = picks(&[0], [Some(0), None]);
    assert_eq!(
        store.cast_ballot(&codes[2], nonce, &ballot).await.unwrap(),
        Cast::Recorded
    );
    // 4 voided; 3 has voted; 99 is none of the session's; 4 again is said once.
    let report = store.void_codes(&s, id, &[4, 3, 99, 4]).await.unwrap();
    assert_eq!(report.voided, [4]);
    assert_eq!(
        report.refused,
        [(3, VoidRefusal::Used), (99, VoidRefusal::Unknown)]
    );
    let again = store.void_codes(&s, id, &[4]).await.unwrap();
    assert_eq!(
        (again.voided.len(), again.refused),
        (0, vec![(4, VoidRefusal::AlreadyVoid)])
    );
    let trail_before = raw_trail(&store).await.len();

    // Refused whole, each serial named: 3 voted (not voided), 99 unknown; nothing made.
    assert_eq!(
        invalid(store.reissue_codes(&s, id, &[3, 99, 4]).await),
        [
            "编号3未作废，不能补发；补发前请先作废原票码",
            "本投票没有编号99"
        ]
    );
    assert_eq!(raw_trail(&store).await.len(), trail_before);

    let made = store.reissue_codes(&s, id, &[4]).await.unwrap();
    assert_eq!(made.len(), 1);
    let new = &made[0];
    assert_eq!((new.group, new.serial, new.replaces), (1, 6, Some(4)));
    let trail = raw_trail(&store).await;
    assert_eq!(trail.len(), trail_before + 1, "one audit entry");
    let entry = trail.last().unwrap();
    assert_eq!(
        (entry.action.as_str(), entry.entity_key.as_str()),
        ("ballot.reissue", id.to_string().as_str())
    );
    let after: serde_json::Value = serde_json::from_str(&entry.after_json).unwrap();
    assert_eq!(after["replaces"], serde_json::json!([4]));
    assert_eq!(after["serials"], "6-6");
    assert!(!entry.after_json.contains(&new.code), "never the code");

    // The new code opens in 中层干部 and votes; the voided one does not.
    let opened_new = store.open_code(&new.code).await.unwrap();
    assert_eq!((opened_new.group, opened_new.used), (1, false));
    assert_eq!(
        store
            .cast_ballot(&new.code, "nonce-reissue-0000002", &ballot)
            .await
            .unwrap(),
        Cast::Recorded
    );
    assert_eq!(
        refusal(
            store
                .cast_ballot(&codes[3], "nonce-reissue-0000003", &ballot)
                .await
        ),
        "该票码已作废"
    );

    // Once per serial; the group's number is whole again, so issuing makes none.
    assert_eq!(
        invalid(store.reissue_codes(&s, id, &[4]).await),
        ["编号4已补发过，不能再次补发"]
    );
    assert!(store.issue_codes(&s, id).await.unwrap().is_empty());
    let standing: Vec<(i64, Standing)> = store
        .ballot_codes(&s, id)
        .await
        .unwrap()
        .iter()
        .map(|c| (c.serial, c.standing))
        .collect();
    assert_eq!(
        standing,
        [
            (1, Standing::Unused),
            (2, Standing::Unused),
            (3, Standing::Used),
            (4, Standing::Replaced),
            (5, Standing::Unused),
            (6, Standing::Used),
        ]
    );
    let t = store.turnout(&s, id).await.unwrap();
    let t: Vec<(i64, i64, i64)> = t.iter().map(|g| (g.issued, g.voided, g.cast)).collect();
    assert_eq!(t, [(2, 0, 0), (3, 1, 2)]);

    // After closing: refused, nothing made.
    store.void_codes(&s, id, &[5]).await.unwrap();
    store.close_ballot(&s, id).await.unwrap();
    assert_eq!(
        refusal(store.reissue_codes(&s, id, &[5]).await),
        "投票已结束，不能再补发票码"
    );
    assert_eq!(store.ballot_codes(&s, id).await.unwrap().len(), 6);
}

/// Issuing codes again after a void fills the voided slip's place: it is then not offered
/// for 补发, and a 补发 of it is refused, so no group gets more codes than planned.
async fn issuing_again_takes_a_voided_slips_place(store: Store) {
    let s = staff();
    let (id, _) = opened(&store, &spec()).await;
    store.void_codes(&s, id, &[1]).await.unwrap();
    let made = store.issue_codes(&s, id).await.unwrap();
    assert_eq!(
        made.iter()
            .map(|x| (x.group, x.serial, x.replaces))
            .collect::<Vec<_>>(),
        [(0, 6, Some(1))]
    );
    assert_eq!(
        invalid(store.reissue_codes(&s, id, &[1]).await),
        ["编号1已补发过，不能再次补发"]
    );
}

both!(void_names_each_serial_and_reissue_makes_a_working_code);
both!(issuing_again_takes_a_voided_slips_place);
