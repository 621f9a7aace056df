//! The audit trail (R-SEC-3): its key, verification against the head and an anchor, the
//! masked view of the audit administrator and the audited reveal of one entry.

use super::need;
use crate::connect::{Store, now_rfc3339};
use crate::types::*;
use crate::{Pool, db, rows::*};
use banzi_domain::audit::{
    Anchor, AuditDraft, AuditEntry, AuditKey, ChainBreak, Expected, GENESIS, entry_hash,
    mask_entry, verify_chain, verify_unkeyed,
};
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, Msg, message};
use std::path::Path;

/// Characters of before and after shown in the list of entries.
const PREVIEW: usize = 300;

/// Characters of a reason given for revealing an entry.
const REASON: usize = 500;

impl Store {
    /// Opens the database with the audit key of `key_file`. A missing key file is created
    /// (mode 0600) with a new random key; if the database already holds a trail written
    /// before keys existed (plain SHA-256, whole), that trail is re-keyed once, in the same
    /// transaction as an `audit.key` entry recording how many entries and which unkeyed
    /// head. A trail that is not such a trail (written with another key, or broken) is not
    /// re-keyed: the key file is not created and the database is not opened.
    pub async fn open(url: &str, key_file: &Path) -> Result<Store, DomainError> {
        Self::open_in_schema(url, None, key_file).await
    }

    /// As [`Store::open`], in a PostgreSQL schema (see [`Store::connect_in_schema`]).
    pub async fn open_in_schema(
        url: &str,
        schema: Option<&str>,
        key_file: &Path,
    ) -> Result<Store, DomainError> {
        let file = key_file.display().to_string();
        match std::fs::read_to_string(key_file) {
            Ok(text) => {
                refuse_exposed(key_file, &file)?;
                let key = AuditKey::from_hex(&text).ok_or_else(|| {
                    DomainError::Conflict(message!("audit-key-malformed", file = file))
                })?;
                Store::connect_in_schema(url, schema, key).await
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut bytes = [0u8; 32];
                getrandom::fill(&mut bytes).map_err(|e| {
                    DomainError::Internal(format!("no randomness for the audit key: {e}"))
                })?;
                let store =
                    Store::connect_in_schema(url, schema, AuditKey::from_bytes(bytes)).await?;
                let adopted = store.adopt_key(key_file, &file).await;
                if adopted.is_err() {
                    let _ = std::fs::remove_file(key_file);
                }
                adopted.map(|_| store)
            }
            Err(e) => Err(DomainError::Conflict(message!(
                "audit-key-unreadable",
                file = file,
                detail = e.to_string()
            ))),
        }
    }

