//! The selection cases benchmark (issue 17, "Speed"): the demo city (`banzi::demo::build`,
//! with its four cases) and 10,500 cases in all on SQLite — 10,000 closed (appointed, or
//! stopped by a veto and a failed 常委会 vote; 12 events each) and 500 open at every step
//! (1 to 11 events). Times, best of several runs, through `banzi_web::router` in process
//! with a signed-in staff session: the case board (`GET /selection`), a case page (`GET
//! /selection/{id}`, an open case and a closed one), and `banzi audit verify`'s checks
//! (`Store::verify_audit` and `Store::verify_selection`). Goals: board ≤ 50 ms, case page
//! ≤ 20 ms, verification ≤ 2 s. Prints figures; asserts nothing about time.
//!
//! The cases are not made through `Store::selection_command` one by one (about ten
//! transactions each, a day's work for 126,000 events): each command is decided by the
//! domain (`banzi_domain::selection::handle`, with the shipped working-day calendar and the
//! default rule parameters), its events sealed with `StoredEvent::seal` under the store's
//! audit key and written with their audit entries (anchors: entity `selection_case`, key
//! the case, after `{"seq", "hash", "event"}`, as `q/selection.rs::append` writes them) and
//! the case rows' board columns, a thousand cases per transaction. The result verifies
//! (`verify_selection` and `verify_audit` are asserted once). The candidates are cadres of
//! the city with the facts R-SEL-6 reads made up (eligible), and the appointed cases do
//! not write their appointments into the registry: the pages and the verification read
//! only the cases' events for them.
//!
//! `cargo bench --bench selection` (BANZI_BENCH_DIR keeps the database and reuses it when it
//! already holds the cases; BANZI_BENCH_CLOSED / BANZI_BENCH_OPEN for other sizes).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::{best, env};

use banzi_domain::Date;
use banzi_domain::audit::{AuditDraft, AuditKey};
use banzi_domain::calendar::Calendar;
use banzi_domain::codes::{Education, Gender, Manner, PostKind, PostLevel};
use banzi_domain::date::{epoch_day, from_epoch_day, iso};
use banzi_domain::role::{Actor, Role, Scope};
use banzi_domain::rules::Params;
use banzi_domain::selection::chain::StoredEvent;
use banzi_domain::selection::{
    Case, Command, Ctx, EligibilityFacts, Event, HeldPost, Initiation, Inspection, NameVotes,
    Person, PostRef, VoteCount, VoteSource, handle,
};
use banzi_store::{Pool, Store};
use http_body_util::BodyExt;
use sha2::Digest;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// The key the bench's database is sealed with (a kept database is reused with it).
fn bench_key() -> AuditKey {
    AuditKey::from_bytes([17; 32])
}

const STAFF: &str = "zuzhibu";
const REVIEWER: &str = "jijian";
/// Cases per transaction while generating.
const CHUNK: usize = 1_000;

/// How a generated case goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// The first candidate appointed: 12 events.
    Appointed,
    /// The first vetoed, an objection against the second verified untrue, the second
    /// failing the 常委会 vote: 12 events, stopped.
    Stopped,
    /// The appointed case's first `n` commands (1 to 11): open at that step.
    Open(usize),
}

fn day(s: &str) -> Date {
    banzi_domain::date::parse(s).expect("date")
}

fn plus(d: Date, days: i32) -> Date {
    from_epoch_day(epoch_day(d) + days)
}

/// R-SEL-6's facts of a candidate who meets every condition: 28 years of work, 14 of them
/// at a grassroots post of the case post's level (so the case is no promotion).
fn eligible(level: Option<PostLevel>) -> EligibilityFacts {
    EligibilityFacts {
        birth_date: day("1978-05-01"),
        gender: Gender::Male,
        work_started: Some(day("1998-07-01")),
        education: Some(Education::University),
        held: vec![HeldPost {
            start: day("2012-01-01"),
            end: None,
            kind: PostKind::Deputy,
            level: Some(level.unwrap_or(PostLevel::DivisionDeputy)),
            grassroots: true,
        }],
    }
}

