//! The cadre search from the keys kept with the registry (issue 18, item 2), on both
//! backends: by a part of the name, the pinyin with or without spaces, the initials, the
//! start of an ID number (six characters or more) and a final x typed in lower case; a
//! rename replaces the keys in its transaction; an import's cadres are found; a liaison
//! still finds only its own (R-SEC-1); the migration's backfill makes the keys the program
//! makes; the plan reads a range of the key index.

use super::{day, filter, import, names_of};
use crate::fixture::{self, at, cadre, li_na, zhang_wei};
use crate::helpers::{as_role, staff};
use banzi_domain::codes::Gender;
use banzi_domain::role::Role;
use banzi_domain::roster::Roster;
use banzi_store::{Pool, Store, Upsert};

/// 欧阳明 (a compound surname) and 王小伟, born in another region (320583) so that the
/// fixture's region 320102 keeps its four; 王小伟's ID number ends in X.
fn more_cadres() -> Roster {
    let x = x_id();
    Roster {
        cadres: at(vec![
            cadre(
                &ouyang_ming(),
                "欧阳明",
                "男",
                "1978-02-14",
                "中共党员",
                "大学",
            ),
            cadre(&x, "王小伟", "男", "1983-09-09", "群众", "大学"),
        ]),
        ..Default::default()
    }
}

fn ouyang_ming() -> String {
    banzi_domain::id_number::synthesize(320583, day("1978-02-14"), 7, Gender::Male).to_string()
}

/// An ID number of region 320583 whose check character is X.
fn x_id() -> String {
    (1..500)
        .map(|seq| {
            banzi_domain::id_number::synthesize(320583, day("1983-09-09"), seq, Gender::Male)
                .to_string()
        })
        .find(|id| id.ends_with('X'))
        .expect("one of 500 ends in X")
}

async fn both_imported(store: &Store) {
    import(store).await;
    store
        .import_roster(&staff(), &more_cadres(), &|_, _, _| {})
        .await
        .expect("import more");
}

async fn found(store: &Store, q: &str) -> Vec<String> {
    names_of(store, &staff(), &filter(q)).await
}

async fn by_name_pinyin_initials_and_id_number(store: Store) {
    both_imported(&store).await;
    // A part of the name, anywhere in it.
    assert_eq!(found(&store, "伟").await, ["张伟", "王小伟"]);
    assert_eq!(found(&store, "小伟").await, ["王小伟"]);
    for q in ["欧阳明", "欧阳", "阳明", "明", " 阳 "] {
        assert_eq!(found(&store, q).await, ["欧阳明"], "{q}");
    }
    assert!(found(&store, "伟张").await.is_empty());
    // The pinyin from its start, with or without its spaces, any case.
    for q in ["zhangwei", "zhang wei", "zhang w", "ZhangWei", "zhangw"] {
        assert_eq!(found(&store, q).await, ["张伟"], "{q}");
    }
    assert_eq!(found(&store, "ouyang").await, ["欧阳明"]);
    assert_eq!(found(&store, "wang").await, ["王小伟", "王强"]);
    assert!(found(&store, "wei").await.is_empty(), "not from the middle");
    // The initials from their start.
    assert_eq!(found(&store, "zw").await, ["张伟"]);
    assert_eq!(found(&store, "ZW").await, ["张伟"]);
    assert_eq!(found(&store, "oym").await, ["欧阳明"]);
    assert_eq!(found(&store, "w").await, ["王小伟", "王强"]);
    // An ID number by its start from six characters, never by five; whole, of course.
    let zw = zhang_wei();
    assert_eq!(
        found(&store, &zw[..6]).await,
        ["张伟", "李娜", "王强", "赵敏"]
    );
    assert_eq!(found(&store, "320583").await, ["欧阳明", "王小伟"]);
    assert_eq!(found(&store, &zw[..14]).await, ["张伟"]);
    assert!(found(&store, &zw[..5]).await.is_empty());
    assert!(found(&store, "32058").await.is_empty());
    assert_eq!(found(&store, &zw).await, ["张伟"]);
    assert!(found(&store, "320584").await.is_empty());
    // A final X typed either way.
    let x = x_id();
    assert_eq!(found(&store, &x).await, ["王小伟"]);
    assert_eq!(found(&store, &x.to_lowercase()).await, ["王小伟"]);
    // No query: everyone, the other filters alone.
    assert_eq!(found(&store, "").await.len(), 6);
    assert_eq!(found(&store, "  ").await.len(), 6);
    // With another filter: the search and the filter both hold.
    let f = banzi_store::CadreFilter {
        gender: Some("女".into()),
        ..filter("320102")
    };
    assert_eq!(names_of(&store, &staff(), &f).await, ["李娜", "赵敏"]);
    // Paged: the count is of all found, the page of 1.
    let f = banzi_store::CadreFilter {
        per_page: 1,
        ..filter("w")
    };
    let (rows, n) = store.search_cadres(&staff(), &f).await.expect("search");
    assert_eq!((rows.len(), n), (1, 2));
}

