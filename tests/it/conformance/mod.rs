//! The storage conformance suite: every test runs on SQLite and on PostgreSQL.
//! Rules covered: R-SEC-1 (a liaison's scope is in the query), R-SEC-2 (lockout counted in
//! the database), R-SEC-3 (every write audited, tampering caught), R-SEC-4 (an import is all
//! or nothing).

use crate::fixture::{self, wang_qiang, zhang_wei, zhao_min};
use crate::helpers::{Backend, TestDb, as_role, staff, zh};
use banzi_domain::DomainError;
use banzi_domain::date::parse as parse_date;
use banzi_domain::registry::{Appointment, AppointmentRaw};
use banzi_domain::role::Role;
use banzi_store::{CadreFilter, Pool, Store, Upsert};

/// Declares one test per backend for an `async fn(Store)`.
macro_rules! both {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let db = crate::helpers::TestDb::new(crate::helpers::Backend::Sqlite).await;
                super::$name(db.store.clone()).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let db = crate::helpers::TestDb::new(crate::helpers::Backend::Pg).await;
                super::$name(db.store.clone()).await;
            }
        }
    };
}

fn day(s: &str) -> banzi_domain::Date {
    parse_date(s).expect("date")
}

async fn import(store: &Store) {
    store
        .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("import fixture");
}

