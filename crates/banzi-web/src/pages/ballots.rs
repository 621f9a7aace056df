//! 会议投票 — ballot sessions of DOMAIN.md M5, for 组织部 staff: the list, the set-up form
//! (groups and questions typed or pasted, read by `ballot::parse_setup`, checked whole), a
//! session's page with its codes and its 实到人数 (R-SEL-2's attendees, entered from the
//! meeting's sign-in before opening and corrected until closing), and opening and closing.
//! A refusal is shown on the session's page where the user acted: beside the 实到 field, or
//! above the buttons for opening and closing. The slips, the big screen and the results are
//! in `ballot_run.rs`; voiding and reissuing codes in `ballot_codes.rs`; the voter's phone
//! page in `vote.rs`. Opening, closing, voiding and reissuing ask first, saying what will
//! happen, and end with a message naming the session.

use super::Ctx;
use super::ballot_codes::{AwaitRow, VoidLine, awaiting};
use super::forms::FieldErrors;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use banzi_domain::DomainError;
use banzi_domain::ballot::attendance::parse_attended;
use banzi_domain::ballot::{SetupText, parse_setup};
use banzi_domain::msg::Arg;
use banzi_store::{BallotSession, GroupTurnout};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ballots", get(list))
        .route("/ballots/new", get(new).post(create))
        .route("/ballots/{id}", get(detail))
        .route("/ballots/{id}/attendance", post(attendance))
        .route("/ballots/{id}/open", post(open))
        .route("/ballots/{id}/close", post(close))
        .merge(super::ballot_run::routes())
        .merge(super::ballot_paper::routes())
        .merge(super::ballot_codes::routes())
}

/// A session's state in the reader's language, with its badge colour.
pub fn state_view(tr: &Tr, state: &str) -> (&'static str, &'static str) {
    match state {
        "draft" => (tr.t("ballot.state_draft"), "secondary"),
        "open" => (tr.t("ballot.state_open"), "success"),
        _ => (tr.t("ballot.state_closed"), "dark"),
    }
}

pub struct SessionRow {
    pub s: BallotSession,
    pub state: (&'static str, &'static str),
}

#[derive(Template, WebTemplate)]
#[template(path = "ballots.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<SessionRow>,
    /// The page shown of how many ([`PER_PAGE`] sessions a page, newest first as stored).
    page: usize,
    pages: usize,
}

/// Sessions listed on one page.
const PER_PAGE: usize = 50;

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    page: Option<usize>,
}

async fn list(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    crate::error::Query(q): crate::error::Query<ListQuery>,
) -> WebResult<ListPage> {
    let all = s.store.ballots(&caller.actor).await?;
    let pages = all.len().div_ceil(PER_PAGE).max(1);
    let page = q.page.unwrap_or(1).clamp(1, pages);
    let rows = all
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|b| SessionRow {
            state: state_view(&tr, &b.state),
            s: b,
        })
        .collect();
    Ok(ListPage {
        ctx: Ctx::new(tr, &caller, "/ballots"),
        rows,
        page,
        pages,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct SetupForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    meeting_date: String,
    #[serde(default)]
    expected: String,
    #[serde(default)]
    threshold: String,
    #[serde(default)]
    groups: String,
    #[serde(default)]
    questions: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "ballot_new.html")]
struct NewPage {
    ctx: Ctx,
    f: SetupForm,
    /// Errors by form field (a check of `questions.2.options` belongs to `questions`).
    errors: std::collections::HashMap<&'static str, String>,
    general: Vec<String>,
}

const FIELDS: [&str; 6] = [
    "title",
    "meeting_date",
    "expected",
    "threshold",
    "groups",
    "questions",
];