both!(by_name_pinyin_initials_and_id_number);

/// Creates a trigger that refuses every new audit entry, so that a write fails after its
/// cadre and keys were written, inside its transaction.
pub(super) async fn refuse_audit_entries(store: &Store) {
    match store.pool() {
        Pool::Sqlite(p) => sqlx::raw_sql(
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log \
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
        )
        .execute(p)
        .await
        .map(|_| ()),
        Pool::Pg(p) => sqlx::raw_sql(
            "CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$; \
             CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log \
             FOR EACH ROW EXECUTE FUNCTION refuse_audit();",
        )
        .execute(p)
        .await
        .map(|_| ()),
    }
    .expect("trigger");
}

pub(super) async fn allow_audit_entries(store: &Store) {
    match store.pool() {
        Pool::Sqlite(p) => sqlx::raw_sql("DROP TRIGGER refuse_audit")
            .execute(p)
            .await
            .map(|_| ()),
        Pool::Pg(p) => sqlx::raw_sql("DROP TRIGGER refuse_audit ON audit_log")
            .execute(p)
            .await
            .map(|_| ()),
    }
    .expect("drop trigger");
}

/// 张伟's record as stored, to edit.
async fn zhang_wei_record(store: &Store) -> banzi_domain::registry::Cadre {
    store
        .cadre(&staff(), &zhang_wei(), day("2026-11-21"))
        .await
        .expect("cadre")
        .cadre
}

async fn a_rename_replaces_the_keys_in_its_transaction(store: Store) {
    import(&store).await;
    let today = day("2026-11-21");
    let mut zw = zhang_wei_record(&store).await;
    zw.name = "刘洋".into();
    assert!(
        store
            .save_cadre(&staff(), &zw, Upsert::MustExist, today)
            .await
            .expect("rename")
    );
    for q in ["刘洋", "洋", "liuyang", "liu y", "ly"] {
        assert_eq!(found(&store, q).await, ["刘洋"], "{q}");
    }
    for q in ["张伟", "伟", "zhangwei", "zw"] {
        assert!(found(&store, q).await.is_empty(), "{q} is the old name");
    }
    // The ID number is still a key.
    assert_eq!(found(&store, &zhang_wei()).await, ["刘洋"]);

    // A rename that fails (its audit entry refused) leaves the cadre and its keys as they were.
    refuse_audit_entries(&store).await;
    zw.name = "陈静".into();
    assert!(
        store
            .save_cadre(&staff(), &zw, Upsert::MustExist, today)
            .await
            .is_err()
    );
    allow_audit_entries(&store).await;
    for q in ["陈静", "静", "chenjing", "cj"] {
        assert!(found(&store, q).await.is_empty(), "{q} was rolled back");
    }
    assert_eq!(found(&store, "ly").await, ["刘洋"]);
    // A new cadre whose creation fails leaves no keys either.
    refuse_audit_entries(&store).await;
    let new = cadre(&more_id(), "孙悦", "女", "1991-04-04", "群众", "大学");
    assert!(
        store
            .save_cadre(&staff(), &new, Upsert::MustBeNew, today)
            .await
            .is_err()
    );
    allow_audit_entries(&store).await;
    assert!(found(&store, "孙悦").await.is_empty());
    assert!(found(&store, "sy").await.is_empty());
    // Created, it is found at once.
    assert!(
        store
            .save_cadre(&staff(), &new, Upsert::MustBeNew, today)
            .await
            .expect("create")
    );
    assert_eq!(found(&store, "sy").await, ["孙悦"]);
    assert_eq!(found(&store, "悦").await, ["孙悦"]);
    // An edit that keeps the name keeps the keys.
    let mut ln = store
        .cadre(&staff(), &li_na(), today)
        .await
        .expect("cadre")
        .cadre;
    ln.native_place = "江苏扬州".into();
    assert!(
        store
            .save_cadre(&staff(), &ln, Upsert::MustExist, today)
            .await
            .expect("edit")
    );
    assert_eq!(found(&store, "ln").await, ["李娜"]);
    assert_eq!(keys_total(&store).await, keys_made(&store).await);
}