fn filter(q: &str) -> CadreFilter {
    CadreFilter {
        q: Some(q.into()),
        today: "2026-11-21".into(),
        per_page: 20,
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_two_schemas_agree() {
    let lite = TestDb::new(Backend::Sqlite).await;
    let pg = TestDb::new(Backend::Pg).await;
    let a = lite.store.schema_columns().await.expect("sqlite schema");
    let b = pg.store.schema_columns().await.expect("pg schema");
    assert!(
        a.len() > 80,
        "expected the whole registry schema, got {} columns",
        a.len()
    );
    assert_eq!(
        a, b,
        "SQLite and PostgreSQL schemas differ (table, column, nullable)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_runs_wal_with_full_sync_on_every_connection() {
    let db = TestDb::new(Backend::Sqlite).await;
    let Pool::Sqlite(pool) = db.store.pool() else {
        panic!("sqlite")
    };
    for _ in 0..4 {
        let mut c = pool.acquire().await.expect("conn");
        let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
            .fetch_one(&mut *c)
            .await
            .expect("pragma");
        let (sync,): (i64,) = sqlx::query_as("PRAGMA synchronous")
            .fetch_one(&mut *c)
            .await
            .expect("pragma");
        let (fk,): (i64,) = sqlx::query_as("PRAGMA foreign_keys")
            .fetch_one(&mut *c)
            .await
            .expect("pragma");
        assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
    }
}

async fn registry_story(store: Store) {
    import(&store).await;
    let units = store.units(&staff()).await.expect("units");
    assert_eq!(
        units.iter().map(|u| u.code.as_str()).collect::<Vec<_>>(),
        ["C", "U1", "U2"]
    );
    let team = store
        .team(&staff(), "U1", day("2026-11-21"))
        .await
        .expect("team");
    assert_eq!(team.posts.len(), 2);
    let mut names: Vec<_> = team.holders.iter().map(|h| h.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["张伟", "李娜"]);
    // Before 李娜's second run began she did not hold the post (the gap day 2019-01-01).
    let gap = store
        .team(&staff(), "U1", day("2019-01-01"))
        .await
        .expect("team");
    assert!(gap.holders.iter().all(|h| h.name != "李娜"));
    // So too the cadre list's posts of its day, found by the query alone and by a filter:
    // her first run is over on its end date, and her last post is shown instead.
    for f in [
        filter("ln"),
        CadreFilter {
            gender: Some("女".into()),
            ..filter("")
        },
    ] {
        for (on, posts, last) in [
            ("2018-12-31", Some("市财政局 副局长"), None),
            ("2019-01-01", None, Some("市财政局 副局长")),
            ("2019-01-02", Some("市财政局 副局长"), None),
        ] {
            let f = CadreFilter {
                today: on.into(),
                ..f.clone()
            };
            let (rows, _) = store.search_cadres(&staff(), &f).await.expect("list");
            let li = rows.iter().find(|r| r.name == "李娜").expect("李娜 listed");
            assert_eq!(
                (li.posts.as_deref(), li.last_post.as_deref()),
                (posts, last),
                "{on}: {f:?}"
            );
        }
    }

    // Search by initials, full pinyin, a name fragment and the ID number.
    for q in ["zw", "ZW", "zhangwei", "zhang", "张", &zhang_wei()] {
        let (rows, n) = store
            .search_cadres(&staff(), &filter(q))
            .await
            .expect("search");
        assert!(
            rows.iter().any(|r| r.name == "张伟"),
            "{q} should find 张伟"
        );
        assert_eq!(n as usize, rows.len());
    }
    let (rows, _) = store
        .search_cadres(&staff(), &filter("zw"))
        .await
        .expect("search");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].posts.as_deref(), Some("市财政局 局长"));
    // The first digits of an ID number (issue 15, item 11): the region finds everyone born
    // there, the region and birth day only 张伟; fewer than six digits find no one by number.
    let by = |q: String| {
        let store = store.clone();
        async move {
            let (rows, _) = store.search_cadres(&staff(), &filter(&q)).await.expect("s");
            let mut v: Vec<String> = rows.into_iter().map(|r| r.name).collect();
            v.sort();
            v
        }
    };
    let zw = zhang_wei();
    assert_eq!(by(zw[..6].to_string()).await.len(), 4, "the region 320102");
    assert_eq!(by(zw[..14].to_string()).await, ["张伟"]);
    assert!(by(zw[..5].to_string()).await.is_empty());

    // Filters: 党外, women, age, unit.
    let f = CadreFilter {
        party: Some("党外".into()),
        ..filter("")
    };
    let (rows, _) = store.search_cadres(&staff(), &f).await.expect("search");
    let mut names: Vec<_> = rows.iter().map(|r| r.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["李娜", "赵敏"]);
    let f = CadreFilter {
        gender: Some("女".into()),
        unit: Some("U1".into()),
        ..filter("")
    };
    let (rows, _) = store.search_cadres(&staff(), &f).await.expect("search");
    assert_eq!(
        rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["李娜"]
    );
    let (after, until) = banzi_domain::date::birth_bounds(day("2026-11-21"), Some(36), Some(41));
    let f = CadreFilter {
        born_after: after.map(banzi_domain::date::iso),
        born_until: until.map(banzi_domain::date::iso),
        ..filter("")
    };
    let (rows, _) = store.search_cadres(&staff(), &f).await.expect("search");
    let mut names: Vec<_> = rows.iter().map(|r| r.name.as_str()).collect();
    names.sort();
    // On 2026-11-21: 李娜 is 41, 赵敏 36; 张伟 (46) and 王强 (54) are outside 36–41.
    assert_eq!(names, ["李娜", "赵敏"]);
}

both!(registry_story);

async fn appointing_and_removing(store: Store) {
    import(&store).await;
    // 赵敏 appointed 副局长 of U1 (the second seat).
    let a = Appointment::parse(&AppointmentRaw {
        id_number: zhao_min(),
        post_code: "P2".into(),
        start: "2026-11-01".into(),
        manner: "竞争上岗".into(),
        doc_no: "江委〔2026〕9号".into(),
        ..Default::default()
    })
    .expect("parse");
    store.appoint(&staff(), &a, &[]).await.expect("appoint");
    let team = store
        .team(&staff(), "U1", day("2026-11-21"))
        .await
        .expect("team");
    assert_eq!(team.holders.len(), 3);
    // The same start again overlaps.
    let again = store.appoint(&staff(), &a, &[]).await.unwrap_err();
    assert!(
        matches!(again, DomainError::Conflict(_) | DomainError::Invalid(_)),
        "{again}"
    );

    // 王强 moves to U1's 局长 post? It is held, but 职数 is reported, not enforced: instead
    // move him to P2 ending his P3 appointment on the same day.
    let detail = store
        .cadre(&staff(), &wang_qiang(), day("2026-11-21"))
        .await
        .expect("cadre");
    let p3 = detail
        .appointments
        .iter()
        .find(|x| x.post_code == "P3")
        .expect("p3")
        .id;
    let mv = Appointment::parse(&AppointmentRaw {
        id_number: wang_qiang(),
        post_code: "P2".into(),
        start: "2026-11-15".into(),
        manner: "交流".into(),
        ..Default::default()
    })
    .expect("parse");
    store.appoint(&staff(), &mv, &[p3]).await.expect("move");
    let detail = store
        .cadre(&staff(), &wang_qiang(), day("2026-11-21"))
        .await
        .expect("cadre");
    let ended = detail.appointments.iter().find(|x| x.id == p3).expect("p3");
    assert_eq!(ended.end_date.as_deref(), Some("2026-11-15"));
    let u2 = store
        .team(&staff(), "U2", day("2026-11-21"))
        .await
        .expect("team");
    assert!(u2.holders.is_empty());

    // Removing: an end before the start is refused and changes nothing; twice is refused.
    let zw = store
        .cadre(&staff(), &zhang_wei(), day("2026-11-21"))
        .await
        .expect("cadre");
    let id = zw.appointments[0].id;
    let e = store
        .end_appointment(&staff(), id, day("2016-03-01"), "")
        .await
        .unwrap_err();
    let DomainError::Invalid(f) = e else {
        panic!("{e}")
    };
    assert_eq!(f[0].field, "免职日期");
    assert_eq!(zh(&f[0].message), "免职日期应晚于任职开始日期2016-03-01");
    store
        .end_appointment(&staff(), id, day("2026-11-20"), "江委〔2026〕10号")
        .await
        .expect("end");
    assert!(
        store
            .end_appointment(&staff(), id, day("2026-11-21"), "")
            .await
            .is_err()
    );
    let zw = store
        .cadre(&staff(), &zhang_wei(), day("2026-11-21"))
        .await
        .expect("cadre");
    assert_eq!(zw.appointments[0].end_doc_no, "江委〔2026〕10号");

    // Only staff appoint.
    let leader = as_role(Role::Leader, None);
    assert!(matches!(
        store.appoint(&leader, &a, &[]).await,
        Err(DomainError::Forbidden(_))
    ));
    assert_eq!(
        store.verify_audit().await.expect("verify"),
        Ok(count_audit(&store).await)
    );
}

both!(appointing_and_removing);

pub async fn count_audit(store: &Store) -> u64 {
    let n: (i64,) = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as("SELECT COUNT(*) FROM audit_log")
            .fetch_one(p)
            .await
            .expect("count"),
        Pool::Pg(p) => sqlx::query_as("SELECT COUNT(*) FROM audit_log")
            .fetch_one(p)
            .await
            .expect("count"),
    };
    n.0 as u64
}

