//! The audit trail on both backends (R-SEC-3, issue 14): a chain keyed outside the
//! database, an anchor the auditor wrote down, an empty trail beside records, the re-keying
//! of a trail written before keys, masked values and the audited reveal, and every write of
//! the store on the trail.

use super::{exec, import};
use crate::fixture::{self, zhang_wei};
use crate::helpers::{TestDb, as_role, staff, test_key, zh};
use banzi_domain::audit::{AuditKey, GENESIS, unkeyed_hash};
use banzi_domain::role::Role;
use banzi_store::{AuditRow, Pool, Store};

/// One test per backend for an `async fn(&TestDb)` (it opens the database again).
macro_rules! both_db {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let db = crate::helpers::TestDb::new(crate::helpers::Backend::Sqlite).await;
                super::$name(&db).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let db = crate::helpers::TestDb::new(crate::helpers::Backend::Pg).await;
                super::$name(&db).await;
            }
        }
    };
}

/// Every entry as stored, unmasked.
async fn raw_trail(store: &Store) -> Vec<AuditRow> {
    let sql = "SELECT * FROM audit_log ORDER BY seq";
    match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as(sql).fetch_all(p).await,
        Pool::Pg(p) => sqlx::query_as(sql).fetch_all(p).await,
    }
    .expect("trail")
}

async fn set_hashes(store: &Store, seq: i64, prev: &str, hash: &str) {
    let sql = "UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3";
    match store.pool() {
        Pool::Sqlite(p) => sqlx::query(sql)
            .bind(prev)
            .bind(hash)
            .bind(seq)
            .execute(p)
            .await
            .map(|_| ()),
        Pool::Pg(p) => sqlx::query(sql)
            .bind(prev)
            .bind(hash)
            .bind(seq)
            .execute(p)
            .await
            .map(|_| ()),
    }
    .expect("update");
}

async fn set_head(store: &Store, seq: i64, hash: &str) {
    let sql = "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1";
    match store.pool() {
        Pool::Sqlite(p) => sqlx::query(sql)
            .bind(seq)
            .bind(hash)
            .execute(p)
            .await
            .map(|_| ()),
        Pool::Pg(p) => sqlx::query(sql)
            .bind(seq)
            .bind(hash)
            .execute(p)
            .await
            .map(|_| ()),
    }
    .expect("head");
}

/// What someone who can write the database but has no key can do: recompute every hash
/// as plain SHA-256 (the chain as it was before issue 14) and move the head along.
async fn recompute_without_key(store: &Store) {
    let mut prev = GENESIS.to_string();
    let rows = raw_trail(store).await;
    for r in &rows {
        let mut e: banzi_domain::audit::AuditEntry = r.clone().into();
        e.prev_hash = prev.clone();
        let hash = unkeyed_hash(&e);
        set_hashes(store, e.seq, &prev, &hash).await;
        prev = hash;
    }
    set_head(store, rows.len() as i64, &prev).await;
}

fn reason(
    r: Result<Result<u64, banzi_domain::audit::ChainBreak>, banzi_domain::DomainError>,
) -> (i64, String) {
    let b = r.expect("verify").expect_err("the chain must not verify");
    (b.seq, zh(&b.reason))
}

/// An edited entry with every hash recomputed without the key does not verify.
async fn an_edit_with_recomputed_hashes_is_caught(db: &TestDb) {
    let store = &db.store;
    import(store).await;
    assert!(store.verify_audit().await.expect("verify").is_ok());
    exec(
        store,
        "UPDATE audit_log SET after_json = replace(after_json, '张伟', '张玮') WHERE seq = 3",
    )
    .await;
    recompute_without_key(store).await;
    assert_eq!(
        reason(store.verify_audit().await),
        (1, "内容与其哈希不符（记录被改动）".into())
    );
}

both_db!(an_edit_with_recomputed_hashes_is_caught);