/// The commands of a case, each with the role that gives it.
fn commands(plan: Plan, post: &PostRef, a: &Person, b: &Person, d0: Date) -> Vec<(Role, Command)> {
    let facts = eligible(post.level);
    let text = |s: &str| s.to_string();
    let inspect = |on, candidate| {
        Command::Inspect(Inspection {
            on,
            candidate,
            work_circle: text("在工作圈考察中，干部群众评价其工作思路清晰，抓落实有力"),
            life_circle: text("在生活圈考察中，邻里和社区反映其遵纪守法、家风良好"),
            political: [
                "对党忠诚，坚决做到“两个维护”",
                "理想信念坚定，大是大非面前立场坚定",
                "勇于担当，敢于碰硬",
                "政治判断力、领悟力、执行力较强",
                "严守政治纪律和政治规矩",
            ]
            .map(String::from),
            personal_matters: text("个人有关事项报告如实，经查核一致"),
            file_review: text("三龄两历一身份经审核无误"),
            file_findings: 0,
        })
    };
    let stopped = plan == Plan::Stopped;
    let opinion = |candidate, veto: bool| Command::GiveOpinion {
        on: plus(d0, 32),
        candidate,
        veto,
        text: if veto {
            text("经查，该同志存在违反中央八项规定精神问题，不同意提拔任用")
        } else {
            text("未发现该同志有违纪违法问题，无不同意见")
        },
    };
    let mut out = vec![
        (
            Role::Staff,
            Command::Initiate(Initiation {
                on: d0,
                post: post.clone(),
                places: 1,
                reason: text("原任职人员交流任职，岗位空缺"),
                scope: text("本单位及市直有关单位"),
                conditions: text("具有大学以上学历，县处级以上领导职务任职资格"),
                contested: true,
            }),
        ),
        (
            Role::Staff,
            Command::RecordTalks {
                on: plus(d0, 3),
                talked_to: 30,
                scope: text("本单位班子成员、中层干部和干部职工代表"),
                summary: text("普遍认为两位同志政治坚定、敢于担当、实绩突出"),
                names: vec![
                    NameVotes {
                        name: a.name.clone(),
                        votes: 22,
                    },
                    NameVotes {
                        name: b.name.clone(),
                        votes: 18,
                    },
                ],
            },
        ),
        (
            Role::Staff,
            Command::Nominate {
                on: plus(d0, 7),
                candidate: a.clone(),
                facts: facts.clone(),
            },
        ),
        (
            Role::Staff,
            Command::Nominate {
                on: plus(d0, 7),
                candidate: b.clone(),
                facts: facts.clone(),
            },
        ),
        (
            Role::Staff,
            Command::Shortlist {
                on: plus(d0, 14),
                candidates: vec![a.cadre, b.cadre],
            },
        ),
        (Role::Staff, inspect(plus(d0, 24), a.cadre)),
        (Role::Staff, inspect(plus(d0, 25), b.cadre)),
        (Role::Discipline, opinion(a.cadre, stopped)),
        (Role::Discipline, opinion(b.cadre, false)),
    ];
    let counts = if stopped {
        vec![VoteCount {
            candidate: b.cadre,
            yes: 5,
            no: 6,
            abstain: 1,
        }]
    } else {
        vec![
            VoteCount {
                candidate: a.cadre,
                yes: 10,
                no: 2,
                abstain: 0,
            },
            VoteCount {
                candidate: b.cadre,
                yes: 4,
                no: 7,
                abstain: 1,
            },
        ]
    };
    let vote = Command::Vote {
        on: plus(d0, 40),
        members: 13,
        present: 12,
        source: VoteSource::KeyedTwice {
            second_by: STAFF.into(),
        },
        counts: counts.clone(),
        second_keying: Some(counts),
    };
    if stopped {
        out.push((
            Role::Staff,
            Command::ReceiveObjection {
                on: plus(d0, 34),
                candidate: b.cadre,
                serious: true,
                text: text("反映该同志在项目审批中存在违规问题"),
            },
        ));
        out.push((
            Role::Staff,
            Command::VerifyObjection {
                on: plus(d0, 38),
                objection: 1,
                upheld: false,
                finding: text("经核实，反映问题不属实"),
            },
        ));
        out.push((Role::Staff, vote));
        return out;
    }
    out.push((Role::Staff, vote));
    out.push((
        Role::Staff,
        Command::OpenPublicity {
            on: plus(d0, 42),
            candidate: a.cadre,
        },
    ));
    if let Plan::Open(n) = plan {
        out.truncate(n);
    }
    out
}