    /// The first start with a new key: checks the trail is empty or unkeyed and whole,
    /// writes the key file, re-keys the trail and records it, all before the commit. The
    /// head is locked first, so that two servers starting at once with two new keys cannot
    /// both key the trail: the second finds it keyed and refuses, and its key file is not
    /// kept (every server of one database needs the first one's key file).
    async fn adopt_key(&self, key_file: &Path, file: &str) -> Result<(), DomainError> {
        let key = self.key.clone();
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let (seq, old_head) = b::audit::lock_head(&mut *c).await?;
            let mut rows: Vec<AuditEntry> = b::audit::all(&mut *c)
                .await?
                .into_iter()
                .map(Into::into)
                .collect();
            if let Err(broken) = verify_unkeyed(&rows, (seq, &old_head)) {
                return Err(DomainError::Conflict(message!(
                    "audit-key-missing",
                    file = file.to_string(),
                    detail = broken.msg()
                )));
            }
            write_key_file(key_file, file, &key)?;
            let mut prev = GENESIS.to_string();
            for e in rows.iter_mut() {
                e.prev_hash = prev;
                e.hash = entry_hash(&key, e);
                b::audit::reseal(&mut *c, e.seq, &e.prev_hash, &e.hash).await?;
                prev = e.hash.clone();
            }
            b::audit::set_head_hash(&mut *c, &prev).await?;
            let system = Actor::cli("audit-key");
            let after = serde_json::json!({ "rekeyed": rows.len(), "unkeyed_head": old_head });
            let d = crate::draft(&system, &now, "audit.key", "audit", file, None, Some(after));
            b::audit::append(c, d).await.map(|_| ())
        })
    }

    /// Checks the whole chain; `Ok(n)` is the number of entries verified.
    pub async fn verify_audit(&self) -> Result<Result<u64, ChainBreak>, DomainError> {
        self.verify_audit_against(None).await
    }

    /// Checks the whole chain with the store's key, that it ends at the head, that it still
    /// reaches `anchor` unchanged, and that it is not empty beside records.
    pub async fn verify_audit_against(
        &self,
        anchor: Option<&Anchor>,
    ) -> Result<Result<u64, ChainBreak>, DomainError> {
        on_conn!(self, |c, b| {
            let (seq, hash) = b::audit::head(&mut *c).await?;
            let records = b::audit::has_records(&mut *c).await?;
            let rows: Vec<AuditEntry> = b::audit::all(c)
                .await?
                .into_iter()
                .map(Into::into)
                .collect();
            let expected = Expected {
                head: (seq, &hash),
                anchor,
                records,
            };
            Ok(verify_chain(&self.key, &rows, expected))
        })
    }

    /// The newest entry's sequence number and keyed hash: the anchor to write down.
    pub async fn audit_head(&self) -> Result<Anchor, DomainError> {
        let (seq, hash) = on_conn!(self, |c, b| b::audit::head(c).await)?;
        Ok(Anchor { seq, hash })
    }

    /// One page of the trail, newest first, masked (see `banzi_domain::audit::mask_entry`):
    /// the audit administrator only (三员分立).
    pub async fn audit_page(
        &self,
        actor: &Actor,
        f: &AuditFilter,
    ) -> Result<(Vec<AuditRow>, i64), DomainError> {
        need(actor.role.reads_audit(), Msg::new("store-forbidden-audit"))?;
        let (rows, n) = on_conn!(self, |c, b| b::audit::page(c, f).await)?;
        let preview = |s: String| match s.char_indices().nth(PREVIEW) {
            Some((at, _)) => format!("{}…", &s[..at]),
            None => s,
        };
        let rows = rows
            .into_iter()
            .map(masked)
            .map(|mut r| {
                r.before_json = preview(std::mem::take(&mut r.before_json));
                r.after_json = preview(std::mem::take(&mut r.after_json));
                r
            })
            .collect();
        Ok((rows, n))
    }

    /// One entry of the trail, whole (a batch entry holds up to a thousand records), masked.
    pub async fn audit_entry(
        &self,
        actor: &Actor,
        seq: i64,
    ) -> Result<Option<AuditRow>, DomainError> {
        need(actor.role.reads_audit(), Msg::new("store-forbidden-audit"))?;
        Ok(on_conn!(self, |c, b| b::audit::one(c, seq).await)?.map(masked))
    }

    /// One entry as written, personal values and all; the reveal is itself an entry of the
    /// trail (`audit.reveal`, key the entry's number, the reason given if any).
    pub async fn audit_reveal(
        &self,
        actor: &Actor,
        seq: i64,
        reason: &str,
    ) -> Result<Option<AuditRow>, DomainError> {
        need(actor.role.reads_audit(), Msg::new("store-forbidden-audit"))?;
        let reason: String = reason.trim().chars().take(REASON).collect();
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let Some(row) = b::audit::one(&mut *c, seq).await? else {
                return Ok(None);
            };
            let after = serde_json::json!({ "reason": reason });
            let d = crate::draft(
                actor,
                &now,
                "audit.reveal",
                "audit",
                &seq.to_string(),
                None,
                Some(after),
            );
            b::audit::append(c, d).await?;
            Ok(Some(row))
        })
    }

    /// How many events wait for the writer, and how many the group being written holds (a
    /// sign of load, and what tests wait on).
    pub fn audit_events_pending(&self) -> (usize, usize) {
        let waiting = self.events.waiting().len();
        let writing = self
            .events
            .writing
            .load(std::sync::atomic::Ordering::SeqCst);
        (waiting, writing)
    }

    /// Records an export or another event that writes nothing else, and returns once it is
    /// committed. Events of requests arriving together are written together (a group
    /// commit): the first caller to find the writer free appends every event waiting, its
    /// own among them, in one transaction, and tells each waiting caller how it went. The
    /// chain is one writer at a time, with a flush of the disk at each commit; one commit
    /// for each profile viewed or search made held a province's server to about 300 of
    /// them a second (issue 18).
    pub async fn audit_event(
        &self,
        actor: &Actor,
        action: &str,
        entity: &str,
        key: &str,
        detail: serde_json::Value,
    ) -> Result<(), DomainError> {
        let now = now_rfc3339();
        let d = crate::draft(actor, &now, action, entity, key, None, Some(detail));
        let (tx, mut rx) = tokio::sync::oneshot::channel();
        self.events.waiting().push((d, tx));
        // Whichever comes first: the event written by the group commit of another request,
        // or the writer's turn. A request whose event another wrote does not then queue for
        // the writer too: with sixty pages at once that queue was 40 ms of each audited
        // page, its turns mostly spent finding nothing left to write (issue 18).
        let told = tokio::select! {
            biased;
            told = &mut rx => Some(told),
            writer = self.events.writer.clone().lock_owned() => {
                // The group is written by a task of its own, which this request cannot
                // cancel: a request dropped while it wrote (its client gone, a search the
                // page replaced) took the group's commit with it, and every other request
                // of the group answered an error.
                let store = self.clone();
                let group = tokio::spawn(async move {
                    store.write_group().await;
                    drop(writer);
                });
                // A panic in it drops the group's senders: each of them is told below.
                let _ = group.await;
                None
            }
        };
        let told = match told {
            Some(told) => told,
            None => rx.await,
        };
        match told {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(match std::sync::Arc::try_unwrap(e) {
                Ok(e) => e,
                Err(shared) => DomainError::Internal(format!("audit: {shared}")),
            }),
            Err(_) => Err(DomainError::Internal(
                "audit: the event's writer stopped".into(),
            )),
        }
    }
}