both!(a_rename_replaces_the_keys_in_its_transaction);

fn more_id() -> String {
    banzi_domain::id_number::synthesize(320583, day("1991-04-04"), 9, Gender::Female).to_string()
}

async fn an_imported_roster_is_found(store: Store) {
    // The first import (every cadre new), a second with more new ones after them, and a
    // third that renames one in the workbook (the per-row path).
    both_imported(&store).await;
    assert_eq!(found(&store, "oym").await, ["欧阳明"]);
    assert_eq!(found(&store, "zw").await, ["张伟"]);
    let mut renamed = fixture::roster();
    renamed.cadres[1].value.name = "李丽娜".into();
    store
        .import_roster(&staff(), &renamed, &|_, _, _| {})
        .await
        .expect("re-import");
    assert_eq!(found(&store, "lln").await, ["李丽娜"]);
    assert_eq!(found(&store, "丽").await, ["李丽娜"]);
    assert!(found(&store, "ln").await.is_empty());
    // Every stored cadre has exactly the keys the program makes of it.
    assert_eq!(keys_total(&store).await, keys_made(&store).await);
}

both!(an_imported_roster_is_found);

/// R-SEC-1: a liaison of U1 finds 张伟 and 李娜 (its unit's), never 王强 (U2) nor 赵敏 (no
/// post), whatever is typed.
async fn the_liaison_scope_still_applies(store: Store) {
    both_imported(&store).await;
    let liaison = as_role(Role::Liaison, Some("U1"));
    let of = |q: &'static str| {
        let (store, liaison) = (store.clone(), liaison.clone());
        async move { names_of(&store, &liaison, &filter(q)).await }
    };
    assert_eq!(of("zw").await, ["张伟"]);
    assert_eq!(of("320102").await, ["张伟", "李娜"]);
    assert!(of("wq").await.is_empty());
    assert!(of("王").await.is_empty());
    assert!(of("zm").await.is_empty());
    assert!(of("oym").await.is_empty());
    assert_eq!(of("").await, ["张伟", "李娜"]);
}

both!(the_liaison_scope_still_applies);

/// Every page of a search, `per_page` 2, as (ID numbers in order, count); `general` adds a
/// filter that keeps everyone (born after 1900), which takes the registry's path.
async fn pages(store: &Store, q: &str, general: bool) -> Vec<(Vec<String>, i64)> {
    let mut out = Vec::new();
    for page in 0.. {
        let f = banzi_store::CadreFilter {
            per_page: 2,
            page,
            born_after: general.then(|| "1900-01-01".to_string()),
            ..filter(q)
        };
        let (rows, n) = store.search_cadres(&staff(), &f).await.expect("search");
        if rows.is_empty() {
            out.push((Vec::new(), n));
            break;
        }
        out.push((rows.into_iter().map(|r| r.id_number).collect(), n));
    }
    out
}

/// A search by the query alone takes its page and count from the keys, which carry the
/// cadre's pinyin; it finds the same cadres in the same order, page by page, with the same
/// count, as the search beside a filter that keeps everyone (the registry's path), for
/// names, pinyin, initials and ID numbers, and again after a rename changed a pinyin.
async fn the_keys_order_and_count_as_the_registry_does(store: Store) {
    both_imported(&store).await;
    let queries = ["w", "王", "z", "l", "x", "ouy", "320102", "3205831983"];
    let mut seen = 0;
    for q in queries {
        let fast = pages(&store, q, false).await;
        assert_eq!(fast, pages(&store, q, true).await, "{q}");
        seen += fast.iter().map(|p| p.0.len()).sum::<usize>();
    }
    assert!(seen > 8, "the queries find cadres: {seen}");
    // 张伟 becomes 阿伟 (a wei): first of the 伟 now, and every key says so.
    let today = day("2026-11-21");
    let mut zw = zhang_wei_record(&store).await;
    zw.name = "阿伟".into();
    store
        .save_cadre(&staff(), &zw, Upsert::MustExist, today)
        .await
        .expect("rename");
    let wei = pages(&store, "伟", false).await;
    assert_eq!(wei[0].0[0], zhang_wei(), "{wei:?}");
    assert_eq!(wei, pages(&store, "伟", true).await);
    for q in queries {
        assert_eq!(
            pages(&store, q, false).await,
            pages(&store, q, true).await,
            "{q}"
        );
    }
    assert_eq!(keys_total(&store).await, keys_made(&store).await);
}

