// 审计 — R-SEC-3. Included once per backend (see `backend!` in lib.rs).

/// Appends one entry in the caller's transaction (see [`append_all`]).
pub async fn append(c: &mut Conn, draft: AuditDraft) -> Result<i64, DomainError> {
    let seqs = append_all(c, vec![draft]).await?;
    seqs.first()
        .copied()
        .ok_or_else(|| DomainError::Internal("audit: an entry was not appended".into()))
}

/// Rows of one `INSERT` of [`append_all`]: ten parameters each, under SQLite's 32,766.
const AUDIT_ROWS_PER_INSERT: usize = 500;

/// Appends entries in order in the caller's transaction, and returns their numbers. It
/// starts by moving the head past them, which takes the write lock first (SQLite) or a row
/// lock (PostgreSQL), so concurrent writers append one after another and the chain never
/// forks. Three statements whatever the number of entries (two on PostgreSQL): the events of a group commit
/// (`Store::audit_event`) were three each, every one a round trip to the connection's
/// thread or server, and the audited pages of a loaded province waited on them (issue 18).
pub async fn append_all(c: &mut Conn, drafts: Vec<AuditDraft>) -> Result<Vec<i64>, DomainError> {
    if drafts.is_empty() {
        return Ok(Vec::new());
    }
    let n = drafts.len() as i64;
    let (last, mut prev): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash")
            .bind(n)
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
    let (sealed, changed) = seal_after(drafts, last - n, &mut prev)?;
    // On PostgreSQL the last INSERT moves the head's hash too, in one statement (a
    // data-modifying `WITH`): a round trip less for every write and every group of audited
    // reads (issue 18). SQLite has no such statement.
    let pg = <<Conn as sqlx::Connection>::Database as sqlx::Database>::NAME == "PostgreSQL";
    let chunks: Vec<&[banzi_domain::audit::AuditEntry]> = sealed.chunks(AUDIT_ROWS_PER_INSERT).collect();
    for (i, rows) in chunks.iter().enumerate() {
        let with_head = pg && i + 1 == chunks.len();
        let insert = format!("INSERT INTO audit_log ({ENTRY_COLUMNS}) VALUES {}", entry_values(rows.len()));
        let sql = if with_head {
            let k = rows.len() * 10;
            format!(
                "WITH entries AS ({insert}) UPDATE audit_head SET hash = ${}, changed = COALESCE(${}, changed) WHERE id = 1",
                k + 1,
                k + 2
            )
        } else {
            insert
        };
        // One text per batch size: only the single row's is kept prepared.
        let mut q = bind_entries(sqlx::query(safe(sql)).persistent(rows.len() == 1), rows);
        if with_head {
            q = q.bind(&prev).bind(changed);
        }
        q.execute(&mut *c).await.map_err(db)?;
    }
    if !pg {
        sqlx::query(
            "UPDATE audit_head SET hash = $1, changed = COALESCE($2, changed) WHERE id = 1",
        )
        .bind(&prev)
        .bind(changed)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    }
    Ok(sealed.iter().map(|e| e.seq).collect())
}

/// Seals `drafts` as the entries after number `after`, whose hash `prev` holds (left holding
/// the last one's), with the newest that changed what the analysis reads (its cache key).
fn seal_after(
    drafts: Vec<AuditDraft>,
    after: i64,
    prev: &mut String,
) -> Result<(Vec<banzi_domain::audit::AuditEntry>, Option<i64>), DomainError> {
    let mut sealed = Vec::with_capacity(drafts.len());
    let mut changed = None;
    for (seq, d) in (after + 1..).zip(drafts) {
        let e = seal(d, seq, prev)?;
        prev.clone_from(&e.hash);
        if banzi_domain::audit::changes_registry(&e.action) {
            changed = Some(seq);
        }
        sealed.push(e);
    }
    Ok((sealed, changed))
}