/// Another key (a replaced key file) does not verify the trail.
async fn a_wrong_key_is_caught(db: &TestDb) {
    import(&db.store).await;
    let other = db.reopen(AuditKey::from_bytes([1; 32])).await;
    assert_eq!(
        reason(other.verify_audit().await),
        (1, "内容与其哈希不符（记录被改动）".into())
    );
    assert!(
        db.reopen(test_key())
            .await
            .verify_audit()
            .await
            .expect("v")
            .is_ok()
    );
}

both_db!(a_wrong_key_is_caught);

/// The newest entries deleted and the head set back: the chain is whole, so only the anchor
/// the auditor wrote down tells.
async fn deleting_the_newest_entries_is_caught_by_the_anchor(db: &TestDb) {
    let store = &db.store;
    import(store).await;
    let early = store.audit_head().await.expect("head");
    store
        .save_unit(
            &staff(),
            &fixture::unit("U9", "市审计局", "C", "市直单位", "", ""),
        )
        .await
        .expect("unit");
    store
        .save_unit(
            &staff(),
            &fixture::unit("U8", "市统计局", "C", "市直单位", "", ""),
        )
        .await
        .expect("unit");
    let anchor = store.audit_head().await.expect("head");
    assert_eq!(anchor.seq, early.seq + 2);
    for a in [&early, &anchor] {
        assert!(
            store
                .verify_audit_against(Some(a))
                .await
                .expect("v")
                .is_ok()
        );
    }
    let rows = raw_trail(store).await;
    let kept = &rows[rows.len() - 3];
    exec(
        store,
        "DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 2 FROM audit_log)",
    )
    .await;
    set_head(store, kept.seq, &kept.hash).await;
    assert!(
        store.verify_audit().await.expect("v").is_ok(),
        "whole without the anchor"
    );
    assert!(
        store
            .verify_audit_against(Some(&early))
            .await
            .expect("v")
            .is_ok()
    );
    let (seq, why) = reason(store.verify_audit_against(Some(&anchor)).await);
    assert_eq!(seq, kept.seq + 1);
    assert_eq!(
        why,
        format!(
            "审计链只到第 {} 条，锚点却是第 {} 条（最新的记录被删除）",
            kept.seq, anchor.seq
        )
    );
}

both_db!(deleting_the_newest_entries_is_caught_by_the_anchor);

/// An empty trail on a database with units was deleted; an empty database verifies.
async fn an_empty_trail_beside_units_is_caught(db: &TestDb) {
    let store = &db.store;
    assert_eq!(store.verify_audit().await.expect("v"), Ok(0));
    store
        .save_unit(
            &staff(),
            &fixture::unit("C", "江川市委", "", "市委", "", ""),
        )
        .await
        .expect("unit");
    exec(store, "DELETE FROM audit_log").await;
    set_head(store, 0, GENESIS).await;
    assert_eq!(
        reason(store.verify_audit().await),
        (1, "审计记录为空，而数据库中有数据（审计记录被删除）".into())
    );
}

both_db!(an_empty_trail_beside_units_is_caught);

