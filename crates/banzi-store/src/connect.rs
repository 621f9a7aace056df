//! Choosing and opening the backend.

use banzi_domain::DomainError;
use banzi_domain::audit::AuditKey;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// The database, chosen once from its URL, and the key its audit chain is sealed with
/// (R-SEC-3). Everything above sees only this type.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    /// Every audit entry a store operation writes is keyed with it (see `in_tx!`).
    pub(crate) key: AuditKey,
    /// Events waiting to be written together (see [`Store::audit_event`]).
    pub(crate) events: std::sync::Arc<crate::store::audit::Events>,
}

/// The backend's connection pool.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Pg(PgPool),
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static PG_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

fn setup(what: &str, e: impl std::fmt::Display) -> DomainError {
    DomainError::Internal(format!("{what}: {e}"))
}

impl Store {
    /// Opens `sqlite://FILE` (created if missing) or `postgres://…` and applies the embedded
    /// migrations (forward only). Audit entries are keyed with `key`; the program reads it
    /// from its key file ([`Store::open`]), tests pass a fixed one.
    pub async fn connect(url: &str, key: AuditKey) -> Result<Store, DomainError> {
        Self::connect_in_schema(url, None, key).await
    }

    /// As [`Store::connect`]; on PostgreSQL every connection uses `schema` (created if
    /// missing), which lets tests share one database.
    pub async fn connect_in_schema(
        url: &str,
        schema: Option<&str>,
        key: AuditKey,
    ) -> Result<Store, DomainError> {
        let pool = Self::pool_of(url, schema).await?;
        let events = crate::store::audit::Events::new(events_pool(&pool));
        let store = Store {
            pool,
            key,
            events: std::sync::Arc::new(events),
        };
        store.index_units().await?;
        Ok(store)
    }

    /// The backend's pool: for tests and benchmarks that read or tamper with tables directly.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    async fn pool_of(url: &str, schema: Option<&str>) -> Result<Pool, DomainError> {
        if url.starts_with("sqlite:") {
            sqlite_process_config();
            // WAL, synchronous=FULL, foreign keys and a busy timeout on every connection; the
            // hook re-reads synchronous so a connection that did not take it is refused.
            let opts = SqliteConnectOptions::from_str(url)
                .map_err(|e| setup("invalid database URL", e))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                // Statement journals and sorts in memory, not in temporary files: an
                // INSERT … SELECT of the import journals every statement.
                .pragma("temp_store", "memory")
                // R-VOTE-3: a deleted or moved cell (a ballot rewritten at closing, a code's
                // row marked used) is overwritten with zeros, not left in free space.
                .pragma("secure_delete", "on")
                .busy_timeout(Duration::from_secs(30));
            let pool = sqlite_pool(8)
                .connect_with(opts)
                .await
                .map_err(|e| setup("cannot open the database", e))?;
            SQLITE_MIGRATIONS
                .run(&pool)
                .await
                .map_err(|e| setup("migration failed", e))?;
            Ok(Pool::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let mut opts =
                PgConnectOptions::from_str(url).map_err(|e| setup("invalid database URL", e))?;
            if let Some(schema) = schema {
                if !schema
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    return Err(setup("invalid schema name", schema));
                }
                let admin = PgPoolOptions::new()
                    .max_connections(1)
                    .connect_with(opts.clone())
                    .await
                    .map_err(|e| setup("cannot connect to the database", e))?;
                sqlx::query(crate::safe(format!("CREATE SCHEMA IF NOT EXISTS {schema}")))
                    .execute(&admin)
                    .await
                    .map_err(|e| setup("cannot create the schema", e))?;
                admin.close().await;
                opts = opts.options([("search_path", schema)]);
            }
            // No just-in-time compilation: it is for long reports, and a page's statement
            // priced high enough (a province) spent 12 ms compiling to save none.
            let opts = opts.options([("jit", "off")]);
            let pool = pg_pool(8)
                .connect_with(opts)
                .await
                .map_err(|e| setup("cannot connect to the database", e))?;
            PG_MIGRATIONS
                .run(&pool)
                .await
                .map_err(|e| setup("migration failed", e))?;
            Ok(Pool::Pg(pool))
        } else {
            Err(DomainError::invalid(
                "数据库地址",
                banzi_domain::message!("store-url-scheme", url = url.to_string()),
            ))
        }
    }

    pub fn backend(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Pg(_) => "postgres",
        }
    }

    /// Every user table with its columns (name, nullable) in order, for the schema-parity test.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String, bool)>, DomainError> {
        let mut out: Vec<(String, String, bool)> = match &self.pool {
            Pool::Sqlite(p) => {
                sqlx::query_as(
                    "SELECT m.name, c.name, c.\"notnull\" = 0 AND c.pk = 0 FROM sqlite_master m JOIN pragma_table_info(m.name) c \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(p)
                .await
            }
            Pool::Pg(p) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text, is_nullable = 'YES' FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(p)
                .await
            }
        }
        .map_err(crate::db)?;
        out.sort();
        Ok(out)
    }

    pub async fn close(&self) {
        for pool in [&self.pool, self.events.pool()] {
            match pool {
                Pool::Sqlite(p) => p.close().await,
                Pool::Pg(p) => p.close().await,
            }
        }
    }
}

