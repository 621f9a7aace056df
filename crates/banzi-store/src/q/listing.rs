// 名册 (issue 16, item 4): the cadres the cadre list's filters find (the same SQL and the
// same values, `cadres::filters`, so a liaison's scope is in the query, R-SEC-1), every
// appointment they had, and the named templates of the department. Included once per
// backend.

/// The cadres found by `filters` (bound with `args`), by row id.
pub async fn cadres(c: &mut Conn, filters: &str, args: &[Option<String>]) -> Result<Vec<CadreRow>, DomainError> {
    let mut q = sqlx::query_as(safe(format!("{} {filters} ORDER BY c.id", super::cadres::CADRE_COLS)));
    for a in args {
        q = q.bind(a.as_deref());
    }
    q.fetch_all(&mut *c).await.map_err(db)
}

/// One appointment as the listing reads it: (cadre row id, post row id, start, end, manner,
/// document number).
pub type ApptTuple = (i64, i64, String, Option<String>, Option<String>, String);

/// Every appointment, past ones too, of the cadres `filters` finds: tenure is joined over them.
pub async fn appointments(c: &mut Conn, filters: &str, args: &[Option<String>]) -> Result<Vec<ApptTuple>, DomainError> {
    let sql = format!(
        "SELECT a.cadre_id, a.post_id, a.start_date, a.end_date, a.manner, a.doc_no FROM appointments a \
         WHERE a.cadre_id IN (SELECT c.id FROM cadres c {filters}) ORDER BY a.id"
    );
    let mut q = sqlx::query_as(safe(sql));
    for a in args {
        q = q.bind(a.as_deref());
    }
    q.fetch_all(&mut *c).await.map_err(db)
}

/// The posts held at some time by the cadres `filters` finds, in the registry's order: what
/// their histories name. (Not every post: a province has 96,000, read for each 名册 in
/// 1.7 s.)
pub async fn posts(c: &mut Conn, filters: &str, args: &[Option<String>]) -> Result<Vec<PostRow>, DomainError> {
    let sql = format!(
        "{} WHERE p.id IN ({}) ORDER BY u.sort_order, u.id, t.name, p.sort_order, p.id",
        super::units::POST_COLS,
        held(filters)
    );
    let mut q = sqlx::query_as(safe(sql));
    for a in args {
        q = q.bind(a.as_deref());
    }
    q.fetch_all(&mut *c).await.map_err(db)
}

/// The units of [`posts`], in the registry's order.
pub async fn units(c: &mut Conn, filters: &str, args: &[Option<String>]) -> Result<Vec<UnitRow>, DomainError> {
    let sql = format!(
        "{} WHERE u.id IN (SELECT t.unit_id FROM teams t JOIN posts p ON p.team_id = t.id WHERE p.id IN ({})) \
         ORDER BY u.sort_order, u.id",
        super::units::UNIT_COLS,
        held(filters)
    );
    let mut q = sqlx::query_as(safe(sql));
    for a in args {
        q = q.bind(a.as_deref());
    }
    q.fetch_all(&mut *c).await.map_err(db)
}

/// The row ids of the posts the cadres `filters` finds ever held.
fn held(filters: &str) -> String {
    format!("SELECT a.post_id FROM appointments a WHERE a.cadre_id IN (SELECT c.id FROM cadres c {filters})")
}

/// A stored template: (name, column keys comma-separated, owner, updated at).
pub type TemplateTuple = (String, String, String, String);

/// Every template, by name.
pub async fn templates(c: &mut Conn) -> Result<Vec<TemplateTuple>, DomainError> {
    sqlx::query_as("SELECT name, columns, owner, updated_at FROM listing_templates ORDER BY name")
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

async fn template(c: &mut Conn, name: &str) -> Result<Option<TemplateTuple>, DomainError> {
    sqlx::query_as("SELECT name, columns, owner, updated_at FROM listing_templates WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}

fn template_json(name: &str, columns: &str, owner: &str) -> serde_json::Value {
    serde_json::json!({ "name": name, "columns": columns, "owner": owner })
}

/// Saves `columns` under `name`, replacing a template of that name; audited with before and
/// after. Unchanged columns write nothing.
pub async fn save_template(c: &mut Conn, actor: &Actor, name: &str, columns: &str, now: &str) -> Result<bool, DomainError> {
    let before = template(c, name).await?;
    if let Some((_, cols, _, _)) = &before
        && cols == columns
    {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO listing_templates (name, columns, owner, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (name) DO UPDATE SET columns = $2, owner = $3, updated_at = $4",
    )
    .bind(name)
    .bind(columns)
    .bind(&actor.login)
    .bind(now)
    .execute(&mut *c)
    .await
    .map_err(db)?;
    let before = before.map(|(n, cols, owner, _)| template_json(&n, &cols, &owner));
    let after = Some(template_json(name, columns, &actor.login));
    super::audit::append(&mut *c, draft(actor, now, "listing.save", "listing_template", name, before, after)).await?;
    Ok(true)
}

/// Deletes the template `name`; audited with what it held. Not found when there is none.
pub async fn delete_template(c: &mut Conn, actor: &Actor, name: &str, now: &str) -> Result<(), DomainError> {
    let (n, cols, owner, _) = template(c, name)
        .await?
        .ok_or_else(|| DomainError::NotFound(message!("store-listing-template-missing", name = name.to_string())))?;
    sqlx::query("DELETE FROM listing_templates WHERE name = $1")
        .bind(name)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    let before = Some(template_json(&n, &cols, &owner));
    super::audit::append(&mut *c, draft(actor, now, "listing.delete", "listing_template", name, before, None)).await?;
    Ok(())
}
