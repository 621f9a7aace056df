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
pub async fn raw_trail(store: &Store) -> Vec<AuditRow> {
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

/// Issue 15, item 7: the trail between two times (the web turns Beijing days into them).
async fn the_trail_is_read_between_two_times(db: &TestDb) {
    let store = &db.store;
    import(store).await;
    let auditor = as_role(Role::Auditor, None);
    let at = |hours: i64| {
        (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(hours))
            .round(jiff::Unit::Second)
            .expect("round")
            .to_string()
    };
    let count = |from: Option<String>, until: Option<String>| {
        let f = banzi_store::AuditFilter {
            from,
            until,
            per_page: 50,
            ..Default::default()
        };
        let auditor = &auditor;
        async move { store.audit_page(auditor, &f).await.expect("page").1 }
    };
    let all = count(None, None).await;
    assert!(all > 0);
    assert_eq!(count(Some(at(-1)), Some(at(1))).await, all);
    assert_eq!(count(Some(at(1)), None).await, 0);
    assert_eq!(count(None, Some(at(-1))).await, 0);
}

both_db!(the_trail_is_read_between_two_times);

/// Issue 15, item 11: a search exported whole, or refused with its count when larger than
/// one export may be; a refused export is not on the trail.
async fn a_list_export_is_whole_or_refused(db: &TestDb) {
    let store = &db.store;
    import(store).await;
    let s = staff();
    let f = banzi_store::CadreFilter {
        today: "2026-11-21".into(),
        per_page: 1,
        ..Default::default()
    };
    let all = store.export_cadres(&s, &f, 4).await.expect("four fit");
    assert_eq!(all.len(), 4, "the whole result, not one page");
    let refused = store.export_cadres(&s, &f, 3).await.expect_err("too many");
    let banzi_domain::DomainError::Conflict(m) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(m.id, "store-export-too-many");
    assert_eq!(
        crate::helpers::audited(store, "export.cadres", None, None)
            .await
            .len(),
        1
    );
}

both_db!(a_list_export_is_whole_or_refused);

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
            .map(|r| (&r.entity_key, &r.before_json, &r.after_json, &r.changes))
            .collect::<Vec<_>>(),
    )
    .expect("json");
    assert!(shown.contains("\"field\":\"relation\""), "{shown}");
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

/// Every write action of the store, by the name its audit entry carries. A new action in
/// the store's source that this list does not name fails the test below: add it here and
/// make the test perform it.
pub const EVERY_WRITE: &[&str] = &[
    "appointment.create",
    "appointment.end",
    "appointment.update",
    "audit.key",
    "audit.reveal",
    "ballot.attendance",
    "ballot.closed",
    "ballot.codes",
    "ballot.create",
    "ballot.open",
    "ballot.paper_count",
    "ballot.paper_key",
    "ballot.reissue",
    "ballot.void",
    "cadre.create",
    "calendar.delete",
    "calendar.save",
    "cadre.family.add",
    "cadre.family.remove",
    "cadre.form.import",
    "cadre.photo",
    "cadre.rating.remove",
    "cadre.rating.set",
    "cadre.resume.add",
    "cadre.resume.remove",
    "cadre.reward.add",
    "cadre.reward.remove",
    "cadre.update",
    "export.alerts",
    "export.cadres",
    "export.datacheck",
    "export.form",
    "export.lrmx",
    "export.listing",
    "export.ballot",
    "export.roster",
    "export.selection",
    "portfolio.create",
    "portfolio.update",
    "listing.delete",
    "listing.save",
    "post.create",
    "post.update",
    "rule_param.set",
    "selection.batch.create",
    "selection.competition.save",
    "selection.initiated",
    "selection.meeting_recommendation",
    "selection.talk_recommendation",
    "selection.organization_recommendation",
    "selection.nominated",
    "selection.withdrawn",
    "selection.shortlisted",
    "selection.inspected",
    "selection.corrected",
    "selection.integrity_opinion",
    "selection.objection_received",
    "selection.objection_verified",
    "selection.committee_voted",
    "selection.publicity_opened",
    "selection.appointed",
    "session.login_failed",
    "training.create",
    "training.update",
    "unit.create",
    "unit.update",
    "user.active",
    "user.create",
    "user.lock",
    "user.password",
    "user.password_reset",
    "user.role",
    "user.unlock",
];

