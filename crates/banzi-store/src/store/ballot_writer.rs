//! Group commit of voters' ballots (DOMAIN.md M5, R-VOTE-4): on SQLite, one writer thread
//! takes every submission waiting (up to [`MAX_BATCH`]), runs each with the steps of
//! [`Store::cast_ballot`] (the same [`cast_steps!`]) in one `BEGIN IMMEDIATE` transaction,
//! commits once (`synchronous=FULL`: one sync for the batch), and only then answers each. A
//! refused submission writes nothing (its checks come before its writes) and leaves the
//! others; a database error rolls the batch back and a failed commit answers every
//! submission of the batch with an error, so none is acknowledged and a phone's retry with
//! its nonce is safe. SQLite takes one writer at a time: without this, concurrent phones
//! queue for the write lock one commit each, sleeping in SQLite's busy handler.
//!
//! The thread owns its own connection to the database file, opened with the settings of
//! every pooled one, its statements prepared once ([`raw`]): a batch runs from `BEGIN` to
//! `COMMIT` on that thread, where through sqlx every statement crossed from tokio to sqlx's
//! SQLite thread and back (issue 4, "Speed"). Its WAL checkpoints run on a second thread
//! with a connection of its own ([`checkpoint`]), not inside a batch's commit, but for the
//! last few pages of each cycle, which the writer copies itself so that the WAL starts
//! again from its beginning. Both end, closing their connections, when the writer is
//! dropped (its queue closes). A database with no file (`sqlite::memory:`) cannot be
//! opened a second time: there each submission is its own transaction.
//!
//! On PostgreSQL, which commits concurrent transactions side by side, each submission is its
//! own transaction ([`Store::cast_ballot`]).

mod checkpoint;
mod raw;

use super::ballots::{
    BallotSession, Cast, Submission, bad_code, cast_steps, parse_session, voided_code,
};
use crate::connect::Store;
use crate::db;
use banzi_domain::DomainError;
use banzi_domain::ballot::{self, Ballot};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{OnceCell, mpsc, oneshot};

/// The most submissions committed together.
pub const MAX_BATCH: usize = 256;

struct Job {
    sub: Submission,
    reply: oneshot::Sender<Result<Cast, DomainError>>,
}

/// Commits voters' ballots in groups; made once per server (it keeps a thread).
pub struct BallotWriter {
    store: Store,
    /// The writer thread's queue, from the first submission on; `None` for a database with
    /// no file. Dropping it ends the thread.
    queue: OnceCell<Option<mpsc::Sender<Job>>>,
    stats: Arc<Stats>,
}

#[derive(Default)]
struct Stats {
    commits: AtomicU64,
    ballots: AtomicU64,
    hook: std::sync::OnceLock<Arc<dyn WriterHook>>,
}

/// What a test is told of the writer, so that it orders its steps by the writer's own
/// (a submission queued; a batch taken, its transaction about to begin) rather than by
/// sleeping. Hidden: for tests only.
#[doc(hidden)]
pub trait WriterHook: Send + Sync {
    /// A submission is in the writer's queue (called by the submitting task).
    fn queued(&self);
    /// The writer thread took a batch of `size` submissions and is about to begin its
    /// transaction, which waits for any other writer's lock.
    fn batch(&self, size: usize);
}

fn lost() -> DomainError {
    DomainError::Internal("the ballot writer has stopped".into())
}

impl BallotWriter {
    pub fn new(store: Store) -> BallotWriter {
        BallotWriter {
            store,
            queue: OnceCell::new(),
            stats: Default::default(),
        }
    }

    /// [`Store::cast_ballot`], committed with whatever other submissions are waiting.
    pub async fn cast(
        &self,
        code: &str,
        nonce: &str,
        ballot: &Ballot,
    ) -> Result<Cast, DomainError> {
        let Some(queue) = self.queue().await? else {
            return self.store.cast_ballot(code, nonce, ballot).await;
        };
        let sub = Submission::new(code, nonce, ballot)?;
        let (reply, answer) = oneshot::channel();
        queue.send(Job { sub, reply }).await.map_err(|_| lost())?;
        if let Some(h) = self.stats.hook.get() {
            h.queued();
        }
        answer.await.map_err(|_| lost())?
    }

    /// Starts the writer thread now, so that the first voters of a meeting do not wait for
    /// it (the server calls this as it starts); without it, the first submission starts it.
    pub async fn start(&self) -> Result<(), DomainError> {
        self.queue().await.map(drop)
    }

    /// The writer thread's queue, started on first use (a start that failed is tried again
    /// by the next one); `None` where each submission is its own transaction.
    async fn queue(&self) -> Result<Option<&mpsc::Sender<Job>>, DomainError> {
        let crate::Pool::Sqlite(pool) = self.store.pool() else {
            return Ok(None);
        };
        let queue = self
            .queue
            .get_or_try_init(|| start(pool, self.stats.clone()))
            .await?;
        Ok(queue.as_ref())
    }

