//! 手机投票 — the voter's phone page (DOMAIN.md M5). The QR code on a paper slip holds
//! `https://HOST/v#CODE`: the code is in the fragment, so no request line, log or proxy ever
//! carries it; `static/vote.js` reads it and sends it in the body of two JSON calls:
//!
//! - `POST /v/open {"code"}` → the session, the voter's rater group and the questions
//!   ([`OpenView`]); a used code says so and nothing more.
//! - `POST /v/cast {"code", "nonce", "ballot"}` → `{"result": "recorded"}`, or
//!   `"already_recorded"` for a retry of the same submission (R-VOTE-4). The answer comes
//!   after the commit, so "recorded" means recorded.
//!
//! Refusals are `{"error", "fields"}` with the status of the domain error. R-VOTE-3: these
//! handlers log nothing of a request (code, nonce, address, browser) and set no cookie;
//! every answer under `/v` carries `Cache-Control: no-store` and `Referrer-Policy:
//! no-referrer`.
//!
//! Invalid codes are counted per source address, in memory only and never logged
//! ([`banzi_domain::ballot::guesses`]; issue 14, item 11): after a few, the answers to a
//! source's invalid codes come later and later, and after ten it is refused anything, a
//! valid code too, for 15 minutes (`429`, `ballot-code-attempts`). An IPv6 source is its
//! /64. Behind a reverse proxy every phone has the proxy's address: serve the phones
//! directly.
//!
//! The count is per server, on purpose (issue 18, item 5): in the database, a phone's
//! address and the time of its mistyped code would be written during the voting, into the
//! same WAL as the ballots, which R-VOTE-3 keeps free of anything of a request. Behind a load
//! balancer a source that alternates between N servers therefore gets N times the tries (10
//! invalid codes per server per 15 minutes, against codes of 120 random bits). A balancer
//! that sends each source address to one server (hashing on it) keeps the limit as on one.

use crate::AppState;
use crate::error::{self, JsonError};
use crate::i18n::{Lang, Tr};
use askama::Template;
use askama_web::WebTemplate;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use banzi_domain::ballot::guesses::{Guesses, Limits};
use banzi_domain::ballot::{Ballot, Question, QuestionKind};
use banzi_domain::{DomainError, message};
use banzi_store::{Cast, Opened};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A ballot of 50 questions of 200 names each fits well within this.
const MAX_BODY: usize = 256 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v", get(page))
        .route("/v/open", post(open))
        .route("/v/cast", post(cast))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::map_response(private))
        .layer(Extension(Arc::new(Sources::new())))
}

/// The invalid codes of each source address, for this server alone (see the module's note).
struct Sources {
    start: Instant,
    guesses: Mutex<Guesses<Option<IpAddr>>>,
}

