//! 竞争上岗 of a selection case (issue 17, item 4; R-SEL-11): staff type the published
//! conditions, the interview panel, the applications with their review and the scores (each
//! judge's own); the page shows the ranking computed in exact decimals with ties stated (并列)
//! and a tie across the 差额 line left for people to decide, and prints the five public
//! notices (五公开). A line that cannot be read refuses the whole text, beside the form.

use super::Ctx;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebError, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use banzi_domain::DomainError;
use banzi_domain::competition::{self, CompetitionText, Standing};
use banzi_domain::message;
use banzi_store::today;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/selection/{id}/competition", get(page).post(save))
        .route("/selection/{id}/competition/notices.pdf", get(notices))
}

/// A public notice as the page shows it: its title, paragraphs and tables in order, the
/// issuer and the day.
pub struct NoticeView {
    pub title: String,
    pub blocks: Vec<BlockView>,
    pub issuer: String,
    pub date: String,
}

/// A paragraph (`table` empty) or a table (`line` empty).
pub struct BlockView {
    pub line: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn notice_view(tr: &Tr, n: &competition::Notice) -> NoticeView {
    use banzi_io::competition_pdf::worded;
    NoticeView {
        title: tr.msg(&n.title),
        blocks: n
            .blocks
            .iter()
            .map(|b| match b {
                competition::Block::Line(t) => BlockView {
                    line: worded(tr, t),
                    columns: Vec::new(),
                    rows: Vec::new(),
                },
                competition::Block::Table { columns, rows } => BlockView {
                    line: String::new(),
                    columns: columns.iter().map(|m| tr.msg(m)).collect(),
                    rows: rows
                        .iter()
                        .map(|r| r.iter().map(|t| worded(tr, t)).collect())
                        .collect(),
                },
            })
            .collect(),
        issuer: n.issuer.clone(),
        date: tr.msg(&n.date),
    }
}

/// The notices that can be published: all five once ranked, else post, conditions and
/// procedure (五公开, R-SEL-11).
fn published(c: &competition::Competition) -> Vec<competition::Notice> {
    let day = today();
    match competition::score(c) {
        Ok(o) => competition::five_notices(c, &o, day).to_vec(),
        Err(_) => vec![
            competition::post_notice(&c.setup, day),
            competition::conditions_notice(&c.setup, day),
            competition::procedure_notice(&c.setup, day),
        ],
    }
}

/// One ranked line.
pub struct Line {
    pub rank: String,
    pub name: String,
    pub written: String,
    pub interview: String,
    pub total: String,
    pub standing: String,
    pub standing_key: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "selection_competition.html")]
struct Page {
    ctx: Ctx,
    id: i64,
    post: String,
    text: CompetitionText,
    errors: Vec<String>,
    /// Why it cannot be ranked yet (scores missing, reviews pending …).
    waiting: Vec<String>,
    lines: Vec<Line>,
    /// The 差额 and a tie across its line, worded.
    notes: Vec<String>,
    staff: bool,
    /// 五公开 as they would be published today.
    notices: Vec<NoticeView>,
}

async fn view(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: i64,
    typed: Option<CompetitionText>,
    errors: Vec<String>,
) -> WebResult<Page> {
    let file = s.store.selection_case(&caller.actor, id).await?;
    let (stored, read) = s.store.selection_competition(&caller.actor, id).await?;
    let mut waiting = Vec::new();
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    let notices = match &read {
        Ok(c) => published(c).iter().map(|n| notice_view(&tr, n)).collect(),
        Err(_) => Vec::new(),
    };
    match read.map(|c| competition::score(&c)) {
        Ok(Ok(o)) => {
            for p in &o.posts {
                notes.push(tr.msg(&message!(
                    "competition-page-shortlist",
                    places = p.places,
                    shortlist = p.shortlist
                )));
                if let Some(t) = &p.cut_tie {
                    notes.push(tr.msg(&message!(
                        "competition-notice-cut-tie",
                        names = t.names.join(tr.t("p.list")),
                        total = t.total.to_string(),
                        rank = t.rank,
                        last = t.last,
                        seats = t.seats()
                    )));
                }
                for r in &p.rows {
                    let (standing, key) = match r.standing {
                        Standing::Shortlisted => {
                            ("competition-standing-shortlisted", "shortlisted")
                        }
                        Standing::AtCut => ("competition-standing-at-cut", "at_cut"),
                        Standing::Out => ("competition-standing-out", "out"),
                    };
                    lines.push(Line {
                        rank: if r.tied {
                            tr.msg(&message!("competition-rank-tied", rank = r.rank))
                        } else {
                            r.rank.to_string()
                        },
                        name: r.name.clone(),
                        written: r.written.to_string(),
                        interview: r.interview.mean.to_string(),
                        total: r.total.to_string(),
                        standing: tr.msg(&banzi_domain::Msg::new(standing)),
                        standing_key: key,
                    });
                }
            }
        }
        Ok(Err(msgs)) | Err(msgs) => waiting = msgs.iter().map(|m| tr.msg(m)).collect(),
    }
    Ok(Page {
        ctx: Ctx::new(tr, caller, &format!("/selection/{id}/competition")),
        id,
        post: format!("{} {}", file.row.unit_name, file.row.post_title),
        text: typed.unwrap_or(stored),
        errors,
        waiting,
        lines,
        notes,
        staff: caller.actor.role == banzi_domain::role::Role::Staff,
        notices,
    })
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Page> {
    view(&s, tr, &caller, id, None, Vec::new()).await
}

async fn save(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
    Form(text): Form<CompetitionText>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    match s
        .store
        .save_selection_competition(&caller.actor, id, &text)
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/selection/{id}/competition#competition-result"))
                .into_response(),
        ),
        Err(DomainError::Invalid(list)) => {
            let errors = list.iter().map(|f| tr.msg(&f.message)).collect();
            let page = view(&s, tr, &caller, id, Some(text), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// 五公开: the five notices once ranked; before, the three that can be published (post,
/// conditions, procedure).
async fn notices(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let (_, read) = s.store.selection_competition(&caller.actor, id).await?;
    let c = read.map_err(|msgs| {
        DomainError::Invalid(
            msgs.into_iter()
                .map(|m| banzi_domain::FieldError::new("competition", m))
                .collect(),
        )
    })?;
    let list = published(&c);
    let fonts = s.config.form_fonts.clone();
    let pdf = tokio::task::spawn_blocking(move || banzi_io::render_notices(&tr, &list, &fonts))
        .await
        .map_err(|e| WebError(DomainError::Internal(format!("printing notices: {e}"))))?
        .map_err(DomainError::Conflict)?;
    s.store
        .audit_selection_export(&caller.actor, id, "notices")
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"notices-{id}.pdf\""),
            ),
        ],
        pdf,
    )
        .into_response())
}
