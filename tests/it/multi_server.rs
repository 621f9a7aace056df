//! Several `banzi serve` on one PostgreSQL behind a load balancer (issue 18, item 5): two
//! servers, each with its own `Store`, ballot writer, import board and kept analysis, on one
//! schema, and one browser whose requests go to either. Sign-in on one and pages and writes
//! on the other, the lock after five wrong passwords spread over both, the dashboard kept by
//! audit head, a ballot voted through both and closed on the other, a roster import whose
//! progress is read through the server that is not running it; the audit chain whole after
//! both servers wrote to it at once. And two servers started at once with new keys: only one
//! keys the trail.

use crate::conformance::ballots::picks;
use crate::fixture;
use crate::helpers::{Backend, Client, PASSWORD, TestDb, cadre_ref, seed_users, staff, test_key};
use crate::http::blocking;
use banzi_store::{ImportStage, Store};
use serde_json::{Value, json};
use std::sync::Arc;

/// One server on its own port, over `store`.
async fn serve(store: Store, config: banzi_web::WebConfig) -> (String, banzi_web::AppState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let state = banzi_web::AppState::new(store, config);
    let served = state.clone();
    tokio::spawn(async move {
        let _ = banzi_web::serve(listener, served).await;
    });
    (base, state)
}

/// The text of the element with `id` (up to its first tag).
fn text_of(body: &str, id: &str) -> String {
    let Some(i) = body.find(&format!("id=\"{id}\"")) else {
        panic!("no #{id} in the page: {body}");
    };
    let rest = &body[i..];
    let start = rest.find('>').map_or(0, |j| j + 1);
    rest[start..]
        .split('<')
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

/// The texts of the elements with class `class`.
fn texts(body: &str, class: &str) -> Vec<String> {
    body.split(&format!("class=\"{class}\">"))
        .skip(1)
        .map(|s| s.split('<').next().unwrap_or("").to_string())
        .collect()
}

/// A voter's phone submitting to `base`, as `static/vote.js` does.
fn vote(base: &str, code: &str, nonce: &str, ballot: Value) -> (u16, Value) {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    let mut r = agent
        .post(format!("{base}/v/cast"))
        .header("origin", base)
        .send_json(json!({ "code": code, "nonce": nonce, "ballot": ballot }))
        .expect("cast");
    let status = r.status().as_u16();
    let body = r.body_mut().read_to_string().unwrap_or_default();
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}")),
    )
}

