//! 全程纪实 (R-SEL-12): every single-row edit, deletion or reordering of a case's events is
//! caught.

use super::*;
use crate::audit::AuditKey;
use crate::selection::chain::{StoredEvent, verify_case};

fn sealed(key: &AuditKey) -> Vec<StoredEvent> {
    let w = World::new("2026-12-01");
    let c = ready_for_committee(&w);
    let mut rows: Vec<StoredEvent> = Vec::new();
    for (i, e) in c.records.iter().enumerate() {
        let at = format!("2026-04-{:02}T08:00:00Z", i + 1);
        let row = StoredEvent::seal(key, 42, rows.last(), at, "zuzhibu".into(), e).unwrap();
        rows.push(row);
    }
    rows
}

#[test]
fn a_whole_chain_verifies_and_gives_back_its_events() {
    let key = AuditKey::from_bytes([7; 32]);
    let rows = sealed(&key);
    let head = rows.last().unwrap().hash.clone();
    let events = verify_case(&key, 42, &rows, Some(&head)).unwrap();
    assert_eq!(events.len(), rows.len());
    let case = Case::from_events(events.iter());
    assert_eq!(case.step(), Step::Decision);
    // Under another key nothing verifies.
    let other = AuditKey::from_bytes([8; 32]);
    assert!(verify_case(&other, 42, &rows, Some(&head)).is_err());
}

#[test]
fn every_single_row_edit_is_caught() {
    let key = AuditKey::from_bytes([7; 32]);
    let rows = sealed(&key);
    let head = rows.last().unwrap().hash.clone();
    type Edit = fn(&mut StoredEvent);
    let edits: [(&str, Edit); 8] = [
        ("case_id", |r| r.case_id += 1),
        ("seq", |r| r.seq += 10),
        ("at", |r| r.at.push('1')),
        ("actor", |r| r.actor = "someone".into()),
        ("kind", |r| r.kind = "withdrawn".into()),
        ("body", |r| r.body = r.body.replacen("2026", "2025", 1)),
        ("prev_hash", |r| r.prev_hash = "1".repeat(64)),
        ("hash", |r| r.hash = "f".repeat(64)),
    ];
    for i in 0..rows.len() {
        for (field, edit) in &edits {
            let mut bad = rows.clone();
            edit(&mut bad[i]);
            assert_ne!(bad[i], rows[i], "row {i} {field}: the edit changed nothing");
            let r = verify_case(&key, 42, &bad, Some(&head));
            assert!(r.is_err(), "row {i}: an edit of {field} was not caught");
        }
    }
}

#[test]
fn every_single_row_deletion_and_every_swap_is_caught() {
    let key = AuditKey::from_bytes([7; 32]);
    let rows = sealed(&key);
    let head = rows.last().unwrap().hash.clone();
    for i in 0..rows.len() {
        let mut bad = rows.clone();
        bad.remove(i);
        assert!(
            verify_case(&key, 42, &bad, Some(&head)).is_err(),
            "deleting row {i} was not caught"
        );
    }
    for i in 0..rows.len() - 1 {
        let mut bad = rows.clone();
        bad.swap(i, i + 1);
        assert!(
            verify_case(&key, 42, &bad, Some(&head)).is_err(),
            "swapping rows {i} and {} was not caught",
            i + 1
        );
    }
    // The newest row cut off is caught by the head the audit trail anchored.
    let cut = &rows[..rows.len() - 1];
    let r = verify_case(&key, 42, cut, Some(&head)).unwrap_err();
    assert_eq!(r.reason.id, "sel-chain-head");
}