/// Audit entries of one action (e.g. `export.alerts`).
pub async fn count_action(store: &Store, action: &str) -> u64 {
    let sql = "SELECT COUNT(*) FROM audit_log WHERE action = $1";
    let n: (i64,) = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as(sql)
            .bind(action)
            .fetch_one(p)
            .await
            .expect("count"),
        Pool::Pg(p) => sqlx::query_as(sql)
            .bind(action)
            .fetch_one(p)
            .await
            .expect("count"),
    };
    n.0 as u64
}

/// R-SEC-1
async fn liaison_sees_and_edits_only_its_unit(store: Store) {
    import(&store).await;
    let liaison = as_role(Role::Liaison, Some("U1"));
    let units = store.units(&liaison).await.expect("units");
    assert_eq!(
        units.iter().map(|u| u.code.as_str()).collect::<Vec<_>>(),
        ["U1"]
    );
    assert!(matches!(
        store.unit(&liaison, "U2").await,
        Err(DomainError::NotFound(_))
    ));
    assert!(matches!(
        store.team(&liaison, "U2", day("2026-11-21")).await,
        Err(DomainError::NotFound(_))
    ));
    let (rows, n) = store
        .search_cadres(&liaison, &filter(""))
        .await
        .expect("search");
    let mut names: Vec<_> = rows.iter().map(|r| r.name.as_str()).collect();
    names.sort();
    assert_eq!((names, n), (vec!["张伟", "李娜"], 2));
    // Asking for U2's cadres through the unit filter still yields nothing.
    let f = CadreFilter {
        unit: Some("U2".into()),
        ..filter("")
    };
    assert_eq!(
        store.search_cadres(&liaison, &f).await.expect("search").1,
        0
    );
    assert!(matches!(
        store
            .cadre(&liaison, &wang_qiang(), day("2026-11-21"))
            .await,
        Err(DomainError::NotFound(_))
    ));
    // Edits its own cadre; cannot edit another unit's, nor create.
    let mut zw = store
        .cadre(&liaison, &zhang_wei(), day("2026-11-21"))
        .await
        .expect("own")
        .cadre;
    zw.native_place = "江苏南通".into();
    assert!(
        store
            .save_cadre(&liaison, &zw, Upsert::Either, day("2026-11-21"))
            .await
            .expect("save")
    );
    let mut wq = store
        .cadre(&staff(), &wang_qiang(), day("2026-11-21"))
        .await
        .expect("staff")
        .cadre;
    wq.native_place = "被改动".into();
    assert!(matches!(
        store
            .save_cadre(&liaison, &wq, Upsert::Either, day("2026-11-21"))
            .await,
        Err(DomainError::NotFound(_))
    ));
    let unchanged = store
        .cadre(&staff(), &wang_qiang(), day("2026-11-21"))
        .await
        .expect("staff")
        .cadre;
    assert_eq!(unchanged.native_place, "");
    // No 任免 and no import for a liaison.
    assert!(matches!(
        store.export_roster(&liaison).await,
        Err(DomainError::Forbidden(_))
    ));
}

