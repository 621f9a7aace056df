// Anonymous ballots (DOMAIN.md M5). Included once per backend (see `backend!` in lib.rs).
//
// R-VOTE-3: the functions that a voter's submission runs (`code`, `use_code`, `used_nonce`,
// `insert_ballot`) write no time, no audit entry and nothing of the request; a ballot row
// is its random id, session, rater group and answers.

const SESSION_COLUMNS: &str = "id, title, meeting_date, spec, state, created_by, created_at";

pub async fn create_session(
    c: &mut Conn,
    actor: &Actor,
    title: &str,
    meeting_date: &str,
    spec: &str,
    now: &str,
) -> Result<i64, DomainError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO ballot_sessions (title, meeting_date, spec, state, created_by, created_at) \
         VALUES ($1, $2, $3, 'draft', $4, $5) RETURNING id",
    )
    .bind(title)
    .bind(meeting_date)
    .bind(spec)
    .bind(&actor.login)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    let after = serde_json::from_str::<serde_json::Value>(spec).ok();
    super::audit::append(&mut *c, draft(actor, now, "ballot.create", "ballot_session", &id.to_string(), None, after)).await?;
    Ok(id)
}

pub async fn session(c: &mut Conn, id: i64) -> Result<Option<BallotSessionRow>, DomainError> {
    sqlx::query_as(safe(format!("SELECT {SESSION_COLUMNS} FROM ballot_sessions WHERE id = $1")))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}

/// Every session, newest first.
pub async fn sessions(c: &mut Conn) -> Result<Vec<BallotSessionRow>, DomainError> {
    sqlx::query_as(safe(format!("SELECT {SESSION_COLUMNS} FROM ballot_sessions ORDER BY id DESC")))
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// Moves a session from `from` to `to`; false when it was not in `from`. Audited.
pub async fn set_state(c: &mut Conn, actor: &Actor, id: i64, from: &str, to: &str, now: &str) -> Result<bool, DomainError> {
    let done = sqlx::query("UPDATE ballot_sessions SET state = $1 WHERE id = $2 AND state = $3")
        .bind(to)
        .bind(id)
        .bind(from)
        .execute(&mut *c)
        .await
        .map_err(db)?
        .rows_affected()
        == 1;
    if done {
        super::audit::append(
            &mut *c,
            draft(actor, now, &format!("ballot.{to}"), "ballot_session", &id.to_string(), Some(serde_json::json!({ "state": from })), Some(serde_json::json!({ "state": to }))),
        )
        .await?;
    }
    Ok(done)
}

/// Takes the session's row for this transaction (PostgreSQL: a row lock, held until the
/// commit, so a concurrent close or correction of 实到 waits; SQLite's `BEGIN IMMEDIATE`
/// serialises writers anyway) and says whether it exists. Read the session after this to
/// see its latest committed state.
pub async fn lock_session(c: &mut Conn, id: i64) -> Result<bool, DomainError> {
    Ok(sqlx::query("UPDATE ballot_sessions SET state = state WHERE id = $1")
        .bind(id)
        .execute(&mut *c)
        .await
        .map_err(db)?
        .rows_affected()
        == 1)
}

/// Writes a session's set-up with its 实到人数 changed (R-SEL-2); audited with the number
/// before and after.
pub async fn set_attendance(c: &mut Conn, actor: &Actor, id: i64, spec: &str, before: Option<u32>, after: u32, now: &str) -> Result<(), DomainError> {
    sqlx::query("UPDATE ballot_sessions SET spec = $1 WHERE id = $2")
        .bind(spec)
        .bind(id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    super::audit::append(
        &mut *c,
        draft(actor, now, "ballot.attendance", "ballot_session", &id.to_string(), Some(serde_json::json!({ "attended": before })), Some(serde_json::json!({ "attended": after }))),
    )
    .await?;
    Ok(())
}

/// The ballots of a session: online and counted paper, valid or not.
pub async fn cast_count(c: &mut Conn, id: i64) -> Result<i64, DomainError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM ballots WHERE session_id = $1")
        .bind(id)
        .fetch_one(&mut *c)
        .await
        .map_err(db)
}

/// Stores the hashes of new codes (group, serial, hash); audited as `action` (issued, or
/// reissued in place of the voided serials `replaces`) by count and serials, never by code.
#[allow(clippy::too_many_arguments)]
pub async fn insert_codes(c: &mut Conn, actor: &Actor, id: i64, codes: &[(i64, i64, String)], action: &str, replaces: &[i64], now: &str) -> Result<(), DomainError> {
    for chunk in codes.chunks(500) {
        let mut sql = String::from("INSERT INTO ballot_codes (hash, session_id, grp, serial) VALUES ");
        for i in 0..chunk.len() {
            let n = i * 4;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("(${}, ${}, ${}, ${})", n + 1, n + 2, n + 3, n + 4));
        }
        let mut q = sqlx::query(safe(sql));
        for (grp, serial, hash) in chunk {
            q = q.bind(hash).bind(id).bind(*grp).bind(*serial);
        }
        q.execute(&mut *c).await.map_err(db)?;
    }
    let serials = match (codes.first(), codes.last()) {
        (Some(a), Some(b)) => format!("{}-{}", a.1, b.1),
        _ => String::new(),
    };
    super::audit::append(
        &mut *c,
        draft(actor, now, action, "ballot_session", &id.to_string(), None, Some(serde_json::json!({ "codes": codes.len(), "serials": serials, "replaces": replaces }))),
    )
    .await?;
    Ok(())
}