/// Every kind of event of a selection case (`banzi_domain::selection::Event::key`).
const SELECTION_EVENTS: [&str; 15] = [
    "initiated",
    "meeting_recommendation",
    "talk_recommendation",
    "organization_recommendation",
    "nominated",
    "withdrawn",
    "shortlisted",
    "inspected",
    "corrected",
    "integrity_opinion",
    "objection_received",
    "objection_verified",
    "committee_voted",
    "publicity_opened",
    "appointed",
];

/// Literals in the store's source shaped like an action that are not one.
const NOT_ACTIONS: &[&str] = &["cycles.db"];

/// The action names the store's source writes: every string literal `a.b[.c]` of
/// `crates/banzi-store/src`, and `ballot.{to}` for each state a session moves to.
fn actions_in_the_store_source() -> std::collections::BTreeSet<String> {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).expect("dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/banzi-store/src"),
        &mut paths,
    );
    let mut found = std::collections::BTreeSet::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("source");
        for lit in text.split('"').skip(1).step_by(2) {
            let parts: Vec<&str> = lit.split('.').collect();
            let word =
                |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            if parts.len() >= 2 && parts.iter().all(|w| word(w)) && !NOT_ACTIONS.contains(&lit) {
                found.insert(lit.to_string());
            }
        }
        // Each event of a selection case is audited as `selection.<its kind>`.
        if text.contains("format!(\"selection.{}\", row.kind)") {
            for kind in SELECTION_EVENTS {
                found.insert(format!("selection.{kind}"));
            }
        }
        if text.contains("format!(\"ballot.{to}\")") {
            found.insert("ballot.open".into());
            found.insert("ballot.closed".into());
        }
    }
    found
}

#[test]
fn the_list_of_writes_names_every_action_of_the_store() {
    let listed: std::collections::BTreeSet<String> =
        EVERY_WRITE.iter().map(|s| s.to_string()).collect();
    let found = actions_in_the_store_source();
    let unlisted: Vec<&String> = found.difference(&listed).collect();
    assert!(
        unlisted.is_empty(),
        "the store writes actions EVERY_WRITE does not name: {unlisted:?}"
    );
    let gone: Vec<&String> = listed.difference(&found).collect();
    assert!(
        gone.is_empty(),
        "EVERY_WRITE names actions the store no longer writes: {gone:?}"
    );
}