impl Store {
    /// Writes every event waiting, in one transaction, and tells each waiter how it went
    /// (the caller holds the writer's turn).
    async fn write_group(&self) {
        let batch = std::mem::take(&mut *self.events.waiting());
        if batch.is_empty() {
            return;
        }
        self.events
            .writing
            .store(batch.len(), std::sync::atomic::Ordering::SeqCst);
        let drafts: Vec<AuditDraft> = batch.iter().map(|(d, _)| d.clone()).collect();
        let r = self
            .append_events(drafts)
            .await
            .map_err(std::sync::Arc::new);
        self.events
            .writing
            .store(0, std::sync::atomic::Ordering::SeqCst);
        for (_, told) in batch {
            let _ = told.send(r.clone());
        }
    }

    /// Appends a group of events on the events' connection. On PostgreSQL a group follows
    /// the head the last group left, in one statement (`append_after`); when that head is
    /// unknown (the first group) or was moved by another writer since, the head is locked
    /// and read in a transaction, as any other write does it.
    async fn append_events(&self, drafts: Vec<AuditDraft>) -> Result<(), DomainError> {
        let writer = EventWriter {
            pool: self.events.pool(),
            key: self.key.clone(),
        };
        let crate::Pool::Pg(pool) = writer.pool else {
            return in_tx!(writer, |c, b| {
                b::audit::append_all(&mut *c, drafts).await?;
                Ok(())
            });
        };
        let known = self.events.head().clone();
        if let Some(head) = known {
            let moved = crate::AUDIT_KEY
                .scope(self.key.clone(), async {
                    let mut conn = pool.acquire().await.map_err(db)?;
                    crate::pg::audit::append_after(&mut conn, drafts.clone(), &head).await
                })
                .await?;
            if let Some(head) = moved {
                *self.events.head() = Some(head);
                return Ok(());
            }
        }
        let head = in_tx!(writer, |c, b| {
            b::audit::append_all(&mut *c, drafts).await?;
            b::audit::head(&mut *c).await
        })?;
        *self.events.head() = Some(head);
        Ok(())
    }
}

/// An event waiting to be written, and whom to tell how it went.
type Waiting = (
    AuditDraft,
    tokio::sync::oneshot::Sender<Result<(), std::sync::Arc<DomainError>>>,
);

/// The events of [`Store::audit_event`] waiting for the writer, the writer's turn, and the
/// connection it writes on.
#[derive(Debug)]
pub(crate) struct Events {
    waiting: std::sync::Mutex<Vec<Waiting>>,
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// How many events the group being written holds (0 between groups).
    writing: std::sync::atomic::AtomicUsize,
    /// The chain's head as the last group left it (PostgreSQL; see `Store::append_events`).
    head: std::sync::Mutex<Option<crate::pg::audit::Head>>,
    pool: Pool,
}

/// What `in_tx!` needs to write the events on their own connection.
struct EventWriter<'a> {
    pool: &'a Pool,
    key: AuditKey,
}

impl EventWriter<'_> {
    fn pool(&self) -> &Pool {
        self.pool
    }
}

impl Events {
    pub(crate) fn new(pool: Pool) -> Self {
        Events {
            waiting: Default::default(),
            writer: Default::default(),
            writing: Default::default(),
            head: Default::default(),
            pool,
        }
    }

    fn head(&self) -> std::sync::MutexGuard<'_, Option<crate::pg::audit::Head>> {
        self.head.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn pool(&self) -> &Pool {
        &self.pool
    }

    fn waiting(&self) -> std::sync::MutexGuard<'_, Vec<Waiting>> {
        // A panic while the list was held leaves it whole: pushes and takes only.
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn masked(mut r: AuditRow) -> AuditRow {
    let (key, before, after) = mask_entry(
        &r.action,
        &r.entity,
        &r.entity_key,
        &r.before_json,
        &r.after_json,
    );
    r.changes =
        banzi_domain::audit::changes_as_shown((&r.before_json, &r.after_json), (&before, &after));
    r.entity_key = key;
    r.before_json = before;
    r.after_json = after;
    r
}

/// The new key, as 64 hex digits, in a file only its owner reads (created, never replaced).
fn write_key_file(path: &Path, file: &str, key: &AuditKey) -> Result<(), DomainError> {
    use std::io::Write;
    let unwritable = |e: std::io::Error| {
        DomainError::Conflict(message!(
            "audit-key-unwritable",
            file = file.to_string(),
            detail = e.to_string()
        ))
    };
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path).map_err(unwritable)?;
    f.write_all(format!("{}\n", key.to_hex()).as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(unwritable)
}

/// A key file others can read is refused, as ssh refuses such a private key.
fn refuse_exposed(path: &Path, file: &str) -> Result<(), DomainError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        if mode & 0o077 != 0 {
            return Err(DomainError::Conflict(message!(
                "audit-key-exposed",
                file = file.to_string(),
                mode = format!("{:o}", mode & 0o777)
            )));
        }
    }
    let _ = (path, file);
    Ok(())
}