fn turnout(c: &mut Client, at: &str) -> (i64, i64) {
    let t = c.get(&format!("{at}/turnout"));
    assert_eq!(t.status, 200, "{}", t.body);
    let v: Value = serde_json::from_str(&t.body).expect("json");
    (
        v["cast"].as_i64().unwrap_or(-1),
        v["issued"].as_i64().unwrap_or(-1),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_database_behave_as_one() {
    let db = TestDb::new(Backend::Pg).await;
    db.store
        .import_roster(&staff(), &fixture::roster(), &|_, _, _| {})
        .await
        .expect("fixture");
    seed_users(&db.store, Some("U1")).await;
    // The lock, not the source's pace, is what this test counts.
    let config = || banzi_web::WebConfig {
        source_free_failures: 100,
        ..Default::default()
    };
    let (a, a_state) = serve(db.store.clone(), config()).await;
    let (b, _b_state) = serve(db.reopen(test_key()).await, config()).await;
    let zmr = cadre_ref(&db.store, &fixture::zhao_min()).await;

    // Sessions and CSRF tokens: signed in on A, pages and a write on B with A's cookie, the
    // dashboard on A sees B's write at once (its kept analysis is by audit head).
    let (mut c, members_before) = {
        let (a, b) = (a.clone(), b.clone());
        blocking(move || {
            let mut c = Client::new(&a);
            assert_eq!(c.login("staff", PASSWORD).status, 303);
            let members = text_of(&c.get("/analysis").body, "fig-members");
            c.base = b.clone();
            let units = c.get("/unit-tree?parent=C");
            assert_eq!(units.status, 200, "B knows A's session");
            assert!(units.body.contains("市财政局"));
            let form = c.get(&format!("/cadres/{zmr}/appoint"));
            assert_eq!(form.status, 200, "{}", form.body);
            // 赵敏 becomes 副局长 of 市财政局 on B, with the token B's page carried.
            let r = c.post(
                &format!("/cadres/{zmr}/appoint"),
                &[
                    ("post_code", "P2"),
                    ("start", "2026-11-01"),
                    ("manner", "委任"),
                ],
            );
            assert_eq!(r.status, 303, "{}", r.body);
            (c, members)
        })
        .await
    };
    let members: u32 = members_before.parse().expect("a number");
    c = {
        let (a, b) = (a.clone(), b.clone());
        blocking(move || {
            c.base = a.clone();
            let profile = c.get(&format!("/cadres/{zmr}"));
            assert!(profile.body.contains("副局长"), "A sees B's 任免");
            let dashboard = c.get("/analysis");
            assert_eq!(
                text_of(&dashboard.body, "fig-members"),
                (members + 1).to_string(),
                "A's dashboard is not its analysis kept from before B's write"
            );
            c.base = b;
            let again = c.get("/analysis");
            assert_eq!(
                text_of(&again.body, "fig-members"),
                (members + 1).to_string()
            );
            c
        })
        .await
    };

    // Five wrong passwords, alternating between the servers, lock the account on both.
    {
        let (a, b) = (a.clone(), b.clone());
        blocking(move || {
            let mut bad = Client::new(&a);
            for i in 0..5 {
                bad.base = if i % 2 == 0 { a.clone() } else { b.clone() };
                assert_eq!(bad.login("leader", "wrong-password-1").status, 401);
            }
            for base in [&a, &b] {
                bad.base = base.clone();
                let right = bad.login("leader", PASSWORD);
                assert_eq!(right.status, 403, "locked on {base}");
                assert!(right.body.contains("暂停登录至"), "{}", right.body);
            }
        })
        .await;
    }

    // A ballot session opened on A, voted through A and B alternately, its turnout the same
    // on either, closed on B with every ballot counted.
    let (mut c, at, codes) = {
        let a = a.clone();
        blocking(move || {
            c.base = a;
            c.get("/ballots/new");
            let made = c.post(
                "/ballots/new",
                &[
                    ("title", "2026年副局长民主推荐"),
                    ("meeting_date", "2026-11-21"),
                    ("expected", "5"),
                    ("threshold", "50%"),
                    ("groups", "班子成员 40 2\n中层干部 60 3\n"),
                    (
                        "questions",
                        "推荐2人：推荐副局长人选\n张伟、李娜\n王强\n\n干部测评：干部测评\n张伟\n李娜\n",
                    ),
                ],
            );
            assert_eq!(made.status, 303, "{}", made.body);
            let at = made.location.expect("the session");
            c.get(&at);
            let slips = c.post(&format!("{at}/codes"), &[]);
            let codes: Vec<String> = texts(&slips.body, "slip-code")
                .iter()
                .map(|s| s.replace(' ', ""))
                .collect();
            assert_eq!(codes.len(), 5);
            c.get(&at);
            assert_eq!(
                c.post(&format!("{at}/attendance"), &[("attended", "5")])
                    .status,
                303
            );
            c.get(&at);
            assert_eq!(c.post(&format!("{at}/open"), &[]).status, 303);
            (c, at, codes)
        })
        .await
    };
    c = {
        let (a, b) = (a.clone(), b.clone());
        blocking(move || {
            let choices: [(&[u32], [Option<u8>; 2]); 5] = [
                (&[0, 1], [Some(0), Some(1)]),
                (&[0, 2], [Some(0), Some(1)]),
                (&[0, 1], [Some(0), Some(0)]),
                (&[2], [Some(1), Some(1)]),
                (&[0], [None, Some(0)]),
            ];
            for (i, (code, (p, marks))) in codes.iter().zip(choices).enumerate() {
                let server = if i % 2 == 0 { &a } else { &b };
                let nonce = format!("multi-server-nonce-{i:04}");
                let (status, answer) = vote(server, code, &nonce, json!(picks(p, marks)));
                assert_eq!(status, 200, "ballot {i} on {server}: {answer}");
                assert_eq!(answer, json!({ "result": "recorded" }));
                // The other server knows the code is used: its retry is 已记录 there too.
                let other = if i % 2 == 0 { &b } else { &a };
                let (_, again) = vote(other, code, &nonce, json!(picks(p, marks)));
                assert_eq!(again, json!({ "result": "already_recorded" }));
                if i == 1 {
                    c.base = a.clone();
                    assert_eq!(turnout(&mut c, &at), (2, 5));
                    c.base = b.clone();
                    assert_eq!(turnout(&mut c, &at), (2, 5));
                }
            }
            c.base = b.clone();
            assert_eq!(turnout(&mut c, &at), (5, 5));
            c.get(&at);
            let closed = c.post(&format!("{at}/close"), &[]);
            assert_eq!(closed.status, 303, "{}", closed.body);
            c.base = a.clone();
            let r = c.get(&format!("{at}/result"));
            assert_eq!(r.status, 200, "{}", r.body);
            assert_eq!(text_of(&r.body, "result-cast"), "5");
            // 张伟 on four of the five ballots, 李娜 on two, 王强 on two.
            assert_eq!(texts(&r.body, "text-end r-votes"), ["4", "2", "2"]);
            c
        })
        .await
    };

    // A roster import on A, held at its cadres (a lock this test takes) after it has
    // written the units and the posts: its progress is read through B, which is not running
    // it; once let go, B shows the imported cadre and no stage is left behind.
    let (written_tx, mut written) = tokio::sync::mpsc::unbounded_channel::<ImportStage>();
    assert!(a_state.imports.on_written(Arc::new(move |_, s| {
        let _ = written_tx.send(s.clone());
    })));
    let mut roster = fixture::roster();
    let qian = fixture::id(90, "1988-08-08", banzi_domain::codes::Gender::Male);
    roster.cadres.push(banzi_domain::roster::Located {
        row: 6,
        value: fixture::cadre(&qian, "钱新", "男", "1988-08-08", "中共党员", "大学"),
    });
    let workbook = banzi_io::write_roster(&roster, &|_| {}).expect("workbook");
    let banzi_store::Pool::Pg(pool) = db.store.pool() else {
        panic!("PostgreSQL")
    };
    let mut hold = pool.begin().await.expect("a transaction of the test's own");
    sqlx::query("LOCK TABLE cadres IN EXCLUSIVE MODE")
        .execute(&mut *hold)
        .await
        .expect("lock");
    let (mut c, ticket) = {
        let a = a.clone();
        blocking(move || {
            c.base = a;
            let page = c.get("/roster");
            let ticket = page
                .body
                .split("name=\"ticket\" value=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .expect("a ticket")
                .to_string();
            (c, ticket)
        })
        .await
    };
    let mut uploader = Client::new(&a);
    uploader.cookie = c.cookie.clone();
    uploader.csrf = c.csrf.clone();
    let upload = {
        let ticket = ticket.clone();
        tokio::task::spawn_blocking(move || {
            uploader.upload_with(
                "/roster/import",
                &[("ticket", &ticket)],
                "file",
                "roster.xlsx",
                &workbook,
            )
        })
    };
    // A bound on a wait that must end, never an order: should A not write its stage, the
    // test fails here instead of waiting for ever on its own lock.
    let posts_written = async {
        while let Some(s) = written.recv().await {
            if s.write_sheet == "职位" {
                return s.write_done;
            }
        }
        0
    };
    let posts = tokio::time::timeout(std::time::Duration::from_secs(60), posts_written)
        .await
        .expect("A writes the stage of its import to the database");
    assert_eq!(posts, 3);
    c = {
        let (b, ticket) = (b.clone(), ticket.clone());
        blocking(move || {
            c.base = b;
            let p = c.get(&format!("/roster/import/progress?ticket={ticket}"));
            assert_eq!(p.status, 200, "{}", p.body);
            assert!(
                p.body.contains("已写入 职位 3"),
                "B does not see A's import: {}",
                p.body
            );
            c
        })
        .await
    };
    hold.rollback().await.expect("let go");
    let done = upload.await.expect("upload");
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("导入成功"), "{}", done.body);
    let qr = cadre_ref(&db.store, &qian).await;
    let a_again = a.clone();
    blocking(move || {
        let p = c.get(&format!("/roster/import/progress?ticket={ticket}"));
        assert_eq!(p.status, 200);
        assert!(!p.body.contains("职位"), "a stage left behind: {}", p.body);
        let profile = c.get(&format!("/cadres/{qr}"));
        assert_eq!(profile.status, 200);
        assert!(profile.body.contains("钱新"));
        // Signed out on B: A no longer knows the session.
        c.get("/units");
        assert_eq!(c.post("/logout", &[]).status, 303);
        c.base = a_again;
        assert_eq!(c.get("/units").status, 303);
    })
    .await;

    // Both servers append to the trail at once (each sign-in is an entry): one chain.
    let sign_ins = |base: String| {
        tokio::task::spawn_blocking(move || {
            for _ in 0..3 {
                let mut c = Client::new(&base);
                assert_eq!(c.login("staff", PASSWORD).status, 303);
            }
        })
    };
    let (x, y) = tokio::join!(sign_ins(a.clone()), sign_ins(b.clone()));
    x.expect("A's sign-ins");
    y.expect("B's sign-ins");
    let verified = db.store.verify_audit().await.expect("read the trail");
    assert!(verified.is_ok(), "{verified:?}");
    db.drop_schema().await;
}

/// Two servers given new key files and started at once on a database with no trail: one
/// keys the trail, the other finds it keyed and refuses to start, keeping no key file, so
/// the trail is never sealed under two keys. The test holds the trail's head until both
/// starts wait for it, so that they overlap whatever the machine's speed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_starting_with_new_keys_at_once_do_not_fork_the_trail() {
    let db = TestDb::new(Backend::Pg).await;
    let banzi_store::Pool::Pg(pool) = db.store.pool() else {
        panic!("PostgreSQL")
    };
    let mut hold = pool.begin().await.expect("a transaction of the test's own");
    sqlx::query("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
        .execute(&mut *hold)
        .await
        .expect("hold the head");
    let (me,): (i32,) = sqlx::query_as("SELECT pg_backend_pid()")
        .fetch_one(&mut *hold)
        .await
        .expect("pid");
    // Both starts wait behind the test (the first for its transaction, the second for the
    // first): a state to wait for, looked at until it is reached.
    let release = async {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let (waiting,): (i64,) = sqlx::query_as(
                "WITH first AS (SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))) \
                 SELECT COUNT(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)) \
                 OR pg_blocking_pids(pid) && ARRAY(SELECT pid FROM first)",
            )
            .bind(me)
            .fetch_one(pool)
            .await
            .expect("waiting starts");
            if waiting >= 2 {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the two starts never waited for the trail's head together"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        hold.commit().await.expect("let go");
    };
    let ((one, one_key), (two, two_key), ()) = tokio::join!(
        db.open_with_key_file("one.key"),
        db.open_with_key_file("two.key"),
        release
    );
    let (started, refused, refused_key) = match (one, two) {
        (Ok(s), Err(e)) => (s, e, two_key),
        (Err(e), Ok(s)) => (s, e, one_key),
        (one, two) => panic!("exactly one may start: {one:?} {two:?}"),
    };
    match refused {
        banzi_domain::DomainError::Conflict(m) => assert_eq!(m.id, "audit-key-missing"),
        other => panic!("{other:?}"),
    }
    assert!(!refused_key.exists(), "the refused server kept its key");
    let verified = started.verify_audit().await.expect("read the trail");
    assert_eq!(verified.ok(), Some(1), "one audit.key entry");
    db.drop_schema().await;
}