/// R-SEC-3 "every write is audited": each write of the store, performed once, leaves its
/// entry with the action, the actor, the record type and its key.
async fn every_write_is_audited(db: &TestDb) {
    use banzi_domain::cadre::{FamilyMember, ResumeLine, RewardEntry, YearRating};
    use banzi_store::{CadreRecord, NewUser, RecordKind, Upsert};
    let (store, key_path) = db.open_with_key_file("every.key").await;
    let store = store.expect("open");
    let s = staff();
    let today = banzi_domain::date::parse("2026-11-21").expect("d");
    let zw = zhang_wei();
    let zm = crate::fixture::zhao_min();
    import(&store).await;
    // The registry, one by one and through a re-import that changes every kind of row.
    store
        .save_unit(
            &s,
            &fixture::unit("U9", "市审计局", "C", "市直单位", "", ""),
        )
        .await
        .expect("unit");
    store
        .save_post(&s, &fixture::post("P9", "U9", "局长", "正职", "1"))
        .await
        .expect("post");
    let mut changed = fixture::roster();
    changed.units[2].value.name = "市教育体育局".into();
    changed.posts[2].value.seats = 2;
    changed.cadres[0].value.rank = "正处级".into();
    changed.appointments[0].value.doc_no = "江委〔2020〕2号".into();
    changed.portfolios[0].value.end = Some(today);
    changed.trainings[0].value.hours = Some(40.0);
    store
        .import_roster(&s, &changed, &|_, _, _| {})
        .await
        .expect("re-import");
    let mut edited = changed.cadres[1].value.clone();
    edited.native_place = "江苏南通".into();
    store
        .save_cadre(&s, &edited, Upsert::MustExist, today)
        .await
        .expect("cadre");
    let records = [
        CadreRecord::Resume(ResumeLine::parse("2001.07", "2005.12", "某乡科员").expect("r")),
        CadreRecord::Family(
            FamilyMember::parse("妻子", "李梅", "1982.03", "群众", "教师").expect("f"),
        ),
        CadreRecord::Reward(RewardEntry::parse("2020-01-01", "奖励", "抗洪").expect("w")),
        CadreRecord::Rating(YearRating::parse("2025", "优秀").expect("y")),
    ];
    for rec in &records {
        store
            .add_cadre_record(&s, &zw, rec, today)
            .await
            .expect("add");
    }
    let d = store.cadre(&s, &zw, today).await.expect("cadre");
    for (kind, line) in [
        (RecordKind::Resume, d.resume[0].id),
        (RecordKind::Family, d.family[0].id),
        (RecordKind::Reward, d.rewards[0].id),
        (RecordKind::Rating, 2025),
    ] {
        store
            .remove_cadre_record(&s, &zw, kind, line, today)
            .await
            .expect("remove");
    }
    store
        .set_photo(&s, &zw, "image/jpeg", &[0xff, 0xd8, 0xff], today)
        .await
        .expect("photo");
    let a = fixture::appt(&zm, "P9", "2026-01-01", "");
    let id = store.appoint(&s, &a, &[]).await.expect("appoint");
    store
        .end_appointment(&s, id, today, "江委〔2026〕9号")
        .await
        .expect("end");
    store
        .set_rule_params(&s, &[("exch.principal_years".into(), "12".into())])
        .await
        .expect("param");
    store.export_roster(&s).await.expect("export");
    let everyone = banzi_store::CadreFilter {
        today: "2026-11-21".into(),
        ..Default::default()
    };
    store
        .export_cadres(&s, &everyone, 100)
        .await
        .expect("export the list");
    store
        .audit_alert_export(&s, today, "xlsx", 3)
        .await
        .expect("alerts");
    let checked = store.data_check(&s, today).await.expect("data check");
    store
        .audit_datacheck_export(&s, &checked, "xlsx")
        .await
        .expect("data check export");
    // 任免审批表 (issue 16): an LRMX file imported, a form exported and printed.
    let zhou = crate::conformance::lrmx::lrmx_gen::zhou();
    let files = vec![(
        "周建.lrmx".to_string(),
        banzi_io::lrmx::read_lrmx("周建.lrmx", &banzi_io::lrmx::write_lrmx(&zhou)),
    )];
    let plan = store.plan_lrmx(&s, files.clone()).await.expect("plan");
    store
        .import_lrmx(&s, files, &plan.digest())
        .await
        .expect("import");
    for purpose in [banzi_store::FormUse::Lrmx, banzi_store::FormUse::Print] {
        store
            .forms(&s, std::slice::from_ref(&zw), today, None, purpose)
            .await
            .expect("forms");
    }
    // 名册: a template saved, changed, deleted; a listing exported.
    let tpl = banzi_domain::listing::Template::parse("班子名册", &["name", "age"]).expect("tpl");
    store.save_listing_template(&s, &tpl).await.expect("save");
    let tpl = banzi_domain::listing::Template::parse("班子名册", &["name", "post"]).expect("tpl");
    store.save_listing_template(&s, &tpl).await.expect("change");
    store
        .delete_listing_template(&s, "班子名册")
        .await
        .expect("delete");
    let listed = store
        .listing(&s, &everyone, &tpl.columns, today, 100)
        .await
        .expect("listing");
    store
        .audit_listing_export(&s, &everyone, &listed, "xlsx")
        .await
        .expect("listing export");
    // 工作日历 (R-SEL-9): the system administrator enters a year and deletes it.
    let admin = as_role(Role::SysAdmin, None);
    store
        .save_calendar_year(&admin, 2027, "2027-01-01 至 2027-01-03 元旦")
        .await
        .expect("calendar");
    store
        .delete_calendar_year(&admin, 2027)
        .await
        .expect("calendar delete");
    // Accounts, as the three administrators divide them (R-SEC-1).
    let sec = as_role(Role::SecAdmin, None);
    let u = NewUser {
        login: "wang".into(),
        display_name: "王五".into(),
        password_hash: "$argon2id$x".into(),
        role: Role::Unassigned,
        unit_code: None,
    };
    store.create_user(&admin, &u).await.expect("user");
    store
        .set_user_role(&sec, "wang", Role::Leader, None)
        .await
        .expect("role");
    store
        .reset_password(&sec, "wang", "$argon2id$y")
        .await
        .expect("reset");
    let wang = banzi_domain::role::Actor {
        login: "wang".into(),
        role: Role::Leader,
        scope: banzi_domain::role::Scope::All,
    };
    store
        .change_own_password(&wang, "$argon2id$z", "")
        .await
        .expect("own");
    store
        .set_user_active(&admin, "wang", false)
        .await
        .expect("off");
    for _ in 0..2 {
        store
            .record_login_failure(
                "wang",
                "10.0.0.1",
                "2026-11-21T10:00:00Z",
                "2026-11-21T09:45:00Z",
                2,
                "2026-11-21T10:30:00Z",
            )
            .await
            .expect("failure");
    }
    store
        .set_user_locked(&sec, "wang", false)
        .await
        .expect("unlock");
    // A ballot session from set-up to export, with a paper ballot keyed twice.
    let ballot = store
        .create_ballot(&s, &super::ballots::spec())
        .await
        .expect("ballot");
    store
        .set_ballot_attendance(&s, ballot, 4)
        .await
        .expect("attendance");
    store.issue_codes(&s, ballot).await.expect("codes");
    store.void_codes(&s, ballot, &[1]).await.expect("void");
    store
        .reissue_codes(&s, ballot, &[1])
        .await
        .expect("reissue");
    store.open_ballot(&s, ballot).await.expect("open");
    let second = banzi_domain::role::Actor {
        login: "t-staff-2".into(),
        ..s.clone()
    };
    let paper = super::ballots::picks(&[0], [Some(0), None]);
    store
        .key_paper(&s, ballot, 1, 0, &paper)
        .await
        .expect("key");
    store
        .key_paper(&second, ballot, 1, 0, &paper)
        .await
        .expect("key");
    store.count_paper(&s, ballot).await.expect("count");
    store.close_ballot(&s, ballot).await.expect("close");
    store
        .ballot_export(&s, ballot, "xlsx")
        .await
        .expect("export");
    // 选任 (issue 17): every kind of event of a case.
    let (batch, case_a, case_b) = super::selection::every_kind_of_event(&store, ballot).await;
    store
        .audit_selection_export(&s, case_b, "pdf")
        .await
        .expect("export");
    let typed = banzi_domain::competition::CompetitionText {
        issuer: "中共江川市委组织部".into(),
        conditions: "大学本科以上学历".into(),
        judges: "甲 乙 丙".into(),
        applicants: "赵敏 通过".into(),
        written: "赵敏 88".into(),
        interview: "甲 赵敏 80".into(),
    };
    store
        .save_selection_competition(&s, case_b, &typed)
        .await
        .expect("competition");
    // The trail itself.
    let auditor = as_role(Role::Auditor, None);
    store.audit_reveal(&auditor, 1, "").await.expect("reveal");

    let trail = raw_trail(&store).await;
    let has = |action: &str, actor: &str, entity: &str, key: &str| {
        trail.iter().any(|r| {
            r.action == action && r.actor == actor && r.entity == entity && r.entity_key == key
        })
    };
    let appt_key = format!("{zm}/P9/2026-01-01");
    let b = ballot.to_string();
    let key_file = key_path.display().to_string();
    let mut expected: Vec<(&str, &str, &str, String)> = vec![
        ("audit.key", "cli:audit-key", "audit", key_file),
        ("unit.create", "t-staff", "unit", "批量3条".into()),
        ("post.create", "t-staff", "post", "批量3条".into()),
        ("cadre.create", "t-staff", "cadre", "批量4条".into()),
        (
            "appointment.create",
            "t-staff",
            "appointment",
            "批量4条".into(),
        ),
        ("portfolio.create", "t-staff", "portfolio", "批量1条".into()),
        ("training.create", "t-staff", "training", "批量1条".into()),
        ("unit.create", "t-staff", "unit", "U9".into()),
        ("post.create", "t-staff", "post", "P9".into()),
        ("unit.update", "t-staff", "unit", "U2".into()),
        ("post.update", "t-staff", "post", "P3".into()),
        ("cadre.update", "t-staff", "cadre", zw.clone()),
        ("cadre.update", "t-staff", "cadre", crate::fixture::li_na()),
        (
            "appointment.update",
            "t-staff",
            "appointment",
            format!("{zw}/P1/2016-03-01"),
        ),
        (
            "portfolio.update",
            "t-staff",
            "portfolio",
            format!("{}/P2/预算/2019-01-02", crate::fixture::li_na()),
        ),
        (
            "training.update",
            "t-staff",
            "training",
            format!("{zw}/专业化能力培训/2025-04-01"),
        ),
        ("cadre.resume.add", "t-staff", "cadre", zw.clone()),
        ("cadre.family.add", "t-staff", "cadre", zw.clone()),
        ("cadre.reward.add", "t-staff", "cadre", zw.clone()),
        ("cadre.rating.set", "t-staff", "cadre", zw.clone()),
        ("cadre.resume.remove", "t-staff", "cadre", zw.clone()),
        ("cadre.family.remove", "t-staff", "cadre", zw.clone()),
        ("cadre.reward.remove", "t-staff", "cadre", zw.clone()),
        ("cadre.rating.remove", "t-staff", "cadre", zw.clone()),
        ("cadre.photo", "t-staff", "cadre", zw.clone()),
        (
            "appointment.create",
            "t-staff",
            "appointment",
            appt_key.clone(),
        ),
        ("appointment.end", "t-staff", "appointment", appt_key),
        (
            "rule_param.set",
            "t-staff",
            "rule_param",
            "exch.principal_years".into(),
        ),
        ("export.roster", "t-staff", "roster", "all".into()),
        ("export.alerts", "t-staff", "alerts", "2026-11-21".into()),
        ("export.cadres", "t-staff", "cadre", "search".into()),
        (
            "export.datacheck",
            "t-staff",
            "datacheck",
            "2026-11-21".into(),
        ),
        (
            "cadre.form.import",
            "t-staff",
            "cadre",
            zhou.id_number.to_string(),
        ),
        ("export.lrmx", "t-staff", "cadre", zw.clone()),
        ("export.form", "t-staff", "cadre", zw.clone()),
        (
            "listing.save",
            "t-staff",
            "listing_template",
            "班子名册".into(),
        ),
        (
            "listing.delete",
            "t-staff",
            "listing_template",
            "班子名册".into(),
        ),
        ("export.listing", "t-staff", "listing", "2026-11-21".into()),
        (
            "calendar.save",
            "t-sysadmin",
            "calendar_year",
            "2027".into(),
        ),
        (
            "calendar.delete",
            "t-sysadmin",
            "calendar_year",
            "2027".into(),
        ),
        ("user.create", "t-sysadmin", "user", "wang".into()),
        ("user.role", "t-secadmin", "user", "wang".into()),
        ("user.password_reset", "t-secadmin", "user", "wang".into()),
        ("user.password", "wang", "user", "wang".into()),
        ("user.active", "t-sysadmin", "user", "wang".into()),
        ("session.login_failed", "wang", "user", "wang".into()),
        ("user.lock", "system", "user", "wang".into()),
        ("user.unlock", "t-secadmin", "user", "wang".into()),
        ("ballot.create", "t-staff", "ballot_session", b.clone()),
        ("ballot.attendance", "t-staff", "ballot_session", b.clone()),
        ("ballot.codes", "t-staff", "ballot_session", b.clone()),
        ("ballot.void", "t-staff", "ballot_session", b.clone()),
        ("ballot.reissue", "t-staff", "ballot_session", b.clone()),
        ("ballot.open", "t-staff", "ballot_session", b.clone()),
        ("ballot.paper_key", "t-staff-2", "ballot_session", b.clone()),
        ("ballot.paper_count", "t-staff", "ballot_session", b.clone()),
        ("ballot.closed", "t-staff", "ballot_session", b.clone()),
        ("export.ballot", "t-staff", "ballot_session", b),
        ("audit.reveal", "t-auditor", "audit", "1".into()),
        (
            "selection.batch.create",
            "t-staff",
            "selection_batch",
            batch.to_string(),
        ),
        (
            "export.selection",
            "t-staff",
            "selection_case",
            case_b.to_string(),
        ),
        (
            "selection.competition.save",
            "t-staff",
            "selection_case",
            case_b.to_string(),
        ),
    ];
    let event_actions: Vec<String> = SELECTION_EVENTS
        .iter()
        .map(|k| format!("selection.{k}"))
        .collect();
    for (kind, action) in SELECTION_EVENTS.iter().zip(&event_actions) {
        let (who, case) = match *kind {
            "meeting_recommendation" => ("t-staff", case_a),
            "integrity_opinion" => ("t-discipline", case_b),
            _ => ("t-staff", case_b),
        };
        expected.push((action.as_str(), who, "selection_case", case.to_string()));
    }
    let missing: Vec<_> = expected
        .iter()
        .filter(|(a, who, e, k)| !has(a, who, e, k))
        .collect();
    let actions: Vec<_> = trail
        .iter()
        .map(|r| {
            (
                r.action.as_str(),
                r.actor.as_str(),
                r.entity.as_str(),
                r.entity_key.as_str(),
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "not on the trail: {missing:?}\ntrail: {actions:?}"
    );
    let performed: std::collections::BTreeSet<&str> = expected.iter().map(|(a, ..)| *a).collect();
    let all: std::collections::BTreeSet<&str> = EVERY_WRITE.iter().copied().collect();
    assert_eq!(
        performed, all,
        "every action of EVERY_WRITE is performed here"
    );
    assert!(store.verify_audit().await.expect("verify").is_ok());
    // The trail shows each change as field: before → after (issue 15, item 7): every field
    // any write changes has its words in every language.
    let fields: std::collections::BTreeSet<String> = trail
        .iter()
        .flat_map(|r| banzi_domain::audit::changes(&r.before_json, &r.after_json))
        .map(|c| c.field)
        .collect();
    assert!(fields.contains("native_place") && fields.contains("seats"));
    let mut unnamed = Vec::new();
    for lang in banzi_i18n::Lang::ALL {
        let tr = banzi_i18n::Tr { lang };
        for f in &fields {
            if tr.get(&format!("audit.field.{f}")).is_none() {
                unnamed.push(format!("{} audit-field-{f}", lang.code()));
            }
        }
    }
    assert!(unnamed.is_empty(), "no words for:\n{}", unnamed.join("\n"));
}

both_db!(every_write_is_audited);

/// The trail reads in words (issue 15, item 7): every write action of the store, and what
/// the web records (sign-ins, reads, refusals), has its name in every language, and so does
/// every record type a write names.
#[test]
fn every_action_of_the_trail_has_its_words_in_every_language() {
    let web = [
        "session.login",
        "read.cadre",
        "read.photo",
        "read.search",
        "read.audit",
        "request.refused",
    ];
    let entities = [
        "unit",
        "post",
        "cadre",
        "appointment",
        "portfolio",
        "training",
        "rule_param",
        "roster",
        "alerts",
        "ballot_session",
        "user",
        "audit",
        "route",
        "listing_template",
        "listing",
        "calendar_year",
    ];
    // What the web records beside the store's writes (reads, refusals, sign-ins).
    let web_fields = [
        "method", "csrf", "page", "actor", "entity", "key", "from", "to", "q", "found", "source",
    ];
    let mut missing = Vec::new();
    for lang in banzi_i18n::Lang::ALL {
        let tr = banzi_i18n::Tr { lang };
        for a in EVERY_WRITE.iter().chain(web.iter()) {
            let key = format!("audit.action.{}", a.replace('.', "_"));
            if tr.get(&key).is_none() {
                missing.push(format!("{} {key}", lang.code()));
            }
        }
        for f in web_fields {
            if tr.get(&format!("audit.field.{f}")).is_none() {
                missing.push(format!("{} audit.field.{f}", lang.code()));
            }
        }
        for e in entities {
            if tr.get(&format!("audit.entity.{e}")).is_none() {
                missing.push(format!("{} audit.entity.{e}", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "no words for:\n{}", missing.join("\n"));
}

/// Events arriving together (profiles viewed and searches made by many users, issue 18) are
/// written together: every caller returns once its own entry is in the trail, each entry is
/// there once and the chain verifies; when the trail refuses the write, every caller is told
/// and nothing is written (R-SEC-3: a read is recorded, or it is refused).
async fn events_arriving_together_are_each_in_the_trail(store: Store) {
    import(&store).await;
    let before = store.audit_head().await.expect("head").seq;
    let send = |n: usize| {
        (0..n)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    store
                        .audit_event(
                            &staff(),
                            "read.cadre",
                            "cadre",
                            &format!("k{i}"),
                            serde_json::json!({ "i": i }),
                        )
                        .await
                })
            })
            .collect::<Vec<_>>()
    };
    for t in send(24) {
        t.await.expect("task").expect("event");
    }
    assert_eq!(store.audit_head().await.expect("head").seq, before + 24);
    for i in 0..24 {
        let key = format!("k{i}");
        let rows = crate::helpers::audited(&store, "read.cadre", Some("cadre"), Some(&key)).await;
        assert_eq!(rows.len(), 1, "{key}");
    }
    assert!(store.verify_audit().await.expect("verify").is_ok());
    // Held back by a transaction holding the trail's head, events pile up and are then
    // written as one group (several entries in one statement) and each in its place.
    let head = before + 24;
    let holder = hold_head(&store).await;
    let held = send(12);
    while store.audit_events_pending().0 < 2 {
        tokio::task::yield_now().await;
    }
    holder.release().await;
    for t in held {
        t.await.expect("task").expect("event");
    }
    assert_eq!(store.audit_head().await.expect("head").seq, head + 12);
    let rows = crate::helpers::audited(&store, "read.cadre", Some("cadre"), None).await;
    assert_eq!(rows.len(), 24 + 12, "each event once");
    assert!(store.verify_audit().await.expect("verify").is_ok());
    super::search::refuse_audit_entries(&store).await;
    for t in send(8) {
        assert!(t.await.expect("task").is_err(), "refused, and told so");
    }
    super::search::allow_audit_entries(&store).await;
    assert_eq!(store.audit_head().await.expect("head").seq, head + 12);
    assert!(store.verify_audit().await.expect("verify").is_ok());
}

/// A transaction holding the audit trail's head.
enum Holder {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Pg(sqlx::Transaction<'static, sqlx::Postgres>),
}

async fn hold_head(store: &Store) -> Holder {
    match store.pool() {
        Pool::Sqlite(p) => Holder::Sqlite(p.begin_with("BEGIN IMMEDIATE").await.expect("lock")),
        Pool::Pg(p) => {
            let mut tx = p.begin().await.expect("tx");
            sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
                .execute(&mut *tx)
                .await
                .expect("lock the head");
            Holder::Pg(tx)
        }
    }
}

impl Holder {
    async fn release(self) {
        match self {
            Holder::Sqlite(tx) => tx.rollback().await.expect("release"),
            Holder::Pg(tx) => tx.rollback().await.expect("release"),
        }
    }
}

/// A group of events being written is written whatever becomes of the request that began
/// writing it (its client gone, a search the page replaced): dropped while the trail's head
/// was held, its entry is in the trail once the head is free, as are the entries of the
/// requests that waited meanwhile, and the chain verifies (R-SEC-3: a read is recorded, or
/// refused; never lost because another request went away).
async fn a_group_is_written_though_the_request_writing_it_is_gone(store: Store) {
    import(&store).await;
    let before = store.audit_head().await.expect("head").seq;
    let event = |key: String| {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .audit_event(&staff(), "read.cadre", "cadre", &key, serde_json::json!({}))
                .await
        })
    };
    let holder = hold_head(&store).await;
    let first = event("gone".into());
    while store.audit_events_pending().1 < 1 {
        tokio::task::yield_now().await;
    }
    let others: Vec<_> = (0..3).map(|i| event(format!("w{i}"))).collect();
    while store.audit_events_pending().0 < 3 {
        tokio::task::yield_now().await;
    }
    first.abort();
    assert!(first.await.expect_err("aborted").is_cancelled());
    holder.release().await;
    for t in others {
        t.await.expect("task").expect("event");
    }
    assert_eq!(store.audit_head().await.expect("head").seq, before + 4);
    for key in ["gone", "w0", "w1", "w2"] {
        let rows = crate::helpers::audited(&store, "read.cadre", Some("cadre"), Some(key)).await;
        assert_eq!(rows.len(), 1, "{key}");
    }
    assert!(store.verify_audit().await.expect("verify").is_ok());
}

both!(a_group_is_written_though_the_request_writing_it_is_gone);

both!(events_arriving_together_are_each_in_the_trail);

/// Events written after another writer moved the trail's head are chained after it: a
/// change on the same server between two events, then two servers on one database taking
/// turns (R-SEC-3). On PostgreSQL a group of events follows the head its last group left,
/// in one statement, and this is where that head is stale: each entry is in the trail
/// once, in the order written, and the chain verifies.
async fn events_follow_a_head_another_writer_moved(db: &TestDb) {
    let a = db.store.clone();
    import(&a).await;
    let b = db.reopen(test_key()).await;
    let s = staff();
    let event = |store: &Store, key: &'static str| {
        let (store, s) = (store.clone(), s.clone());
        async move {
            store
                .audit_event(&s, "read.cadre", "cadre", key, serde_json::json!({}))
                .await
                .unwrap_or_else(|e| panic!("{key}: {e}"));
        }
    };
    event(&a, "e1").await;
    event(&a, "e2").await;
    let tpl = banzi_domain::listing::Template::parse("班子名册", &["name", "age"]).expect("tpl");
    a.save_listing_template(&s, &tpl).await.expect("a change");
    event(&a, "e3").await;
    event(&b, "e4").await;
    event(&a, "e5").await;
    event(&b, "e6").await;
    event(&b, "e7").await;
    event(&a, "e8").await;
    let trail = raw_trail(&a).await;
    let reads: Vec<&str> = trail
        .iter()
        .filter(|r| r.action == "read.cadre")
        .map(|r| r.entity_key.as_str())
        .collect();
    assert_eq!(reads, ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"]);
    let saved = trail
        .iter()
        .position(|r| r.entity == "listing_template")
        .expect("the change is in the trail");
    let at = |key: &str| trail.iter().position(|r| r.entity_key == key).expect(key);
    assert!(at("e2") < saved && saved < at("e3"), "in the order written");
    assert_eq!(
        a.audit_head().await.expect("head").seq,
        trail.last().expect("entries").seq
    );
    assert!(a.verify_audit().await.expect("verify").is_ok());
    assert!(b.verify_audit().await.expect("verify").is_ok());
}

both_db!(events_follow_a_head_another_writer_moved);
