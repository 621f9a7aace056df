// 干部选拔任用 (issue 17): batches, cases and their chained events. Included once per
// backend. An event row is only ever inserted; the case row's board columns (step, events,
// head) are written with it.

use banzi_domain::selection::chain::StoredEvent;

/// A case as the board lists it.
pub const CASE_COLS: &str = "SELECT sc.id, sc.batch_id, sb.name AS batch_name, sc.post_id, p.code AS post_code, \
     p.title AS post_title, un.code AS unit_code, un.name AS unit_name, sc.staff, sc.opened_on, sc.step, \
     sc.events, sc.head, sc.updated_at FROM selection_cases sc \
     LEFT JOIN selection_batches sb ON sb.id = sc.batch_id JOIN posts p ON p.id = sc.post_id \
     JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id";

pub async fn batches(c: &mut Conn) -> Result<Vec<BatchRow>, DomainError> {
    sqlx::query_as("SELECT id, name, kind, created_by, created_at FROM selection_batches ORDER BY id DESC")
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

pub async fn insert_batch(c: &mut Conn, actor: &Actor, name: &str, kind: &str, now: &str) -> Result<i64, DomainError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO selection_batches (name, kind, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name)
    .bind(kind)
    .bind(&actor.login)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    let after = serde_json::json!({ "name": name, "kind": kind });
    audit::append(c, draft(actor, now, "selection.batch.create", "selection_batch", &id.to_string(), None, Some(after))).await?;
    Ok(id)
}

/// The case row's own columns of [`CASE_COLS`], with the same joins (the filters name `un`
/// and `sb`): the board's list reads these, and the post, unit and batch labels once each.
const CASE_OWN_COLS: &str = "SELECT sc.id, sc.batch_id, sc.post_id, sc.staff, sc.opened_on, sc.step, \
     sc.events, sc.head, sc.updated_at FROM selection_cases sc \
     LEFT JOIN selection_batches sb ON sb.id = sc.batch_id JOIN posts p ON p.id = sc.post_id \
     JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id";

/// A case row's own columns: (id, batch, post, staff, opened_on, step, events, head,
/// updated_at).
type CaseTuple = (i64, Option<i64>, i64, String, String, String, i64, String, String);

/// The cases `filters` finds (a WHERE clause of this crate over `sc`, `sb`, `un`, bound with
/// `args`), newest first.
///
/// Ten thousand cases hold a few hundred posts and batches: each row is read with its own
/// columns only and given the labels of its post, unit and batch here (read after the rows:
/// a post or batch a case names is never deleted). Reading the five labels on every row
/// cost the board half its time (issue 17, "Speed").
pub async fn cases(c: &mut Conn, filters: &str, args: &[Option<String>]) -> Result<Vec<CaseRow>, DomainError> {
    let mut q = sqlx::query_as(safe(format!("{CASE_OWN_COLS} {filters} ORDER BY sc.updated_at DESC, sc.id DESC")));
    for a in args {
        q = q.bind(a.as_deref());
    }
    let rows: Vec<CaseTuple> = q.fetch_all(&mut *c).await.map_err(db)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let posts: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT p.id, p.code, p.title, un.code, un.name FROM posts p JOIN teams t ON t.id = p.team_id \
         JOIN units un ON un.id = t.unit_id WHERE p.id IN (SELECT DISTINCT post_id FROM selection_cases)",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let posts: std::collections::HashMap<i64, (String, String, String, String)> =
        posts.into_iter().map(|(id, code, title, unit_code, unit_name)| (id, (code, title, unit_code, unit_name))).collect();
    let batches: std::collections::HashMap<i64, String> = sqlx::query_as::<_, (i64, String)>("SELECT id, name FROM selection_batches")
        .fetch_all(&mut *c)
        .await
        .map_err(db)?
        .into_iter()
        .collect();
    rows.into_iter()
        .map(|(id, batch_id, post_id, staff, opened_on, step, events, head, updated_at)| {
            let (post_code, post_title, unit_code, unit_name) = posts
                .get(&post_id)
                .cloned()
                .ok_or_else(|| DomainError::Internal(format!("selection case {id} names post {post_id}, which is not stored")))?;
            Ok(CaseRow {
                id,
                batch_id,
                batch_name: batch_id.and_then(|b| batches.get(&b).cloned()),
                post_id,
                post_code,
                post_title,
                unit_code,
                unit_name,
                staff,
                opened_on,
                step,
                events,
                head,
                updated_at,
            })
        })
        .collect()
}