    /// Sets the test hook, before the first submission; false if one was set already.
    #[doc(hidden)]
    pub fn set_hook(&self, hook: Arc<dyn WriterHook>) -> bool {
        self.stats.hook.set(hook).is_ok()
    }

    /// Commits that wrote ballots, and the ballots they wrote (refused submissions and
    /// retries are not counted): the mean group size, for the load benchmark's raw ceiling.
    pub fn committed(&self) -> (u64, u64) {
        (
            self.stats.commits.load(Ordering::Relaxed),
            self.stats.ballots.load(Ordering::Relaxed),
        )
    }
}

/// Starts the writer thread on the pool's database file and waits until its connection is
/// open; `None` when the database has no file.
async fn start(
    pool: &sqlx::SqlitePool,
    stats: Arc<Stats>,
) -> Result<Option<mpsc::Sender<Job>>, DomainError> {
    let path: String =
        sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .fetch_one(pool)
            .await
            .map_err(db)?;
    if path.is_empty() {
        return Ok(None);
    }
    let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
    let (opened, ready) = oneshot::channel();
    std::thread::Builder::new()
        .name("ballot-writer".into())
        .spawn(move || {
            // Without its own checkpoint thread the writer checkpoints as SQLite does.
            let checkpoints = checkpoint::spawn(&path).ok();
            // Opened on this thread, which alone uses it.
            match raw::Writer::open(&path, checkpoints.clone()) {
                Ok(w) => {
                    let _ = opened.send(Ok(()));
                    run(Some(w), &path, checkpoints, rx, &stats);
                }
                Err(e) => {
                    let _ = opened.send(Err(e));
                }
            }
        })
        .map_err(|e| DomainError::Internal(format!("the ballot writer cannot start: {e}")))?;
    ready.await.map_err(|_| lost())??;
    Ok(Some(tx))
}

/// The writer thread: until the queue closes, a batch of every submission waiting, one
/// transaction, then the answers. A connection that could not be rolled back is closed and
/// another opened for the next batch.
fn run(
    mut conn: Option<raw::Writer>,
    path: &str,
    checkpoints: Option<checkpoint::Checkpoints>,
    mut rx: mpsc::Receiver<Job>,
    stats: &Stats,
) {
    while let Some(first) = rx.blocking_recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(j) => batch.push(j),
                Err(_) => break,
            }
        }
        if let Some(h) = stats.hook.get() {
            h.batch(batch.len());
        }
        let w = match conn.take() {
            Some(w) => Ok(w),
            None => raw::Writer::open(path, checkpoints.clone()),
        };
        let result = match w {
            Ok(mut w) => {
                let r = commit(&mut w, &batch);
                if r.is_ok() || w.abandon() {
                    conn = Some(w);
                }
                r
            }
            Err(e) => Err(e),
        };
        answer(batch, result, stats);
    }
}

/// One transaction for the batch; the results in order, given only once the commit is done.
/// On an error the transaction is left to the caller to roll back.
fn commit(
    w: &mut raw::Writer,
    batch: &[Job],
) -> Result<Vec<Result<Cast, DomainError>>, DomainError> {
    w.begin()?;
    let mut sessions: HashMap<i64, BallotSession> = HashMap::new();
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        // A refused submission has written nothing (its checks come first), so it needs no
        // savepoint; a database failure is the batch's: nothing is committed.
        let r = one(w, &job.sub, &mut sessions);
        if let Err(DomainError::Internal(m)) = &r {
            return Err(DomainError::Internal(m.clone()));
        }
        results.push(r);
    }
    w.commit()?;
    Ok(results)
}

/// The steps of [`Store::cast_ballot`], on the writer's connection.
fn one(
    c: &mut raw::Writer,
    sub: &Submission,
    sessions: &mut HashMap<i64, BallotSession>,
) -> Result<Cast, DomainError> {
    cast_steps!(blocking c, raw, sub, Some(sessions))
}

/// Answers each submission of a batch: its own result once committed, or the batch's error.
fn answer(
    batch: Vec<Job>,
    result: Result<Vec<Result<Cast, DomainError>>, DomainError>,
    stats: &Stats,
) {
    match result {
        Ok(results) => {
            let written = results
                .iter()
                .filter(|r| matches!(r, Ok(Cast::Recorded)))
                .count();
            if written > 0 {
                stats.commits.fetch_add(1, Ordering::Relaxed);
                stats.ballots.fetch_add(written as u64, Ordering::Relaxed);
            }
            for (job, r) in batch.into_iter().zip(results) {
                let _ = job.reply.send(r);
            }
        }
        Err(e) => {
            // Not committed: no submission of the batch is acknowledged.
            let m = match e {
                DomainError::Internal(m) => m,
                other => other.to_string(),
            };
            for job in batch {
                let _ = job.reply.send(Err(DomainError::Internal(m.clone())));
            }
        }
    }
}
