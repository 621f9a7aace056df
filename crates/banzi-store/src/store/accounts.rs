//! Accounts and sessions (the audit trail is `audit.rs`).

use super::need;
use crate::connect::{Store, now_rfc3339};
use crate::types::*;
use crate::{db, rows::*};
use banzi_domain::accounts::{AccountAction, Target, may};
use banzi_domain::role::{Actor, Role};
use banzi_domain::{DomainError, Msg};

/// A liaison has a unit and no other role has one.
fn check_unit(role: Role, unit: Option<&str>) -> Result<(), DomainError> {
    if role.needs_unit() != unit.is_some() {
        return Err(DomainError::invalid(
            "单位",
            Msg::new(if role.needs_unit() {
                "store-liaison-needs-unit"
            } else {
                "store-unit-for-liaison-only"
            }),
        ));
    }
    Ok(())
}

impl Store {
    // ----- accounts and sessions -----

    pub async fn user_by_login(&self, login: &str) -> Result<Option<UserRow>, DomainError> {
        on_conn!(self, |c, b| b::users::by_login(c, login).await)
    }

    pub async fn users(&self, actor: &Actor) -> Result<Vec<UserRow>, DomainError> {
        need(
            actor.role.manages_accounts() || actor.role.unlocks_accounts(),
            Msg::new("store-forbidden-accounts-read"),
        )?;
        on_conn!(self, |c, b| b::users::list(c).await)
    }