/// The events of a case, each command decided by the domain as the store would decide it;
/// the appointment is added on the first day the 公示 allows.
fn events(
    plan: Plan,
    post: &PostRef,
    a: &Person,
    b: &Person,
    d0: Date,
    params: &Params,
    calendar: &Calendar,
) -> Vec<(String, Event)> {
    let today = banzi_store::today();
    let mut case = Case::default();
    let mut out = Vec::new();
    let mut decide = |case: &mut Case, role: Role, cmd: Command| {
        let login = if role == Role::Discipline {
            REVIEWER
        } else {
            STAFF
        };
        let ctx = Ctx {
            today,
            role,
            login,
            params,
            calendar,
        };
        let got = handle(case, &ctx, cmd).unwrap_or_else(|u| panic!("refused: {u:?}"));
        for e in got {
            case.apply(&e);
            out.push((login.to_string(), e));
        }
    };
    for (role, cmd) in commands(plan, post, a, b, d0) {
        decide(&mut case, role, cmd);
    }
    if plan == Plan::Appointed {
        let allowed = case
            .candidate(a.cadre)
            .and_then(|c| c.publicity)
            .map(|(_, _, allowed)| allowed)
            .expect("公示 opened");
        let cmd = Command::Appoint {
            on: allowed,
            candidate: a.cadre,
            document_no: format!("江委〔{}〕{}号", allowed.year(), 100 + a.cadre % 800),
            manner: Manner::Appointed,
            facts: eligible(post.level),
        };
        decide(&mut case, Role::Staff, cmd);
    }
    out
}

/// A stored time for the day `on` (the hour varies with `n`, so rows differ).
fn stamp(on: Date, n: usize) -> String {
    format!("{}T{:02}:{:02}:00Z", iso(on), 1 + n % 9, n % 60)
}

