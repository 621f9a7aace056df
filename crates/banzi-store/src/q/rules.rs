// Rule parameters (issue 3, DOMAIN.md M2 *(param)*). Included once per backend.

/// The stored values, by key (defaults are not stored).
pub async fn params(c: &mut Conn) -> Result<Vec<(String, String)>, DomainError> {
    sqlx::query_as("SELECT key, value FROM rule_params ORDER BY key")
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// Sets one parameter to `value`, or back to its default when `value` is None; audited with
/// before and after. The caller has checked the value.
pub async fn set_param(
    c: &mut Conn,
    actor: &Actor,
    key: &str,
    before: &str,
    value: Option<&str>,
    now: &str,
) -> Result<(), DomainError> {
    sqlx::query("DELETE FROM rule_params WHERE key = $1").bind(key).execute(&mut *c).await.map_err(db)?;
    if let Some(v) = value {
        sqlx::query("INSERT INTO rule_params (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)")
            .bind(key)
            .bind(v)
            .bind(now)
            .bind(&actor.login)
            .execute(&mut *c)
            .await
            .map_err(db)?;
    }
    let after = value.map_or_else(|| serde_json::json!({ "value": null, "default": true }), |v| serde_json::json!({ "value": v }));
    super::audit::append(
        &mut *c,
        draft(actor, now, "rule_param.set", "rule_param", key, Some(serde_json::json!({ "value": before })), Some(after)),
    )
    .await?;
    Ok(())
}

/// The newest audit entry that changed the registry or a rule parameter (see migration 0020).
pub async fn analysis_key(c: &mut Conn) -> Result<i64, DomainError> {
    sqlx::query_scalar("SELECT changed FROM audit_head WHERE id = 1").fetch_one(&mut *c).await.map_err(db)
}
