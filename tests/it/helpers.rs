//! A test's own database (a temp SQLite file, or a fresh PostgreSQL schema) and its own
//! server on port 0, with typed helpers.

use banzi_domain::Msg;
use banzi_domain::role::{Actor, Role, Scope};
use banzi_i18n::{Lang, Tr};
use banzi_store::{NewUser, Store};
use std::sync::atomic::{AtomicU64, Ordering};

pub const PASSWORD: &str = "Test2026password";

pub fn pg_url() -> String {
    std::env::var("BANZI_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// The audit key of the tests' own stores (the program reads its key from a file).
pub fn test_key() -> banzi_domain::audit::AuditKey {
    banzi_domain::audit::AuditKey::from_bytes([0x5a; 32])
}

/// The key file the `banzi` binary uses for the SQLite database `db_url` in a test
/// (`BANZI_AUDIT_KEY`): beside the database, so a test's stores and runs share it.
pub fn key_file(db_url: &str) -> std::path::PathBuf {
    let path = db_url.trim_start_matches("sqlite://");
    std::path::PathBuf::from(format!("{path}.audit-key"))
}

/// The store the `banzi` binary would open on `db_url` (its key file, created if missing).
pub async fn open_as_the_binary(db_url: &str) -> Store {
    Store::open(db_url, &key_file(db_url))
        .await
        .expect("open with the key file")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Pg,
}

/// A database for one test. The SQLite file lives in a temp dir kept alive by the value.
pub struct TestDb {
    pub store: Store,
    /// Where the store is, to open it again (with another key, or a key file).
    url: String,
    schema: Option<String>,
    _dir: tempfile::TempDir,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);
static CLEANED: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

/// The prefix of this suite's PostgreSQL schemas: `tb_{unix seconds}_{pid}_{n}_{nanos}`.
/// Other runs (other checkouts, other containers whose process ids mean nothing here) share
/// the server, so a schema is known for left behind only by its age, never by its pid, and
/// schemas named any other way (the older `t_…` included) are never touched.
const SCHEMA_PREFIX: &str = "tb_";

/// How old a schema must be before a run may drop it: no test run lasts this long.
const LEFT_BEHIND_AFTER_SECS: u64 = 6 * 3600;

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Whether schema `name` is one of this suite's, made more than six hours ago.
fn left_behind(name: &str, now: u64) -> bool {
    let Some(rest) = name.strip_prefix(SCHEMA_PREFIX) else {
        return false;
    };
    let made: Option<u64> = rest.split('_').next().and_then(|s| s.parse().ok());
    made.is_some_and(|t| now.saturating_sub(t) > LEFT_BEHIND_AFTER_SECS)
}

#[test]
fn only_this_suites_old_schemas_are_left_behind() {
    let now = 1_800_000_000;
    assert!(left_behind("tb_1799970000_42_0_7", now), "seven hours old");
    assert!(
        !left_behind("tb_1799990000_42_0_7", now),
        "under three hours: a run going"
    );
    assert!(!left_behind("t_42_0_7", now), "another suite's naming");
    assert!(!left_behind("tb_x_42_0_7", now));
    assert!(!left_behind("public", now));
}

/// Drops this suite's schemas older than six hours (once per test process): a crashed run's
/// leftovers, never a schema of a run still going.
async fn drop_old_schemas() {
    let Ok(pool) = sqlx::PgPool::connect(&pg_url()).await else {
        return;
    };
    let names: Vec<(String,)> =
        sqlx::query_as("SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 'tb\\_%'")
            .fetch_all(&pool)
            .await
            .unwrap_or_default();
    let now = now_secs();
    for (name,) in names {
        if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && left_behind(&name, now) {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE"
            )))
            .execute(&pool)
            .await;
        }
    }
    pool.close().await;
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        match backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}", dir.path().join("t.db").display());
                let store = Store::connect(&url, test_key())
                    .await
                    .expect("sqlite store");
                TestDb {
                    store,
                    url,
                    schema: None,
                    _dir: dir,
                }
            }
            Backend::Pg => {
                CLEANED.get_or_init(drop_old_schemas).await;
                let n = COUNTER.fetch_add(1, Ordering::SeqCst);
                let schema = format!(
                    "{SCHEMA_PREFIX}{}_{}_{}_{}",
                    now_secs(),
                    std::process::id(),
                    n,
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.subsec_nanos())
                        .unwrap_or(0)
                );
                // In CI a missing PostgreSQL is a failure, not a skip.
                let store = Store::connect_in_schema(&pg_url(), Some(&schema), test_key())
                    .await
                    .unwrap_or_else(|e| {
                        panic!(
                            "PostgreSQL at {} is required for the conformance suite: {e}",
                            pg_url()
                        )
                    });
                TestDb {
                    store,
                    url: pg_url(),
                    schema: Some(schema),
                    _dir: dir,
                }
            }
        }
    }

    /// Drops this test's own PostgreSQL schema (nothing on SQLite, whose file goes with the
    /// temp dir); the stores on it must not be used afterwards.
    pub async fn drop_schema(&self) {
        let Some(schema) = &self.schema else {
            return;
        };
        let Ok(pool) = sqlx::PgPool::connect(&self.url).await else {
            return;
        };
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE"
        )))
        .execute(&pool)
        .await;
        pool.close().await;
    }

    /// The same database with the audit key `key`.
    pub async fn reopen(&self, key: banzi_domain::audit::AuditKey) -> Store {
        Store::connect_in_schema(&self.url, self.schema.as_deref(), key)
            .await
            .expect("reopen")
    }

    /// The same database as the program opens it, with the key file `name` in the test's
    /// temp dir (created if missing); its path too.
    pub async fn open_with_key_file(
        &self,
        name: &str,
    ) -> (Result<Store, banzi_domain::DomainError>, std::path::PathBuf) {
        let path = self._dir.path().join(name);
        let store = Store::open_in_schema(&self.url, self.schema.as_deref(), &path).await;
        (store, path)
    }
}

