//! banzi's storage: one [`Store`] over SQLite (default) or PostgreSQL, chosen once from the
//! database URL. Both backends run the same SQL text (`$1..$N` placeholders, `RETURNING`),
//! written once in `src/q/*.rs` and compiled once per backend (see [`backend!`]); one
//! conformance suite runs on both.
//!
//! Every write runs in one transaction with its audit entry (R-SEC-3); every read of the
//! registry takes the caller's [`Scope`] so a unit liaison cannot ask for another unit's
//! rows (R-SEC-1).

mod connect;
mod datacheck_sqlite;
mod keys_page;
mod rows;
mod rows_in;
mod snapshot_pg;
mod snapshot_sqlite;
mod store;
mod types;

pub use connect::{Pool, Store, now_rfc3339, today};
pub use rows::*;
pub use store::ImportStage;
pub use store::{
    Analysis, AnalysisCache, BallotSession, BallotWriter, Cast, FormUse, LrmxFiles, MAX_FORMS,
    Opened, PaperEntry, PaperSlip, PostHolder, Slip, WriterHook, normalise_code,
};
pub use store::{CalendarEntry, ListingTemplate};
pub use store::{CaseFile, CaseFilter, CaseInput, OpenCase};
pub use types::*;

use banzi_domain::audit::AuditDraft;
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, Msg, message};

/// Marks SQL built only from constants of this crate (never from user input).
fn safe(s: String) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(s)
}

fn db(e: sqlx::Error) -> DomainError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            DomainError::Conflict(message!("store-exists", detail = d.message().to_string()))
        }
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => DomainError::Conflict(
            message!("store-still-referenced", detail = d.message().to_string()),
        ),
        _ => DomainError::Internal(format!("database error: {e}")),
    }
}

tokio::task_local! {
    /// The audit key of the store operation running on this task: `in_tx!` and `on_conn!`
    /// put it in scope around their body, so every entry the queries append is sealed with
    /// the key of the store they run on, and an entry appended anywhere else is refused.
    static AUDIT_KEY: banzi_domain::audit::AuditKey;
}

/// Seals `draft` as entry `seq` after `prev` with the running operation's key.
fn seal(
    draft: AuditDraft,
    seq: i64,
    prev: &str,
) -> Result<banzi_domain::audit::AuditEntry, DomainError> {
    AUDIT_KEY
        .try_with(|key| draft.seal(key, seq, prev))
        .map_err(|_| {
            DomainError::Internal("an audit entry was written outside a store operation".into())
        })
}

/// The key of a batch audit entry (the new rows of one table an import wrote), followed by
/// the count: `批量1000条`.
pub const BATCH_KEY: &str = "批量";