/// SQLite pools of up to `max` connections, each checked to write with synchronous=FULL
/// (the hook re-reads it, so a connection that did not take it is refused) and to keep its
/// plans ([`stable_plans`]).
fn sqlite_pool(max: u32) -> SqlitePoolOptions {
    SqlitePoolOptions::new()
        .max_connections(max)
        // A file does not hang up: no round trip to the connection's thread before each use.
        .test_before_acquire(false)
        .after_connect(|conn, _| {
            Box::pin(async move {
                let (s,): (i64,) = sqlx::query_as("PRAGMA synchronous")
                    .fetch_one(&mut *conn)
                    .await?;
                if s != 2 {
                    return Err(sqlx::Error::Configuration(
                        "SQLite synchronous is not FULL".into(),
                    ));
                }
                stable_plans(conn).await
            })
        })
}

/// How long a PostgreSQL connection may sit in the pool before it is asked whether it is
/// still there (a server restarted, a firewall that dropped it) before being lent out.
const PG_IDLE_BEFORE_PING: std::time::Duration = std::time::Duration::from_secs(30);

/// PostgreSQL pools of up to `max` connections. sqlx's default asks the server before every
/// loan (a Sync and its answer): under load that was a round trip and a wake-up of the
/// server's process for every store call, two or three a page (issue 18). A connection
/// that was busy a moment ago is lent as it is; one idle for longer is asked first.
fn pg_pool(max: u32) -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(max)
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for > PG_IDLE_BEFORE_PING {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

/// The one connection the audited reads' group commits are written on
/// ([`Store::audit_event`]), opened when first used, as the pool's are. Not one of the
/// pool's: under load every pool connection has a queue of pages waiting for it, and each
/// group commit waited in that queue while the requests of the next group piled up behind
/// it (on a province: a profile or a search took four times a team page, issue 18).
fn events_pool(pool: &Pool) -> Pool {
    match pool {
        Pool::Sqlite(p) => {
            Pool::Sqlite(sqlite_pool(1).connect_lazy_with((*p.connect_options()).clone()))
        }
        Pool::Pg(p) => Pool::Pg(pg_pool(1).connect_lazy_with((*p.connect_options()).clone())),
    }
}

/// Now, as stored in audit rows and sessions (RFC 3339, UTC, second precision).
pub fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Today's date in China (UTC+8, no daylight saving), the as-of date of "current".
pub fn today() -> banzi_domain::Date {
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    jiff::Timestamp::now().to_zoned(tz).date()
}

/// Once per process, before the first SQLite connection: no global memory statistics,
/// which otherwise take a process-wide mutex on every allocation SQLite makes.
/// Plans that do not depend on bound values (SQLite's query planner stability guarantee).
/// Without it SQLite marks a statement whose LIMIT or OFFSET is a parameter to be planned
/// again whenever it is bound: every page of the cadre list parsed and planned its statement
/// anew, 15% of a province's searches (issue 18). Plans here never used bound values (no
/// statistics are gathered), so none changes.
async fn stable_plans(conn: &mut sqlx::SqliteConnection) -> Result<(), sqlx::Error> {
    use libsqlite3_sys as ffi;
    let mut h = conn.lock_handle().await?;
    let db = h.as_raw_handle().as_ptr();
    let mut now: std::ffi::c_int = 0;
    // SAFETY: `db` is this connection's live handle, locked for the call; the option takes
    // an int and a pointer to an int it writes the new setting to.
    let rc = unsafe {
        ffi::sqlite3_db_config(
            db,
            ffi::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as std::ffi::c_int,
            &mut now as *mut std::ffi::c_int,
        )
    };
    if rc != ffi::SQLITE_OK || now != 1 {
        return Err(sqlx::Error::Configuration(
            "SQLite refused stable query plans".into(),
        ));
    }
    Ok(())
}

fn sqlite_process_config() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config is called before any connection of this process is opened
        // (if SQLite was already initialised it returns SQLITE_MISUSE and changes nothing).
        unsafe {
            libsqlite3_sys::sqlite3_config(
                libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS,
                0 as std::ffi::c_int,
            );
        }
    });
}