both!(the_keys_order_and_count_as_the_registry_does);

/// A search among a unit's cadres (the unit filter, a liaison's list) asks each of the unit's
/// holders whether a key of its is in the query's range, instead of reading the range's keys:
/// page by page (one a page) it finds the holders the whole registry's search finds, in its
/// order, with their count, for staff with the unit filter and for the unit's liaison alike
/// (R-SEC-1: the liaison finds none but its unit's).
async fn a_units_search_finds_what_the_keys_find_among_its_holders(store: Store) {
    both_imported(&store).await;
    let all = |who: banzi_domain::role::Actor, unit: Option<&'static str>, q: &'static str| {
        let store = store.clone();
        async move {
            let mut ids = Vec::new();
            let mut counts = Vec::new();
            for page in 0.. {
                let f = banzi_store::CadreFilter {
                    per_page: 1,
                    page,
                    unit: unit.map(str::to_string),
                    ..filter(q)
                };
                let (rows, n) = store.search_cadres(&who, &f).await.expect("search");
                counts.push(n);
                if rows.is_empty() {
                    break;
                }
                ids.extend(rows.into_iter().map(|r| r.id_number));
            }
            (ids, counts)
        }
    };
    let (holders, _) = all(staff(), Some("U1"), "").await;
    let liaison = as_role(Role::Liaison, Some("U1"));
    let mut most = 0;
    for q in [
        "w",
        "王",
        "z",
        "zw",
        "l",
        "320102",
        "3201021970",
        "张伟",
        "ouy",
    ] {
        let (everyone, _) = all(staff(), None, q).await;
        let expected: Vec<String> = everyone
            .into_iter()
            .filter(|id| holders.contains(id))
            .collect();
        for (who, unit) in [(staff(), Some("U1")), (liaison.clone(), None)] {
            let (found, counts) = all(who, unit, q).await;
            assert_eq!(found, expected, "{q}");
            assert!(
                counts.iter().all(|n| *n == expected.len() as i64),
                "{q}: {counts:?}"
            );
        }
        most = most.max(expected.len());
    }
    assert!(
        most >= 2,
        "a query finds more than one of the unit's cadres: {most}"
    );
}

both!(a_units_search_finds_what_the_keys_find_among_its_holders);

/// The keys stored, as (key, cadre id, kind), in order.
async fn stored_keys(store: &Store) -> Vec<(String, i64, String)> {
    let sql = "SELECT key, cadre_id, kind FROM cadre_search";
    let mut v: Vec<(String, i64, String)> = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as(sql).fetch_all(p).await,
        Pool::Pg(p) => sqlx::query_as(sql).fetch_all(p).await,
    }
    .expect("keys");
    v.sort();
    v
}

async fn keys_total(store: &Store) -> usize {
    stored_keys(store).await.len()
}

/// The keys `search_keys::cadre_keys` makes of every stored cadre.
async fn keys_made(store: &Store) -> usize {
    let sql = "SELECT id, name, name_pinyin, name_initials, id_number FROM cadres";
    let rows: Vec<(i64, String, String, String, String)> = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as(sql).fetch_all(p).await,
        Pool::Pg(p) => sqlx::query_as(sql).fetch_all(p).await,
    }
    .expect("cadres");
    let mut made: Vec<(String, i64, String)> = rows
        .iter()
        .flat_map(|(id, name, py, initials, idn)| {
            banzi_domain::search_keys::cadre_keys(name, py, initials, idn)
                .into_iter()
                .map(move |k| (k.key, *id, k.kind.as_str().to_string()))
        })
        .collect();
    made.sort();
    assert_eq!(
        made,
        stored_keys(store).await,
        "stored keys = the program's keys"
    );
    // Every key carries its cadre's stored pinyin.
    let sql = "SELECT COUNT(*) FROM cadre_search s JOIN cadres c ON c.id = s.cadre_id \
               WHERE s.pinyin = c.name_pinyin";
    let (n,): (i64,) = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as(sql).fetch_one(p).await,
        Pool::Pg(p) => sqlx::query_as(sql).fetch_one(p).await,
    }
    .expect("pinyin");
    assert_eq!(n as usize, made.len(), "keys with their cadre's pinyin");
    made.len()
}