both!(liaison_sees_and_edits_only_its_unit);

/// R-SEC-3
async fn tampering_with_the_trail_is_caught(store: Store) {
    import(&store).await;
    let n = count_audit(&store).await;
    assert!(n >= 6, "one batch entry per table at least");
    assert_eq!(store.verify_audit().await.expect("verify"), Ok(n));
    // One changed value inside the cadres' batch entry (seq 3: units, posts, cadres).
    exec(
        &store,
        "UPDATE audit_log SET after_json = replace(after_json, '张伟', '张玮') WHERE seq = 3",
    )
    .await;
    let b = store.verify_audit().await.expect("verify").unwrap_err();
    assert_eq!(b.seq, 3);
    assert_eq!(
        zh(&b.msg()),
        "第 3 条审计记录：内容与其哈希不符（记录被改动）"
    );
}

both!(tampering_with_the_trail_is_caught);

/// Audit entries that record a change (sign-ins excluded).
pub async fn count_changes(store: &Store) -> u64 {
    // Sign-ins, reads and refused requests are in the trail too, and change nothing.
    let sql = "SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'session.%' \
               AND action NOT LIKE 'read.%' AND action NOT LIKE 'request.%'";
    let n: (i64,) = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as(sql).fetch_one(p).await.expect("count"),
        Pool::Pg(p) => sqlx::query_as(sql).fetch_one(p).await.expect("count"),
    };
    n.0 as u64
}

/// Every row of every table, each value as text, rows sorted: what "nothing changed"
/// compares (the audit trail and its head included).
pub async fn dump(store: &Store) -> std::collections::BTreeMap<String, Vec<Vec<Option<String>>>> {
    use sqlx::Row;
    let mut tables: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (table, column, _) in store.schema_columns().await.expect("schema") {
        tables.entry(table).or_default().push(column);
    }
    let mut out = std::collections::BTreeMap::new();
    for (table, columns) in tables {
        // SQLite's quote() writes any value, a blob too, as text.
        let as_text = |c: &String| match store.pool() {
            Pool::Sqlite(_) => format!("quote(\"{c}\")"),
            Pool::Pg(_) => format!("CAST(\"{c}\" AS TEXT)"),
        };
        let sql = format!(
            "SELECT {} FROM \"{table}\"",
            columns.iter().map(as_text).collect::<Vec<_>>().join(", ")
        );
        let text = |row: &dyn Fn(usize) -> Option<String>| (0..columns.len()).map(row).collect();
        let mut rows: Vec<Vec<Option<String>>> = match store.pool() {
            Pool::Sqlite(p) => sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(p)
                .await
                .expect("dump")
                .iter()
                .map(|r| text(&|i| r.try_get(i).expect("text")))
                .collect(),
            Pool::Pg(p) => sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(p)
                .await
                .expect("dump")
                .iter()
                .map(|r| text(&|i| r.try_get(i).expect("text")))
                .collect(),
        };
        rows.sort();
        out.insert(table, rows);
    }
    out
}

