// 工作日历 (issue 17, R-SEL-9): the years the system administrator entered, as typed. The
// shipped years are not stored. Included once per backend.

/// A stored year: (year, notice title, text as typed, entered by, updated at).
pub type CalendarTuple = (i64, String, String, String, String);

/// Every entered year, in order.
pub async fn years(c: &mut Conn) -> Result<Vec<CalendarTuple>, DomainError> {
    sqlx::query_as("SELECT year, source, text, entered_by, updated_at FROM calendar_years ORDER BY year")
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

async fn year(c: &mut Conn, year: i64) -> Result<Option<CalendarTuple>, DomainError> {
    sqlx::query_as("SELECT year, source, text, entered_by, updated_at FROM calendar_years WHERE year = $1")
        .bind(year)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}

fn year_json(source: &str, text: &str) -> serde_json::Value {
    serde_json::json!({ "notice": source, "text": text })
}

/// Saves `text` as the year `y` (replacing what was entered for it); audited with before
/// and after. The caller has parsed the text. Unchanged text writes nothing.
pub async fn save_year(c: &mut Conn, actor: &Actor, y: i64, source: &str, text: &str, now: &str) -> Result<bool, DomainError> {
    let before = year(c, y).await?;
    if let Some((_, s, t, _, _)) = &before
        && s == source
        && t == text
    {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO calendar_years (year, source, text, entered_by, updated_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (year) DO UPDATE SET source = $2, text = $3, entered_by = $4, updated_at = $5",
    )
    .bind(y)
    .bind(source)
    .bind(text)
    .bind(&actor.login)
    .bind(now)
    .execute(&mut *c)
    .await
    .map_err(db)?;
    let before = before.map(|(_, s, t, _, _)| year_json(&s, &t));
    let after = Some(year_json(source, text));
    super::audit::append(&mut *c, draft(actor, now, "calendar.save", "calendar_year", &y.to_string(), before, after)).await?;
    Ok(true)
}

/// Deletes the entered year `y`; audited with what it held. Not found when none was entered.
pub async fn delete_year(c: &mut Conn, actor: &Actor, y: i64, now: &str) -> Result<(), DomainError> {
    let (_, s, t, _, _) = year(c, y)
        .await?
        .ok_or_else(|| DomainError::NotFound(message!("calendar-year-missing", year = y)))?;
    sqlx::query("DELETE FROM calendar_years WHERE year = $1")
        .bind(y)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    super::audit::append(&mut *c, draft(actor, now, "calendar.delete", "calendar_year", &y.to_string(), Some(year_json(&s, &t)), None)).await?;
    Ok(())
}