pub fn staff() -> Actor {
    Actor {
        login: "t-staff".into(),
        role: Role::Staff,
        scope: Scope::All,
    }
}

pub fn as_role(role: Role, unit: Option<&str>) -> Actor {
    Actor {
        login: format!("t-{}", role.as_str()),
        role,
        scope: unit.map(|u| Scope::Unit(u.into())).unwrap_or(Scope::All),
    }
}

/// The audit entries `action` wrote on records of type `entity` or with key `key`, newest
/// first, as the audit administrator reads them.
pub async fn audited(
    store: &Store,
    action: &str,
    entity: Option<&str>,
    key: Option<&str>,
) -> Vec<banzi_store::AuditRow> {
    let filter = banzi_store::AuditFilter {
        entity: entity.map(String::from),
        key: key.map(String::from),
        per_page: 100,
        ..Default::default()
    };
    let (rows, _) = store
        .audit_page(&as_role(Role::Auditor, None), &filter)
        .await
        .expect("audit");
    rows.into_iter().filter(|r| r.action == action).collect()
}

/// One account per role (the liaison of `liaison_unit`, if given), all with [`PASSWORD`].
pub async fn seed_users(store: &Store, liaison_unit: Option<&str>) {
    let hash = banzi_web::hash_password(PASSWORD);
    for role in Role::ALL {
        if role.needs_unit() && liaison_unit.is_none() {
            continue;
        }
        let u = NewUser {
            login: role.as_str().into(),
            display_name: String::new(),
            password_hash: hash.clone(),
            role,
            unit_code: liaison_unit.filter(|_| role.needs_unit()).map(String::from),
        };
        store.add_account(&u).await.expect("seed user");
    }
}

/// A running server on its own port.
pub struct TestApp {
    pub db: TestDb,
    pub base: String,
    pub state: banzi_web::AppState,
}

impl TestApp {
    pub async fn spawn(backend: Backend, config: banzi_web::WebConfig) -> TestApp {
        let db = TestDb::new(backend).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let state = banzi_web::AppState::new(db.store.clone(), config);
        let served = state.clone();
        tokio::spawn(async move {
            let _ = banzi_web::serve(listener, served).await;
        });
        TestApp { db, base, state }
    }
}

/// A browser-like client: keeps the session cookie and the page's CSRF token; does not
/// follow redirects so tests see them. Blocking (ureq): call it from `spawn_blocking` or a
/// plain thread.
pub struct Client {
    agent: ureq::Agent,
    pub base: String,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    /// Sent as `X-Forwarded-For`: the source address a server that trusts its proxy sees.
    pub forwarded_for: Option<String>,
}