pub async fn exec(store: &Store, sql: &'static str) {
    match store.pool() {
        Pool::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        Pool::Pg(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .expect("exec");
}

/// R-SEC-2, with the clock in the test's hands: five failures of a login from one source
/// inside 15 minutes lock that login for that source for 30 minutes; failures that fell
/// out of the window do not count; another source is not locked; the security
/// administrator's unlock lifts it.
async fn lockout_counts_failures_in_the_database(store: Store) {
    import(&store).await;
    crate::helpers::seed_users(&store, Some("U1")).await;
    let at = |h: u32, m: u32| format!("2026-11-21T{h:02}:{m:02}:00Z");
    // The window and the lock of the defaults (WebConfig): 15 and 30 minutes.
    let minus15 = |h: u32, m: u32| {
        let t = h * 60 + m - 15;
        at(t / 60, t % 60)
    };
    let plus30 = |h: u32, m: u32| {
        let t = h * 60 + m + 30;
        at(t / 60, t % 60)
    };
    let fail = |source: &'static str, h: u32, m: u32| {
        let store = store.clone();
        let (now, window, until) = (at(h, m), minus15(h, m), plus30(h, m));
        async move {
            store
                .record_login_failure("staff", source, &now, &window, 5, &until)
                .await
                .expect("fail")
        }
    };
    for m in 0..4 {
        assert_eq!(fail("10.0.0.1", 10, m).await, None, "failure at 10:0{m}");
    }
    // 10:20: the failures of 10:00–10:03 are out of the window; this is the first in it.
    assert_eq!(fail("10.0.0.1", 10, 20).await, None, "the window slides");
    for m in 21..24 {
        assert_eq!(fail("10.0.0.1", 10, m).await, None, "failure at 10:{m}");
    }
    // Another source's failures are its own.
    assert_eq!(fail("10.0.0.2", 10, 24).await, None);
    // The fifth inside the window, from the same source, locks until 10:54.
    assert_eq!(fail("10.0.0.1", 10, 24).await, Some(at(10, 54)));
    let gate = |source: &'static str, h: u32, m: u32| {
        let store = store.clone();
        let (now, window) = (at(h, m), minus15(h, m));
        async move {
            store
                .sign_in_gate("staff", source, &now, &window)
                .await
                .expect("gate")
        }
    };
    assert_eq!(
        gate("10.0.0.1", 10, 53).await.locked_until,
        Some(at(10, 54))
    );
    assert_eq!(
        gate("10.0.0.2", 10, 30).await.locked_until,
        None,
        "not there"
    );
    assert_eq!(
        gate("10.0.0.1", 10, 54).await.locked_until,
        None,
        "30 minutes"
    );
    // The source's failures inside the window slow it down, whichever login they named.
    assert_eq!(gate("10.0.0.2", 10, 30).await.source_failures, 1);
    assert_eq!(gate("10.0.0.2", 10, 40).await.source_failures, 0);
    let u = store
        .user_by_login("staff")
        .await
        .expect("user")
        .expect("exists");
    assert_eq!(u.locked_until, Some(at(10, 54)));
    assert!(!u.admin_locked);
    // The security administrator's unlock lifts the lock at once.
    let sec = crate::helpers::as_role(banzi_domain::role::Role::SecAdmin, None);
    store
        .set_user_locked(&sec, "staff", false)
        .await
        .expect("unlock");
    assert_eq!(gate("10.0.0.1", 10, 30).await.locked_until, None);
    let audit = crate::helpers::audited(&store, "session.login_failed", None, Some("staff")).await;
    assert_eq!(audit.len(), 10, "every failure is in the trail");
}

