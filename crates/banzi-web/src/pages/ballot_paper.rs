//! 纸质票录入 — paper ballots keyed in twice by two people (DOMAIN.md M5, R-VOTE-2): a form
//! for one slip (its place in the stack, its rater group, its answers as on the paper), the
//! stack with both keyings side by side and whether they agree, and counting the agreed ones.
//! The comparison and the refusals are the store's (`Store::key_paper`, `count_paper`).

use super::Ctx;
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
use banzi_domain::Msg;
use banzi_domain::ballot::{Answer, Ballot, QuestionKind, SessionSpec};
use banzi_store::{BallotSession, PaperEntry, PaperSlip};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ballots/{id}/paper", get(page).post(key))
        .route("/ballots/{id}/paper/count", post(count))
}

/// A keying as the stack shows it.
pub struct EntryView {
    pub clerk: String,
    pub group: String,
    /// One line per question.
    pub answers: Vec<String>,
}

pub struct SlipView {
    pub seq: i64,
    /// The first and second keying.
    pub keyings: [Option<EntryView>; 2],
    /// `counted`, `agreed`, `differs` or `once`, and its text.
    pub status: (&'static str, &'static str),
}

/// A question of the form: its inputs.
pub struct QuestionForm {
    pub title: String,
    pub recommend: bool,
    pub write_ins: bool,
    pub options: Vec<String>,
    pub marks: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "ballot_paper.html")]
struct PaperPage {
    ctx: Ctx,
    s: BallotSession,
    slips: Vec<SlipView>,
    questions: Vec<QuestionForm>,
    next_seq: i64,
    message: String,
    errors: Vec<String>,
}

/// One answer in words: the names picked, or each name with its mark.
fn describe(tr: &Tr, spec: &SessionSpec, ballot: &Ballot) -> Vec<String> {
    spec.questions
        .iter()
        .zip(ballot)
        .map(|(q, a)| match a {
            Answer::Picks { picks, write_ins } => {
                let names: Vec<String> = picks
                    .iter()
                    .filter_map(|&p| q.options.get(p as usize).cloned())
                    .chain(write_ins.iter().cloned())
                    .collect();
                if names.is_empty() {
                    tr.t("paper.none").to_string()
                } else {
                    names.join(tr.list_separator())
                }
            }
            Answer::Marks { marks } => q
                .options
                .iter()
                .zip(marks)
                .map(|(o, m)| {
                    let mark = m
                        .and_then(|m| q.kind.mark_names().get(usize::from(m)).map(|m| tr.msg(m)))
                        .unwrap_or_else(|| tr.t("paper.unmarked").to_string());
                    format!("{o}{}{mark}", tr.t("p.colon"))
                })
                .collect::<Vec<_>>()
                .join(tr.t("p.semicolon")),
        })
        .collect()
}

fn entry(tr: &Tr, spec: &SessionSpec, e: &Option<PaperEntry>) -> Option<EntryView> {
    e.as_ref().map(|e| EntryView {
        clerk: e.clerk.clone(),
        group: spec
            .groups
            .get(e.group)
            .map_or(String::new(), |g| g.name.clone()),
        answers: describe(tr, spec, &e.ballot),
    })
}

async fn view(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: i64,
    message: String,
    errors: Vec<String>,
) -> WebResult<PaperPage> {
    let b = s.store.ballot(&caller.actor, id).await?;
    let stack: Vec<PaperSlip> = s.store.paper_slips(&caller.actor, id).await?;
    let next_seq = stack.iter().map(|x| x.seq).max().unwrap_or(0) + 1;
    let slips = stack
        .iter()
        .map(|x| SlipView {
            seq: x.seq,
            keyings: [
                entry(&tr, &b.spec, &x.first),
                entry(&tr, &b.spec, &x.second),
            ],
            status: match (x.counted, x.agreed(), x.second.is_some()) {
                (true, _, _) => ("counted", tr.t("paper.counted")),
                (_, true, _) => ("agreed", tr.t("paper.agreed")),
                (_, _, true) => ("differs", tr.t("paper.differs")),
                _ => ("once", tr.t("paper.once")),
            },
        })
        .collect();
    let questions = b
        .spec
        .questions
        .iter()
        .map(|q| QuestionForm {
            title: q.title.clone(),
            recommend: matches!(q.kind, QuestionKind::Recommend { .. }),
            write_ins: matches!(
                q.kind,
                QuestionKind::Recommend {
                    write_ins: true,
                    ..
                }
            ),
            options: q.options.clone(),
            marks: q.kind.mark_names().iter().map(|m| tr.msg(m)).collect(),
        })
        .collect();
    Ok(PaperPage {
        ctx: Ctx::new(tr, caller, "/ballots"),
        s: b,
        slips,
        questions,
        next_seq,
        message,
        errors,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn page(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
    crate::error::Query(q): crate::error::Query<DoneQuery>,
) -> WebResult<PaperPage> {
    let message = match q.done.as_str() {
        "" => String::new(),
        k => tr.t(&format!("paper.done_{k}")).to_string(),
    };
    view(&s, tr, &caller, id, message, Vec::new()).await
}

/// The ballot the form describes, with its place in the stack and its group.
fn read(spec: &SessionSpec, form: &[(String, String)]) -> (i64, usize, Ballot) {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim());
    let seq = get("seq").and_then(|v| v.parse().ok()).unwrap_or(0);
    let group = get("group")
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let ballot = spec
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| match q.kind {
            QuestionKind::Recommend { .. } => Answer::Picks {
                picks: form
                    .iter()
                    .filter(|(n, _)| *n == format!("q{i}"))
                    .filter_map(|(_, v)| v.parse().ok())
                    .collect(),
                write_ins: get(&format!("w{i}"))
                    .unwrap_or("")
                    .split(['、', ',', '，'])
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .map(String::from)
                    .collect(),
            },
            _ => Answer::Marks {
                marks: (0..q.options.len())
                    .map(|j| get(&format!("q{i}_{j}")).and_then(|v| v.parse().ok()))
                    .collect(),
            },
        })
        .collect();
    (seq, group, ballot)
}

/// A refusal's messages, those without a field first, then by field. Each message names
/// its question, slip or rater group, so the form's own keys (`questions.0`, `group`,
/// `seq`) are not put before them.
fn refusals(tr: &Tr, e: &FieldErrors) -> Vec<String> {
    let mut fields: Vec<(&String, &Vec<Msg>)> = e.0.iter().collect();
    fields.sort_by_key(|(field, _)| *field);
    e.1.iter()
        .chain(fields.into_iter().flat_map(|(_, ms)| ms))
        .map(|m| tr.msg(m))
        .collect()
}

async fn key(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let b = s.store.ballot(&caller.actor, id).await?;
    let (seq, group, ballot) = read(&b.spec, &form);
    match s
        .store
        .key_paper(&caller.actor, id, seq, group, &ballot)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/ballots/{id}/paper?done=key")).into_response()),
        Err(e) => {
            let errors = refusals(&tr, &FieldErrors::from_error(e)?);
            let page = view(&s, tr, &caller, id, String::new(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn count(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    match s.store.count_paper(&caller.actor, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/ballots/{id}/paper?done=count")).into_response()),
        Err(e) => {
            let errors = refusals(&tr, &FieldErrors::from_error(e)?);
            let page = view(&s, tr, &caller, id, String::new(), errors).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}
