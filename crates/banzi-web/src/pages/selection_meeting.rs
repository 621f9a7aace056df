//! The 常委会's meeting materials (issue 17, item 5): for the cases waiting for their
//! 讨论决定 (of one batch, or all): the 调配建议方案 (one line per proposed move: name, from,
//! to, reason), the 表决票 for paper voting (one line per candidate with 同意/不同意/弃权
//! boxes), and every candidate's 干部任免审批表 in one PDF, each filled with its case's
//! 拟任职务, 拟免职务 and 任免理由. Staff only; each leaves the program audited.

use crate::AppState;
use crate::auth::Caller;
use crate::error::{Query, WebError, WebResult};
use crate::i18n::Tr;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use banzi_domain::lrmx::Proposal;
use banzi_domain::{DomainError, Msg};
use banzi_io::selection_write::{Align, render_table};
use banzi_store::{CaseFilter, FormUse, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/selection/meeting/plan.pdf", get(plan))
        .route("/selection/meeting/ballot.pdf", get(ballot))
        .route("/selection/meeting/forms.pdf", get(forms))
}

#[derive(serde::Deserialize, Default)]
pub struct MeetingQuery {
    #[serde(default)]
    batch: String,
}

/// One proposed move: the candidate (id number, name), from, to, and the case's reason.
struct Move {
    case: i64,
    id_number: String,
    name: String,
    from: String,
    to: String,
    reason: String,
}

/// The candidates of the cases waiting for the 常委会.
async fn moves(s: &AppState, tr: &Tr, caller: &Caller, q: &MeetingQuery) -> WebResult<Vec<Move>> {
    super::require_staff(caller)?;
    let actor = &caller.actor;
    let filter = CaseFilter {
        batch: q.batch.trim().parse().ok(),
        step: Some("decision".into()),
        ..Default::default()
    };
    let cases = s.store.selection_cases(actor, &filter).await?;
    let mut out = Vec::new();
    let day = today();
    for row in cases.iter().rev() {
        let file = s.store.selection_case(actor, row.id).await?;
        let reason = file
            .case
            .initiation
            .as_ref()
            .map(|i| i.reason.clone())
            .unwrap_or_default();
        for c in file.case.shortlisted() {
            let Some(id_number) = s.store.cadre_id_number(c.person.cadre).await? else {
                continue;
            };
            let d = s.store.cadre(actor, &id_number, day).await?;
            let from = d
                .appointments
                .iter()
                .filter(|a| a.end_date.is_none())
                .map(|a| format!("{}{}", a.unit_name, a.post_title))
                .collect::<Vec<_>>()
                .join(tr.t("p.list"));
            out.push(Move {
                case: row.id,
                id_number,
                name: c.person.name.clone(),
                from,
                to: format!("{}{}", row.unit_name, row.post_title),
                reason: reason.clone(),
            });
        }
    }
    if out.is_empty() {
        return Err(DomainError::invalid("batch", Msg::new("web-selection-no-meeting")).into());
    }
    Ok(out)
}

fn pdf(name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn table(
    s: &AppState,
    tr: Tr,
    title_key: &str,
    columns: Vec<(String, f64, Align)>,
    rows: Vec<Vec<String>>,
) -> WebResult<Vec<u8>> {
    let fonts = s.config.form_fonts.clone();
    let title = tr.t(title_key).to_string();
    tokio::task::spawn_blocking(move || {
        render_table(&tr, &title, title.clone(), columns, &rows, &fonts)
    })
    .await
    .map_err(|e| WebError(DomainError::Internal(format!("printing materials: {e}"))))?
    .map_err(|m| DomainError::Conflict(m).into())
}

/// 调配建议方案.
async fn plan(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<MeetingQuery>,
) -> WebResult<Response> {
    let moves = moves(&s, &tr, &caller, &q).await?;
    let col = |k: &str, w: f64, a: Align| (tr.t(k).to_string(), w, a);
    let columns = vec![
        col("selection.seq", 5.0, Align::Center),
        col("selection.candidate", 10.0, Align::Center),
        col("selection.from", 30.0, Align::Left),
        col("selection.to", 30.0, Align::Left),
        col("selection.reason", 30.0, Align::Left),
    ];
    let rows = moves
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                (i + 1).to_string(),
                m.name.clone(),
                m.from.clone(),
                m.to.clone(),
                m.reason.clone(),
            ]
        })
        .collect();
    let bytes = table(&s, tr, "selection.plan_title", columns, rows).await?;
    audit(&s, &caller, &moves, "plan").await?;
    Ok(pdf("plan.pdf", bytes))
}

/// 表决票: a line per candidate, with boxes to mark.
async fn ballot(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<MeetingQuery>,
) -> WebResult<Response> {
    let moves = moves(&s, &tr, &caller, &q).await?;
    let col = |k: &str, w: f64| (tr.t(k).to_string(), w, Align::Center);
    let columns = vec![
        col("selection.seq", 5.0),
        col("selection.to", 30.0),
        col("selection.candidate", 12.0),
        col("selection.yes", 8.0),
        col("selection.no", 8.0),
        col("selection.abstain", 8.0),
    ];
    let rows = moves
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                (i + 1).to_string(),
                m.to.clone(),
                m.name.clone(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    let bytes = table(&s, tr, "selection.ballot_title", columns, rows).await?;
    audit(&s, &caller, &moves, "ballot").await?;
    Ok(pdf("ballot.pdf", bytes))
}

/// Every candidate's 干部任免审批表, each with its case's proposal (R-SEL-12).
async fn forms(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Query(q): Query<MeetingQuery>,
) -> WebResult<Response> {
    let moves = moves(&s, &tr, &caller, &q).await?;
    let mut people = Vec::new();
    for m in &moves {
        let proposal = Proposal {
            appoint: m.to.clone(),
            remove: m.from.clone(),
            reason: m.reason.clone(),
        };
        people.extend(
            s.store
                .forms(
                    &caller.actor,
                    std::slice::from_ref(&m.id_number),
                    today(),
                    Some(&proposal),
                    FormUse::Print,
                )
                .await?,
        );
    }
    super::form_pdf::print(&s, &tr, people).await
}

async fn audit(s: &AppState, caller: &Caller, moves: &[Move], what: &str) -> WebResult<()> {
    let mut cases: Vec<i64> = moves.iter().map(|m| m.case).collect();
    cases.dedup();
    for case in cases {
        s.store
            .audit_selection_export(&caller.actor, case, what)
            .await?;
    }
    Ok(())
}
