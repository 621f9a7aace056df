//! Anonymous ballots on both backends (DOMAIN.md M5): R-VOTE-2 codes, R-VOTE-3 nothing links
//! a code to a ballot, R-VOTE-4 exactly once (a retry of the same submission is 已记录),
//! R-VOTE-5 results only after closing, R-SEC-4 a refused ballot changes nothing, R-SEL-2
//! 实到人数 recorded before opening and no more ballots than 实到 at closing.

use crate::helpers::{as_role, staff};
use banzi_domain::DomainError;
use banzi_domain::ballot::{Answer, Group, Question, QuestionKind, SessionSpec};
use banzi_domain::msg::Msg;
use banzi_domain::role::Role;
use banzi_domain::rules::Fraction;
use banzi_i18n::{Lang, Tr};
use banzi_store::{Cast, Pool, Store};

/// What a user reads for `m` in zh-CN.
pub fn zh(m: &Msg) -> String {
    Tr::new(Lang::ZhCn).msg(m)
}

/// A 民主推荐 of two groups: pick at most 2 of 3 names, and rate two cadres; 5 expected,
/// 5 attended (实到, so it can open: R-SEL-2).
pub fn spec() -> SessionSpec {
    SessionSpec {
        title: "2026年市财政局副局长民主推荐".into(),
        meeting_date: banzi_domain::date::parse("2026-11-21").expect("date"),
        expected: 5,
        attended: Some(5),
        groups: vec![
            Group {
                name: "班子成员".into(),
                weight: 40,
                codes: 2,
            },
            Group {
                name: "中层干部".into(),
                weight: 60,
                codes: 3,
            },
        ],
        questions: vec![
            Question {
                title: "推荐副局长人选（最多2人）".into(),
                kind: QuestionKind::Recommend {
                    max: 2,
                    write_ins: false,
                },
                options: vec!["张伟".into(), "李娜".into(), "王强".into()],
            },
            Question {
                title: "干部测评".into(),
                kind: QuestionKind::RateCadre,
                options: vec!["张伟".into(), "李娜".into()],
            },
        ],
        threshold: Fraction { num: 1, den: 2 },
        grade_values: [100, 80, 60, 0],
    }
}

pub fn picks(p: &[u32], marks: [Option<u8>; 2]) -> Vec<Answer> {
    vec![
        Answer::Picks {
            picks: p.to_vec(),
            write_ins: vec![],
        },
        Answer::Marks {
            marks: marks.to_vec(),
        },
    ]
}

fn conflict(r: Result<Cast, DomainError>) -> String {
    match r {
        Err(DomainError::Conflict(m)) => zh(&m),
        other => panic!("expected a conflict, got {other:?}"),
    }
}

