//! Closing a session and what the files keep of the voting (R-VOTE-3; issue 14, items 10
//! and 11): another program holding the database open keeps the session open, with a
//! message saying so; once it lets go, the close leaves an empty WAL and no old copy of a
//! ballot or a used code in the database file; codes are not voided after closing.

use super::ballots::{opened, picks, refusal, spec, state_of};
use crate::helpers::staff;
use banzi_domain::ballot::{Answer, QuestionKind, SessionSpec};
use banzi_store::{BallotWriter, Cast, Pool, Store};
use sqlx::Connection;
use std::sync::Arc;

/// Two groups of `per_group` codes, the first question taking write-ins.
fn many(per_group: u32) -> SessionSpec {
    let mut s = spec();
    s.expected = 2 * per_group;
    s.attended = Some(2 * per_group);
    s.groups[0].codes = per_group;
    s.groups[1].codes = per_group;
    s.questions[0].kind = QuestionKind::Recommend {
        max: 2,
        write_ins: true,
    };
    s
}

/// A ballot whose write-in is found nowhere else: its bytes in a file are this ballot.
fn written_in(i: usize) -> String {
    format!("Wq{i:04}zK")
}

fn ballot(i: usize) -> Vec<Answer> {
    let mut b = picks(&[i as u32 % 3], [Some((i % 4) as u8), None]);
    b[0] = Answer::Picks {
        picks: vec![i as u32 % 3],
        write_ins: vec![written_in(i)],
    };
    b
}

/// Every code cast, 16 phones at a time: through the group commit on SQLite (the
/// server's path), one transaction each on PostgreSQL.
async fn cast_all(store: &Store, codes: &[String]) {
    let writer = Arc::new(BallotWriter::new(store.clone()));
    let mut tasks = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let (w, code) = (writer.clone(), code.clone());
        tasks.push(tokio::spawn(async move {
            w.cast(&code, &format!("nonce-close-{i:05}-xxxx"), &ballot(i))
                .await
        }));
        if tasks.len() == 16 {
            for t in tasks.drain(..) {
                assert_eq!(t.await.unwrap().unwrap(), Cast::Recorded);
            }
        }
    }
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), Cast::Recorded);
    }
}

/// Another program's transaction on the same database, reading the ballots: a backup tool
/// or a shell left open.
enum Reader {
    Sqlite(sqlx::SqliteConnection),
    Pg(sqlx::PgConnection),
}

async fn hold(store: &Store) -> Reader {
    let read = "SELECT COUNT(*) FROM ballots";
    match store.pool() {
        Pool::Sqlite(_) => {
            let url = format!("sqlite://{}", db_file(store).await);
            let mut c = sqlx::SqliteConnection::connect(&url).await.unwrap();
            sqlx::query("BEGIN").execute(&mut c).await.unwrap();
            sqlx::query(read).execute(&mut c).await.unwrap();
            Reader::Sqlite(c)
        }
        Pool::Pg(pool) => {
            let (schema,): (String,) = sqlx::query_as("SELECT current_schema()::text")
                .fetch_one(pool)
                .await
                .unwrap();
            let mut c = sqlx::PgConnection::connect(&crate::helpers::pg_url())
                .await
                .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!("SET search_path = {schema}")))
                .execute(&mut c)
                .await
                .unwrap();
            sqlx::query("BEGIN").execute(&mut c).await.unwrap();
            sqlx::query(read).execute(&mut c).await.unwrap();
            Reader::Pg(c)
        }
    }
}

async fn release(r: Reader) {
    match r {
        Reader::Sqlite(mut c) => {
            sqlx::query("ROLLBACK").execute(&mut c).await.unwrap();
            c.close().await.unwrap();
        }
        Reader::Pg(mut c) => {
            sqlx::query("ROLLBACK").execute(&mut c).await.unwrap();
            c.close().await.unwrap();
        }
    }
}

