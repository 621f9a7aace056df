// Accounts, sign-in failures and sessions — R-SEC-1, R-SEC-2. Included once per backend.

const USER_COLS: &str = "SELECT u.id, u.login, u.display_name, u.password_hash, u.role, un.code AS unit_code, \
     u.active, u.locked_until FROM users u LEFT JOIN units un ON un.id = u.unit_id";

pub async fn by_login(c: &mut Conn, login: &str) -> Result<Option<UserRow>, DomainError> {
    sqlx::query_as(safe(format!("{USER_COLS} WHERE u.login = $1")))
        .bind(login)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)
}

pub async fn by_id(c: &mut Conn, id: i64) -> Result<Option<UserRow>, DomainError> {
    sqlx::query_as(safe(format!("{USER_COLS} WHERE u.id = $1")))
        .bind(id)
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

pub async fn create(c: &mut Conn, actor: &Actor, u: &NewUser, now: &str) -> Result<i64, DomainError> {
    let unit_id = match &u.unit_code {
        Some(code) => Some(
            super::units::id_by_code(&mut *c, code)
                .await?
                .ok_or_else(|| DomainError::invalid("单位", message!("reg-unit-missing", code = code.to_string())))?,
        ),
        None => None,
    };
    if by_login(&mut *c, &u.login).await?.is_some() {
        return Err(DomainError::invalid("登录名", message!("store-login-taken", login = &u.login)));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (login, display_name, password_hash, role, unit_id, active, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(&u.login)
    .bind(&u.display_name)
    .bind(&u.password_hash)
    .bind(u.role.as_str())
    .bind(unit_id)
    .bind(true)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    let after = serde_json::json!({"login": u.login, "display_name": u.display_name, "role": u.role.as_str(), "unit": u.unit_code});
    super::audit::append(&mut *c, draft(actor, now, "user.create", "user", &u.login, None, Some(after))).await?;
    Ok(id)
}

pub async fn set_password(c: &mut Conn, actor: &Actor, login: &str, hash: &str, now: &str) -> Result<(), DomainError> {
    let n = sqlx::query("UPDATE users SET password_hash = $1 WHERE login = $2")
        .bind(hash)
        .bind(login)
        .execute(&mut *c)
        .await
        .map_err(db)?
        .rows_affected();
    if n == 0 {
        return Err(DomainError::NotFound(message!("store-user", login = login.to_string())));
    }
    super::audit::append(&mut *c, draft(actor, now, "user.password", "user", login, None, None)).await?;
    Ok(())
}

pub async fn set_active(c: &mut Conn, actor: &Actor, login: &str, active: bool, now: &str) -> Result<(), DomainError> {
    let n = sqlx::query("UPDATE users SET active = $1 WHERE login = $2")
        .bind(active)
        .bind(login)
        .execute(&mut *c)
        .await
        .map_err(db)?
        .rows_affected();
    if n == 0 {
        return Err(DomainError::NotFound(message!("store-user", login = login.to_string())));
    }
    if !active {
        sqlx::query("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = $1)")
            .bind(login)
            .execute(&mut *c)
            .await
            .map_err(db)?;
    }
    let after = serde_json::json!({ "active": active });
    super::audit::append(&mut *c, draft(actor, now, "user.active", "user", login, None, Some(after))).await?;
    Ok(())
}

/// Records a failed sign-in; locks the account when `max` failures fall inside the window.
/// Returns the lock end if it locked. Counted in the database, not per process (STACK.md).
pub async fn record_failure(
    c: &mut Conn,
    login: &str,
    now: &str,
    window_start: &str,
    max: i64,
    lock_until: &str,
) -> Result<Option<String>, DomainError> {
    sqlx::query("INSERT INTO login_failures (login, at) VALUES ($1, $2)")
        .bind(login)
        .bind(now)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE login = $1 AND at > $2")
        .bind(login)
        .bind(window_start)
        .fetch_one(&mut *c)
        .await
        .map_err(db)?;
    if n >= max {
        let locked = sqlx::query("UPDATE users SET locked_until = $1 WHERE login = $2")
            .bind(lock_until)
            .bind(login)
            .execute(&mut *c)
            .await
            .map_err(db)?
            .rows_affected();
        sqlx::query("DELETE FROM login_failures WHERE login = $1")
            .bind(login)
            .execute(&mut *c)
            .await
            .map_err(db)?;
        if locked > 0 {
            let sys = Actor { login: "system".into(), role: banzi_domain::role::Role::SecAdmin, scope: banzi_domain::role::Scope::All };
            let after = serde_json::json!({ "locked_until": lock_until, "failures": n });
            super::audit::append(&mut *c, draft(&sys, now, "user.lock", "user", login, None, Some(after))).await?;
            return Ok(Some(lock_until.to_string()));
        }
    }
    Ok(None)
}

pub async fn clear_failures(c: &mut Conn, login: &str) -> Result<(), DomainError> {
    sqlx::query("DELETE FROM login_failures WHERE login = $1")
        .bind(login)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

pub async fn unlock(c: &mut Conn, actor: &Actor, login: &str, now: &str) -> Result<(), DomainError> {
    let n = sqlx::query("UPDATE users SET locked_until = NULL WHERE login = $1")
        .bind(login)
        .execute(&mut *c)
        .await
        .map_err(db)?
        .rows_affected();
    if n == 0 {
        return Err(DomainError::NotFound(message!("store-user", login = login.to_string())));
    }
    clear_failures(&mut *c, login).await?;
    super::audit::append(&mut *c, draft(actor, now, "user.unlock", "user", login, None, None)).await?;
    Ok(())
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

pub async fn session(c: &mut Conn, token_hash: &str) -> Result<Option<SessionRow>, DomainError> {
    sqlx::query_as("SELECT user_id, csrf, last_seen FROM sessions WHERE token_hash = $1")
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