async fn a_session_from_set_up_to_result(store: Store) {
    let s = staff();
    // Only staff set up; a bad set-up is refused whole.
    let err = store
        .create_ballot(&as_role(Role::Leader, None), &spec())
        .await
        .unwrap_err();
    match &err {
        DomainError::Forbidden(m) => assert_eq!(zh(m), "只有组织部工作人员可以管理投票"),
        other => panic!("{other:?}"),
    }
    let mut bad = spec();
    bad.groups[0].weight = 10;
    assert!(matches!(
        store.create_ballot(&s, &bad).await,
        Err(DomainError::Invalid(_))
    ));
    assert!(store.ballots(&s).await.unwrap().is_empty());
    let id = store.create_ballot(&s, &spec()).await.expect("created");

    // Codes: 2 + 3, shown once; issuing again makes none; a voided code is replaced.
    let slips = store.issue_codes(&s, id).await.expect("codes");
    assert_eq!(slips.len(), 5);
    assert_eq!(slips.iter().filter(|x| x.group == 0).count(), 2);
    assert_eq!(
        slips.iter().map(|x| x.serial).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert!(store.issue_codes(&s, id).await.unwrap().is_empty());
    assert_eq!(
        store.void_codes(&s, id, &[5, 99]).await.unwrap().voided,
        [5]
    );
    let again = store.issue_codes(&s, id).await.unwrap();
    assert_eq!((again.len(), again[0].serial, again[0].group), (1, 6, 1));
    let code = |i: usize| slips[i].code.clone();

    // Not yet open: refused, and the code stays unused.
    let n1 = "nonce-0000000000000001";
    assert_eq!(
        conflict(
            store
                .cast_ballot(&code(0), n1, &picks(&[0], [Some(0), None]))
                .await
        ),
        "投票尚未开始"
    );
    store.open_ballot(&s, id).await.expect("open");
    assert!(!store.open_code(&code(0)).await.unwrap().used);
    assert_eq!(
        store
            .cast_ballot(&code(0), n1, &picks(&[0], [Some(0), None]))
            .await
            .unwrap(),
        Cast::Recorded
    );
    // The phone retries the same submission (its answer was lost): 已记录, nothing added.
    assert_eq!(
        store
            .cast_ballot(&code(0), n1, &picks(&[0], [Some(0), None]))
            .await
            .unwrap(),
        Cast::AlreadyRecorded
    );
    assert!(store.open_code(&code(0)).await.unwrap().used);
    // Another submission with a used code.
    assert_eq!(
        conflict(
            store
                .cast_ballot(
                    &code(0),
                    "nonce-0000000000000002",
                    &picks(&[1], [None, None])
                )
                .await
        ),
        "该票码已投票"
    );
    // Over-selection is refused and the code can still vote; a voided code cannot; an
    // unknown one is not found. Codes are read case- and dash-insensitively.
    let over = store
        .cast_ballot(
            &code(1),
            "nonce-0000000000000003",
            &picks(&[0, 1, 2], [None, None]),
        )
        .await;
    assert!(matches!(over, Err(DomainError::Invalid(_))), "{over:?}");
    let typed = format!("{}-{}", &code(1)[..12].to_lowercase(), &code(1)[12..]);
    assert_eq!(
        store
            .cast_ballot(
                &typed,
                "nonce-0000000000000003",
                &picks(&[0, 1], [Some(1), Some(0)])
            )
            .await
            .unwrap(),
        Cast::Recorded
    );
    assert_eq!(
        conflict(
            store
                .cast_ballot(
                    &code(4),
                    "nonce-0000000000000004",
                    &picks(&[], [None, None])
                )
                .await
        ),
        "该票码已作废"
    );
    match store
        .cast_ballot(
            "AAAAAAAAAAAAAAAAAAAAAAAA",
            "nonce-0000000000000005",
            &picks(&[], [None, None]),
        )
        .await
    {
        Err(DomainError::NotFound(m)) => {
            assert_eq!(zh(&m), "票码无效，请核对选票上的二维码")
        }
        other => panic!("{other:?}"),
    }
    // An empty ballot is valid (an abstention).
    assert_eq!(
        store
            .cast_ballot(
                &code(2),
                "nonce-0000000000000006",
                &picks(&[], [None, None])
            )
            .await
            .unwrap(),
        Cast::Recorded
    );

    // Turnout live, results only after closing (R-VOTE-5).
    let t = store.turnout(&s, id).await.unwrap();
    let by_group: Vec<(i64, i64, i64, i64)> = t
        .iter()
        .map(|g| (g.grp, g.issued, g.voided, g.cast))
        .collect();
    assert_eq!(by_group, [(0, 2, 0, 2), (1, 3, 1, 1)]);
    match store.ballot_tally(&s, id).await {
        Err(DomainError::Conflict(m)) => assert_eq!(zh(&m), "投票结束后才能查看结果"),
        other => panic!("{other:?}"),
    }
    // Three of the five expected came (R-SEL-2's attendees, 实到).
    store.set_ballot_attendance(&s, id, 3).await.expect("实到");
    store.close_ballot(&s, id).await.expect("close");
    assert_eq!(
        conflict(
            store
                .cast_ballot(
                    &code(3),
                    "nonce-0000000000000007",
                    &picks(&[0], [None, None])
                )
                .await
        ),
        "投票已结束"
    );
    // A retry after closing still hears that its ballot was recorded.
    assert_eq!(
        store
            .cast_ballot(&code(0), n1, &picks(&[0], [Some(0), None]))
            .await
            .unwrap(),
        Cast::AlreadyRecorded
    );
    let (_, tally) = store.ballot_tally(&s, id).await.expect("tally");
    let json = serde_json::to_value(&tally).unwrap();
    assert_eq!(json["cast"], 3, "{json}");
    // For the next steps: 张伟 has 2 of 3 present (over half), 李娜 1 (R-SEL-2); 张伟's rating by
    // 班子成员 alone (优秀, 称职 → 90.00; the other group did not rate him).
    assert_eq!(tally.passing(0), ["张伟"]);
    let rated = tally.rating(1, "张伟").expect("rated");
    assert_eq!((rated.counts, rated.score), ([1, 1, 0, 0], Some(9000)));
    assert!(tally.rating(1, "王强").is_none() && tally.passing(1).is_empty());
    // The turnout after sealing is unchanged: every ballot survived the rewrite.
    assert_eq!(store.turnout(&s, id).await.unwrap(), t);
}

/// Twenty phones submit one code at once: one ballot, one success (R-VOTE-4).
async fn concurrent_submits_of_one_code_record_one_ballot(store: Store) {
    let s = staff();
    let id = store.create_ballot(&s, &spec()).await.unwrap();
    let code = store.issue_codes(&s, id).await.unwrap()[0].code.clone();
    store.open_ballot(&s, id).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..20 {
        let (store, code) = (store.clone(), code.clone());
        tasks.push(tokio::spawn(async move {
            store
                .cast_ballot(
                    &code,
                    &format!("nonce-concurrent-{i:04}"),
                    &picks(&[0], [None, None]),
                )
                .await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(Cast::Recorded) => ok += 1,
            Err(DomainError::Conflict(m)) => assert_eq!(zh(&m), "该票码已投票"),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(ok, 1);
    let t = store.turnout(&s, id).await.unwrap();
    assert_eq!(t.iter().map(|g| g.cast).sum::<i64>(), 1);
}

/// R-VOTE-3 in the stored data: a ballot row is its random id, session, group, answers and
/// whether it came on paper; a code's row is its hash, session, group, serial, voided mark
/// and, once used, the hash of the voter's nonce; no other table mentions either, the audit
/// trail holds no code, hash, nonce or ballot id; and after closing, the rows of both
/// tables are in the order of their random keys with one transaction stamp (PostgreSQL)
/// or in a WITHOUT ROWID table (SQLite).
async fn nothing_stored_links_a_code_to_a_ballot(store: Store) {
    let s = staff();
    let id = store.create_ballot(&s, &spec()).await.unwrap();
    let slips = store.issue_codes(&s, id).await.unwrap();
    store.open_ballot(&s, id).await.unwrap();
    for (i, slip) in slips.iter().enumerate().take(4) {
        let nonce = format!("nonce-anonymity-{i:04}");
        store
            .cast_ballot(&slip.code, &nonce, &picks(&[i as u32 % 3], [None, None]))
            .await
            .unwrap();
    }
    // PostgreSQL: the tables' files before closing, which `VACUUM FULL` replaces.
    let nodes = |pool: sqlx::PgPool| async move {
        let n: (i64, i64) = sqlx::query_as(
            "SELECT pg_relation_filenode('ballots')::bigint, pg_relation_filenode('ballot_codes')::bigint",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        n
    };
    let before = match store.pool() {
        Pool::Pg(pool) => Some(nodes(pool.clone()).await),
        Pool::Sqlite(_) => None,
    };
    store.close_ballot(&s, id).await.unwrap();
    let columns = store.schema_columns().await.unwrap();
    let of = |t: &str| -> Vec<String> {
        let mut v: Vec<String> = columns
            .iter()
            .filter(|c| c.0 == t)
            .map(|c| c.1.clone())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        of("ballots"),
        ["content", "grp", "id", "paper", "session_id"]
    );
    assert_eq!(
        of("ballot_used"),
        Vec::<String>::new(),
        "no separate used table"
    );
    assert_eq!(
        of("ballot_codes"),
        ["grp", "hash", "nonce", "serial", "session_id", "voided"]
    );
    let used = columns.iter().filter(|c| c.1 == "nonce").count();
    assert_eq!(used, 1, "only the code's row holds a nonce's hash");
    let trail = serde_json::to_string(
        &store
            .audit_page(
                &as_role(Role::Auditor, None),
                &banzi_store::AuditFilter {
                    per_page: 1000,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .0
            .iter()
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r.action, r.entity_key, r.before_json, r.after_json
                )
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    for slip in &slips {
        assert!(!trail.contains(&slip.code), "a code in the audit trail");
    }
    assert!(!trail.contains("nonce"), "{trail}");
    match store.pool() {
        Pool::Sqlite(pool) => {
            for t in ["ballots", "ballot_codes"] {
                let (sql,): (String,) =
                    sqlx::query_as("SELECT sql FROM sqlite_master WHERE name = $1")
                        .bind(t)
                        .fetch_one(pool)
                        .await
                        .unwrap();
                assert!(sql.contains("WITHOUT ROWID"), "{sql}");
            }
            // Rewritten, not only keyed: in a B-tree page SQLite writes each new cell below
            // the ones before, so a page filled in key order holds its cells at falling
            // offsets in key order. Cast and used in another order, the ballots' cells
            // and the used codes' cells (a code's row is rewritten when it is used) would
            // lie in that order, which is the order of voting.
            let (file,): (String,) =
                sqlx::query_as("SELECT file FROM pragma_database_list WHERE name = 'main'")
                    .fetch_one(pool)
                    .await
                    .unwrap();
            let bytes = std::fs::read(&file).unwrap();
            for (t, sql) in [
                (
                    "ballots",
                    "SELECT id FROM ballots WHERE session_id = $1 ORDER BY id",
                ),
                (
                    "ballot_codes",
                    "SELECT nonce FROM ballot_codes WHERE session_id = $1 AND nonce IS NOT NULL \
                     ORDER BY hash",
                ),
            ] {
                let keys: Vec<(String,)> =
                    sqlx::query_as(sql).bind(id).fetch_all(pool).await.unwrap();
                assert_eq!(keys.len(), 4);
                let at: Vec<usize> = keys
                    .iter()
                    .map(|(k,)| {
                        let found: Vec<usize> = bytes
                            .windows(k.len())
                            .enumerate()
                            .filter(|(_, w)| *w == k.as_bytes())
                            .map(|(i, _)| i)
                            .collect();
                        assert_eq!(found.len(), 1, "{t}: {k} once in the file");
                        found[0]
                    })
                    .collect();
                assert!(
                    at.iter().all(|a| a / 4096 == at[0] / 4096),
                    "{t} in one page: {at:?}"
                );
                assert!(
                    at.windows(2).all(|w| w[0] > w[1]),
                    "{t} written in key order: offsets {at:?}"
                );
            }
        }
        Pool::Pg(pool) => {
            for (t, key, n) in [("ballots", "id", 4), ("ballot_codes", "hash", slips.len())] {
                let rows: Vec<(String, String, String)> =
                    sqlx::query_as(sqlx::AssertSqlSafe(format!(
                        "SELECT xmin::text, {key}, ctid::text FROM {t} WHERE session_id = {id} ORDER BY ctid"
                    )))
                    .fetch_all(pool)
                    .await
                    .unwrap();
                assert_eq!(rows.len(), n);
                assert!(
                    rows.iter().all(|r| r.0 == rows[0].0),
                    "one transaction stamp: {rows:?}"
                );
                let keys: Vec<&String> = rows.iter().map(|r| &r.1).collect();
                let mut sorted = keys.clone();
                sorted.sort();
                assert_eq!(keys, sorted, "{t} in key order");
                // No dead version before them: the live rows are the first tuples of the
                // table's first page, as only a rewrite into a new file leaves them.
                let ctids: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
                let dense: Vec<String> = (1..=n).map(|i| format!("(0,{i})")).collect();
                assert_eq!(ctids, dense, "{t}: the old versions are gone");
            }
            let after = nodes(pool.clone()).await;
            let before = before.unwrap();
            assert!(
                after.0 != before.0 && after.1 != before.1,
                "VACUUM FULL rewrote both tables into new files: {before:?} {after:?}"
            );
        }
    }
}

/// Paper ballots keyed twice by two people (R-VOTE-2): a slip counts only when both keyings
/// agree; counting and closing are refused, naming the slips, until then; an over-selected
/// paper answer is keyed as it is and counted invalid (R-VOTE-5).
async fn paper_ballots_count_only_when_two_people_agree(store: Store) {
    let a = staff();
    let b = clerk("t-staff-2");
    let c = clerk("t-staff-3");
    let id = store.create_ballot(&a, &spec()).await.unwrap();
    // Not while a draft.
    assert!(matches!(
        store
            .key_paper(&a, id, 1, 0, &picks(&[0], [None, None]))
            .await,
        Err(DomainError::Conflict(_))
    ));
    store.open_ballot(&a, id).await.unwrap();
    let p = |x: &[u32]| picks(x, [Some(0), None]);
    assert_eq!(store.key_paper(&a, id, 1, 0, &p(&[0])).await.unwrap(), 1);
    assert_eq!(store.key_paper(&b, id, 1, 0, &p(&[0])).await.unwrap(), 2);
    assert_eq!(store.key_paper(&a, id, 2, 1, &p(&[0, 1])).await.unwrap(), 1);
    assert_eq!(store.key_paper(&b, id, 2, 1, &p(&[0, 2])).await.unwrap(), 2);
    assert_eq!(
        store.key_paper(&b, id, 3, 1, &p(&[0, 1, 2])).await.unwrap(),
        1
    );
    assert_eq!(
        store.key_paper(&a, id, 3, 1, &p(&[0, 1, 2])).await.unwrap(),
        2
    );
    // A third person cannot key a slip two have keyed.
    assert!(matches!(
        store.key_paper(&c, id, 1, 0, &p(&[1])).await,
        Err(DomainError::Conflict(_))
    ));
    let slips = store.paper_slips(&a, id).await.unwrap();
    let agreed: Vec<bool> = slips.iter().map(|s| s.agreed()).collect();
    assert_eq!(agreed, [true, false, true]);
    match store.count_paper(&a, id).await {
        Err(DomainError::Conflict(m)) => {
            assert_eq!(zh(&m), "第2张纸质票尚未经两人录入一致，请先核对")
        }
        other => panic!("{other:?}"),
    }
    match store.close_ballot(&a, id).await {
        Err(DomainError::Conflict(m)) => {
            assert_eq!(zh(&m), "尚有3张纸质票未计入结果，请核对计入后再结束投票")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store
            .turnout(&a, id)
            .await
            .unwrap()
            .iter()
            .map(|t| t.cast)
            .sum::<i64>(),
        0
    );
    // The second person looks at the paper again and corrects their keying.
    store.key_paper(&b, id, 2, 1, &p(&[0, 1])).await.unwrap();
    assert_eq!(store.count_paper(&a, id).await.unwrap(), 3);
    assert!(matches!(
        store.key_paper(&a, id, 1, 0, &p(&[1])).await,
        Err(DomainError::Conflict(_))
    ));
    assert_eq!(store.count_paper(&a, id).await.unwrap(), 0);
    store.close_ballot(&a, id).await.unwrap();
    let (_, t) = store.ballot_tally(&a, id).await.unwrap();
    assert_eq!(t.cast, 3);
    assert_eq!((t.questions[0].valid, t.questions[0].invalid), (2, 1));
    assert_eq!(super::count_action(&store, "ballot.paper_key").await, 7);
    assert_eq!(super::count_action(&store, "ballot.paper_count").await, 1);
}

/// Another member of staff (a paper slip is keyed by two people, R-VOTE-2).
fn clerk(login: &str) -> banzi_domain::role::Actor {
    banzi_domain::role::Actor {
        login: login.into(),
        role: Role::Staff,
        scope: banzi_domain::role::Scope::All,
    }
}

/// A session of `spec` set up and its codes issued: its id and codes.
pub async fn issued(store: &Store, spec: &SessionSpec) -> (i64, Vec<String>) {
    let s = staff();
    let id = store.create_ballot(&s, spec).await.unwrap();
    let codes = store
        .issue_codes(&s, id)
        .await
        .unwrap()
        .into_iter()
        .map(|x| x.code)
        .collect();
    (id, codes)
}

/// A session of `spec` set up, its codes issued and the session opened: its id and codes.
pub async fn opened(store: &Store, spec: &SessionSpec) -> (i64, Vec<String>) {
    let (id, codes) = issued(store, spec).await;
    store.open_ballot(&staff(), id).await.unwrap();
    (id, codes)
}

/// The group commit's steps as a test sees them (SQLite; on PostgreSQL each submission is
/// its own transaction and nothing is told): tests order themselves by these, not by
/// sleeping.
pub struct Watch {
    queued: tokio::sync::mpsc::UnboundedReceiver<()>,
    batches: tokio::sync::mpsc::UnboundedReceiver<usize>,
}

struct Steps {
    queued: tokio::sync::mpsc::UnboundedSender<()>,
    batches: tokio::sync::mpsc::UnboundedSender<usize>,
}

impl banzi_store::WriterHook for Steps {
    fn queued(&self) {
        let _ = self.queued.send(());
    }
    fn batch(&self, size: usize) {
        let _ = self.batches.send(size);
    }
}

impl Watch {
    pub fn new(writer: &banzi_store::BallotWriter) -> Watch {
        let (q, queued) = tokio::sync::mpsc::unbounded_channel();
        let (b, batches) = tokio::sync::mpsc::unbounded_channel();
        assert!(writer.set_hook(std::sync::Arc::new(Steps {
            queued: q,
            batches: b
        })));
        Watch { queued, batches }
    }

    /// Until `n` more submissions are in the writer's queue.
    pub async fn queued(&mut self, n: usize) {
        for _ in 0..n {
            self.queued.recv().await.expect("writer");
        }
    }

    /// The size of the next batch the writer takes, once it has taken it (its transaction
    /// then begins, waiting for any lock another writer holds).
    pub async fn batch(&mut self) -> usize {
        self.batches.recv().await.expect("writer")
    }
}

/// Until a transaction waits for a row lock on this schema's ballot_codes (PostgreSQL).
async fn a_row_lock_is_awaited(pool: &sqlx::PgPool) {
    loop {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM pg_locks w WHERE NOT w.granted AND w.pid IN \
             (SELECT pid FROM pg_locks WHERE relation = 'ballot_codes'::regclass)",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if n > 0 {
            return;
        }
        tokio::task::yield_now().await;
    }
}

/// Submissions committed together (R-VOTE-4): while another writer holds SQLite's lock, ten
/// phones submit; they are answered only after the commit, in at most two commits, each
/// with its own outcome: a voided code and an over-selected ballot are refused without
/// taking the others down, a second use of a code is refused, a retry is 已记录.
async fn concurrent_submissions_commit_together_each_with_its_outcome(store: Store) {
    let s = staff();
    let id = store.create_ballot(&s, &spec()).await.unwrap();
    let mut big = spec();
    big.groups[1].codes = 20;
    let (id2, codes) = opened(&store, &big).await;
    let _ = id;
    store.void_codes(&s, id2, &[9]).await.unwrap();
    let writer = std::sync::Arc::new(banzi_store::BallotWriter::new(store.clone()));
    let mut watch = Watch::new(&writer);
    // Another writer holds the lock (SQLite) while the phones submit.
    let held = match store.pool() {
        Pool::Sqlite(pool) => {
            let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
            sqlx::query("SELECT 1").execute(&mut *tx).await.unwrap();
            Some(tx)
        }
        Pool::Pg(_) => None,
    };
    let mut tasks = Vec::new();
    for (i, code) in codes.iter().take(10).enumerate() {
        let (w, code) = (writer.clone(), code.clone());
        let ballot = if i == 3 {
            picks(&[0, 1, 2], [None, None])
        } else {
            picks(&[i as u32 % 3], [Some(0), None])
        };
        tasks.push(tokio::spawn(async move {
            w.cast(&code, &format!("nonce-group-{i:04}-xxxx"), &ballot)
                .await
        }));
    }
    let mut outcomes = Vec::new();
    let outcome = |r: Result<Cast, DomainError>| match r {
        Ok(Cast::Recorded) => "recorded".to_string(),
        Ok(Cast::AlreadyRecorded) => "already".to_string(),
        Err(DomainError::Invalid(_)) => "invalid".to_string(),
        Err(DomainError::Conflict(m)) => zh(&m),
        Err(e) => panic!("{e:?}"),
    };
    if held.is_some() {
        // The ten are queued, and the writer has taken the first of them (or all) and
        // waits for the lock: the late two come after them, in the next batch.
        watch.queued(10).await;
        watch.batch().await;
    } else {
        // PostgreSQL commits each on its own: the late two come after the ten are done.
        for t in tasks.drain(..) {
            outcomes.push(outcome(t.await.unwrap()));
        }
    }
    // The same code as the first, another nonce; and the first again, its own nonce.
    for (code, nonce) in [
        (0usize, "nonce-group-other-xx"),
        (0, "nonce-group-0000-xxxx"),
    ] {
        let (w, code) = (writer.clone(), codes[code].clone());
        tasks.push(tokio::spawn(async move {
            w.cast(&code, nonce, &picks(&[0], [Some(0), None])).await
        }));
        if held.is_some() {
            watch.queued(1).await;
        } else if let Some(t) = tasks.pop() {
            outcomes.push(outcome(t.await.unwrap()));
        }
    }
    if let Some(tx) = held {
        tx.rollback().await.unwrap();
    }
    for t in tasks {
        outcomes.push(outcome(t.await.unwrap()));
    }
    // Serial 9 is the ninth code issued (index 8): voided.
    let mut expected = vec!["recorded"; 10];
    expected[3] = "invalid";
    expected[8] = "该票码已作废";
    expected.extend(["该票码已投票", "already"]);
    assert_eq!(outcomes, expected);
    let t = store.turnout(&s, id2).await.unwrap();
    assert_eq!(t.iter().map(|g| g.cast).sum::<i64>(), 8);
    let (commits, ballots) = writer.committed();
    if let Pool::Sqlite(_) = store.pool() {
        assert_eq!(ballots, 8);
        assert!(
            (1..=2).contains(&commits),
            "{commits} commits for 8 ballots"
        );
    }
    // The over-selected one can still vote, properly.
    assert_eq!(
        writer
            .cast(
                &codes[3],
                "nonce-group-0003-again",
                &picks(&[0], [None, None])
            )
            .await
            .unwrap(),
        Cast::Recorded
    );
}

/// A void committed while a phone's submission waits is honoured (R-VOTE-4, R-VOTE-2). On
/// SQLite, the server's group commit has taken the submission and waits for the write lock
/// the void holds; on PostgreSQL the submission has read the code as valid and waits on
/// the row lock to mark it used. Either way it is refused as voided and no ballot is
/// written. Ordered by the writer's own steps and the database's locks, not by time.
async fn a_void_committed_while_a_submission_waits_is_honoured(store: Store) {
    let s = staff();
    let (id, codes) = opened(&store, &spec()).await;
    let void = "UPDATE ballot_codes SET voided = 1 WHERE session_id = $1 AND serial = 1";
    let writer = std::sync::Arc::new(banzi_store::BallotWriter::new(store.clone()));
    let mut watch = Watch::new(&writer);
    let submit = || {
        let (w, code) = (writer.clone(), codes[0].clone());
        tokio::spawn(async move {
            w.cast(&code, "nonce-void-race-0001", &picks(&[0], [None, None]))
                .await
        })
    };
    let cast = match store.pool() {
        Pool::Sqlite(pool) => {
            let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
            sqlx::query(void).bind(id).execute(&mut *tx).await.unwrap();
            let cast = submit();
            assert_eq!(watch.batch().await, 1, "the writer has the submission");
            tx.commit().await.unwrap();
            cast
        }
        Pool::Pg(pool) => {
            let mut tx = pool.begin().await.unwrap();
            sqlx::query(void).bind(id).execute(&mut *tx).await.unwrap();
            let cast = submit();
            a_row_lock_is_awaited(pool).await;
            tx.commit().await.unwrap();
            cast
        }
    };
    match cast.await.unwrap() {
        Err(DomainError::Conflict(m)) => assert_eq!(zh(&m), "该票码已作废"),
        other => panic!("{other:?}"),
    }
    let t = store.turnout(&s, id).await.unwrap();
    assert_eq!(t.iter().map(|g| g.cast).sum::<i64>(), 0);
    assert_eq!(t.iter().map(|g| g.voided).sum::<i64>(), 1);
}

/// The audit entries of one action, as (before, after) JSON, oldest first.
async fn audited(store: &Store, action: &str) -> Vec<(serde_json::Value, serde_json::Value)> {
    let sql = "SELECT before_json, after_json FROM audit_log WHERE action = $1 ORDER BY seq";
    let rows: Vec<(String, String)> = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as(sql).bind(action).fetch_all(p).await,
        Pool::Pg(p) => sqlx::query_as(sql).bind(action).fetch_all(p).await,
    }
    .expect("audit rows");
    rows.into_iter()
        .map(|(b, a)| {
            (
                serde_json::from_str(&b).unwrap_or_default(),
                serde_json::from_str(&a).unwrap_or_default(),
            )
        })
        .collect()
}

pub fn refusal<T: std::fmt::Debug>(r: Result<T, DomainError>) -> String {
    match r {
        Err(DomainError::Conflict(m)) => zh(&m),
        Err(DomainError::Invalid(v)) if v.len() == 1 => {
            format!("{}: {}", v[0].field, zh(&v[0].message))
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub async fn state_of(store: &Store, id: i64) -> (String, Option<u32>) {
    let b = store.ballot(&staff(), id).await.unwrap();
    (b.state, b.spec.attended)
}

/// R-SEL-2's attendees, 实到人数 (issue 12): entered before opening (a session without it
/// does not open), from 1 to 应到, corrected while open (not under the ballots cast), never
/// after closing; every change audited with before and after. A session with more ballots
/// (online and counted paper) than 实到 refuses to close and nothing changes; the tally's
/// pass marks are of 实到.
async fn attendance_gates_opening_and_closing(store: Store) {
    let s = staff();
    let s2 = clerk("t-staff-2");
    let mut without = spec();
    without.attended = None;
    let (id, codes) = issued(&store, &without).await;
    // No 实到: opening is refused, nothing changes.
    assert_eq!(
        refusal(store.open_ballot(&s, id).await),
        "尚未填写实到人数，不能开始投票；请按会议签到填写实到人数"
    );
    assert_eq!(state_of(&store, id).await, ("draft".into(), None));
    assert_eq!(super::count_action(&store, "ballot.open").await, 0);
    // Out of 1..=应到 (5): refused under the field, nothing changes. Only staff.
    for n in [6, 0] {
        assert_eq!(
            refusal(store.set_ballot_attendance(&s, id, n).await),
            format!("attended: 实到人数应为1到5的整数，现为{n}")
        );
    }
    assert!(matches!(
        store
            .set_ballot_attendance(&as_role(Role::Leader, None), id, 3)
            .await,
        Err(DomainError::Forbidden(_))
    ));
    assert!(matches!(
        store.set_ballot_attendance(&s, id + 1000, 3).await,
        Err(DomainError::NotFound(_))
    ));
    assert_eq!(state_of(&store, id).await, ("draft".into(), None));
    assert!(audited(&store, "ballot.attendance").await.is_empty());
    store.set_ballot_attendance(&s, id, 3).await.unwrap();
    // The same number again writes nothing.
    store.set_ballot_attendance(&s, id, 3).await.unwrap();
    store.open_ballot(&s, id).await.expect("opens with 实到");
    assert_eq!(state_of(&store, id).await, ("open".into(), Some(3)));

    // Three phones vote (张伟 twice), and a paper slip keyed alike by two (张伟 again).
    for (i, p) in [[0u32, 1], [0, 2], [1, 2]].iter().enumerate() {
        store
            .cast_ballot(
                &codes[i],
                &format!("nonce-attendance-{i:04}"),
                &picks(p, [None, None]),
            )
            .await
            .unwrap();
    }
    // Not under the ballots cast so far.
    assert_eq!(
        refusal(store.set_ballot_attendance(&s, id, 2).await),
        "attended: 实到人数不能少于已投票数（3）"
    );
    let slip = picks(&[0], [None, None]);
    store.key_paper(&s, id, 1, 0, &slip).await.unwrap();
    store.key_paper(&s2, id, 1, 0, &slip).await.unwrap();
    store.count_paper(&s, id).await.unwrap();
    // 4 ballots (3 online, 1 paper) and 3 present: closing is refused, nothing changes.
    assert_eq!(
        refusal(store.close_ballot(&s, id).await),
        "已投票数（4）多于实到人数（3），不能结束投票；请核实实到人数"
    );
    assert_eq!(state_of(&store, id).await, ("open".into(), Some(3)));
    assert_eq!(super::count_action(&store, "ballot.closed").await, 0);
    let cast: i64 = store
        .turnout(&s, id)
        .await
        .unwrap()
        .iter()
        .map(|t| t.cast)
        .sum();
    assert_eq!(cast, 4);
    assert!(matches!(
        store.ballot_tally(&s, id).await,
        Err(DomainError::Conflict(_))
    ));
    // A latecomer had signed in: 实到 corrected to 5, and the vote closes.
    store.set_ballot_attendance(&s, id, 5).await.unwrap();
    store.close_ballot(&s, id).await.expect("closes");
    assert_eq!(
        refusal(store.set_ballot_attendance(&s, id, 4).await),
        "投票已结束，不能再修改实到人数"
    );
    assert_eq!(state_of(&store, id).await, ("closed".into(), Some(5)));
    // R-SEL-2 over 实到: 张伟 3 of 5 (60.00%, not 75.00% of the 4 ballots) passes, 李娜 and
    // 王强 2 of 5 do not.
    let (_, t) = store.ballot_tally(&s, id).await.unwrap();
    assert_eq!(
        (t.expected, t.attended, t.cast, t.attendees),
        (5, Some(5), 4, 5)
    );
    assert_eq!(t.passing(0), ["张伟"]);
    match &t.questions[0].result {
        banzi_domain::ballot::tally::QuestionResult::Recommend(rows) => {
            assert_eq!((rows[0].votes, rows[0].share_bp), (3, 6000));
        }
        other => panic!("{other:?}"),
    }
    // Audited: each change with the number before and after.
    assert_eq!(
        audited(&store, "ballot.attendance").await,
        [
            (
                serde_json::json!({ "attended": null }),
                serde_json::json!({ "attended": 3 })
            ),
            (
                serde_json::json!({ "attended": 3 }),
                serde_json::json!({ "attended": 5 })
            ),
        ]
    );
    assert_eq!(
        store.verify_audit().await.expect("verify").map(|_| ()),
        Ok(())
    );
}

/// Sessions stored before 实到 was recorded (their set-up JSON has no `attended`): one left
/// open must have 实到 entered before it closes; one already closed keeps its result over
/// the ballots cast, and the tally says it has no 实到 (module doc of `ballot`).
async fn sessions_stored_without_attendance(store: Store) {
    let s = staff();
    let mut old = spec();
    old.attended = None;
    let set_state = |id: i64, state: &'static str| {
        let store = store.clone();
        async move {
            let sql = "UPDATE ballot_sessions SET state = $1 WHERE id = $2";
            let done = match store.pool() {
                Pool::Sqlite(p) => sqlx::query(sql)
                    .bind(state)
                    .bind(id)
                    .execute(p)
                    .await
                    .map(|r| r.rows_affected()),
                Pool::Pg(p) => sqlx::query(sql)
                    .bind(state)
                    .bind(id)
                    .execute(p)
                    .await
                    .map(|r| r.rows_affected()),
            };
            assert_eq!(done.expect("state"), 1);
        }
    };
    let stored = |id: i64| {
        let store = store.clone();
        async move {
            let sql = "SELECT spec FROM ballot_sessions WHERE id = $1";
            let (json,): (String,) = match store.pool() {
                Pool::Sqlite(p) => sqlx::query_as(sql).bind(id).fetch_one(p).await,
                Pool::Pg(p) => sqlx::query_as(sql).bind(id).fetch_one(p).await,
            }
            .expect("spec");
            serde_json::from_str::<serde_json::Value>(&json).expect("json")
        }
    };
    // Opened by an earlier version, before 实到 existed.
    let (open, codes) = issued(&store, &old).await;
    assert!(stored(open).await.get("attended").is_none());
    set_state(open, "open").await;
    store
        .cast_ballot(&codes[0], "nonce-old-open-0001", &picks(&[0], [None, None]))
        .await
        .unwrap();
    assert_eq!(
        refusal(store.close_ballot(&s, open).await),
        "尚未填写实到人数，不能结束投票；请先按会议签到填写实到人数"
    );
    assert_eq!(state_of(&store, open).await, ("open".into(), None));
    store.set_ballot_attendance(&s, open, 4).await.unwrap();
    store.close_ballot(&s, open).await.unwrap();
    let (_, t) = store.ballot_tally(&s, open).await.unwrap();
    assert_eq!((t.attended, t.cast, t.attendees), (Some(4), 1, 4));
    assert!(t.passing(0).is_empty(), "1 of 4 present");

    // Closed by an earlier version: read as it was, over the ballots cast.
    let (closed, codes) = issued(&store, &old).await;
    set_state(closed, "open").await;
    for (i, p) in [[0u32], [0], [1]].iter().enumerate() {
        store
            .cast_ballot(
                &codes[i],
                &format!("nonce-old-closed-{i:04}"),
                &picks(p, [None, None]),
            )
            .await
            .unwrap();
    }
    set_state(closed, "closed").await;
    let before = stored(closed).await;
    let (b, t) = store.ballot_tally(&s, closed).await.unwrap();
    assert_eq!(b.spec.attended, None);
    assert_eq!((t.attended, t.cast, t.attendees), (None, 3, 3));
    assert_eq!(t.passing(0), ["张伟"], "2 of the 3 ballots cast");
    assert_eq!(
        refusal(store.set_ballot_attendance(&s, closed, 5).await),
        "投票已结束，不能再修改实到人数"
    );
    assert_eq!(stored(closed).await, before, "nothing of it changed");
}

both!(concurrent_submissions_commit_together_each_with_its_outcome);
both!(a_void_committed_while_a_submission_waits_is_honoured);
both!(a_session_from_set_up_to_result);
both!(paper_ballots_count_only_when_two_people_agree);
both!(concurrent_submits_of_one_code_record_one_ballot);
both!(nothing_stored_links_a_code_to_a_ballot);
both!(attendance_gates_opening_and_closing);
both!(sessions_stored_without_attendance);

/// The group commit's own connection (SQLite): a database failure in the middle of a batch
/// rolls the whole batch back and answers every submission of it with an error, so none is
/// acknowledged and none is recorded, not even those written before the failure (R-VOTE-4);
/// the writer goes on with the next batch, and the phones' retries with their nonces record
/// them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_group_commit_fails_a_whole_batch_on_a_database_error() {
    let db = crate::helpers::TestDb::new(crate::helpers::Backend::Sqlite).await;
    let store = db.store.clone();
    let Pool::Sqlite(pool) = store.pool() else {
        panic!("sqlite")
    };
    let s = staff();
    let mut big = spec();
    big.groups[1].codes = 20;
    let (id, codes) = opened(&store, &big).await;
    let writer = std::sync::Arc::new(banzi_store::BallotWriter::new(store.clone()));
    // Started (its connection open and its statements prepared) before the trigger exists.
    assert_eq!(
        writer
            .cast(
                &codes[0],
                "nonce-batch-0000-xxxx",
                &picks(&[0], [None, None])
            )
            .await
            .unwrap(),
        Cast::Recorded
    );
    // A ballot that picks 王强 and rates 李娜 优秀 fails in the database.
    sqlx::query(
        "CREATE TRIGGER fail_one BEFORE INSERT ON ballots \
         WHEN NEW.content LIKE '%[2]%' AND NEW.content LIKE '%[null,0]%' \
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
    )
    .execute(pool)
    .await
    .unwrap();
    let ballot_of = |i: usize| {
        if i == 4 {
            picks(&[2], [None, Some(0)])
        } else {
            picks(&[0], [Some(1), None])
        }
    };
    let cast = |i: usize| {
        let (w, code, ballot) = (writer.clone(), codes[i].clone(), ballot_of(i));
        tokio::spawn(async move {
            w.cast(&code, &format!("nonce-batch-{i:04}-xxxx"), &ballot)
                .await
        })
    };
    // The writer takes code 1 alone and waits for the lock; codes 2 to 6 then wait together.
    let mut watch = Watch::new(&writer);
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
    sqlx::query("SELECT 1").execute(&mut *tx).await.unwrap();
    let first = cast(1);
    assert_eq!(watch.batch().await, 1);
    let rest: Vec<_> = (2..=6).map(cast).collect();
    watch.queued(6).await;
    tx.rollback().await.unwrap();
    assert_eq!(watch.batch().await, 5, "codes 2 to 6 in one batch");
    assert_eq!(first.await.unwrap().unwrap(), Cast::Recorded);
    for (i, t) in (2..=6).zip(rest) {
        match t.await.unwrap() {
            Err(DomainError::Internal(_)) => {}
            other => panic!("code {i}: {other:?}"),
        }
        assert!(!store.open_code(&codes[i]).await.unwrap().used, "code {i}");
    }
    let t = store.turnout(&s, id).await.unwrap();
    assert_eq!(t.iter().map(|g| g.cast).sum::<i64>(), 2);
    // The next batch is written: the retries of the good ones, then the one the database
    // refused, once it no longer does.
    for i in [2, 3, 5, 6] {
        assert_eq!(cast(i).await.unwrap().unwrap(), Cast::Recorded, "code {i}");
    }
    sqlx::query("DROP TRIGGER fail_one")
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(cast(4).await.unwrap().unwrap(), Cast::Recorded);
    let t = store.turnout(&s, id).await.unwrap();
    assert_eq!(t.iter().map(|g| g.cast).sum::<i64>(), 7);
}

/// A SQLite database with no file cannot be opened a second time by the group commit's
/// thread: each submission is then its own transaction, with the same answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_in_memory_ballots_are_written_one_by_one() {
    let store = Store::connect("sqlite::memory:", crate::helpers::test_key())
        .await
        .unwrap();
    let s = staff();
    // The audited reads' group commit opens a connection of its own: the same database.
    store
        .audit_event(&s, "read.cadre", "cadre", "k", serde_json::json!({}))
        .await
        .expect("a read recorded in the database with no file");
    let (id, codes) = opened(&store, &spec()).await;
    let writer = banzi_store::BallotWriter::new(store.clone());
    let ballot = picks(&[0], [Some(0), None]);
    assert_eq!(
        writer
            .cast(&codes[0], "nonce-memory-0000-xxxx", &ballot)
            .await
            .unwrap(),
        Cast::Recorded
    );
    assert_eq!(
        writer
            .cast(&codes[0], "nonce-memory-0000-xxxx", &ballot)
            .await
            .unwrap(),
        Cast::AlreadyRecorded
    );
    let other = writer
        .cast(&codes[0], "nonce-memory-other-xx", &ballot)
        .await;
    assert!(
        matches!(&other, Err(DomainError::Conflict(m)) if zh(m) == "该票码已投票"),
        "{other:?}"
    );
    assert_eq!(writer.committed(), (0, 0));
    let t = store.turnout(&s, id).await.unwrap();
    assert_eq!(t.iter().map(|g| g.cast).sum::<i64>(), 1);
}
