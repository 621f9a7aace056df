// Accounts, sign-in failures and sessions — R-SEC-1, R-SEC-2. Included once per backend.

/// An account's fields, of `users u` and `units un` (a macro: `concat!` takes literals).
macro_rules! user_fields {
    () => {
        "u.id, u.login, u.display_name, u.password_hash, u.role, un.code AS unit_code, un.name AS unit_name, \
         u.active, u.must_change, u.admin_locked, \
         (SELECT MAX(l.until) FROM login_locks l WHERE l.login = u.login) AS locked_until"
    };
}
const USER_COLS: &str = concat!(
    "SELECT ",
    user_fields!(),
    " FROM users u LEFT JOIN units un ON un.id = u.unit_id"
);

pub async fn by_login(c: &mut Conn, login: &str) -> Result<Option<UserRow>, DomainError> {
    sqlx::query_as(safe(format!("{USER_COLS} WHERE u.login = $1")))
        .bind(login)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}

pub async fn list(c: &mut Conn) -> Result<Vec<UserRow>, DomainError> {
    sqlx::query_as(safe(format!("{USER_COLS} ORDER BY u.login")))
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// The account by login, or `store-user` not found.
pub async fn existing(c: &mut Conn, login: &str) -> Result<UserRow, DomainError> {
    by_login(&mut *c, login)
        .await?
        .ok_or_else(|| DomainError::NotFound(message!("store-user", login = login.to_string())))
}

async fn unit_id(c: &mut Conn, code: Option<&str>) -> Result<Option<i64>, DomainError> {
    match code {
        Some(code) => Ok(Some(
            super::units::id_by_code(&mut *c, code)
                .await?
                .ok_or_else(|| DomainError::invalid("单位", message!("reg-unit-missing", code = code.to_string())))?,
        )),
        None => Ok(None),
    }
}

pub async fn create(c: &mut Conn, actor: &Actor, u: &NewUser, must_change: bool, now: &str) -> Result<i64, DomainError> {
    let unit_id = unit_id(&mut *c, u.unit_code.as_deref()).await?;
    if by_login(&mut *c, &u.login).await?.is_some() {
        return Err(DomainError::invalid("登录名", message!("store-login-taken", login = &u.login)));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (login, display_name, password_hash, role, unit_id, active, must_change, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(&u.login)
    .bind(&u.display_name)
    .bind(&u.password_hash)
    .bind(u.role.as_str())
    .bind(unit_id)
    .bind(true)
    .bind(must_change)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    let after = serde_json::json!({"login": u.login, "display_name": u.display_name, "role": u.role.as_str(), "unit": u.unit_code, "must_change": must_change});
    super::audit::append(&mut *c, draft(actor, now, "user.create", "user", &u.login, None, Some(after))).await?;
    Ok(id)
}

/// A new password: the user's own (`user.password`) or a reset by the security administrator
/// (`user.password_reset`, to be changed at the next sign-in). Either ends the account's
/// other sessions: `keep` is the session that changed it, if any.
pub async fn set_password(
    c: &mut Conn,
    actor: &Actor,
    login: &str,
    hash: &str,
    must_change: bool,
    keep: Option<&str>,
    now: &str,
) -> Result<(), DomainError> {
    let u = existing(&mut *c, login).await?;
    sqlx::query("UPDATE users SET password_hash = $1, must_change = $2 WHERE id = $3")
        .bind(hash)
        .bind(must_change)
        .bind(u.id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(u.id)
        .bind(keep.unwrap_or(""))
        .execute(&mut *c)
        .await
        .map_err(db)?;
    let action = if must_change { "user.password_reset" } else { "user.password" };
    super::audit::append(&mut *c, draft(actor, now, action, "user", login, None, None)).await?;
    Ok(())
}

pub async fn set_active(c: &mut Conn, actor: &Actor, login: &str, active: bool, now: &str) -> Result<(), DomainError> {
    let u = existing(&mut *c, login).await?;
    sqlx::query("UPDATE users SET active = $1 WHERE id = $2")
        .bind(active)
        .bind(u.id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    if !active {
        end_sessions(&mut *c, u.id).await?;
    }
    let before = serde_json::json!({ "active": u.active });
    let after = serde_json::json!({ "active": active });
    super::audit::append(&mut *c, draft(actor, now, "user.active", "user", login, Some(before), Some(after))).await?;
    Ok(())
}

/// Gives the account a role (with its unit for a liaison); its sessions end, so the new
/// role takes effect at the next sign-in.
pub async fn set_role(c: &mut Conn, actor: &Actor, login: &str, role: Role, unit: Option<&str>, now: &str) -> Result<(), DomainError> {
    let u = existing(&mut *c, login).await?;
    let unit_id = unit_id(&mut *c, unit).await?;
    sqlx::query("UPDATE users SET role = $1, unit_id = $2 WHERE id = $3")
        .bind(role.as_str())
        .bind(unit_id)
        .bind(u.id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    end_sessions(&mut *c, u.id).await?;
    let before = serde_json::json!({ "role": u.role, "unit": u.unit_code });
    let after = serde_json::json!({ "role": role.as_str(), "unit": unit });
    super::audit::append(&mut *c, draft(actor, now, "user.role", "user", login, Some(before), Some(after))).await?;
    Ok(())
}

/// The security administrator's lock (no sign-in until unlocked) or unlock, which also
/// lifts every lock a run of failures put on the login.
pub async fn set_admin_lock(c: &mut Conn, actor: &Actor, login: &str, locked: bool, now: &str) -> Result<(), DomainError> {
    let u = existing(&mut *c, login).await?;
    sqlx::query("UPDATE users SET admin_locked = $1 WHERE id = $2")
        .bind(locked)
        .bind(u.id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    if locked {
        end_sessions(&mut *c, u.id).await?;
    } else {
        for table in ["login_locks", "login_failures"] {
            sqlx::query(safe(format!("DELETE FROM {table} WHERE login = $1")))
                .bind(login)
                .execute(&mut *c)
                .await
                .map_err(db)?;
        }
    }
    let action = if locked { "user.lock" } else { "user.unlock" };
    super::audit::append(&mut *c, draft(actor, now, action, "user", login, None, None)).await?;
    Ok(())
}

async fn end_sessions(c: &mut Conn, user_id: i64) -> Result<(), DomainError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

/// Where a sign-in attempt from `source` stands before its password is checked.
pub async fn gate(c: &mut Conn, login: &str, source: &str, now: &str, window_start: &str) -> Result<SignInGate, DomainError> {
    let (failures, last): (i64, Option<String>) =
        sqlx::query_as("SELECT COUNT(*), MAX(at) FROM login_failures WHERE source = $1 AND at > $2")
            .bind(source)
            .bind(window_start)
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
    let locked_until: Option<(String,)> =
        sqlx::query_as("SELECT until FROM login_locks WHERE login = $1 AND source = $2 AND until > $3")
            .bind(login)
            .bind(source)
            .bind(now)
            .fetch_optional(&mut *c)
            .await
            .map_err(db)?;
    Ok(SignInGate { source_failures: failures, last_failure: last, locked_until: locked_until.map(|r| r.0) })
}

/// Records a failed sign-in of `login` (a login, or the digest of a name no account has)
/// from `source`, audited; when `max` failures of that login from that source fall inside
/// the window, the login is locked for that source until `lock_until` (R-SEC-2). Failures
/// older than the window are purged. Returns the lock's end if this failure set it.
#[allow(clippy::too_many_arguments)]
pub async fn record_failure(
    c: &mut Conn,
    login: &str,
    source: &str,
    now: &str,
    window_start: &str,
    max: i64,
    lock_until: &str,
) -> Result<Option<String>, DomainError> {
    sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(window_start)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    sqlx::query("DELETE FROM login_locks WHERE until <= $1")
        .bind(now)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    sqlx::query("INSERT INTO login_failures (login, source, at) VALUES ($1, $2, $3)")
        .bind(login)
        .bind(source)
        .bind(now)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    let anon = Actor { login: login.to_string(), role: Role::Unassigned, scope: banzi_domain::role::Scope::All };
    let detail = serde_json::json!({ "source": source });
    super::audit::append(&mut *c, draft(&anon, now, "session.login_failed", "user", login, None, Some(detail))).await?;
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE login = $1 AND source = $2 AND at > $3")
        .bind(login)
        .bind(source)
        .bind(window_start)
        .fetch_one(&mut *c)
        .await
        .map_err(db)?;
    if n < max {
        return Ok(None);
    }
    sqlx::query("DELETE FROM login_locks WHERE login = $1 AND source = $2")
        .bind(login)
        .bind(source)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    sqlx::query("INSERT INTO login_locks (login, source, until) VALUES ($1, $2, $3)")
        .bind(login)
        .bind(source)
        .bind(lock_until)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    sqlx::query("DELETE FROM login_failures WHERE login = $1 AND source = $2")
        .bind(login)
        .bind(source)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    let sys = Actor { login: "system".into(), role: Role::SecAdmin, scope: banzi_domain::role::Scope::All };
    let after = serde_json::json!({ "locked_until": lock_until, "failures": n, "source": source });
    super::audit::append(&mut *c, draft(&sys, now, "user.lock", "user", login, None, Some(after))).await?;
    Ok(Some(lock_until.to_string()))
}

/// A correct password from `source`: that login's failures from there are forgotten (the
/// source's other failures still slow it down).
pub async fn clear_failures(c: &mut Conn, login: &str, source: &str) -> Result<(), DomainError> {
    sqlx::query("DELETE FROM login_failures WHERE login = $1 AND source = $2")
        .bind(login)
        .bind(source)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

/// Ends sessions idle since `idle_before` or begun before `created_before`, anyone's.
pub async fn purge_sessions(c: &mut Conn, idle_before: &str, created_before: &str) -> Result<u64, DomainError> {
    Ok(sqlx::query("DELETE FROM sessions WHERE last_seen < $1 OR created_at < $2")
        .bind(idle_before)
        .bind(created_before)
        .execute(&mut *c)
        .await
        .map_err(db)?
        .rows_affected())
}

pub async fn create_session(c: &mut Conn, token_hash: &str, user_id: i64, csrf: &str, now: &str) -> Result<(), DomainError> {
    sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) VALUES ($1, $2, $3, $4, $4)")
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf)
        .bind(now)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

/// The session and its account in one statement (one round trip of every request).
pub async fn signed_in(c: &mut Conn, token_hash: &str) -> Result<Option<SignedIn>, DomainError> {
    sqlx::query_as(concat!(
        "SELECT ",
        user_fields!(),
        ", s.user_id, s.csrf, s.created_at, s.last_seen \
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units un ON un.id = u.unit_id \
         WHERE s.token_hash = $1"
    ))
    .bind(token_hash)
    .fetch_optional(&mut *c)
    .await
    .map_err(db)
}

pub async fn touch_session(c: &mut Conn, token_hash: &str, now: &str) -> Result<(), DomainError> {
    sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

pub async fn delete_session(c: &mut Conn, token_hash: &str) -> Result<(), DomainError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}