/// Every code of a session: (serial, group, voided mark, used). The voided mark is 0 for a
/// code that can vote or has voted, 1 for a voided one, 2 for a voided one replaced by a
/// new code (补发, `banzi_domain::ballot::codes`).
pub async fn codes(c: &mut Conn, id: i64) -> Result<Vec<(i64, i64, i64, bool)>, DomainError> {
    let rows: Vec<(i64, i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT serial, grp, voided, nonce FROM ballot_codes \
         WHERE session_id = $1 ORDER BY serial",
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    Ok(rows.into_iter().map(|(s, g, v, n)| (s, g, v, n.is_some())).collect())
}

/// Voids the code of this serial if it is unused; false when it is not (used meanwhile: on
/// PostgreSQL the row lock orders this against a submission holding the code).
pub async fn void_code(c: &mut Conn, id: i64, serial: i64) -> Result<bool, DomainError> {
    Ok(sqlx::query(
        "UPDATE ballot_codes SET voided = 1 WHERE session_id = $1 AND serial = $2 AND voided = 0 \
         AND nonce IS NULL",
    )
    .bind(id)
    .bind(serial)
    .execute(&mut *c)
    .await
    .map_err(db)?
    .rows_affected()
        == 1)
}

/// Marks the voided code of this serial replaced by a new one (voided mark 2).
pub async fn mark_replaced(c: &mut Conn, id: i64, serial: i64) -> Result<(), DomainError> {
    sqlx::query("UPDATE ballot_codes SET voided = 2 WHERE session_id = $1 AND serial = $2 AND voided = 1")
        .bind(id)
        .bind(serial)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

/// A code by its hash: (session, group, voided).
pub async fn code(c: &mut Conn, hash: &str) -> Result<Option<(i64, i64, bool)>, DomainError> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as("SELECT session_id, grp, voided FROM ballot_codes WHERE hash = $1")
        .bind(hash)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    Ok(row.map(|(s, g, v)| (s, g, v != 0)))
}

/// Marks a code used with the hash of the client's nonce, on the code's own row; false when
/// it already was used or has been voided meanwhile (on PostgreSQL the row lock orders this
/// against a concurrent void or cast, and the condition is checked again after the wait).
pub async fn use_code(c: &mut Conn, hash: &str, nonce: &str) -> Result<bool, DomainError> {
    Ok(sqlx::query("UPDATE ballot_codes SET nonce = $1 WHERE hash = $2 AND nonce IS NULL AND voided = 0")
        .bind(nonce)
        .bind(hash)
        .execute(&mut *c)
        .await
        .map_err(db)?
        .rows_affected()
        == 1)
}

/// The hash of the nonce a code was used with; `None` while it is unused (or unknown).
pub async fn used_nonce(c: &mut Conn, hash: &str) -> Result<Option<String>, DomainError> {
    let n: Option<Option<String>> = sqlx::query_scalar("SELECT nonce FROM ballot_codes WHERE hash = $1")
        .bind(hash)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    Ok(n.flatten())
}

pub async fn insert_ballot(c: &mut Conn, id: &str, session: i64, grp: i64, content: &str, paper: bool) -> Result<(), DomainError> {
    sqlx::query("INSERT INTO ballots (id, session_id, grp, content, paper) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(session)
        .bind(grp)
        .bind(content)
        .bind(i64::from(paper))
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

/// Codes issued, voided and ballots cast, per rater group.
pub async fn turnout(c: &mut Conn, id: i64) -> Result<Vec<GroupTurnout>, DomainError> {
    let codes: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT grp, COUNT(CASE WHEN voided = 0 THEN 1 END), COUNT(CASE WHEN voided <> 0 THEN 1 END) \
         FROM ballot_codes WHERE session_id = $1 GROUP BY grp",
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let cast: Vec<(i64, i64)> = sqlx::query_as("SELECT grp, COUNT(*) FROM ballots WHERE session_id = $1 GROUP BY grp")
        .bind(id)
        .fetch_all(&mut *c)
        .await
        .map_err(db)?;
    let mut out: Vec<GroupTurnout> = codes
        .into_iter()
        .map(|(grp, issued, voided)| GroupTurnout { grp, issued, voided, cast: 0 })
        .collect();
    for (grp, n) in cast {
        match out.iter_mut().find(|t| t.grp == grp) {
            Some(t) => t.cast = n,
            None => out.push(GroupTurnout { grp, cast: n, ..Default::default() }),
        }
    }
    out.sort_by_key(|t| t.grp);
    Ok(out)
}

/// The ballots of a session (group, answers), in the order of their random ids.
pub async fn ballots(c: &mut Conn, id: i64) -> Result<Vec<(i64, String)>, DomainError> {
    sqlx::query_as("SELECT grp, content FROM ballots WHERE session_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// Rewrites the ballots and the codes of a closed session in the order of their random
/// keys, in one transaction, so that no trace of the order or the transaction they were
/// written in stays with the rows (PostgreSQL keeps rows in the order written and stamps
/// each with its transaction, a code's used mark included; SQLite's WITHOUT ROWID tables
/// are in key order already). The caller then has the old row versions removed (`VACUUM
/// FULL`, or a WAL checkpoint).
pub async fn seal(c: &mut Conn, id: i64) -> Result<(), DomainError> {
    for sql in [
        "CREATE TEMP TABLE sealed_ballots AS SELECT id, session_id, grp, content, paper FROM ballots WHERE session_id = $1",
        "CREATE TEMP TABLE sealed_codes AS SELECT hash, session_id, grp, serial, voided, nonce FROM ballot_codes WHERE session_id = $1",
        "DELETE FROM ballots WHERE session_id = $1",
        "DELETE FROM ballot_codes WHERE session_id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *c).await.map_err(db)?;
    }
    for sql in [
        "INSERT INTO ballots (id, session_id, grp, content, paper) SELECT id, session_id, grp, content, paper FROM sealed_ballots ORDER BY id",
        "INSERT INTO ballot_codes (hash, session_id, grp, serial, voided, nonce) SELECT hash, session_id, grp, serial, voided, nonce FROM sealed_codes ORDER BY hash",
        "DROP TABLE sealed_ballots",
        "DROP TABLE sealed_codes",
    ] {
        sqlx::query(sql).execute(&mut *c).await.map_err(db)?;
    }
    Ok(())
}

/// The paper entries of a session: (seq, round, clerk, group, answers, counted), by seq.
pub async fn paper(c: &mut Conn, id: i64) -> Result<Vec<(i64, i64, String, i64, String, i64)>, DomainError> {
    sqlx::query_as("SELECT seq, round, clerk, grp, content, counted FROM ballot_paper WHERE session_id = $1 ORDER BY seq, round")
        .bind(id)
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// Writes (or rewrites) one round of one paper slip; audited with what was keyed.
#[allow(clippy::too_many_arguments)]
pub async fn key_paper(c: &mut Conn, actor: &Actor, id: i64, seq: i64, round: i64, grp: i64, content: &str, now: &str) -> Result<(), DomainError> {
    sqlx::query("DELETE FROM ballot_paper WHERE session_id = $1 AND seq = $2 AND round = $3")
        .bind(id)
        .bind(seq)
        .bind(round)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    sqlx::query("INSERT INTO ballot_paper (session_id, seq, round, clerk, grp, content) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(id)
        .bind(seq)
        .bind(round)
        .bind(&actor.login)
        .bind(grp)
        .bind(content)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    let after = serde_json::json!({ "seq": seq, "round": round, "group": grp, "ballot": serde_json::from_str::<serde_json::Value>(content).ok() });
    super::audit::append(&mut *c, draft(actor, now, "ballot.paper_key", "ballot_session", &id.to_string(), None, Some(after))).await?;
    Ok(())
}

/// Marks the paper slips of these seqs counted.
pub async fn mark_counted(c: &mut Conn, id: i64, seqs: &[i64]) -> Result<(), DomainError> {
    for s in seqs {
        sqlx::query("UPDATE ballot_paper SET counted = 1 WHERE session_id = $1 AND seq = $2")
            .bind(id)
            .bind(*s)
            .execute(&mut *c)
            .await
            .map_err(db)?;
    }
    Ok(())
}

/// Paper slips keyed and not yet counted.
pub async fn paper_pending(c: &mut Conn, id: i64) -> Result<i64, DomainError> {
    sqlx::query_scalar("SELECT COUNT(DISTINCT seq) FROM ballot_paper WHERE session_id = $1 AND counted = 0")
        .bind(id)
        .fetch_one(&mut *c)
        .await
        .map_err(db)
}
