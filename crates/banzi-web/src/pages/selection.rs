//! 干部选拔任用 (issue 17): the case board (columns by step; filters by batch, unit and
//! staff member), opening a case (动议), the case page — its candidates, its timeline (the
//! 全程纪实, each record with who wrote it and when, Beijing time), what the next step needs
//! (met / unmet) and the forms of the steps — and the 纪检监察 reviewer's queue. Every form
//! is a plain POST answered by a redirect to the case, or by the case page again with the
//! refusal beside the form that was sent (422); nothing is written then.

use super::Ctx;
use super::selection_forms::{self, Fields};
use super::units::Picker;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use banzi_domain::DomainError;
use banzi_domain::codes::{BatchKind, Manner};
use banzi_domain::role::Role;
use banzi_domain::selection::checklist::checklist;
use banzi_domain::selection::{Candidate, Event, Status, Step};
use banzi_store::{CaseFile, CaseFilter, CaseRow, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/selection", get(board).post(open))
        .route("/selection/batches", post(create_batch))
        .route("/selection/queue", get(queue))
        .route("/selection/{id}", get(case_page))
        .route("/selection/{id}/record.xlsx", get(record_xlsx))
        .route("/selection/{id}/record.pdf", get(record_pdf))
        .route("/selection/{id}/{action}", post(act))
}

#[derive(serde::Deserialize, Default)]
pub struct BoardQuery {
    #[serde(default)]
    batch: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    staff: String,
}

/// Cases shown in a column of closed cases (已任职, 已终止): the latest; the rest are counted.
const CLOSED_SHOWN: usize = 30;
/// Cases shown in a column of open cases: the first; the rest are counted and the filters
/// (batch, unit, staff member) narrow them (issue 18: no page grows with the registry).
const OPEN_SHOWN: usize = 100;

/// A column of the board.
pub struct Column {
    pub key: &'static str,
    pub name: String,
    pub cases: Vec<CaseRow>,
    /// How many the column holds in all.
    pub count: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "selection_board.html")]
struct Board {
    ctx: Ctx,
    columns: Vec<Column>,
    total: usize,
    /// (id, name, kind) of every batch.
    batches: Vec<(i64, String, String)>,
    /// The unit filter (a type-ahead: a province has 40,000 units).
    unit: Picker,
    staff: Vec<String>,
    q_batch: String,
    q_staff: String,
    /// The post of a 动议 (a type-ahead: a province has 200,000 posts).
    post: Picker,
    today: String,
    errors: Vec<String>,
    typed: Fields,
    reviewer: bool,
    /// (label, shown) of each kind of batch, 个别调整 first.
    kinds: Vec<(&'static str, String)>,
}

fn step_name(tr: &Tr, key: &str) -> String {
    tr.t(&format!("selection.step_{key}")).to_string()
}

async fn board_view(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    q: &BoardQuery,
    errors: Vec<String>,
    typed: Fields,
) -> WebResult<Board> {
    let actor = &caller.actor;
    let all = s
        .store
        .selection_cases(actor, &CaseFilter::default())
        .await?;
    // One read: the filters' choices come from every case, the columns from those chosen.
    let batch: Option<i64> = q.batch.trim().parse().ok();
    let (unit, who) = (q.unit.trim(), q.staff.trim());
    let cases: Vec<&CaseRow> = all
        .iter()
        .filter(|c| batch.is_none() || c.batch_id == batch)
        .filter(|c| unit.is_empty() || c.unit_code == unit)
        .filter(|c| who.is_empty() || c.staff == who)
        .collect();
    let mut staff: Vec<String> = all.iter().map(|c| c.staff.clone()).collect();
    staff.sort();
    staff.dedup();
    let columns = Step::ALL
        .iter()
        .map(|step| {
            let all: Vec<&CaseRow> = cases
                .iter()
                .copied()
                .filter(|c| c.step == step.key())
                .collect();
            let shown = match step {
                Step::Done | Step::Stopped => CLOSED_SHOWN,
                _ => OPEN_SHOWN,
            };
            Column {
                key: step.key(),
                name: step_name(&tr, step.key()),
                count: all.len(),
                cases: all.into_iter().take(shown).cloned().collect(),
            }
        })
        .collect();
    let batches = s
        .store
        .selection_batches(actor)
        .await?
        .into_iter()
        .map(|b| (b.id, b.name, b.kind))
        .collect();
    Ok(Board {
        ctx: Ctx::new(tr, caller, "/selection"),
        total: cases.len(),
        columns,
        batches,
        unit: Picker::unit(s, tr, caller, "unit", "f-unit", &q.unit).await?,
        staff,
        q_batch: q.batch.clone(),
        q_staff: q.staff.clone(),
        post: Picker::post(s, tr, caller, "post", "o-post", typed.get("post")).await?,
        today: banzi_domain::date::iso(today()),
        errors,
        typed,
        reviewer: actor.role == Role::Discipline,
        kinds: [BatchKind::Individual, BatchKind::General]
            .into_iter()
            .map(|k| (k.label(), tr.v(k.label()).to_string()))
            .collect(),
    })
}

async fn board(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<BoardQuery>,
) -> WebResult<Board> {
    board_view(&s, tr, &caller, &q, Vec::new(), Fields::default()).await
}

/// Words each message of a refusal (the rule id first) for the page.
fn worded(tr: &Tr, e: DomainError) -> Result<Vec<String>, DomainError> {
    match e {
        DomainError::Invalid(list) => Ok(list
            .into_iter()
            .map(|f| {
                let text = tr.msg(&f.message);
                if f.field.starts_with("R-") {
                    format!("{}{}{}", f.field, tr.t("p.colon"), text)
                } else {
                    text
                }
            })
            .collect()),
        DomainError::Conflict(m) | DomainError::NotFound(m) => Ok(vec![tr.msg(&m)]),
        other => Err(other),
    }
}

/// 动议.
async fn open(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let f = Fields::new(form);
    let result = match selection_forms::opening(&f) {
        Ok(o) => s.store.open_selection_case(&caller.actor, &o).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/selection/{id}")).into_response()),
        Err(e) => {
            let errors = worded(&tr, e)?;
            let view = board_view(&s, tr, &caller, &BoardQuery::default(), errors, f).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, view).into_response())
        }
    }
}