/// The columns of an entry, in the order [`entry_values`] and [`bind_entries`] give them.
const ENTRY_COLUMNS: &str = "seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash";

/// `($1, …, $10), ($11, …)`: the placeholders of `rows` entries.
fn entry_values(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|r| {
            let p = (1..=10).map(|k| format!("${}", r * 10 + k));
            format!("({})", p.collect::<Vec<_>>().join(", "))
        })
        .collect();
    values.join(", ")
}

type Query<'q> = sqlx::query::Query<'q, <Conn as sqlx::Connection>::Database, <<Conn as sqlx::Connection>::Database as sqlx::Database>::Arguments>;

fn bind_entries<'q>(mut q: Query<'q>, rows: &'q [banzi_domain::audit::AuditEntry]) -> Query<'q> {
    for e in rows {
        q = q
            .bind(e.seq)
            .bind(&e.at)
            .bind(&e.actor)
            .bind(&e.action)
            .bind(&e.entity)
            .bind(&e.key)
            .bind(&e.before)
            .bind(&e.after)
            .bind(&e.prev_hash)
            .bind(&e.hash);
    }
    q
}

/// The head of the chain: the last entry's number and hash.
#[allow(dead_code)] // SQLite's groups lock the head in their transaction
pub type Head = (i64, String);

/// Appends `drafts` after `head` in one statement, its own transaction, if the chain's head
/// is still `head`; `None`, having written nothing, if another writer moved it since (a
/// change on this server, or another server on the same PostgreSQL database). The head is
/// compared and moved under its row lock, so two writers never append after the same entry.
/// PostgreSQL only (a data-modifying `WITH`): the group commit of audited reads was four
/// round trips on its own connection (BEGIN, the head, the entries, COMMIT), and the audited
/// pages of a loaded province waited on them (issue 18).
#[allow(dead_code)] // SQLite has no data-modifying `WITH`
pub async fn append_after(c: &mut Conn, drafts: Vec<AuditDraft>, head: &Head) -> Result<Option<Head>, DomainError> {
    if drafts.is_empty() || drafts.len() > AUDIT_ROWS_PER_INSERT {
        return Ok(None);
    }
    let mut prev = head.1.clone();
    let (sealed, changed) = seal_after(drafts, head.0, &mut prev)?;
    let seq = head.0 + sealed.len() as i64;
    let k = sealed.len() * 10;
    let sql = format!(
        "WITH head AS (UPDATE audit_head SET seq = ${a}, hash = ${b}, changed = COALESCE(${c}, changed) \
         WHERE id = 1 AND seq = ${d} AND hash = ${e} RETURNING seq) \
         INSERT INTO audit_log ({ENTRY_COLUMNS}) SELECT * FROM (VALUES {}) AS v WHERE EXISTS (SELECT 1 FROM head)",
        entry_values(sealed.len()),
        a = k + 1,
        b = k + 2,
        c = k + 3,
        d = k + 4,
        e = k + 5,
    );
    let done = bind_entries(sqlx::query(safe(sql)).persistent(sealed.len() == 1), &sealed)
        .bind(seq)
        .bind(&prev)
        .bind(changed)
        .bind(head.0)
        .bind(&head.1)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok((done.rows_affected() == sealed.len() as u64).then_some((seq, prev)))
}