pub async fn case(c: &mut Conn, id: i64) -> Result<Option<CaseRow>, DomainError> {
    sqlx::query_as(safe(format!("{CASE_COLS} WHERE sc.id = $1")))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}

/// An event row as read: (case, seq, at, actor, kind, body, prev_hash, hash).
type EventTuple = (i64, i64, String, String, String, String, String, String);

/// The event rows of a case, by seq.
pub async fn events(c: &mut Conn, case_id: i64) -> Result<Vec<StoredEvent>, DomainError> {
    let rows: Vec<EventTuple> = sqlx::query_as(
        "SELECT case_id, seq, at, actor, kind, body, prev_hash, hash FROM selection_events WHERE case_id = $1 ORDER BY seq",
    )
    .bind(case_id)
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    Ok(rows.into_iter().map(stored_event).collect())
}

/// Every event row, by case and seq (`banzi audit verify`).
pub async fn all_events(c: &mut Conn) -> Result<Vec<StoredEvent>, DomainError> {
    let rows: Vec<EventTuple> = sqlx::query_as(
        "SELECT case_id, seq, at, actor, kind, body, prev_hash, hash FROM selection_events ORDER BY case_id, seq",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    Ok(rows.into_iter().map(stored_event).collect())
}

/// For each case key of the audit trail, the `after` of its newest entry (the one that
/// anchored its newest event's hash), by key (`banzi audit verify`). Found in the index
/// `audit_log_entity_key` (migration 0015) without reading the rest of the trail.
pub async fn anchors(c: &mut Conn) -> Result<Vec<(String, String)>, DomainError> {
    sqlx::query_as(
        "SELECT a.entity_key, a.after_json FROM audit_log a JOIN \
         (SELECT entity_key, MAX(seq) AS seq FROM audit_log WHERE entity = 'selection_case' GROUP BY entity_key) n \
         ON a.seq = n.seq ORDER BY a.seq",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)
}

/// Every case row's board columns: (id, step, events, head).
pub async fn case_heads(c: &mut Conn) -> Result<Vec<(i64, String, i64, String)>, DomainError> {
    sqlx::query_as("SELECT id, step, events, head FROM selection_cases ORDER BY id")
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

fn stored_event(r: EventTuple) -> StoredEvent {
    StoredEvent {
        case_id: r.0,
        seq: r.1,
        at: r.2,
        actor: r.3,
        kind: r.4,
        body: r.5,
        prev_hash: r.6,
        hash: r.7,
    }
}

/// A new case row (its board columns written by [`append`] with the first event).
pub async fn insert_case(c: &mut Conn, batch: Option<i64>, post_id: i64, staff: &str, opened_on: &str, now: &str) -> Result<i64, DomainError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO selection_cases (batch_id, post_id, staff, opened_on, step, events, head, updated_at) \
         VALUES ($1, $2, $3, $4, '', 0, '', $5) RETURNING id",
    )
    .bind(batch)
    .bind(post_id)
    .bind(staff)
    .bind(opened_on)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    Ok(id)
}

/// Appends `row` (sealed after the case's last row), anchors its hash in the audit trail and
/// writes the case's board columns. A row already at that seq (a concurrent writer) is a
/// conflict: the caller's transaction rolls back.
pub async fn append(c: &mut Conn, actor: &Actor, row: &StoredEvent, step: &str, now: &str) -> Result<(), DomainError> {
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
    .execute(&mut *c)
    .await
    .map_err(|e| match db(e) {
        DomainError::Conflict(_) => DomainError::Conflict(Msg::new("store-selection-concurrent")),
        other => other,
    })?;
    let moved = sqlx::query(
        "UPDATE selection_cases SET step = $1, events = $2, head = $3, updated_at = $4 WHERE id = $5 AND events = $6",
    )
    .bind(step)
    .bind(row.seq)
    .bind(&row.hash)
    .bind(now)
    .bind(row.case_id)
    .bind(row.seq - 1)
    .execute(&mut *c)
    .await
    .map_err(db)?;
    if moved.rows_affected() != 1 {
        return Err(DomainError::Conflict(Msg::new("store-selection-concurrent")));
    }
    let body: serde_json::Value = serde_json::from_str(&row.body)
        .map_err(|e| DomainError::Internal(format!("an event did not serialise: {e}")))?;
    let after = serde_json::json!({ "seq": row.seq, "hash": row.hash, "event": body });
    audit::append(
        c,
        draft(actor, now, &format!("selection.{}", row.kind), "selection_case", &row.case_id.to_string(), None, Some(after)),
    )
    .await?;
    Ok(())
}