async fn create_batch(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let f = Fields::new(form);
    match s
        .store
        .create_selection_batch(&caller.actor, f.get("batch_name"), f.get("batch_kind"))
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/selection?batch={id}")).into_response()),
        Err(e) => {
            let errors = worded(&tr, e)?;
            let view = board_view(&s, tr, &caller, &BoardQuery::default(), errors, f).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, view).into_response())
        }
    }
}

/// A candidate as the case page lists them.
pub struct CandidateView {
    pub cadre: i64,
    pub name: String,
    pub status: String,
    pub status_key: &'static str,
    pub inspected: bool,
    pub opinion: String,
    pub vote: String,
    pub publicity: String,
    pub appointed: String,
}

/// One record of the timeline.
pub struct Record {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub on: String,
    pub detail: String,
    pub corrected: bool,
}

/// One precondition of the next step.
pub struct Check {
    pub rule: &'static str,
    pub text: String,
    pub met: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "selection_case.html")]
struct CasePage {
    ctx: Ctx,
    row: CaseRow,
    step: String,
    step_key: &'static str,
    post: String,
    places: u32,
    contested: bool,
    reason: String,
    scope: String,
    conditions: String,
    candidates: Vec<CandidateView>,
    records: Vec<Record>,
    checks: Vec<Check>,
    /// Who may do what here.
    staff: bool,
    reviewer: bool,
    /// The form that was sent and refused, and why.
    action: String,
    errors: Vec<String>,
    typed: Fields,
    /// Candidates by status, for the forms' choices: (row id, name).
    nominated: Vec<(i64, String)>,
    live: Vec<(i64, String)>,
    awaiting_opinion: Vec<(i64, String)>,
    passed: Vec<(i64, String)>,
    in_publicity: Vec<(i64, String)>,
    /// (number, "candidate: text") of objections not verified.
    open_objections: Vec<(usize, String)>,
    /// (appointment id, "单位 职位") in force for each candidate in 公示.
    current_posts: Vec<(i64, i64, String)>,
    /// Closed ballot sessions: (id, title).
    sessions: Vec<(i64, String)>,
    political: Vec<String>,
    today: String,
    /// (label, shown) of the 任职方式 an appointment may have.
    manners: Vec<(&'static str, String)>,
    /// Records the page offers to correct (考察 records, until the vote): (index from 0,
    /// "N 考察 name").
    correctable: Vec<(usize, String)>,
}

fn pairs<'a>(it: impl Iterator<Item = &'a Candidate>) -> Vec<(i64, String)> {
    it.map(|c| (c.person.cadre, c.person.name.clone()))
        .collect()
}