async fn db_file(store: &Store) -> String {
    let Pool::Sqlite(pool) = store.pool() else {
        panic!("sqlite")
    };
    let (file,): (String,) =
        sqlx::query_as("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .fetch_one(pool)
            .await
            .unwrap();
    file
}

fn occurrences(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Issue 14, item 10: while another program holds the database open in a transaction the
/// close is refused, saying so, and the session stays open; once it lets go the close goes
/// through, and on SQLite the WAL is empty and the database file holds each ballot, each
/// used code and each code's row as often as its live row: no old copy survives in free space or a freed page
/// to be paired with another.
async fn a_held_database_keeps_the_session_open_and_closing_leaves_no_trace(store: Store) {
    let s = staff();
    let (id, codes) = opened(&store, &many(100)).await;
    cast_all(&store, &codes).await;
    let reader = hold(&store).await;
    assert_eq!(
        refusal(store.close_ballot(&s, id).await),
        "有其他程序正打开着数据库（如备份工具或数据库命令行窗口），无法清除投票过程的痕迹，投票仍在进行；请关闭该程序后再结束投票"
    );
    assert_eq!(state_of(&store, id).await.0, "open");
    release(reader).await;
    store.close_ballot(&s, id).await.unwrap();
    assert_eq!(state_of(&store, id).await.0, "closed");
    let (_, t) = store.ballot_tally(&s, id).await.unwrap();
    assert_eq!(t.cast, 200);
    let Pool::Sqlite(pool) = store.pool() else {
        return;
    };
    let file = db_file(&store).await;
    let wal = std::fs::metadata(format!("{file}-wal")).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "the WAL is truncated");
    let ids: Vec<(String,)> = sqlx::query_as("SELECT id FROM ballots WHERE session_id = $1")
        .bind(id)
        .fetch_all(pool)
        .await
        .unwrap();
    let used: Vec<(String, String)> =
        sqlx::query_as("SELECT hash, nonce FROM ballot_codes WHERE session_id = $1")
            .bind(id)
            .fetch_all(pool)
            .await
            .unwrap();
    assert_eq!((ids.len(), used.len()), (200, 200));
    // Read after the queries, which write nothing.
    let bytes = std::fs::read(&file).unwrap();
    let mut copies = Vec::new();
    for i in 0..codes.len() {
        let n = occurrences(&bytes, written_in(i).as_bytes());
        if n != 1 {
            copies.push(format!("ballot {i}: {n}"));
        }
    }
    for (b,) in &ids {
        let n = occurrences(&bytes, b.as_bytes());
        if n != 1 {
            copies.push(format!("ballot id {b}: {n}"));
        }
    }
    // A code's hash is in its row and in the (session, serial) index; its used mark only
    // in its row.
    for (hash, nonce) in &used {
        for (x, live) in [(hash, 2), (nonce, 1)] {
            let n = occurrences(&bytes, x.as_bytes());
            if n != live {
                copies.push(format!("code {x}: {n} where {live}"));
            }
        }
    }
    assert!(
        copies.is_empty(),
        "{} values found other than once in the file: {copies:?}",
        copies.len()
    );
}

/// Issue 14, item 11: a closed session's codes are not voided (its turnout counted them);
/// before closing they are.
async fn codes_are_not_voided_after_closing(store: Store) {
    let s = staff();
    let (id, codes) = opened(&store, &spec()).await;
    assert_eq!(store.void_codes(&s, id, &[5]).await.unwrap().voided, [5]);
    assert_eq!(
        store
            .cast_ballot(
                &codes[0],
                "nonce-void-closed-0001",
                &picks(&[0], [None, None])
            )
            .await
            .unwrap(),
        Cast::Recorded
    );
    store.close_ballot(&s, id).await.unwrap();
    let before = store.turnout(&s, id).await.unwrap();
    assert_eq!(
        refusal(store.void_codes(&s, id, &[2, 3]).await),
        "投票已结束，不能再作废票码"
    );
    assert_eq!(store.turnout(&s, id).await.unwrap(), before);
}

both!(a_held_database_keeps_the_session_open_and_closing_leaves_no_trace);
both!(codes_are_not_voided_after_closing);