/// The migrations fill the keys of the cadres stored before them in SQL, with their pinyin;
/// they are the keys the program writes. (Run again here on a registry the program wrote: the table is dropped
/// and the migration's text run whole.)
async fn the_backfill_makes_the_keys_the_program_makes(store: Store) {
    both_imported(&store).await;
    let written = stored_keys(&store).await;
    assert_eq!(written.len(), keys_made(&store).await);
    assert!(written.len() > 6 * 6, "{} keys", written.len());
    match store.pool() {
        // One statement list, so one connection: another of the pool may still hold the
        // table's columns of before the drop when it runs the second migration.
        Pool::Sqlite(p) => {
            let sql = [
                "DROP TABLE cadre_search; DROP TRIGGER cadre_search_forget;",
                include_str!("../../../crates/banzi-store/migrations/sqlite/0017_cadre_search.sql"),
                include_str!(
                    "../../../crates/banzi-store/migrations/sqlite/0021_search_pinyin.sql"
                ),
            ]
            .join("\n");
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(p)
                .await
                .expect("migrations");
        }
        Pool::Pg(p) => {
            let sql = [
                "DROP TABLE cadre_search; DROP TRIGGER cadre_search_forget ON cadres;",
                include_str!(
                    "../../../crates/banzi-store/migrations/postgres/0017_cadre_search.sql"
                ),
                include_str!(
                    "../../../crates/banzi-store/migrations/postgres/0021_search_pinyin.sql"
                ),
            ]
            .join("\n");
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(p)
                .await
                .expect("migrations");
        }
    }
    assert_eq!(stored_keys(&store).await, written);
    assert_eq!(keys_made(&store).await, written.len());
}

both!(the_backfill_makes_the_keys_the_program_makes);

/// The keys have no foreign key (checking it slowed an import most); a deleted cadre's keys
/// go with it all the same, so that a row id used again finds no one else's keys.
async fn a_deleted_cadre_takes_its_keys(store: Store) {
    both_imported(&store).await;
    // 赵敏 holds no post, no portfolio, no training: only her row refers to her.
    super::exec(&store, "DELETE FROM cadres WHERE name = '赵敏'").await;
    assert!(found(&store, "zm").await.is_empty());
    assert_eq!(keys_total(&store).await, keys_made(&store).await);
    assert!(
        !stored_keys(&store)
            .await
            .iter()
            .any(|(k, _, _)| k == "zhaomin")
    );
}

both!(a_deleted_cadre_takes_its_keys);

/// The search reads a range of the key index and then the cadres it found by their row ids:
/// no step reads the whole registry (SQLite's `SCAN c`, PostgreSQL's `Seq Scan on cadres`).
async fn the_search_is_an_index_range_read(store: Store) {
    both_imported(&store).await;
    let plan = store
        .search_plan(&staff(), &filter("zw"))
        .await
        .expect("plan")
        .join("\n");
    match store.pool() {
        Pool::Sqlite(_) => {
            assert!(
                plan.contains("SEARCH s USING PRIMARY KEY (key>? AND key<?)"),
                "{plan}"
            );
            assert!(
                plan.contains("SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"),
                "{plan}"
            );
            assert!(
                !plan.lines().any(|l| l.trim_start().starts_with("SCAN c")),
                "{plan}"
            );
        }
        Pool::Pg(_) => {
            assert!(plan.contains("on cadre_search_pkey"), "{plan}");
            assert!(
                plan.contains("Index Cond: ((key >= 'zw'::text) AND (key < 'zw\u{10FFFF}'::text))"),
                "{plan}"
            );
            // The cadres found, by their row ids (the keys' are read first, into an array).
            assert!(plan.contains("on cadres c"), "{plan}");
            assert!(plan.contains("Cond: (id = ANY ($"), "{plan}");
            assert!(!plan.contains("Seq Scan on cadres"), "{plan}");
        }
    }
}

both!(the_search_is_an_index_range_read);