both!(lockout_counts_failures_in_the_database);

/// The names a search finds, sorted; the count must agree with the rows.
async fn names(store: &Store, who: &banzi_domain::role::Actor, f: &CadreFilter) -> Vec<String> {
    let (rows, n) = store.search_cadres(who, f).await.expect("search");
    let mut v: Vec<String> = rows.into_iter().map(|r| r.name).collect();
    v.sort();
    assert_eq!(n as usize, v.len(), "the count agrees with the rows");
    v
}

/// The 民族 and 专业领域 filters match the exact text, alone, together and with the others;
/// a liaison's scope still applies (R-SEC-1).
async fn ethnicity_and_profession_filters(store: Store) {
    import(&store).await;
    // 赵敏 (no post) becomes 回族, 教育; the other three stay 汉族, 财政金融.
    let mut zm = store
        .cadre(&staff(), &zhao_min(), day("2026-11-21"))
        .await
        .expect("cadre")
        .cadre;
    zm.ethnicity = "回族".into();
    zm.profession = "教育".into();
    assert!(
        store
            .save_cadre(&staff(), &zm, Upsert::MustExist, day("2026-11-21"))
            .await
            .expect("save")
    );
    let by = |ethnicity: &str, profession: &str| CadreFilter {
        ethnicity: Some(ethnicity.into()),
        profession: Some(profession.into()),
        ..filter("")
    };
    for (e, p, want) in [
        ("汉族", "", vec!["张伟", "李娜", "王强"]),
        ("回族", "", vec!["赵敏"]),
        ("", "财政金融", vec!["张伟", "李娜", "王强"]),
        ("", " 教育 ", vec!["赵敏"]),
        ("回族", "教育", vec!["赵敏"]),
        ("汉族", "教育", vec![]),
        // Exact, not a fragment.
        ("汉", "", vec![]),
        ("", "财政", vec![]),
        ("", "", vec!["张伟", "李娜", "王强", "赵敏"]),
    ] {
        assert_eq!(names(&store, &staff(), &by(e, p)).await, want, "{e}/{p}");
    }
    let f = CadreFilter {
        gender: Some("女".into()),
        ..by("汉族", "财政金融")
    };
    assert_eq!(names(&store, &staff(), &f).await, ["李娜"]);
    // A liaison of U1 sees its own two, never 王强 (U2) nor 赵敏 (no post).
    let liaison = as_role(Role::Liaison, Some("U1"));
    assert_eq!(
        names(&store, &liaison, &by("汉族", "财政金融")).await,
        ["张伟", "李娜"]
    );
    assert!(names(&store, &liaison, &by("回族", "")).await.is_empty());
    let f = CadreFilter {
        unit: Some("U2".into()),
        ..by("汉族", "")
    };
    assert!(names(&store, &liaison, &f).await.is_empty());
}

both!(ethnicity_and_profession_filters);

pub mod audit;
mod ballot_close;
mod ballot_reissue;
pub mod ballots;
mod datacheck;
mod dossier;
pub mod lrmx;
mod roster;
mod roster_errors;
mod roster_vocab;
mod rules;
mod search;
pub mod selection;
mod team_as_of;

/// The names a filter lists, sorted, after checking the count agrees with the rows.
async fn names_of(
    store: &Store,
    actor: &banzi_domain::role::Actor,
    f: &CadreFilter,
) -> Vec<String> {
    let (rows, n) = store.search_cadres(actor, f).await.expect("search");
    assert_eq!(n as usize, rows.len(), "count and rows agree");
    let mut names: Vec<String> = rows.into_iter().map(|r| r.name).collect();
    names.sort();
    names
}