async fn case_view(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    file: CaseFile,
    action: String,
    errors: Vec<String>,
    typed: Fields,
) -> WebResult<CasePage> {
    let actor = &caller.actor;
    let case = &file.case;
    let params = s.store.rule_params(actor).await?;
    let day = today();
    let checks = checklist(case, &params, day)
        .into_iter()
        .map(|i| Check {
            rule: i.rule,
            text: tr.msg(&i.msg),
            met: i.met,
        })
        .collect();
    let candidates = case
        .candidates
        .iter()
        .map(|c| candidate_view(&tr, c))
        .collect();
    let records = selection_forms::timeline(&tr, &file);
    let staff = actor.role == Role::Staff;
    let with = |st: Status| pairs(case.candidates.iter().filter(move |c| c.status == st));
    let mut current_posts = Vec::new();
    let mut sessions = Vec::new();
    if staff {
        for c in case
            .candidates
            .iter()
            .filter(|c| c.status == Status::Publicity)
        {
            if let Some(id_number) = s.store.cadre_id_number(c.person.cadre).await? {
                let d = s.store.cadre(actor, &id_number, day).await?;
                for a in d.appointments.iter().filter(|a| a.end_date.is_none()) {
                    current_posts.push((
                        c.person.cadre,
                        a.id,
                        format!("{} {}", a.unit_name, a.post_title),
                    ));
                }
            }
        }
        sessions = s
            .store
            .ballots(actor)
            .await?
            .into_iter()
            .filter(|b| b.state == "closed")
            .map(|b| (b.id, b.spec.title))
            .collect();
    }
    let init = case.initiation.clone();
    let correctable = file
        .case
        .records
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e, Event::Inspected(_)))
        .map(|(i, e)| {
            let who = e
                .candidate()
                .and_then(|c| case.candidate(c))
                .map(|c| c.person.name.clone())
                .unwrap_or_default();
            (
                i,
                format!("{} {} {who}", i + 1, tr.t("selection.event_inspected")),
            )
        })
        .collect();
    Ok(CasePage {
        ctx: Ctx::new(tr, caller, &format!("/selection/{}", file.row.id)),
        step: step_name(&tr, case.step().key()),
        step_key: case.step().key(),
        post: format!("{} {}", file.row.unit_name, file.row.post_title),
        places: init.as_ref().map_or(0, |i| i.places),
        contested: init.as_ref().is_some_and(|i| i.contested),
        reason: init.as_ref().map(|i| i.reason.clone()).unwrap_or_default(),
        scope: init.as_ref().map(|i| i.scope.clone()).unwrap_or_default(),
        conditions: init
            .as_ref()
            .map(|i| i.conditions.clone())
            .unwrap_or_default(),
        candidates,
        records,
        checks,
        staff,
        reviewer: actor.role == Role::Discipline,
        action,
        errors,
        typed,
        nominated: with(Status::Nominated),
        live: pairs(case.shortlisted()),
        awaiting_opinion: pairs(case.shortlisted().filter(|c| c.opinion.is_none())),
        passed: with(Status::Passed),
        in_publicity: with(Status::Publicity),
        open_objections: case
            .objections
            .iter()
            .enumerate()
            .filter(|(_, o)| o.verified.is_none())
            .map(|(i, o)| {
                let who = case
                    .candidate(o.candidate)
                    .map(|c| c.person.name.clone())
                    .unwrap_or_default();
                (i + 1, who)
            })
            .collect(),
        current_posts,
        sessions,
        political: banzi_domain::selection::POLITICAL
            .iter()
            .map(|p| tr.v(p).to_string())
            .collect(),
        today: banzi_domain::date::iso(day),
        correctable,
        manners: [
            Manner::Appointed,
            Manner::Competition,
            Manner::Elected,
            Manner::Exchange,
        ]
        .into_iter()
        .map(|m| (m.label(), tr.v(m.label()).to_string()))
        .collect(),
        row: file.row,
    })
}

fn candidate_view(tr: &Tr, c: &Candidate) -> CandidateView {
    let d = |d: banzi_domain::Date| banzi_domain::date::iso(d);
    CandidateView {
        cadre: c.person.cadre,
        name: c.person.name.clone(),
        status: tr
            .t(&format!("selection.status_{}", c.status.key()))
            .to_string(),
        status_key: c.status.key(),
        inspected: c.inspection.is_some(),
        opinion: match c.opinion {
            None => String::new(),
            Some((true, _)) => tr.t("selection.opinion_veto").to_string(),
            Some((false, _)) => tr.t("selection.opinion_clear").to_string(),
        },
        vote: c.vote.map_or(String::new(), |v| {
            tr.msg(&banzi_domain::message!(
                "sel-vote-line",
                yes = v.yes,
                no = v.no,
                abstain = v.abstain
            ))
        }),
        publicity: c.publicity.map_or(String::new(), |(open, last, _)| {
            format!("{} — {}", d(open), d(last))
        }),
        appointed: c
            .appointed
            .as_ref()
            .map_or(String::new(), |(on, doc, _)| format!("{} {}", d(*on), doc)),
    }
}

async fn case_page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<CasePage> {
    let file = s.store.selection_case(&caller.actor, id).await?;
    case_view(
        &s,
        tr,
        &caller,
        file,
        String::new(),
        Vec::new(),
        Fields::default(),
    )
    .await
}