fn new_page(tr: Tr, caller: &Caller, f: SetupForm, e: &FieldErrors) -> NewPage {
    let mut errors = std::collections::HashMap::new();
    let mut general: Vec<String> = e.1.iter().map(|m| tr.msg(m)).collect();
    for (field, messages) in &e.0 {
        let head = field.split('.').next().unwrap_or("");
        let text: Vec<String> = messages.iter().map(|m| tr.msg(m)).collect();
        match FIELDS.iter().find(|f| **f == head) {
            Some(f) => {
                let slot: &mut String = errors.entry(*f).or_default();
                if !slot.is_empty() {
                    slot.push_str(tr.t("p.semicolon"));
                }
                slot.push_str(&text.join(tr.t("p.semicolon")));
            }
            None => general.extend(text),
        }
    }
    NewPage {
        ctx: Ctx::new(tr, caller, "/ballots"),
        f,
        errors,
        general,
    }
}

async fn new(tr: Tr, caller: Caller) -> WebResult<NewPage> {
    super::require_staff(&caller)?;
    let f = SetupForm {
        threshold: "50%".into(),
        ..Default::default()
    };
    Ok(new_page(tr, &caller, f, &FieldErrors::default()))
}

async fn create(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(f): Form<SetupForm>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let text = SetupText {
        title: f.title.clone(),
        meeting_date: f.meeting_date.clone(),
        expected: f.expected.clone(),
        threshold: f.threshold.clone(),
        groups: f.groups.clone(),
        questions: f.questions.clone(),
    };
    let made = match parse_setup(&text) {
        Ok(spec) => s.store.create_ballot(&caller.actor, &spec).await,
        Err(e) => Err(e),
    };
    match made {
        Ok(id) => Ok(Redirect::to(&format!("/ballots/{id}")).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                new_page(tr, &caller, f, &errors),
            )
                .into_response())
        }
    }
}

/// A rater group on the session's page.
pub struct GroupRow {
    pub name: String,
    pub weight: u32,
    pub codes: u32,
    pub t: GroupTurnout,
}

#[derive(Template, WebTemplate)]
#[template(path = "ballot.html")]
pub(super) struct DetailPage {
    ctx: Ctx,
    s: BallotSession,
    state: (&'static str, &'static str),
    groups: Vec<GroupRow>,
    /// Kind of each question in the reader's language.
    kinds: Vec<String>,
    message: String,
    /// The 实到 field: what it shows (the number recorded, or what was typed and refused)
    /// and the error beside it.
    attended: String,
    attended_error: String,
    /// Why opening or closing was refused, shown above the buttons.
    refused: Vec<String>,
    /// The confirmations of opening and closing, naming the session.
    open_ask: String,
    close_ask: String,
    /// The outcome of a void, serial by serial; the void field's error and what was typed.
    void_report: Vec<VoidLine>,
    void_error: String,
    void_typed: String,
    /// Voided codes still to be made up (补发).
    awaiting: Vec<AwaitRow>,
    reissue_all: Option<AwaitRow>,
}

#[derive(serde::Deserialize, Default)]
pub struct DetailQuery {
    #[serde(default)]
    done: String,
    /// After a void: the serials voided, and those refused as used, unknown or void before.
    #[serde(default)]
    voided: String,
    #[serde(default)]
    used: String,
    #[serde(default)]
    unknown: String,
    #[serde(default)]
    again: String,
}

pub fn group_rows(s: &BallotSession, turnout: Vec<GroupTurnout>) -> Vec<GroupRow> {
    s.spec
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| GroupRow {
            name: g.name.clone(),
            weight: g.weight,
            codes: g.codes,
            t: turnout
                .iter()
                .find(|t| t.grp == i as i64)
                .cloned()
                .unwrap_or_default(),
        })
        .collect()
}

/// What the session's page shows besides the session itself.
#[derive(Default)]
pub(super) struct Shown {
    /// What was done (`open`, `close`, `attendance`), said at the top.
    pub done: String,
    /// What the 实到 field holds when it was refused; otherwise the number recorded.
    pub typed: Option<String>,
    pub attended_error: String,
    pub refused: Vec<String>,
    pub void_report: Option<super::ballot_codes::VoidQuery>,
    pub void_error: String,
    pub void_typed: String,
}