fn draft(
    actor: &Actor,
    now: &str,
    action: &str,
    entity: &str,
    key: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> AuditDraft {
    AuditDraft {
        at: now.to_string(),
        actor: actor.login.clone(),
        action: action.to_string(),
        entity: entity.to_string(),
        key: key.to_string(),
        before: before.map(|v| v.to_string()).unwrap_or_default(),
        after: after.map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// The audit key of an appointment: cadre, post and start identify it (appointments of one
/// cadre to one post never overlap).
fn appt_key(id_number: &str, post_code: &str, start: &str) -> String {
    format!("{id_number}/{post_code}/{start}")
}

fn portfolio_key(id_number: &str, post_code: &str, work: &str, start: &str) -> String {
    format!("{id_number}/{post_code}/{work}/{start}")
}

fn training_key(id_number: &str, name: &str, start: &str) -> String {
    format!("{id_number}/{name}/{start}")
}

fn stored_date(s: &str) -> Result<banzi_domain::Date, DomainError> {
    if let Some(d) = banzi_domain::date::parse_iso(s) {
        return Ok(d);
    }
    banzi_domain::date::parse(s)
        .map_err(|m| DomainError::Internal(format!("a stored date is malformed: {m}")))
}

fn stored(e: DomainError) -> DomainError {
    DomainError::Internal(format!("a stored record is malformed: {e}"))
}

/// A refusal of one row of an import, at that row; a failure of the database stays one.
fn at(sheet: &str, row: u32, e: DomainError) -> ImportError {
    let one = |message: Msg| {
        ImportError::Rows(vec![banzi_domain::roster::RowError {
            sheet: sheet.into(),
            row,
            column: String::new(),
            message,
        }])
    };
    match e {
        DomainError::Invalid(fields) => ImportError::Rows(
            fields
                .into_iter()
                .map(|f| banzi_domain::roster::RowError {
                    sheet: sheet.into(),
                    row,
                    column: f.field,
                    message: f.message,
                })
                .collect(),
        ),
        DomainError::NotFound(what) => one(message!("store-not-found", what = what)),
        DomainError::Forbidden(m) | DomainError::Conflict(m) => one(m),
        DomainError::Internal(_) => ImportError::Other(e),
    }
}

/// Where an import's parts come from: a reader still reading (a channel ended by
/// [`Feed::End`]) or a roster already in memory.
pub(crate) enum Source<'a> {
    Channel(&'a mut tokio::sync::mpsc::Receiver<banzi_domain::roster::Feed>),
    Parts(std::array::IntoIter<banzi_domain::roster::Part, 6>),
}

impl Source<'_> {
    /// The next part, then `End`; None only when a reader stopped without saying so.
    async fn next(&mut self) -> Option<banzi_domain::roster::Feed> {
        use banzi_domain::roster::Feed;
        match self {
            Source::Channel(rx) => rx.recv().await,
            Source::Parts(parts) => Some(
                parts
                    .next()
                    .map_or(Feed::End(Default::default()), Feed::Part),
            ),
        }
    }
}

/// Instantiates the query modules for one backend: the same files, another `DB`.
macro_rules! backend {
    ($db:ty, $group_concat:literal, $ids_of_json:literal, $texts_of_json:literal, $in_set:literal, $rows_in:ident) => {
        #[allow(unused_imports)]
        use crate::rows_in::$rows_in::insert_rows;
        #[allow(unused_imports)]
        use crate::rows_in::{TableInsert, Val};
        #[allow(unused_imports)]
        use crate::{AuditFilter, CadreFilter, CadreRecord, NewUser, RecordKind, Upsert, rows::*};
        #[allow(unused_imports)]
        use crate::{
            BATCH_KEY, ImportError, ImportSummary, appt_key, at, db, draft, portfolio_key, safe,
            seal, stored, stored_date, training_key,
        };
        #[allow(unused_imports)]
        #[allow(unused_imports)]
        use banzi_domain::{Arg, Msg, message};
        #[allow(unused_imports)]
        use banzi_domain::{
            Date, DomainError,
            appointment::{Period, check_no_overlap},
            audit::AuditDraft,
            date::iso,
            registry::*,
            role::{Actor, Scope},
            roster::{Feed, Known, Located, Part, Roster, RowErrors},
        };
        pub type Conn = <$db as sqlx::Database>::Connection;
        const GROUP_CONCAT_POSTS: &str = $group_concat;
        /// The row ids of a JSON array of numbers bound as `$21` (a page's cadres): one
        /// statement text for every page, prepared once.
        const IDS_OF_JSON_21: &str = $ids_of_json;
        /// The texts of a JSON array of strings bound as `$1` (a page's ID numbers): one
        /// statement text however many, planned once.
        const TEXTS_OF_JSON_1: &str = $texts_of_json;
        /// "Is one of the row ids `sub` selects" (`{set}`), in a form whose size the
        /// planner sees: on PostgreSQL the set is read first, into an array. The plan kept
        /// for every page of the unit tree counted the children of a page's units by reading
        /// all 40,000 units of a province (6 ms a page), and a liaison's search, the key
        /// range's size unknown to the planner, asked for each of the 1,716 cadres "zw"
        /// finds whether it held a post in the unit (24 ms; its 20 holders first: 1 ms).
        #[allow(dead_code)]
        fn in_set(sub: &str) -> String {
            $in_set.replace("{set}", sub)
        }
        pub mod audit {
            use super::*;
            include!("q/audit.rs");
        }
        pub mod users {
            use super::*;
            use crate::SignInGate;
            use banzi_domain::role::Role;
            include!("q/users.rs");
        }
        pub mod units {
            use super::*;
            include!("q/units.rs");
        }
        pub mod cadres {
            use super::*;
            include!("q/cadres.rs");
        }
        pub mod search {
            use super::*;
            include!("q/search.rs");
        }
        pub mod appointments {
            use super::*;
            include!("q/appointments.rs");
        }
        pub mod roster {
            use super::*;
            include!("q/roster.rs");
        }
        pub mod bulk {
            use super::*;
            include!("q/bulk.rs");
        }
        pub mod rules {
            use super::*;
            include!("q/rules.rs");
        }
        pub mod ballots {
            use super::*;
            include!("q/ballots.rs");
        }
        pub mod dossier {
            use super::*;
            include!("q/dossier.rs");
        }
        pub mod datacheck {
            use super::*;
            include!("q/datacheck.rs");
        }
        pub mod forms {
            use super::*;
            include!("q/forms.rs");
        }
        pub mod listing {
            use super::*;
            include!("q/listing.rs");
        }
        pub mod selection {
            use super::*;
            include!("q/selection.rs");
        }
        pub mod competition {
            use super::*;
            include!("q/competition.rs");
        }
        pub mod calendar {
            use super::*;
            include!("q/calendar.rs");
        }
    };
}

mod sqlite {
    backend!(
        sqlx::Sqlite,
        "group_concat(un.name || ' ' || p.title, '；')",
        "SELECT value FROM json_each($21)",
        "SELECT value FROM json_each($1)",
        "IN ({set})",
        sqlite
    );
}

mod pg {
    backend!(
        sqlx::Postgres,
        "string_agg(un.name || ' ' || p.title, '；')",
        "SELECT value::bigint FROM json_array_elements_text($21::json)",
        "SELECT value FROM json_array_elements_text($1::json)",
        "= ANY (ARRAY({set}))",
        pg
    );
}
