// 竞争上岗 of a selection case (issue 17, item 4): the typed text, one row per case.
// Included once per backend.

/// The stored text (JSON) of the case's competition, if any.
pub async fn text(c: &mut Conn, case: i64) -> Result<Option<String>, DomainError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT text FROM selection_competitions WHERE case_id = $1")
            .bind(case)
            .fetch_optional(&mut *c)
            .await
            .map_err(db)?;
    Ok(row.map(|r| r.0))
}

/// Saves `text` (JSON) for the case, audited with the text before and after; an unchanged
/// text writes nothing.
pub async fn save(c: &mut Conn, actor: &Actor, case: i64, text: &str, now: &str) -> Result<bool, DomainError> {
    let before = self::text(c, case).await?;
    if before.as_deref() == Some(text) {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO selection_competitions (case_id, text, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (case_id) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, \
         updated_at = excluded.updated_at",
    )
    .bind(case)
    .bind(text)
    .bind(&actor.login)
    .bind(now)
    .execute(&mut *c)
    .await
    .map_err(db)?;
    let json = |s: &str| serde_json::from_str::<serde_json::Value>(s).ok();
    audit::append(
        c,
        draft(actor, now, "selection.competition.save", "selection_case", &case.to_string(), before.as_deref().and_then(json), json(text)),
    )
    .await?;
    Ok(true)
}