pub(super) async fn detail_page(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: i64,
    shown: Shown,
) -> WebResult<DetailPage> {
    let b = s.store.ballot(&caller.actor, id).await?;
    let turnout = s.store.turnout(&caller.actor, id).await?;
    let codes = s.store.ballot_codes(&caller.actor, id).await?;
    let (awaiting, reissue_all) = awaiting(&tr, &b, &codes);
    let named = |key: &str| tr.args(key, &[("title", Arg::from(b.spec.title.clone()))]);
    let message = match shown.done.as_str() {
        "" | "void" => String::new(),
        "open" => named("meeting.done_open"),
        "close" => named("meeting.done_close"),
        _ => tr.t("ballot.done_attendance").to_string(),
    };
    let (open_ask, close_ask) = (named("meeting.open_ask"), named("meeting.close_ask"));
    let void_report = match shown.void_report {
        Some(q) => q.lines(&tr, &b.spec.title),
        None => Vec::new(),
    };
    let attended = shown
        .typed
        .unwrap_or_else(|| b.spec.attended.map(|n| n.to_string()).unwrap_or_default());
    Ok(DetailPage {
        state: state_view(&tr, &b.state),
        groups: group_rows(&b, turnout),
        kinds: b
            .spec
            .questions
            .iter()
            .map(|q| tr.msg(&q.kind.name()))
            .collect(),
        ctx: Ctx::new(tr, caller, "/ballots"),
        s: b,
        message,
        attended,
        attended_error: shown.attended_error,
        refused: shown.refused,
        open_ask,
        close_ask,
        void_report,
        void_error: shown.void_error,
        void_typed: shown.void_typed,
        awaiting,
        reissue_all,
    })
}

async fn detail(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
    crate::error::Query(q): crate::error::Query<DetailQuery>,
) -> WebResult<DetailPage> {
    let void_report = (q.done == "void").then_some(super::ballot_codes::VoidQuery {
        voided: q.voided,
        used: q.used,
        unknown: q.unknown,
        again: q.again,
    });
    let shown = Shown {
        done: q.done,
        void_report,
        ..Default::default()
    };
    detail_page(&s, tr, &caller, id, shown).await
}

#[derive(serde::Deserialize, Default)]
pub struct AttendanceForm {
    #[serde(default)]
    attended: String,
}

/// Records or corrects 实到人数 (R-SEL-2); a refusal is shown beside the field, with what
/// was typed, and nothing changes.
async fn attendance(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
    Form(f): Form<AttendanceForm>,
) -> WebResult<Response> {
    let b = s.store.ballot(&caller.actor, id).await?;
    let done = match parse_attended(&f.attended, b.spec.expected) {
        Ok(n) => s.store.set_ballot_attendance(&caller.actor, id, n).await,
        Err(e) => Err(e),
    };
    let Err(e) = done else {
        return Ok(Redirect::to(&format!("/ballots/{id}?done=attendance")).into_response());
    };
    let e = FieldErrors::from_error(e)?;
    let status = if e.0.is_empty() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let shown = Shown {
        attended_error: e.get(&tr, ATTENDED),
        refused: e.others(&tr, &[ATTENDED]),
        typed: Some(f.attended),
        ..Default::default()
    };
    let page = detail_page(&s, tr, &caller, id, shown).await?;
    Ok((status, page).into_response())
}

const ATTENDED: &str = banzi_domain::ballot::attendance::FIELD;

/// Opening (refused without 实到, R-SEL-2) and closing (refused with more ballots than
/// 实到, or paper slips not counted): a refusal is shown on the session's page, above the
/// buttons, and nothing changes.
async fn step(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: i64,
    done: Result<(), DomainError>,
    key: &str,
) -> WebResult<Response> {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/ballots/{id}?done={key}")).into_response()),
        Err(e) => {
            let e = FieldErrors::from_error(e)?;
            let shown = Shown {
                refused: e.others(&tr, &[]),
                ..Default::default()
            };
            let page = detail_page(s, tr, caller, id, shown).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

async fn open(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let done = s.store.open_ballot(&caller.actor, id).await;
    step(&s, tr, &caller, id, done, "open").await
}

async fn close(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let done = s.store.close_ballot(&caller.actor, id).await;
    step(&s, tr, &caller, id, done, "close").await
}