/// Writes `closed` and `open` cases after the demo's, a thousand per transaction.
async fn generate(store: &Store, closed: usize, open: usize) {
    let Pool::Sqlite(pool) = store.pool() else {
        panic!("the bench runs on SQLite")
    };
    let staff = Actor {
        login: STAFF.into(),
        role: Role::Staff,
        scope: Scope::All,
    };
    let key = bench_key();
    let params = Params::default();
    let calendar = Calendar::shipped();
    let batch = store
        .create_selection_batch(&staff, "基准测试批次", "个别调整")
        .await
        .expect("batch");
    let posts: Vec<(PostRef, i64)> = store
        .all_posts(&staff)
        .await
        .expect("posts")
        .into_iter()
        .filter(|p| p.kind == "正职" || p.kind == "副职")
        .map(|p| {
            let r = PostRef {
                id: p.id,
                code: p.code.clone(),
                title: p.title.clone(),
                unit_code: p.unit_code.clone(),
                unit_name: p.unit_name.clone(),
                kind: PostKind::parse(&p.kind).expect("kind"),
                level: p.level.as_deref().and_then(|l| PostLevel::parse(l).ok()),
                department: false,
            };
            (r, p.id)
        })
        .collect();
    let cadres: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM cadres ORDER BY id")
        .fetch_all(pool)
        .await
        .expect("cadres");
    let (first,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) + 1 FROM selection_cases")
        .fetch_one(pool)
        .await
        .expect("ids");
    let total = closed + open;
    let plan = |i: usize| {
        if i >= closed {
            Plan::Open(1 + (i - closed) % 11)
        } else if i % 5 == 4 {
            Plan::Stopped
        } else {
            Plan::Appointed
        }
    };
    // Closed cases opened from 2025-01-06 over 640 days (the last appointed before
    // 2026-12); open ones from 2026-07-01 over 100 days.
    let opened = |i: usize| {
        if i >= closed {
            plus(day("2026-07-01"), ((i - closed) * 7 % 100) as i32)
        } else {
            plus(day("2025-01-06"), (i * 7 % 640) as i32)
        }
    };
    let mut start = 0;
    while start < total {
        let end = (start + CHUNK).min(total);
        let mut tx = pool.begin().await.expect("begin");
        let (mut seq, mut prev): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(&mut *tx)
                .await
                .expect("head");
        for i in start..end {
            let id = first + i as i64;
            let (post, post_id) = &posts[i % posts.len()];
            let pick = |k: usize| {
                let (cadre, name) = &cadres[k % cadres.len()];
                Person {
                    cadre: *cadre,
                    name: name.clone(),
                }
            };
            let (a, b) = (pick(2 * i), pick(2 * i + 1));
            let d0 = opened(i);
            let evs = events(plan(i), post, &a, &b, d0, &params, &calendar);
            let mut case = Case::default();
            let mut last: Option<StoredEvent> = None;
            let mut rows = Vec::with_capacity(evs.len());
            for (n, (actor, e)) in evs.iter().enumerate() {
                case.apply(e);
                let row =
                    StoredEvent::seal(&key, id, last.as_ref(), stamp(e.on(), n), actor.clone(), e)
                        .expect("seal");
                rows.push(row.clone());
                last = Some(row);
            }
            let last = last.expect("an event");
            sqlx::query(
                "INSERT INTO selection_cases (id, batch_id, post_id, staff, opened_on, step, events, head, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(id)
            .bind((i % 10 == 0).then_some(batch))
            .bind(post_id)
            .bind(STAFF)
            .bind(iso(d0))
            .bind(case.step().key())
            .bind(last.seq)
            .bind(&last.hash)
            .bind(&last.at)
            .execute(&mut *tx)
            .await
            .expect("case");
            for row in &rows {
                sqlx::query(
                    "INSERT INTO selection_events (case_id, seq, at, actor, kind, body, prev_hash, hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(row.case_id)
                .bind(row.seq)
                .bind(&row.at)
                .bind(&row.actor)
                .bind(&row.kind)
                .bind(&row.body)
                .bind(&row.prev_hash)
                .bind(&row.hash)
                .execute(&mut *tx)
                .await
                .expect("event");
                let body: serde_json::Value = serde_json::from_str(&row.body).expect("body");
                let after = serde_json::json!({ "seq": row.seq, "hash": row.hash, "event": body });
                seq += 1;
                let e = AuditDraft {
                    at: row.at.clone(),
                    actor: row.actor.clone(),
                    action: format!("selection.{}", row.kind),
                    entity: "selection_case".into(),
                    key: row.case_id.to_string(),
                    before: String::new(),
                    after: after.to_string(),
                }
                .seal(&key, seq, &prev);
                sqlx::query(
                    "INSERT INTO audit_log (seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(e.seq)
                .bind(&e.at)
                .bind(&e.actor)
                .bind(&e.action)
                .bind(&e.entity)
                .bind(&e.key)
                .bind(&e.before)
                .bind(&e.after)
                .bind(&e.prev_hash)
                .bind(&e.hash)
                .execute(&mut *tx)
                .await
                .expect("audit");
                prev = e.hash;
            }
        }
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(seq)
            .bind(&prev)
            .execute(&mut *tx)
            .await
            .expect("head");
        tx.commit().await.expect("commit");
        start = end;
    }
}

/// A GET through the router as the signed-in staff member: the status and the body's size.
async fn get(app: &axum::Router, cookie: &str, path: &str) -> (u16, usize) {
    let req = axum::http::Request::builder()
        .uri(path)
        .header("cookie", cookie)
        .body(axum::body::Body::empty())
        .expect("request");
    let resp = app.clone().oneshot(req).await.expect("response");
    let status = resp.status().as_u16();
    let body = resp.into_body().collect().await.expect("body").to_bytes();
    (status, body.len())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let closed = env("BANZI_BENCH_CLOSED", 10_000);
    let open = env("BANZI_BENCH_OPEN", 500);
    let runs = env("BANZI_BENCH_RUNS", 20);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let tmp = tempfile::tempdir().expect("dir");
    let dir = std::env::var_os("BANZI_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let url = format!("sqlite://{}", dir.join("selection.db").display());
    let store = rt
        .block_on(Store::connect(&url, bench_key()))
        .expect("store");
    let Pool::Sqlite(pool) = store.pool() else {
        panic!("the bench runs on SQLite")
    };
    let count = |sql: &'static str| {
        rt.block_on(sqlx::query_as::<_, (i64,)>(sql).fetch_one(pool))
            .expect("count")
            .0
    };
    let staff = Actor {
        login: STAFF.into(),
        role: Role::Staff,
        scope: Scope::All,
    };
    if rt.block_on(store.units(&staff)).expect("units").is_empty() {
        let t = Instant::now();
        rt.block_on(banzi::demo::build(
            &store,
            banzi_i18n::Tr::new(banzi_i18n::Lang::ZhCn),
        ))
        .expect("demo");
        println!("demo city built in {:.1} s", t.elapsed().as_secs_f64());
    }
    let demo_cases = count("SELECT COUNT(*) FROM selection_cases") as usize;
    if demo_cases < closed + open {
        // The demo's own cases count among the closed and the open ones.
        let demo_closed =
            count("SELECT COUNT(*) FROM selection_cases WHERE step IN ('done', 'stopped')")
                as usize;
        let demo_open = demo_cases - demo_closed;
        let t = Instant::now();
        rt.block_on(generate(
            &store,
            closed.saturating_sub(demo_closed),
            open.saturating_sub(demo_open),
        ));
        println!(
            "{} cases generated in {:.1} s",
            count("SELECT COUNT(*) FROM selection_cases") as usize - demo_cases,
            t.elapsed().as_secs_f64()
        );
        let whole = rt.block_on(store.verify_selection()).expect("verify");
        assert!(whole.is_ok(), "the cases verify: {whole:?}");
        let trail = rt.block_on(store.verify_audit()).expect("verify");
        assert!(trail.is_ok(), "the audit trail verifies: {trail:?}");
    }
    let cases = count("SELECT COUNT(*) FROM selection_cases");
    let closed_n = count("SELECT COUNT(*) FROM selection_cases WHERE step IN ('done', 'stopped')");
    let events_n = count("SELECT COUNT(*) FROM selection_events");
    let audit_n = count("SELECT COUNT(*) FROM audit_log");
    println!(
        "{cases} cases ({closed_n} closed, {} open), {events_n} events, {audit_n} audit entries",
        cases - closed_n
    );

    // A signed-in staff session, as the sign-in page makes one.
    let token = "bench-session-token";
    let user = rt
        .block_on(store.user_by_login(STAFF))
        .expect("user")
        .expect("the demo's staff account");
    let hash = banzi_domain::audit::hex(&sha2::Sha256::digest(token.as_bytes()));
    let _ = rt.block_on(store.delete_session(&hash));
    rt.block_on(store.create_session(&hash, user.id, "csrf", &banzi_store::now_rfc3339()))
        .expect("session");
    let cookie = format!("banzi_session={token}");
    let app = banzi_web::router(banzi_web::AppState::new(
        store.clone(),
        banzi_web::WebConfig::default(),
    ));
    let (open_id,): (i64,) = rt
        .block_on(
            sqlx::query_as(
                "SELECT id FROM selection_cases WHERE step = 'appointment' ORDER BY id DESC LIMIT 1",
            )
            .fetch_one(pool),
        )
        .expect("an open case");
    let (closed_id,): (i64,) = rt
        .block_on(
            sqlx::query_as(
                "SELECT id FROM selection_cases WHERE step = 'done' ORDER BY id DESC LIMIT 1",
            )
            .fetch_one(pool),
        )
        .expect("a closed case");

    let page = |path: String| {
        let (t, (status, bytes)) = best(runs, || rt.block_on(get(&app, &cookie, &path)));
        assert_eq!(status, 200, "{path}");
        (t, bytes)
    };
    let (board, board_bytes) = page("/selection".into());
    let (open_page, open_bytes) = page(format!("/selection/{open_id}"));
    let (closed_page, closed_bytes) = page(format!("/selection/{closed_id}"));
    // What the board asks of the store, apart from its rendering.
    let (list, rows) = best(runs, || {
        rt.block_on(store.selection_cases(&staff, &banzi_store::CaseFilter::default()))
            .expect("cases")
            .len()
    });
    // The board without its rendering: the store calls its handler makes (the list once —
    // the filters apply to it in memory — then the posts for 动议 and the batches).
    let (board_store, _) = best(runs, || {
        rt.block_on(async {
            let f = banzi_store::CaseFilter::default();
            let all = store.selection_cases(&staff, &f).await.expect("cases");
            let posts = store.all_posts(&staff).await.expect("posts");
            let batches = store.selection_batches(&staff).await.expect("batches");
            all.len() + posts.len() + batches.len()
        })
    });
    let (case_read, _) = best(runs, || {
        rt.block_on(store.selection_case(&staff, closed_id))
            .expect("case")
    });
    let verify_runs = env("BANZI_BENCH_VERIFY_RUNS", 3);
    let (audit, entries) = best(verify_runs, || {
        rt.block_on(store.verify_audit())
            .expect("verify")
            .expect("whole")
    });
    let (chains, whole) = best(verify_runs, || {
        rt.block_on(store.verify_selection())
            .expect("verify")
            .expect("whole")
    });
    // As `banzi audit verify` runs them: both at once, on the two cores.
    let (both, _) = best(verify_runs, || {
        let (a, b) = (store.clone(), store.clone());
        rt.block_on(async {
            tokio::try_join!(
                tokio::spawn(async move { a.verify_audit().await }),
                tokio::spawn(async move { b.verify_selection().await })
            )
            .expect("verify")
        })
    });
    // Where the verification's time goes: the reads it makes, and the domain's walk of
    // every chain in memory.
    type Tuple = (i64, i64, String, String, String, String, String, String);
    let (read_events, event_rows) = best(verify_runs, || {
        rt.block_on(
            sqlx::query_as::<_, Tuple>(
                "SELECT case_id, seq, at, actor, kind, body, prev_hash, hash FROM selection_events ORDER BY case_id, seq",
            )
            .fetch_all(pool),
        )
        .expect("events")
    });
    let (read_anchors, _) = best(verify_runs, || {
        rt.block_on(
            sqlx::query_as::<_, (String, String)>(
                "SELECT a.entity_key, a.after_json FROM audit_log a JOIN \
                 (SELECT entity_key, MAX(seq) AS seq FROM audit_log WHERE entity = 'selection_case' GROUP BY entity_key) n \
                 ON a.seq = n.seq ORDER BY a.seq",
            )
            .fetch_all(pool),
        )
        .expect("anchors")
    });
    let stored: Vec<StoredEvent> = event_rows
        .into_iter()
        .map(|r| StoredEvent {
            case_id: r.0,
            seq: r.1,
            at: r.2,
            actor: r.3,
            kind: r.4,
            body: r.5,
            prev_hash: r.6,
            hash: r.7,
        })
        .collect();
    let (walk, _) = best(verify_runs, || {
        let key = bench_key();
        let mut n = 0;
        for chain in stored.chunk_by(|a, b| a.case_id == b.case_id) {
            let events =
                banzi_domain::selection::chain::verify_case(&key, chain[0].case_id, chain, None)
                    .expect("whole");
            n += usize::from(
                Case::from_events(events.iter()).step() == banzi_domain::selection::Step::Done,
            );
        }
        n
    });
    println!(
        "GET /selection (board):                {:>8.1} ms (goal ≤ 50 ms), {:.1} MB",
        ms(board),
        board_bytes as f64 / 1e6
    );
    println!(
        "  Store::selection_cases, {rows} rows:  {:>8.1} ms",
        ms(list)
    );
    println!(
        "  its store calls, without rendering: {:>8.1} ms",
        ms(board_store)
    );
    println!(
        "GET /selection/{open_id} (open, 任职):      {:>8.1} ms (goal ≤ 20 ms), {} kB",
        ms(open_page),
        open_bytes / 1000
    );
    println!(
        "GET /selection/{closed_id} (closed, done):   {:>8.1} ms (goal ≤ 20 ms), {} kB",
        ms(closed_page),
        closed_bytes / 1000
    );
    println!(
        "  Store::selection_case:              {:>8.1} ms",
        ms(case_read)
    );
    println!(
        "verify: audit trail ({entries} entries)   {:>8.0} ms",
        ms(audit)
    );
    println!(
        "verify: every case ({whole} chains)      {:>8.0} ms",
        ms(chains)
    );
    println!(
        "  reading every event (sqlx):         {:>8.0} ms",
        ms(read_events)
    );
    println!(
        "  reading each case's anchor (sqlx):  {:>8.0} ms",
        ms(read_anchors)
    );
    println!("  every chain walked and folded:      {:>8.0} ms", ms(walk));
    println!(
        "banzi audit verify, both at once:      {:>8.0} ms (goal ≤ 2 s)",
        ms(both)
    );
}