pub struct Resp {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl Client {
    pub fn new(base: &str) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .new_agent();
        Client {
            agent,
            base: base.to_string(),
            cookie: None,
            csrf: None,
            forwarded_for: None,
        }
    }

    fn finish(&mut self, r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
        let mut r = r.unwrap_or_else(|e| panic!("http request failed: {e}"));
        if let Some(set) = r.headers().get("set-cookie").and_then(|v| v.to_str().ok())
            && let Some(v) = set.split(';').next()
            && v.starts_with("banzi_session=")
        {
            self.cookie = Some(v.to_string()).filter(|c| c != "banzi_session=");
        }
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let content_type = r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let bytes = r
            .body_mut()
            .with_config()
            .limit(100 * 1024 * 1024)
            .read_to_vec()
            // A body that could not be read is a failed test, never an empty body that
            // would make a "does not contain" check pass.
            .unwrap_or_else(|e| panic!("reading the body of the answer failed: {e}"));
        let body = String::from_utf8_lossy(&bytes).to_string();
        if let Some(i) = body.find("name=\"_csrf\" value=\"") {
            let rest = &body[i + 20..];
            self.csrf = rest.split('"').next().map(String::from);
        }
        Resp {
            status,
            location,
            body,
            content_type,
            bytes,
        }
    }

    pub fn get(&mut self, path: &str) -> Resp {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        if let Some(f) = &self.forwarded_for {
            req = req.header("x-forwarded-for", f);
        }
        let r = req.call();
        self.finish(r)
    }

    /// Posts a form with the current CSRF token.
    pub fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let mut all: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if let Some(t) = &self.csrf {
            all.push(("_csrf".into(), t.clone()));
        }
        self.post_raw(path, &all)
    }

    pub fn post_raw(&mut self, path: &str, fields: &[(String, String)]) -> Resp {
        let r = self.send_form(path, fields);
        self.finish(r)
    }

    /// Like `post_raw`, but a connection the server closed while the body was still being
    /// sent (what a server may do to a body over its limit) is `Err` instead of a panic.
    pub fn try_post_raw(
        &mut self,
        path: &str,
        fields: &[(String, String)],
    ) -> Result<Resp, ureq::Error> {
        let r = self.send_form(path, fields)?;
        Ok(self.finish(Ok(r)))
    }

    fn send_form(
        &mut self,
        path: &str,
        fields: &[(String, String)],
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        if let Some(f) = &self.forwarded_for {
            req = req.header("x-forwarded-for", f);
        }
        req.send_form(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Posts a multipart form with one file field; CSRF in the header as htmx sends it.
    pub fn upload(&mut self, path: &str, field: &str, filename: &str, data: &[u8]) -> Resp {
        self.upload_with(path, &[], field, filename, data)
    }

    /// Posts a multipart form with text `fields` before one file field.
    pub fn upload_with(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        field: &str,
        filename: &str,
        data: &[u8],
    ) -> Resp {
        let boundary = "----banzitestboundary7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
        body.extend_from_slice(data);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let mut req = self
            .agent
            .post(format!("{}{path}", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("hx-request", "true");
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        if let Some(t) = &self.csrf {
            req = req.header("x-csrf-token", t);
        }
        let r = req.send(&body[..]);
        self.finish(r)
    }

    /// Signs in and loads the home page (which carries the CSRF token).
    pub fn login(&mut self, login: &str, password: &str) -> Resp {
        let r = self.post_raw(
            "/login",
            &[
                ("login".into(), login.into()),
                ("password".into(), password.into()),
            ],
        );
        if r.status == 303 {
            let home = r.location.clone().unwrap_or("/".into());
            self.get(&home);
        }
        r
    }
}

/// A message as it reads in zh-CN, the Chinese the pages and the command line have always
/// shown.
pub fn zh(m: &Msg) -> String {
    Tr::new(Lang::ZhCn).msg(m)
}

/// The address of a cadre's pages (`/cadres/{row id}`): addresses carry no ID number.
pub async fn cadre_ref(store: &Store, id_number: &str) -> i64 {
    *store
        .cadre_refs(&[id_number.to_string()])
        .await
        .expect("refs")
        .get(id_number)
        .expect("the cadre exists")
}