/// A trail written before keys is re-keyed once, when its key file is created (0600), and
/// that is on the trail; a keyed trail whose key file is missing is not.
async fn a_trail_from_before_the_key_is_rekeyed_once(db: &TestDb) {
    import(&db.store).await;
    recompute_without_key(&db.store).await;
    let n = raw_trail(&db.store).await.len();
    assert!(db.store.verify_audit().await.expect("v").is_err());
    let (opened, path) = db.open_with_key_file("audit.key").await;
    let store = opened.expect("re-keyed");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(store.verify_audit().await.expect("v"), Ok(n as u64 + 1));
    let rows = raw_trail(&store).await;
    let last = rows.last().expect("entry");
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("audit.key", "cli:audit-key")
    );
    assert!(
        last.after_json.contains(&format!("\"rekeyed\":{n}")),
        "{}",
        last.after_json
    );
    // Opened again with the file: the same key, nothing re-keyed.
    let (again, _) = db.open_with_key_file("audit.key").await;
    let again = again.expect("open");
    assert_eq!(again.verify_audit().await.expect("v"), Ok(n as u64 + 1));
    // Now keyed: a missing key file is refused, and none is created.
    let (refused, other) = db.open_with_key_file("other.key").await;
    match refused {
        Err(banzi_domain::DomainError::Conflict(m)) => {
            assert!(zh(&m).starts_with("审计密钥文件"), "{}", zh(&m))
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(!other.exists());
    assert_eq!(raw_trail(&store).await.len(), n + 1);
}

both_db!(a_trail_from_before_the_key_is_rekeyed_once);

/// Issue 14, item 9: the auditor reads who did what; personal values are masked, and
/// revealing an entry whole is itself on the trail, with the reason.
async fn the_auditor_sees_masked_values_and_a_reveal_is_audited(db: &TestDb) {
    use banzi_domain::cadre::{FamilyMember, YearRating};
    use banzi_store::CadreRecord;
    let store = &db.store;
    import(store).await;
    let zw = zhang_wei();
    let family = FamilyMember::parse("妻子", "李梅", "1982.03", "群众", "市一中教师").expect("f");
    let rating = YearRating::parse("2025", "优秀").expect("r");
    let today = banzi_domain::date::parse("2026-11-21").expect("d");
    for rec in [CadreRecord::Family(family), CadreRecord::Rating(rating)] {
        store
            .add_cadre_record(&staff(), &zw, &rec, today)
            .await
            .expect("add");
    }
    let auditor = as_role(Role::Auditor, None);
    let (rows, _) = store
        .audit_page(
            &auditor,
            &banzi_store::AuditFilter {
                key: Some(zw.clone()),
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .expect("page");
    let shown = serde_json::to_string(
        &rows
            .iter()
            .map(|r| (&r.entity_key, &r.before_json, &r.after_json))
            .collect::<Vec<_>>(),
    )
    .expect("json");
    for personal in [
        zw.as_str(),
        "李梅",
        "市一中教师",
        "优秀",
        "1980-05-20",
        "张伟",
    ] {
        assert!(!shown.contains(personal), "{personal} shown: {shown}");
    }
    let fam = rows
        .iter()
        .find(|r| r.action == "cadre.family.add")
        .expect("family");
    assert_eq!(fam.entity_key, banzi_domain::audit::mask_id_numbers(&zw));
    assert!(fam.entity_key.ends_with(&zw[14..]) && fam.entity_key.contains("**********"));
    assert!(fam.after_json.contains("\"name\":\"李*\"") && fam.after_json.contains("妻子"));
    let rat = rows
        .iter()
        .find(|r| r.action == "cadre.rating.set")
        .expect("rating");
    assert!(
        rat.after_json.contains("\"rating\":\"＊\""),
        "{}",
        rat.after_json
    );
    let one = store
        .audit_entry(&auditor, fam.seq)
        .await
        .expect("e")
        .expect("exists");
    assert!(!one.after_json.contains("李梅"));
    // Revealing: the entry as written, and an entry of its own.
    assert!(
        store.audit_reveal(&staff(), fam.seq, "").await.is_err(),
        "auditor only"
    );
    let whole = store
        .audit_reveal(&auditor, fam.seq, "  纪检请求核查  ")
        .await
        .expect("reveal")
        .expect("exists");
    assert!(whole.after_json.contains("李梅") && whole.entity_key == zw);
    let last = raw_trail(store).await.pop().expect("entry");
    assert_eq!(
        (
            last.action.as_str(),
            last.actor.as_str(),
            last.entity.as_str(),
            last.entity_key.clone()
        ),
        ("audit.reveal", "t-auditor", "audit", fam.seq.to_string())
    );
    assert_eq!(last.after_json, r#"{"reason":"纪检请求核查"}"#);
    assert!(
        store
            .audit_reveal(&auditor, 999_999, "")
            .await
            .expect("r")
            .is_none()
    );
    assert!(store.verify_audit().await.expect("v").is_ok());
}

both_db!(the_auditor_sees_masked_values_and_a_reveal_is_audited);
