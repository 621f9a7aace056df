//! The cadre search's plan, to check that it reads the keys kept with the registry (issue
//! 18, item 2) and not every cadre.

use super::reader;
use crate::connect::Store;
use crate::db;
use crate::types::CadreFilter;
use banzi_domain::DomainError;
use banzi_domain::role::Actor;

impl Store {
    /// The database's plan for one page of [`Store::search_cadres`], one line a step. Runs
    /// in a transaction of its own that writes nothing.
    pub async fn search_plan(
        &self,
        actor: &Actor,
        f: &CadreFilter,
    ) -> Result<Vec<String>, DomainError> {
        let scope = reader(actor)?;
        in_tx!(self, |c, b| b::search::plan(c, scope, f).await)
    }
}
