//! Group commit of voters' ballots (DOMAIN.md M5, R-VOTE-4): on SQLite, one writer task
//! takes every submission waiting (up to [`MAX_BATCH`]), runs each with the steps of
//! [`Store::cast_ballot`] in one `BEGIN IMMEDIATE` transaction, commits once
//! (`synchronous=FULL`: one sync for the batch), and only then answers each. A refused
//! submission writes nothing (its checks come before its writes) and leaves the others; a
//! failed commit answers
//! every submission of the batch with an error, so none is acknowledged and a phone's retry
//! with its nonce is safe. SQLite takes one writer at a time: without this, concurrent phones
//! queue for the write lock one commit each, sleeping in SQLite's busy handler.
//!
//! On PostgreSQL, which commits concurrent transactions side by side, each submission is its
//! own transaction ([`Store::cast_ballot`]).

use super::ballots::{BallotSession, Cast, Submission, bad_code, cast_steps, parse_session};
use crate::connect::Store;
use crate::db;
use banzi_domain::DomainError;
use banzi_domain::ballot::{self, Ballot};
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{mpsc, oneshot};

/// The most submissions committed together.
pub const MAX_BATCH: usize = 256;

struct Job {
    sub: Submission,
    reply: oneshot::Sender<Result<Cast, DomainError>>,
}

/// Commits voters' ballots in groups; made once per server (it keeps a task).
pub struct BallotWriter {
    store: Store,
    queue: OnceLock<mpsc::Sender<Job>>,
    stats: std::sync::Arc<Stats>,
}

#[derive(Default)]
struct Stats {
    commits: AtomicU64,
    ballots: AtomicU64,
}

impl BallotWriter {
    pub fn new(store: Store) -> BallotWriter {
        BallotWriter {
            store,
            queue: OnceLock::new(),
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
        let Store::Sqlite(_) = &self.store else {
            return self.store.cast_ballot(code, nonce, ballot).await;
        };
        let sub = Submission::new(code, nonce, ballot)?;
        // Started on first use, inside the server's runtime.
        let queue = self.queue.get_or_init(|| {
            let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
            tokio::spawn(run(self.store.clone(), rx, self.stats.clone()));
            tx
        });
        let (reply, answer) = oneshot::channel();
        let lost = || DomainError::Internal("投票写入服务已停止".into());
        queue.send(Job { sub, reply }).await.map_err(|_| lost())?;
        answer.await.map_err(|_| lost())?
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

async fn run(store: Store, mut rx: mpsc::Receiver<Job>, stats: std::sync::Arc<Stats>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(j) => batch.push(j),
                Err(_) => break,
            }
        }
        match commit(&store, &batch).await {
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
}

/// One transaction for the batch; the results in order, given
/// only once the commit is done.
async fn commit(
    store: &Store,
    batch: &[Job],
) -> Result<Vec<Result<Cast, DomainError>>, DomainError> {
    let Store::Sqlite(pool) = store else {
        return Err(DomainError::Internal("group commit is for SQLite".into()));
    };
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
    let mut sessions: HashMap<i64, BallotSession> = HashMap::new();
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        // A refused submission has written nothing (its checks come first), so it needs no
        // savepoint; a database failure is the batch's: nothing is committed.
        let r = one(&mut tx, &job.sub, &mut sessions).await;
        if let Err(DomainError::Internal(m)) = &r {
            return Err(DomainError::Internal(m.clone()));
        }
        results.push(r);
    }
    tx.commit().await.map_err(db)?;
    Ok(results)
}

async fn one(
    c: &mut sqlx::SqliteConnection,
    sub: &Submission,
    sessions: &mut HashMap<i64, BallotSession>,
) -> Result<Cast, DomainError> {
    use crate::sqlite as b;
    cast_steps!(c, b, sub, Some(sessions))
}
