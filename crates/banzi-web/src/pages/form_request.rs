//! What a download or print of 任免审批表 asks for (issue 16, items 2 and 3): 计算年龄时间,
//! for one cadre the proposal, and which cadres — chosen rows or a team. One reading for the
//! LRMX downloads and the printed forms.

use crate::AppState;
use crate::auth::Caller;
use crate::error::{WebError, WebResult};
use banzi_domain::lrmx::Proposal;
use banzi_domain::{Date, DomainError, Msg, message};
use banzi_store::today;

/// What a download of forms asks for: 计算年龄时间 and, for one cadre, the proposal.
#[derive(Debug, Default)]
pub struct FormRequest {
    pub as_of: Date,
    pub proposal: Option<Proposal>,
    /// Cadre row ids (`id`, repeated) and a unit whose team members are meant (`team`;
    /// `team_name`: which of its teams when it has several).
    pub refs: Vec<i64>,
    pub team: Option<String>,
    pub team_name: String,
}

impl FormRequest {
    /// Reads the fields of the download form; a bad date or reference is an error naming
    /// the field.
    pub fn parse(pairs: &[(String, String)]) -> Result<FormRequest, WebError> {
        let mut r = FormRequest {
            as_of: today(),
            ..Default::default()
        };
        let mut proposal = Proposal::default();
        for (k, v) in pairs {
            let v = v.trim();
            match k.as_str() {
                "as_of" if !v.is_empty() => {
                    r.as_of = banzi_domain::date::parse(v).map_err(|_| {
                        DomainError::invalid(
                            "计算年龄时间",
                            message!("formpdf-bad-date", value = v.to_string()),
                        )
                    })?;
                }
                "appoint" => proposal.appoint = v.to_string(),
                "remove" => proposal.remove = v.to_string(),
                "reason" => proposal.reason = v.to_string(),
                "id" => r
                    .refs
                    .push(v.parse().map_err(|_| {
                        DomainError::invalid("干部", message!("web-no-such-cadre"))
                    })?),
                "team" if !v.is_empty() => r.team = Some(v.to_string()),
                "team_name" => r.team_name = v.to_string(),
                _ => {}
            }
        }
        if proposal != Proposal::default() {
            r.proposal = Some(proposal);
        }
        Ok(r)
    }

    /// The ID numbers of the cadres meant: each row id's, then the team's members in the
    /// team page's order; a cadre named twice once.
    pub async fn id_numbers(&self, s: &AppState, caller: &Caller) -> WebResult<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for r in &self.refs {
            let idn =
                s.store.cadre_id_number(*r).await?.ok_or_else(|| {
                    WebError(DomainError::NotFound(Msg::new("web-no-such-cadre")))
                })?;
            out.push(idn);
        }
        if let Some(unit) = &self.team {
            let team = s.store.team(&caller.actor, unit, self.as_of).await?;
            out.extend(team.holders.into_iter().map(|h| h.id_number));
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|i| seen.insert(i.clone()));
        Ok(out)
    }
}
