//! Accounts: who may do what to whom (三员分立, R-SEC-1), the password policy and the pace
//! of sign-in attempts (R-SEC-2). Pure: the store asks [`may`] before it writes, the web
//! asks [`check_password`] before it hashes, and both read the answer, never a role name.
//!
//! The division of the three administrators:
//!
//! | action | 系统管理员 | 安全管理员 | 审计管理员 |
//! |---|---|---|---|
//! | create an account (it has no role yet) | yes | – | – |
//! | disable / enable an account | yes | – | – |
//! | assign or change a role (not an administrator's) | – | yes | – |
//! | reset a password (to be changed at next sign-in) | – | yes | – |
//! | lock / unlock an account | – | yes | – |
//! | read the audit trail | – | – | yes |
//!
//! None of them may act on an administrator's account (their own included): those come
//! from the command line (`banzi user add`), as do the administrator roles themselves.

use crate::msg::Msg;
use crate::role::Role;

/// What an administrator does to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAction {
    Create,
    SetActive,
    /// Give the account this role (or take its role: [`Role::Unassigned`]).
    AssignRole(Role),
    ResetPassword,
    Lock,
    Unlock,
}

impl AccountAction {
    /// Every action, one role for the role change (the rest behave alike but for the
    /// administrator roles, which [`may`] refuses whoever asks).
    pub const ALL: [AccountAction; 6] = [
        AccountAction::Create,
        AccountAction::SetActive,
        AccountAction::AssignRole(Role::Staff),
        AccountAction::ResetPassword,
        AccountAction::Lock,
        AccountAction::Unlock,
    ];

    /// The role that does it.
    pub fn done_by(self) -> Role {
        match self {
            AccountAction::Create | AccountAction::SetActive => Role::SysAdmin,
            AccountAction::AssignRole(_)
            | AccountAction::ResetPassword
            | AccountAction::Lock
            | AccountAction::Unlock => Role::SecAdmin,
        }
    }

    fn refusal(self) -> &'static str {
        match self {
            AccountAction::Create => "sec-only-sysadmin-creates",
            AccountAction::SetActive => "sec-only-sysadmin-disables",
            AccountAction::AssignRole(_) => "sec-only-secadmin-assigns",
            AccountAction::ResetPassword => "sec-only-secadmin-resets",
            AccountAction::Lock | AccountAction::Unlock => "sec-only-secadmin-locks",
        }
    }
}

/// The account an action is done to: its login and role (`None` for one being created).
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub login: &'a str,
    pub role: Role,
}

/// Whether `actor` (login and role) may do `action` to `target`; the refusal says why.
pub fn may(
    actor_login: &str,
    actor: Role,
    action: AccountAction,
    target: Option<Target<'_>>,
) -> Result<(), Msg> {
    if actor != action.done_by() {
        return Err(Msg::new(action.refusal()));
    }
    if let AccountAction::AssignRole(role) = action
        && role.is_administrator()
    {
        return Err(Msg::new("sec-admin-role-from-cli"));
    }
    if let Some(t) = target {
        if t.login == actor_login {
            return Err(Msg::new("sec-not-on-self"));
        }
        if t.role.is_administrator() {
            return Err(crate::message!(
                "sec-not-on-administrator",
                login = t.login.to_string(),
                role = crate::msg::Arg::Label(t.role.label().into()),
            ));
        }
    }
    Ok(())
}

/// The password policy: long enough, not built on the login, not a common password.
#[derive(Debug, Clone, Copy)]
pub struct PasswordPolicy {
    pub min_length: usize,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self { min_length: 10 }
    }
}

/// Common passwords and the words they are built from, shipped in the binary.
const COMMON: &str = include_str!("common_passwords.txt");

/// Checks a new password: at least `min_length` characters with letters and digits, not
/// containing the login (in any case), not a common password or a common word with a
/// common ending (`password123`, `woaini1314`, `Qwerty@2026`).
pub fn check_password(p: &PasswordPolicy, login: &str, password: &str) -> Result<(), Msg> {
    let long = password.chars().count() >= p.min_length;
    let letters = password.chars().any(|c| c.is_alphabetic());
    let digits = password.chars().any(|c| c.is_ascii_digit());
    if !(long && letters && digits) {
        return Err(crate::message!("sec-password-weak", min = p.min_length));
    }
    let lower = password.to_lowercase();
    let login = login.trim().to_lowercase();
    if login.chars().count() >= 3 && lower.contains(&login) {
        return Err(Msg::new("sec-password-has-login"));
    }
    if is_common(&lower) {
        return Err(Msg::new("sec-password-common"));
    }
    Ok(())
}

/// A listed password, or a listed word (or keyboard run) with only digits and symbols
/// around it.
fn is_common(lower: &str) -> bool {
    let listed = |s: &str| {
        COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .any(|l| l == s)
    };
    if listed(lower) {
        return true;
    }
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    let only_letters = !core.is_empty() && core.chars().all(|c| c.is_alphabetic());
    only_letters && listed(core) || run_of_keys(lower) || few_letters_on_a_run(lower)
}