/// The head, locked until the caller's transaction ends: of several servers given new
/// keys and started at once on one PostgreSQL, the first keys the trail and the others then
/// find it keyed (SQLite's `BEGIN IMMEDIATE` has the lock already).
pub async fn lock_head(c: &mut Conn) -> Result<(i64, String), DomainError> {
    sqlx::query_as("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut *c)
        .await
        .map_err(db)
}

pub async fn head(c: &mut Conn) -> Result<(i64, String), DomainError> {
    sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(&mut *c)
        .await
        .map_err(db)
}

/// All entries in storage order, for verification.
pub async fn all(c: &mut Conn) -> Result<Vec<AuditRow>, DomainError> {
    sqlx::query_as("SELECT * FROM audit_log ORDER BY seq")
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// The filter of [`page`]: a key matches its own entries and the batch entries of an import
/// whose records hold it as a value (`"320…"` in a cadre, appointment or training record).
fn page_where() -> String {
    format!(
        "WHERE ($1 IS NULL OR actor = $1) AND ($2 IS NULL OR entity = $2) \
         AND ($3 IS NULL OR entity_key = $3 OR (entity_key LIKE '{BATCH_KEY}%' AND after_json LIKE $4 ESCAPE '\\')) \
         AND ($5 IS NULL OR at >= $5) AND ($6 IS NULL OR at < $6)"
    )
}

/// A page of entries, newest first. Before and after are read whole up to [`WHOLE`]
/// characters (the store masks them, then cuts a preview), longer ones as `…` (an import's
/// batch entry holds a thousand records: [`one`] reads it whole). A value cut in SQL could
/// not be masked as JSON.
pub async fn page(c: &mut Conn, f: &AuditFilter) -> Result<(Vec<AuditRow>, i64), DomainError> {
    let actor = f.actor.as_deref().filter(|s| !s.is_empty());
    let entity = f.entity.as_deref().filter(|s| !s.is_empty());
    let key = f.key.as_deref().filter(|s| !s.is_empty());
    let (from, until) = (f.from.as_deref(), f.until.as_deref());
    let quoted = key.map(|k| {
        let escaped = k.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        format!("%\"{escaped}\"%")
    });
    let rows = sqlx::query_as(safe(format!(
        "SELECT seq, at, actor, action, entity, entity_key, \
         CASE WHEN length(before_json) <= {WHOLE} THEN before_json ELSE '…' END AS before_json, \
         CASE WHEN length(after_json) <= {WHOLE} THEN after_json ELSE '…' END AS after_json, \
         prev_hash, hash FROM audit_log {} \
         ORDER BY seq DESC LIMIT $7 OFFSET $8",
        page_where()
    )))
    .bind(actor)
    .bind(entity)
    .bind(key)
    .bind(&quoted)
    .bind(from)
    .bind(until)
    .bind(f.per_page)
    .bind(f.page.max(0) * f.per_page)
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let (n,): (i64,) = sqlx::query_as(safe(format!("SELECT COUNT(*) FROM audit_log {}", page_where())))
        .bind(actor)
        .bind(entity)
        .bind(key)
        .bind(&quoted)
        .bind(from)
        .bind(until)
        .fetch_one(&mut *c)
        .await
        .map_err(db)?;
    Ok((rows, n))
}

/// Characters of before and after read whole for the list.
const WHOLE: usize = 4096;

/// One entry, whole.
pub async fn one(c: &mut Conn, seq: i64) -> Result<Option<AuditRow>, DomainError> {
    sqlx::query_as("SELECT * FROM audit_log WHERE seq = $1")
        .bind(seq)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}

/// Whether the registry holds anything a write would have audited: an empty trail beside
/// it was deleted.
pub async fn has_records(c: &mut Conn) -> Result<bool, DomainError> {
    for table in ["units", "posts", "cadres", "users", "rule_params", "ballot_sessions"] {
        let one: Option<(i64,)> = sqlx::query_as(safe(format!("SELECT CAST(1 AS BIGINT) FROM {table} LIMIT 1")))
            .fetch_optional(&mut *c)
            .await
            .map_err(db)?;
        if one.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Re-seals one entry (re-keying a trail written before the key existed).
pub async fn reseal(c: &mut Conn, seq: i64, prev_hash: &str, hash: &str) -> Result<(), DomainError> {
    sqlx::query("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3")
        .bind(prev_hash)
        .bind(hash)
        .bind(seq)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

pub async fn set_head_hash(c: &mut Conn, hash: &str) -> Result<(), DomainError> {
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(hash)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}