/// A step of the case, by the form's action.
async fn act(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path((id, action)): Path<(i64, String)>,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    // R-SEL-7: the 廉政意见 is the reviewer's; every other step is staff's.
    if action == "opinion" {
        if caller.actor.role != Role::Discipline {
            return Err(DomainError::Forbidden(banzi_domain::Msg::new("sel-opinion-role")).into());
        }
    } else {
        super::require_staff(&caller)?;
    }
    let f = Fields::new(form);
    let result = match selection_forms::input(&s, &caller.actor, &action, &f).await {
        Ok(input) => s.store.selection_command(&caller.actor, id, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/selection/{id}#case-timeline")).into_response()),
        Err(e) => {
            let errors = worded(&tr, e)?;
            let file = s.store.selection_case(&caller.actor, id).await?;
            let view = case_view(&s, tr, &caller, file, action, errors, f).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, view).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "selection_queue.html")]
struct Queue {
    ctx: Ctx,
    /// (case, post, candidate names awaiting the opinion).
    rows: Vec<(CaseRow, String)>,
}

/// The 纪检监察 reviewer's queue: 考察对象 with no 廉政意见 yet.
async fn queue(State(s): State<AppState>, tr: Tr, caller: Caller) -> WebResult<Queue> {
    let actor = &caller.actor;
    let cases = s
        .store
        .selection_cases(actor, &CaseFilter::default())
        .await?;
    let mut rows = Vec::new();
    for row in cases {
        if !matches!(row.step.as_str(), "inspection" | "integrity" | "decision") {
            continue;
        }
        let file = s.store.selection_case(actor, row.id).await?;
        let waiting: Vec<String> = file
            .case
            .shortlisted()
            .filter(|c| c.opinion.is_none())
            .map(|c| c.person.name.clone())
            .collect();
        if !waiting.is_empty() {
            rows.push((row, waiting.join(tr.t("p.list"))));
        }
    }
    Ok(Queue {
        ctx: Ctx::new(tr, &caller, "/selection/queue"),
        rows,
    })
}

/// The 全程纪实表 of a case, worded for the reader (R-SEL-12).
async fn case_record(
    s: &AppState,
    tr: &Tr,
    caller: &Caller,
    id: i64,
) -> WebResult<banzi_io::selection_write::CaseRecord> {
    let file = s.store.selection_case(&caller.actor, id).await?;
    let init = file.case.initiation.clone();
    let colon = tr.t("p.colon");
    let facts = vec![
        format!(
            "{}{colon}{}　{}{colon}{}",
            tr.t("selection.batch"),
            file.row.batch_name.clone().unwrap_or_default(),
            tr.t("selection.staff"),
            file.row.staff
        ),
        format!(
            "{}{colon}{}　{}{colon}{}",
            tr.t("selection.reason"),
            init.as_ref().map(|i| i.reason.clone()).unwrap_or_default(),
            tr.t("selection.step"),
            step_name(tr, file.case.step().key())
        ),
    ];
    let lines = selection_forms::timeline(tr, &file)
        .into_iter()
        .map(|r| [r.seq.to_string(), r.at, r.actor, r.on, r.kind, r.detail])
        .collect();
    Ok(banzi_io::selection_write::CaseRecord {
        title: tr.args(
            "selection.record_title",
            &[(
                "post",
                banzi_domain::Arg::Text(
                    format!("{} {}", file.row.unit_name, file.row.post_title).into(),
                ),
            )],
        ),
        facts,
        lines,
    })
}

async fn record_xlsx(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let record = case_record(&s, &tr, &caller, id).await?;
    let data = tokio::task::spawn_blocking(move || {
        banzi_io::selection_write::write_case_record(&tr, &record)
    })
    .await
    .map_err(super::roster::io_err)?
    .map_err(super::roster::io_err)?;
    s.store
        .audit_selection_export(&caller.actor, id, "xlsx")
        .await?;
    Ok(super::roster::xlsx_file(&format!("jishi-{id}.xlsx"), data))
}

async fn record_pdf(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let record = case_record(&s, &tr, &caller, id).await?;
    let fonts = s.config.form_fonts.clone();
    let pdf = tokio::task::spawn_blocking(move || {
        banzi_io::selection_write::render_case_record(&tr, &record, &fonts)
    })
    .await
    .map_err(|e| crate::error::WebError(DomainError::Internal(format!("printing a case: {e}"))))?
    .map_err(DomainError::Conflict)?;
    s.store
        .audit_selection_export(&caller.actor, id, "pdf")
        .await?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("inline; filename=\"jishi-{id}.pdf\""),
            ),
        ],
        pdf,
    )
        .into_response())
}