/// At most three letters around a run of digits (`abc1234567`, `a1111111111`,
/// `aa5201314520`).
fn few_letters_on_a_run(lower: &str) -> bool {
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    let digits: String = lower.chars().filter(|c| c.is_ascii_digit()).collect();
    let first = digits.chars().next();
    letters <= 3
        && (digits.chars().all(|c| Some(c) == first)
            || "01234567890123456789".contains(&digits)
            || "98765432109876543210".contains(&digits)
            || "5201314520131452013145201314".contains(&digits)
            || "1314520131452013145201314520".contains(&digits))
}

/// A run along the keyboard or the digits (`1qaz2wsx`, `qwertyuiop`, `1234567890`) with
/// at most two other characters.
fn run_of_keys(lower: &str) -> bool {
    const RUNS: [&str; 6] = [
        "1234567890",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "1qaz2wsx3edc4rfv",
        "qazwsxedcrfv",
    ];
    let alnum: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    RUNS.iter().any(|run| {
        (0..run.len()).any(|i| {
            let tail = &run[i..];
            let common = tail
                .chars()
                .zip(alnum.chars())
                .take_while(|(a, b)| a == b)
                .count();
            common >= 6 && alnum.chars().count() <= common + 2
        })
    })
}

/// How long a source address waits before its next sign-in attempt, given its failures
/// inside the window: the first `free` cost nothing, then 1, 2, 4 … seconds, at most
/// `max_seconds` (R-SEC-2).
pub fn source_wait_seconds(failures: i64, free: i64, max_seconds: i64) -> i64 {
    if failures < free {
        return 0;
    }
    let doublings = (failures - free).min(20) as u32;
    (1i64 << doublings).min(max_seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLES: [Role; 8] = [
        Role::Staff,
        Role::Leader,
        Role::Liaison,
        Role::Discipline,
        Role::SysAdmin,
        Role::SecAdmin,
        Role::Auditor,
        Role::Unassigned,
    ];

    /// Every action × every actor role × every target role, and the actor's own account:
    /// the table of the module's documentation, cell by cell.
    #[test]
    fn every_cell_of_the_division() {
        for action in AccountAction::ALL {
            for actor in ROLES {
                // Creating names no target.
                let r = may("me", actor, action, None);
                if action == AccountAction::Create {
                    assert_eq!(r.is_ok(), actor == Role::SysAdmin, "{actor:?} {action:?}");
                }
                for target in ROLES {
                    let t = Target {
                        login: "other",
                        role: target,
                    };
                    let got = may("me", actor, action, Some(t)).is_ok();
                    let want = actor == action.done_by() && !target.is_administrator();
                    assert_eq!(got, want, "{actor:?} {action:?} on {target:?}");
                    let own = Target {
                        login: "me",
                        role: target,
                    };
                    assert!(
                        may("me", actor, action, Some(own)).is_err(),
                        "{actor:?} {action:?} on self"
                    );
                }
            }
        }
        // No one gives an administrator's role; the security administrator gives the others.
        for role in ROLES {
            let t = Target {
                login: "other",
                role: Role::Unassigned,
            };
            let got = may(
                "me",
                Role::SecAdmin,
                AccountAction::AssignRole(role),
                Some(t),
            );
            assert_eq!(got.is_ok(), !role.is_administrator(), "{role:?}");
        }
    }

    #[test]
    fn refusals_name_the_role_that_may() {
        let e = may(
            "me",
            Role::SysAdmin,
            AccountAction::AssignRole(Role::Staff),
            None,
        )
        .unwrap_err();
        assert_eq!(e.id, "sec-only-secadmin-assigns");
        let t = Target {
            login: "audit1",
            role: Role::Auditor,
        };
        let e = may("me", Role::SysAdmin, AccountAction::SetActive, Some(t)).unwrap_err();
        assert_eq!(e.id, "sec-not-on-administrator");
    }

    #[test]
    fn the_password_policy() {
        let p = PasswordPolicy::default();
        let ok = |login: &str, pw: &str| check_password(&p, login, pw).map_err(|m| m.id);
        assert_eq!(ok("zhangsan", "Lake7Violet9"), Ok(()));
        assert_eq!(ok("zhangsan", "short1a"), Err("sec-password-weak"));
        assert_eq!(ok("zhangsan", "onlyletterslong"), Err("sec-password-weak"));
        assert_eq!(ok("zhangsan", "12345678901"), Err("sec-password-weak"));
        assert_eq!(
            ok("zhangsan", "ZhangSan2026x"),
            Err("sec-password-has-login")
        );
        for common in [
            "password123",
            "Password@2026",
            "woaini1314520",
            "admin123456",
            "qwerty123456",
            "1qaz2wsx3edc",
            "Qwertyuiop1",
            "abc1234567",
            "iloveyou1314",
            "zuzhibu2026",
        ] {
            assert_eq!(
                ok("zhangsan", common),
                Err("sec-password-common"),
                "{common}"
            );
        }
        let longer = PasswordPolicy { min_length: 14 };
        assert!(check_password(&longer, "x", "Lake7Violet9").is_err());
    }

    #[test]
    fn a_source_waits_longer_with_each_failure() {
        let w: Vec<i64> = (0..12).map(|n| source_wait_seconds(n, 5, 60)).collect();
        assert_eq!(w, [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60]);
        assert_eq!(source_wait_seconds(500, 5, 60), 60);
    }
}