impl Sources {
    fn new() -> Sources {
        Sources {
            start: Instant::now(),
            guesses: Mutex::new(Guesses::new(Limits::default())),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn with<T>(&self, f: impl FnOnce(&mut Guesses<Option<IpAddr>>, u64) -> T) -> T {
        let now = self.now_ms();
        let mut g = self
            .guesses
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut g, now)
    }

    /// The answer while `key` is refused, or `None`.
    fn refused(&self, key: Option<IpAddr>, tr: Tr) -> Option<Response> {
        let ms = self.with(|g, now| g.check(&key, now)).err()?;
        let minutes = ms.div_ceil(60_000).max(1);
        let body = JsonError {
            error: tr.msg(&message!("ballot-code-attempts", minutes = minutes)),
            fields: Vec::new(),
        };
        Some((StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response())
    }

    /// The answer to a code looked up; an invalid one is counted, and answered after the
    /// source's delay.
    async fn answer(&self, key: Option<IpAddr>, tr: Tr, e: &DomainError) -> Response {
        if matches!(e, DomainError::NotFound(m) if m.id == "ballot-code-invalid") {
            let wait = self.with(|g, now| g.invalid(&key, now));
            if wait > 0 {
                tokio::time::sleep(Duration::from_millis(wait)).await;
            }
        }
        error::json(tr, e)
    }
}

/// The source of a request: its peer's address, an IPv6 one as its /64 (one device may
/// hold many addresses of its prefix). `None` where the server was not told (in-process
/// requests): those count as one source.
struct Source(Option<IpAddr>);

impl FromRequestParts<AppState> for Source {
    type Rejection = std::convert::Infallible;

    /// The same source address as the sign-in counts (the peer, or behind a trusted proxy
    /// its `X-Forwarded-For`), an IPv6 one by its /64.
    async fn from_request_parts(
        parts: &mut Parts,
        s: &AppState,
    ) -> Result<Source, Self::Rejection> {
        let from = crate::auth::source_of(parts, s.config.trust_forwarded_for);
        let ip = from.parse::<IpAddr>().ok();
        Ok(Source(ip.map(|ip| match ip.to_canonical() {
            IpAddr::V6(v6) => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
            v4 => v4,
        })))
    }
}

/// R-VOTE-3: nothing of a vote is kept by a cache or told to another site. The page's own
/// script and style only; the code must not be readable by anything else.
async fn private(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// The texts `vote.js` shows, by their key under `vote.` (and `p.` for punctuation).
const SCRIPT_TEXTS: &[&str] = &[
    "vote.loading",
    "vote.no_code",
    "vote.used",
    "vote.not_open",
    "vote.closed",
    "vote.meeting_date",
    "vote.group",
    "vote.max_hint",
    "vote.too_many",
    "vote.write_ins",
    "vote.write_in_placeholder",
    "vote.fix_errors",
    "vote.sending",
    "vote.recorded",
    "vote.already_recorded",
    "vote.network",
    "vote.none_chosen",
    "vote.unmarked",
    "p.list",
    "p.colon",
];

/// The shell: a standalone mobile page (no staff navigation); the script fills it in.
#[derive(Template, WebTemplate)]
#[template(path = "vote.html")]
struct VotePage {
    tr: Tr,
    /// [`SCRIPT_TEXTS`] in the reader's language, as JSON for a `data-` attribute.
    texts: String,
    langs: Vec<(&'static str, &'static str)>,
}

/// `GET /v`. A query is ignored: the code travels in the fragment only.
async fn page(tr: Tr) -> VotePage {
    let texts: BTreeMap<&str, &str> = SCRIPT_TEXTS.iter().map(|k| (*k, tr.t(k))).collect();
    VotePage {
        tr,
        texts: serde_json::to_string(&texts).unwrap_or_else(|_| "{}".into()),
        langs: Lang::ALL.iter().map(|l| (l.code(), l.name())).collect(),
    }
}

#[derive(Deserialize)]
struct OpenRequest {
    code: String,
    /// The nonce this phone kept from an earlier submission, if any.
    #[serde(default)]
    nonce: Option<String>,
}

/// What the phone shows for a code. The questions are sent only while the code can vote.
#[derive(Serialize)]
struct OpenView {
    title: String,
    meeting_date: String,
    group: String,
    /// `draft`, `open` or `closed`.
    state: String,
    used: bool,
    /// Used by this phone's own earlier submission (its nonce): the ballot is recorded.
    recorded: bool,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
struct QuestionView {
    title: String,
    /// `recommend`, `approve`, `rate_cadre` or `rate_team`.
    kind: &'static str,
    kind_label: String,
    options: Vec<String>,
    /// How many names a recommendation may pick; none for the other kinds.
    max: Option<u32>,
    write_ins: bool,
    /// The marks each option may get, in order (an answer gives their index).
    marks: Vec<String>,
}

impl OpenView {
    fn of(o: &Opened, tr: Tr) -> OpenView {
        let spec = &o.session.spec;
        let votes = o.session.state == "open" && !o.used;
        OpenView {
            title: spec.title.clone(),
            meeting_date: spec.meeting_date.to_string(),
            group: spec
                .groups
                .get(o.group)
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            state: o.session.state.clone(),
            used: o.used,
            recorded: false,
            questions: if votes {
                spec.questions
                    .iter()
                    .map(|q| QuestionView::of(q, tr))
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

impl QuestionView {
    fn of(q: &Question, tr: Tr) -> QuestionView {
        let kind = match q.kind {
            QuestionKind::Recommend { .. } => "recommend",
            QuestionKind::Approve => "approve",
            QuestionKind::RateCadre => "rate_cadre",
            QuestionKind::RateTeam => "rate_team",
        };
        let (max, write_ins) = match q.kind {
            QuestionKind::Recommend { max, write_ins } => (Some(max), write_ins),
            _ => (None, false),
        };
        QuestionView {
            title: q.title.clone(),
            kind,
            kind_label: tr.msg(&q.kind.name()),
            options: q.options.clone(),
            max,
            write_ins,
            marks: q.kind.mark_names().iter().map(|m| tr.msg(m)).collect(),
        }
    }
}

async fn open(
    State(s): State<AppState>,
    Extension(sources): Extension<Arc<Sources>>,
    Source(from): Source,
    tr: Tr,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let req: OpenRequest = match request(&sources, from, tr, body) {
        Ok(r) => r,
        Err(refused) => return *refused,
    };
    let o = match s.store.open_code(&req.code).await {
        Ok(o) => o,
        Err(e) => return sources.answer(from, tr, &e).await,
    };
    let mut view = OpenView::of(&o, tr);
    if let Some(n) = req.nonce.as_deref().filter(|_| o.used) {
        match s.store.used_with(&req.code, n).await {
            Ok(mine) => view.recorded = mine,
            Err(e) => return error::json(tr, &e),
        }
    }
    Json(view).into_response()
}

#[derive(Deserialize)]
struct CastRequest {
    code: String,
    /// Made once by the page (128 random bits) and sent again on a retry (R-VOTE-4).
    nonce: String,
    ballot: Ballot,
}

#[derive(Serialize)]
struct CastView {
    /// `recorded` or `already_recorded`.
    result: &'static str,
}

async fn cast(
    State(s): State<AppState>,
    Extension(sources): Extension<Arc<Sources>>,
    Source(from): Source,
    tr: Tr,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let req: CastRequest = match request(&sources, from, tr, body) {
        Ok(r) => r,
        Err(refused) => return *refused,
    };
    // Committed with the other submissions waiting, answered after the commit (R-VOTE-4).
    match s.ballots.cast(&req.code, &req.nonce, &req.ballot).await {
        Ok(c) => Json(CastView {
            result: match c {
                Cast::Recorded => "recorded",
                Cast::AlreadyRecorded => "already_recorded",
            },
        })
        .into_response(),
        Err(e) => sources.answer(from, tr, &e).await,
    }
}

/// The body as JSON; the parser's own message is not shown (nor kept: R-VOTE-3).
/// What both calls of the phone do first: a source refused for its guesses gets nothing
/// else; then the body, read and parsed, or the answer that says why not.
fn request<T: serde::de::DeserializeOwned>(
    sources: &Sources,
    from: Option<IpAddr>,
    tr: Tr,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Box<Response>> {
    if let Some(refused) = sources.refused(from, tr) {
        return Err(Box::new(refused));
    }
    let body = body.map_err(|e| Box::new(unreadable(tr, &e)))?;
    serde_json::from_slice(&body).map_err(|_| Box::new(bad_request(tr)))
}

/// A body that could not be read (over the bound, or cut off): the phone's script shows
/// `error`, in the voter's language, never axum's English.
fn unreadable(tr: Tr, e: &BytesRejection) -> Response {
    if e.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return bad_request(tr);
    }
    let body = JsonError {
        error: tr.t("up.body_too_large").to_string(),
        fields: Vec::new(),
    };
    (StatusCode::PAYLOAD_TOO_LARGE, Json(body)).into_response()
}

fn bad_request(tr: Tr) -> Response {
    let body = JsonError {
        error: tr.t("vote.bad_request").to_string(),
        fields: Vec::new(),
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}