/// `in_post`: the cadres holding a post on a day (start ≤ day < end), in a unit when given;
/// ages reckoned on that day by the caller; the liaison scope stays on today (R-SEC-1).
async fn in_post_lists_the_holders_of_a_day(store: Store) {
    import(&store).await;
    let on = |d: &str| CadreFilter {
        in_post: Some(d.into()),
        ..filter("")
    };
    let all = staff();
    // 赵敏 never holds a post; 张伟 from 2016-03-01; 李娜's first run ends 2019-01-01.
    assert_eq!(
        names_of(&store, &all, &on("2018-06-01")).await,
        ["张伟", "李娜", "王强"]
    );
    assert_eq!(
        names_of(&store, &all, &on("2026-11-21")).await,
        ["张伟", "李娜", "王强"]
    );
    assert_eq!(
        names_of(&store, &all, &on("2015-06-01")).await,
        ["李娜", "王强"]
    );
    // The end date itself is not held; the next run starts the day after.
    assert_eq!(
        names_of(&store, &all, &on("2019-01-01")).await,
        ["张伟", "王强"]
    );
    assert_eq!(
        names_of(&store, &all, &on("2019-01-02")).await,
        ["张伟", "李娜", "王强"]
    );
    assert_eq!(
        names_of(&store, &all, &filter("")).await.len(),
        4,
        "no in_post: everyone"
    );
    // In a unit on that day, and the posts listed are that day's.
    let u1 = |d: &str| CadreFilter {
        unit: Some("U1".into()),
        ..on(d)
    };
    assert_eq!(names_of(&store, &all, &u1("2019-01-01")).await, ["张伟"]);
    assert_eq!(names_of(&store, &all, &u1("2015-06-01")).await, ["李娜"]);
    let (rows, _) = store
        .search_cadres(&all, &u1("2015-06-01"))
        .await
        .expect("search");
    assert_eq!(rows[0].posts.as_deref(), Some("市财政局 副局长"));
    let (rows, _) = store
        .search_cadres(&all, &on("2015-06-01"))
        .await
        .expect("search");
    assert!(rows.iter().all(|r| r.name != "张伟"));
    // Ages on the day: 30–34 on 2018-06-01 is 李娜 (33); on 2026-11-21 nobody in post.
    let aged = |d: &str| {
        let (after, until) = banzi_domain::date::birth_bounds(day(d), Some(30), Some(34));
        CadreFilter {
            born_after: after.map(banzi_domain::date::iso),
            born_until: until.map(banzi_domain::date::iso),
            ..on(d)
        }
    };
    assert_eq!(names_of(&store, &all, &aged("2018-06-01")).await, ["李娜"]);
    assert!(names_of(&store, &all, &aged("2026-11-21")).await.is_empty());
    // A liaison of U1 sees its own unit's cadres of today, whatever day is asked for.
    let liaison = as_role(Role::Liaison, Some("U1"));
    assert_eq!(
        names_of(&store, &liaison, &on("2018-06-01")).await,
        ["张伟", "李娜"]
    );
    assert_eq!(
        names_of(&store, &liaison, &on("2015-06-01")).await,
        ["李娜"]
    );
    let other = CadreFilter {
        unit: Some("U2".into()),
        ..on("2018-06-01")
    };
    assert!(names_of(&store, &liaison, &other).await.is_empty());
    let u2 = as_role(Role::Liaison, Some("U2"));
    assert_eq!(names_of(&store, &u2, &on("2015-06-01")).await, ["王强"]);
    // 最高学历, 全日制学历 and blank values (`__blank__`).
    let with = |f: fn(&mut CadreFilter)| {
        let mut x = on("2026-11-21");
        f(&mut x);
        x
    };
    let top = with(|f| f.top_education = Some("研究生".into()));
    assert_eq!(names_of(&store, &all, &top).await, ["张伟"]);
    let ft = with(|f| f.ft_education = Some("大学".into()));
    assert_eq!(names_of(&store, &all, &ft).await, ["李娜", "王强"]);
    for f in [
        with(|f| f.ft_education = Some(banzi_store::BLANK.into())),
        with(|f| f.top_education = Some(banzi_store::BLANK.into())),
        with(|f| f.education = Some(banzi_store::BLANK.into())),
        with(|f| f.profession = Some(banzi_store::BLANK.into())),
        with(|f| f.ethnicity = Some(banzi_store::BLANK.into())),
    ] {
        assert!(names_of(&store, &all, &f).await.is_empty(), "{f:?}");
    }
}

both!(in_post_lists_the_holders_of_a_day);