    /// An account made by the system administrator: it has no role until the security
    /// administrator gives one, and its password must be changed at the first sign-in
    /// (三员分立, R-SEC-1).
    pub async fn create_user(&self, actor: &Actor, u: &NewUser) -> Result<i64, DomainError> {
        may(&actor.login, actor.role, AccountAction::Create, None)
            .map_err(DomainError::Forbidden)?;
        if u.role != Role::Unassigned || u.unit_code.is_some() {
            return Err(DomainError::Forbidden(Msg::new(
                "sec-only-secadmin-assigns",
            )));
        }
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::users::create(c, actor, u, true, &now).await)
    }

    /// An account made at the command line by whoever runs the server (`banzi user add`),
    /// any role: the way the three administrators' own accounts come to be.
    pub async fn add_account(&self, u: &NewUser) -> Result<i64, DomainError> {
        check_unit(u.role, u.unit_code.as_deref())?;
        let now = now_rfc3339();
        let cli = Actor {
            login: "cli:user".into(),
            role: Role::SysAdmin,
            scope: banzi_domain::role::Scope::All,
        };
        in_tx!(self, |c, b| b::users::create(c, &cli, u, false, &now).await)
    }

    /// Asks the division of the three administrators whether `actor` may do `action` to
    /// the account `login`, inside the transaction that then does it.
    async fn target_allows(
        actor: &Actor,
        action: AccountAction,
        target: &UserRow,
    ) -> Result<(), DomainError> {
        let role = Role::parse(&target.role).unwrap_or(Role::Unassigned);
        may(
            &actor.login,
            actor.role,
            action,
            Some(Target {
                login: &target.login,
                role,
            }),
        )
        .map_err(DomainError::Forbidden)
    }

    /// The security administrator resets a password; it must be changed at the next
    /// sign-in, and the account's sessions end.
    pub async fn reset_password(
        &self,
        actor: &Actor,
        login: &str,
        hash: &str,
    ) -> Result<(), DomainError> {
        may(&actor.login, actor.role, AccountAction::ResetPassword, None)
            .map_err(DomainError::Forbidden)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let u = b::users::existing(&mut *c, login).await?;
            Self::target_allows(actor, AccountAction::ResetPassword, &u).await?;
            b::users::set_password(c, actor, login, hash, true, None, &now).await
        })
    }

    /// A user's new password, set by themselves (after checking the old one); their other
    /// sessions end, `session` (the token hash of the one that changed it) stays.
    pub async fn change_own_password(
        &self,
        actor: &Actor,
        hash: &str,
        session: &str,
    ) -> Result<(), DomainError> {
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::users::set_password(
            c,
            actor,
            &actor.login,
            hash,
            false,
            Some(session),
            &now
        )
        .await)
    }

    pub async fn set_user_active(
        &self,
        actor: &Actor,
        login: &str,
        active: bool,
    ) -> Result<(), DomainError> {
        may(&actor.login, actor.role, AccountAction::SetActive, None)
            .map_err(DomainError::Forbidden)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let u = b::users::existing(&mut *c, login).await?;
            Self::target_allows(actor, AccountAction::SetActive, &u).await?;
            b::users::set_active(c, actor, login, active, &now).await
        })
    }

    /// The security administrator gives an account its role (a liaison with its unit).
    pub async fn set_user_role(
        &self,
        actor: &Actor,
        login: &str,
        role: Role,
        unit: Option<&str>,
    ) -> Result<(), DomainError> {
        let action = AccountAction::AssignRole(role);
        may(&actor.login, actor.role, action, None).map_err(DomainError::Forbidden)?;
        check_unit(role, unit)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let u = b::users::existing(&mut *c, login).await?;
            Self::target_allows(actor, action, &u).await?;
            b::users::set_role(c, actor, login, role, unit, &now).await
        })
    }

    /// The security administrator locks an account (no sign-in at all) or unlocks it
    /// (which also lifts the locks of failed sign-ins).
    pub async fn set_user_locked(
        &self,
        actor: &Actor,
        login: &str,
        locked: bool,
    ) -> Result<(), DomainError> {
        let action = if locked {
            AccountAction::Lock
        } else {
            AccountAction::Unlock
        };
        may(&actor.login, actor.role, action, None).map_err(DomainError::Forbidden)?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| {
            let u = b::users::existing(&mut *c, login).await?;
            Self::target_allows(actor, action, &u).await?;
            b::users::set_admin_lock(c, actor, login, locked, &now).await
        })
    }

    /// Where a sign-in of `login` from `source` stands at `now`: the source's recent
    /// failures and a lock of the login for that source (R-SEC-2).
    pub async fn sign_in_gate(
        &self,
        login: &str,
        source: &str,
        now: &str,
        window_start: &str,
    ) -> Result<SignInGate, DomainError> {
        on_conn!(self, |c, b| b::users::gate(
            c,
            login,
            source,
            now,
            window_start
        )
        .await)
    }

    /// Records a failed sign-in (audited); returns the lock's end when this failure locked
    /// the login for that source.
    pub async fn record_login_failure(
        &self,
        login: &str,
        source: &str,
        now: &str,
        window_start: &str,
        max: i64,
        lock_until: &str,
    ) -> Result<Option<String>, DomainError> {
        in_tx!(self, |c, b| b::users::record_failure(
            c,
            login,
            source,
            now,
            window_start,
            max,
            lock_until
        )
        .await)
    }

    pub async fn clear_login_failures(&self, login: &str, source: &str) -> Result<(), DomainError> {
        on_conn!(self, |c, b| b::users::clear_failures(c, login, source)
            .await)
    }

    /// Ends every session idle since `idle_before` or begun before `created_before`.
    pub async fn purge_sessions(
        &self,
        idle_before: &str,
        created_before: &str,
    ) -> Result<u64, DomainError> {
        on_conn!(self, |c, b| b::users::purge_sessions(
            c,
            idle_before,
            created_before
        )
        .await)
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

    /// The session of `token_hash` and its account, or none.
    pub async fn signed_in(&self, token_hash: &str) -> Result<Option<SignedIn>, DomainError> {
        on_conn!(self, |c, b| b::users::signed_in(c, token_hash).await)
    }

    pub async fn touch_session(&self, token_hash: &str, now: &str) -> Result<(), DomainError> {
        on_conn!(self, |c, b| b::users::touch_session(c, token_hash, now)
            .await)
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), DomainError> {
        on_conn!(self, |c, b| b::users::delete_session(c, token_hash).await)
    }
}
