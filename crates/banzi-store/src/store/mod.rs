//! The operations of [`Store`]: each runs the backend's query module on one connection or
//! in one transaction, after the role and scope checks that belong to the operation.

use banzi_domain::role::{Actor, Scope};
use banzi_domain::{DomainError, Msg};

/// Runs `$body` with `$c` a connection and `$b` the backend's query modules.
macro_rules! on_conn {
    ($store:expr, |$c:ident, $b:ident| $body:expr) => {
        crate::AUDIT_KEY
            .scope($store.key.clone(), async {
                match $store.pool() {
                    crate::Pool::Sqlite(pool) => {
                        let mut conn = pool.acquire().await.map_err(db)?;
                        let $c = &mut *conn;
                        #[allow(unused_imports)]
                        use crate::sqlite as $b;
                        $body
                    }
                    crate::Pool::Pg(pool) => {
                        let mut conn = pool.acquire().await.map_err(db)?;
                        let $c = &mut *conn;
                        #[allow(unused_imports)]
                        use crate::pg as $b;
                        $body
                    }
                }
            })
            .await
    };
}

/// Runs `$body` in one transaction, committed only when it returns `Ok`. SQLite takes the
/// write lock at BEGIN, so a transaction that reads first never fails to upgrade later.
///
/// `$body` runs in an async block of its own, so a `return` in it (the steps of a ballot
/// answer early) ends the body, not the operation: the transaction is then committed or
/// rolled back, and awaited either way, before the answer. A transaction only dropped is
/// rolled back later, when its connection is next used; until then it holds SQLite's write
/// lock, and on a shared in-memory database the next writer fails at once instead of waiting.
///
/// The body runs with the store's audit key in scope (`crate::AUDIT_KEY`): that is how
/// `audit::append` seals the entries a query writes without every query passing the key on.
macro_rules! in_tx {
    ($store:expr, |$c:ident, $b:ident| $body:expr) => {
        match $store.pool() {
            crate::Pool::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
                let r = crate::AUDIT_KEY
                    .scope($store.key.clone(), async {
                        let $c = &mut *tx;
                        #[allow(unused_imports)]
                        use crate::sqlite as $b;
                        $body
                    })
                    .await;
                match &r {
                    Ok(_) => tx.commit().await.map_err(db)?,
                    Err(_) => {
                        let _ = tx.rollback().await;
                    }
                }
                r
            }
            crate::Pool::Pg(pool) => {
                let mut tx = pool.begin().await.map_err(db)?;
                let r = crate::AUDIT_KEY
                    .scope($store.key.clone(), async {
                        let $c = &mut *tx;
                        #[allow(unused_imports)]
                        use crate::pg as $b;
                        $body
                    })
                    .await;
                match &r {
                    Ok(_) => tx.commit().await.map_err(db)?,
                    Err(_) => {
                        let _ = tx.rollback().await;
                    }
                }
                r
            }
        }
    };
}

/// Refused with `what` unless `ok`: the role may not do this.
fn need(ok: bool, what: impl Into<Msg>) -> Result<(), DomainError> {
    if ok {
        Ok(())
    } else {
        Err(DomainError::Forbidden(what.into()))
    }
}

fn reader(actor: &Actor) -> Result<&Scope, DomainError> {
    need(
        actor.role.reads_registry(),
        Msg::new("store-forbidden-read-registry"),
    )?;
    Ok(&actor.scope)
}

mod accounts;
pub(crate) mod audit;
mod ballot_close;
mod ballot_codes;
mod ballot_paper;
mod ballot_writer;
pub use ballot_writer::{BallotWriter, WriterHook};
mod ballots;
mod datacheck;
pub(crate) use datacheck::DataFacts;
mod exports;
mod forms;
mod import_progress;
pub use ballot_paper::{PaperEntry, PaperSlip};
pub use ballots::{BallotSession, Cast, Opened, Slip, normalise_code};
pub use forms::{FormUse, LrmxFiles, MAX_FORMS};
pub use import_progress::ImportStage;
mod calendar;
pub use calendar::CalendarEntry;
mod listing;
pub use listing::ListingTemplate;
mod dossier;
pub use dossier::PostHolder;
mod registry;
mod rules;
mod search;
mod selection;
mod selection_competition;
mod selection_verify;
pub use rules::{Analysis, AnalysisCache};
pub use selection::{CaseFile, CaseFilter, CaseInput, OpenCase};
