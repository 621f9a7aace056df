// 审计 — R-SEC-3. Included once per backend (see `backend!` in lib.rs).

/// Appends one entry in the caller's transaction. It starts by updating the head row, which
/// takes the write lock first (SQLite) or a row lock (PostgreSQL), so concurrent writers
/// append one after another and the chain never forks.
pub async fn append(c: &mut Conn, draft: AuditDraft) -> Result<i64, DomainError> {
    let (seq, prev): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
    let e = draft.seal(seq, &prev);
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
    .execute(&mut *c)
    .await
    .map_err(db)?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&e.hash)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(seq)
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
         AND ($3 IS NULL OR entity_key = $3 OR (entity_key LIKE '{BATCH_KEY}%' AND after_json LIKE $4 ESCAPE '\\'))"
    )
}

/// A page of entries, newest first; before and after cut to a preview (an import's batch
/// entry holds a thousand records: [`one`] reads it whole).
pub async fn page(c: &mut Conn, f: &AuditFilter) -> Result<(Vec<AuditRow>, i64), DomainError> {
    let actor = f.actor.as_deref().filter(|s| !s.is_empty());
    let entity = f.entity.as_deref().filter(|s| !s.is_empty());
    let key = f.key.as_deref().filter(|s| !s.is_empty());
    let quoted = key.map(|k| {
        let escaped = k.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        format!("%\"{escaped}\"%")
    });
    let rows = sqlx::query_as(safe(format!(
        "SELECT seq, at, actor, action, entity, entity_key, substr(before_json, 1, {PREVIEW}) AS before_json, \
         substr(after_json, 1, {PREVIEW}) AS after_json, prev_hash, hash FROM audit_log {} \
         ORDER BY seq DESC LIMIT $5 OFFSET $6",
        page_where()
    )))
    .bind(actor)
    .bind(entity)
    .bind(key)
    .bind(&quoted)
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
        .fetch_one(&mut *c)
        .await
        .map_err(db)?;
    Ok((rows, n))
}

/// Characters of before and after shown in the list.
const PREVIEW: usize = 300;

/// One entry, whole.
pub async fn one(c: &mut Conn, seq: i64) -> Result<Option<AuditRow>, DomainError> {
    sqlx::query_as("SELECT * FROM audit_log WHERE seq = $1")
        .bind(seq)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}
