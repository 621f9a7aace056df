//! Roles and scope — R-SEC-1. The three administrators are kept apart (三员分立): the system
//! administrator manages accounts but cannot read the audit trail; the security
//! administrator sets security policy and unlocks accounts; the audit administrator reads
//! the trail and changes nothing.

use crate::msg::{Arg, Msg};

/// A role. Each account has exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 组织部工作人员 (干部科 / 干部监督科): keeps the registry.
    Staff,
    /// 部领导 / 常委: reads everything, writes nothing.
    Leader,
    /// 单位填报员: sees and edits only its own unit.
    Liaison,
    /// 纪检监察 reviewer: reads cadres (for 廉政意见), writes nothing in the registry.
    Discipline,
    /// 系统管理员: accounts.
    SysAdmin,
    /// 安全管理员: unlocks accounts, security settings.
    SecAdmin,
    /// 审计管理员: reads the audit trail.
    Auditor,
    /// 未分配角色: an account the system administrator created and the security
    /// administrator has not yet given a role (R-SEC-1). It may sign in, change its
    /// password and nothing else.
    Unassigned,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Staff,
        Role::Leader,
        Role::Liaison,
        Role::Discipline,
        Role::SysAdmin,
        Role::SecAdmin,
        Role::Auditor,
        Role::Unassigned,
    ];

    /// The roles the security administrator gives: those that do the department's work.
    pub const ASSIGNABLE: [Role; 5] = [
        Role::Staff,
        Role::Leader,
        Role::Liaison,
        Role::Discipline,
        Role::Unassigned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::Leader => "leader",
            Role::Liaison => "liaison",
            Role::Discipline => "discipline",
            Role::SysAdmin => "sysadmin",
            Role::SecAdmin => "secadmin",
            Role::Auditor => "auditor",
            Role::Unassigned => "unassigned",
        }
    }

    /// A role by its code (`staff`) or its Chinese name (组织部工作人员); anything else is
    /// `reg-role-unknown` with the codes to choose from.
    pub fn parse(s: &str) -> Result<Role, Msg> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim() || r.label() == s.trim())
            .ok_or_else(|| {
                crate::message!(
                    "reg-role-unknown",
                    value = s.trim().to_string(),
                    choices = Arg::List(Role::ALL.map(|r| Arg::from(r.as_str())).to_vec()),
                )
            })
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Staff => "组织部工作人员",
            Role::Leader => "部领导（只读）",
            Role::Liaison => "单位填报员",
            Role::Discipline => "纪检监察审核员",
            Role::SysAdmin => "系统管理员",
            Role::SecAdmin => "安全管理员",
            Role::Auditor => "审计管理员",
            Role::Unassigned => "未分配角色",
        }
    }

    /// Reads the registry (units, teams, cadres): everyone but the system and security
    /// administrators, who manage the system without seeing personal data.
    pub fn reads_registry(self) -> bool {
        matches!(
            self,
            Role::Staff | Role::Leader | Role::Liaison | Role::Discipline
        )
    }

    /// Writes the registry: staff everywhere, a liaison inside its unit.
    pub fn writes_registry(self) -> bool {
        matches!(self, Role::Staff | Role::Liaison)
    }

    /// 任免, import and export of the whole roster: staff only.
    pub fn manages_appointments(self) -> bool {
        matches!(self, Role::Staff)
    }

    /// Ballot sessions (DOMAIN.md M5): set up, codes, opening, closing, results, paper
    /// entry: staff only.
    pub fn manages_ballots(self) -> bool {
        matches!(self, Role::Staff)
    }

    /// Creates, disables and enables accounts (and sees the list of them).
    pub fn manages_accounts(self) -> bool {
        matches!(self, Role::SysAdmin)
    }

    /// Gives roles, resets passwords, locks and unlocks (and sees the list of accounts).
    pub fn unlocks_accounts(self) -> bool {
        matches!(self, Role::SecAdmin)
    }

    /// Keeps the working-day calendar (工作日历, R-SEL-9): enters and replaces a year's
    /// holidays from the 国务院办公厅 notice, deletes an entered year. The system
    /// administrator keeps it (issue 17); the calendar holds no personal data.
    pub fn keeps_calendar(self) -> bool {
        matches!(self, Role::SysAdmin)
    }

    /// Views the working-day calendar: every role that reads anything, the three
    /// administrators included; not an account without a role.
    pub fn reads_calendar(self) -> bool {
        self != Role::Unassigned
    }

    pub fn reads_audit(self) -> bool {
        matches!(self, Role::Auditor)
    }

    /// One of the three administrators (三员): their accounts and roles come from the
    /// command line only, and none of them acts on another's account.
    pub fn is_administrator(self) -> bool {
        matches!(self, Role::SysAdmin | Role::SecAdmin | Role::Auditor)
    }

    pub fn needs_unit(self) -> bool {
        self == Role::Liaison
    }
}

/// What rows a caller may see: everything, or one unit's. Storage queries take it, so a
/// liaison cannot even ask for another unit's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Unit(String),
}

impl Scope {
    pub fn allows_unit(&self, unit_code: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Unit(u) => u == unit_code,
        }
    }
    pub fn unit(&self) -> Option<&str> {
        match self {
            Scope::All => None,
            Scope::Unit(u) => Some(u),
        }
    }
}

/// The caller of a storage or domain operation.
#[derive(Debug, Clone)]
pub struct Actor {
    pub login: String,
    pub role: Role,
    pub scope: Scope,
}

impl Actor {
    /// The command line acts as 组织部 staff with full scope, under its own name.
    pub fn cli(what: &str) -> Actor {
        Actor {
            login: format!("cli:{what}"),
            role: Role::Staff,
            scope: Scope::All,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_by_code_or_name_and_an_unknown_one_lists_the_codes() {
        assert_eq!(Role::parse(" staff "), Ok(Role::Staff));
        assert_eq!(Role::parse("审计管理员"), Ok(Role::Auditor));
        let e = Role::parse("boss").unwrap_err();
        assert_eq!(e.id, "reg-role-unknown");
        assert_eq!(e.arg("value"), Some(&Arg::Text("boss".into())));
        let Some(Arg::List(codes)) = e.arg("choices") else {
            panic!("{e}")
        };
        assert_eq!(codes.len(), 8);
        assert_eq!(codes[0], Arg::Text("staff".into()));
    }

    #[test]
    fn the_system_administrator_keeps_the_calendar_and_every_working_role_reads_it() {
        let keepers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.keeps_calendar())
            .collect();
        assert_eq!(keepers, [Role::SysAdmin]);
        let readers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.reads_calendar())
            .collect();
        assert_eq!(readers, Role::ALL[..7]);
    }
}
