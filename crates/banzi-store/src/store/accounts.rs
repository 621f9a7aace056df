//! Accounts and sessions (the audit trail is `audit.rs`).

use super::need;
use crate::connect::{Store, now_rfc3339};
use crate::types::*;
use crate::{db, rows::*};
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, Msg};

impl Store {
    // ----- accounts and sessions -----

    pub async fn user_by_login(&self, login: &str) -> Result<Option<UserRow>, DomainError> {
        on_conn!(self, |c, b| b::users::by_login(c, login).await)
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRow>, DomainError> {
        on_conn!(self, |c, b| b::users::by_id(c, id).await)
    }

    pub async fn users(&self, actor: &Actor) -> Result<Vec<UserRow>, DomainError> {
        need(
            actor.role.manages_accounts() || actor.role.unlocks_accounts(),
            Msg::new("store-forbidden-accounts-read"),
        )?;
        on_conn!(self, |c, b| b::users::list(c).await)
    }

    pub async fn create_user(&self, actor: &Actor, u: &NewUser) -> Result<i64, DomainError> {
        need(
            actor.role.manages_accounts(),
            Msg::new("store-forbidden-accounts-create"),
        )?;
        if u.role.needs_unit() != u.unit_code.is_some() {
            return Err(DomainError::invalid(
                "单位",
                Msg::new(if u.role.needs_unit() {
                    "store-liaison-needs-unit"
                } else {
                    "store-unit-for-liaison-only"
                }),
            ));
        }
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::users::create(c, actor, u, &now).await)
    }

    pub async fn set_password(
        &self,
        actor: &Actor,
        login: &str,
        hash: &str,
    ) -> Result<(), DomainError> {
        need(
            actor.role.manages_accounts() || actor.login == login,
            Msg::new("store-forbidden-password-reset"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::users::set_password(
            c, actor, login, hash, &now
        )
        .await)
    }

    pub async fn set_user_active(
        &self,
        actor: &Actor,
        login: &str,
        active: bool,
    ) -> Result<(), DomainError> {
        need(
            actor.role.manages_accounts(),
            Msg::new("store-forbidden-accounts-disable"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::users::set_active(
            c, actor, login, active, &now
        )
        .await)
    }

    pub async fn unlock_user(&self, actor: &Actor, login: &str) -> Result<(), DomainError> {
        need(
            actor.role.unlocks_accounts(),
            Msg::new("store-forbidden-unlock"),
        )?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::users::unlock(c, actor, login, &now).await)
    }

    /// Records a failed sign-in; returns the lock end when this failure locked the account.
    pub async fn record_login_failure(
        &self,
        login: &str,
        now: &str,
        window_start: &str,
        max: i64,
        lock_until: &str,
    ) -> Result<Option<String>, DomainError> {
        in_tx!(self, |c, b| b::users::record_failure(
            c,
            login,
            now,
            window_start,
            max,
            lock_until
        )
        .await)
    }

    pub async fn clear_login_failures(&self, login: &str) -> Result<(), DomainError> {
        on_conn!(self, |c, b| b::users::clear_failures(c, login).await)
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf: &str,
        now: &str,
    ) -> Result<(), DomainError> {
        on_conn!(self, |c, b| b::users::create_session(
            c, token_hash, user_id, csrf, now
        )
        .await)
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, DomainError> {
        on_conn!(self, |c, b| b::users::session(c, token_hash).await)
    }

    pub async fn touch_session(&self, token_hash: &str, now: &str) -> Result<(), DomainError> {
        on_conn!(self, |c, b| b::users::touch_session(c, token_hash, now)
            .await)
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), DomainError> {
        on_conn!(self, |c, b| b::users::delete_session(c, token_hash).await)
    }
}
