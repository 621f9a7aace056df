//! Running a ballot session (DOMAIN.md M5): the QR slips printed on A4 (R-VOTE-2), the big
//! screen with turnout updating without reload (R-VOTE-5: no result before closing), and
//! the results of a closed session (R-VOTE-5, R-VOTE-6, R-SEL-2).

use super::Ctx;
use super::ballots::{GroupRow, group_rows, state_view};
use crate::AppState;
use crate::auth::{Caller, encode};
use crate::error::WebResult;
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use banzi_domain::Arg;
use banzi_domain::ballot::tally::QuestionResult;
use banzi_domain::ballot::{QuestionKind, Tally};
use banzi_store::{BallotSession, GroupTurnout, Slip};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ballots/{id}/codes", post(slips))
        .route("/ballots/{id}/screen", get(screen))
        .route("/ballots/{id}/turnout", get(turnout))
        .route("/ballots/{id}/result", get(result))
        .route("/ballots/{id}/result.xlsx", get(export))
        .route("/ballots/{id}/result/print", get(print))
}

/// One slip of the print page.
pub struct SlipView {
    pub group: String,
    pub serial: i64,
    /// The code in groups of four, for typing by hand.
    pub code: String,
    /// The QR code of the voting address, as an SVG data URI.
    pub qr: String,
    /// 补发: which voided serial it takes the place of; empty otherwise.
    pub replaces: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "ballot_slips.html")]
struct SlipsPage {
    tr: Tr,
    title: String,
    date: String,
    slips: Vec<SlipView>,
    /// The address the slips lead to; a warning when it is this computer only.
    base: String,
    local_only: bool,
    /// After 补发: what was done, naming the session.
    done: String,
}

fn qr_data_uri(text: &str) -> String {
    let svg = match qrcode::QrCode::new(text.as_bytes()) {
        Ok(q) => q
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(150, 150)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    };
    format!("data:image/svg+xml;charset=utf-8,{}", encode(&svg))
}

/// Makes the codes still lacking and shows them on slips, once: only their hashes are kept,
/// so the page is not cached and cannot be shown again (a lost page is voided and issued
/// anew).
async fn slips(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let b = s.store.ballot(&caller.actor, id).await?;
    let made = s.store.issue_codes(&caller.actor, id).await?;
    Ok(slips_page(&s, tr, &headers, &b, made, false))
}

/// The slips of codes just made (issued, or reissued in place of voided ones), not cached.
pub(super) fn slips_page(
    s: &AppState,
    tr: Tr,
    headers: &HeaderMap,
    b: &BallotSession,
    made: Vec<Slip>,
    reissued: bool,
) -> Response {
    let base = match &s.config.public_url {
        Some(url) => format!("{}/v", url.trim_end_matches('/')),
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost");
            format!("http://{host}/v")
        }
    };
    let local_only = ["//localhost", "//127.", "//[::1]"]
        .iter()
        .any(|l| base.contains(l));
    let done = if reissued {
        let replaced: Vec<String> = made
            .iter()
            .filter_map(|x| x.replaces.map(|r| r.to_string()))
            .collect();
        tr.args(
            "meeting.reissued",
            &[
                ("title", Arg::from(b.spec.title.clone())),
                ("n", Arg::from(made.len())),
                ("serials", Arg::from(replaced.join(tr.list_separator()))),
            ],
        )
    } else {
        String::new()
    };
    let slips = made
        .into_iter()
        .map(|x| SlipView {
            group: b
                .spec
                .groups
                .get(x.group)
                .map_or(String::new(), |g| g.name.clone()),
            serial: x.serial,
            qr: qr_data_uri(&format!("{base}#{}", x.code)),
            code: x
                .code
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" "),
            replaces: x
                .replaces
                .map(|r| tr.args("meeting.replaces", &[("serial", Arg::from(r.to_string()))]))
                .unwrap_or_default(),
        })
        .collect();
    let page = SlipsPage {
        tr,
        title: b.spec.title.clone(),
        date: b.spec.meeting_date.to_string(),
        slips,
        base,
        local_only,
        done,
    };
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        page,
    )
        .into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "ballot_screen.html")]
struct ScreenPage {
    tr: Tr,
    s: BallotSession,
    state: (&'static str, &'static str),
    groups: Vec<GroupRow>,
    cast: i64,
    issued: i64,
    /// Once closed: where the results are, and who to ask.
    where_results: String,
}

/// The meeting's big screen: turnout per rater group; the script asks for
/// `/ballots/{id}/turnout` every two seconds. A closed session's screen says the vote is
/// over and where its results are (the result page, for staff), not a frozen count.
async fn screen(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<ScreenPage> {
    let b = s.store.ballot(&caller.actor, id).await?;
    let t = s.store.turnout(&caller.actor, id).await?;
    let (cast, issued) = totals(&t);
    let where_results = tr.args(
        "meeting.screen_results",
        &[
            ("title", Arg::from(b.spec.title.clone())),
            ("address", Arg::from(format!("/ballots/{id}/result"))),
        ],
    );
    Ok(ScreenPage {
        where_results,
        state: state_view(&tr, &b.state),
        groups: group_rows(&b, t),
        tr,
        s: b,
        cast,
        issued,
    })
}

fn totals(t: &[GroupTurnout]) -> (i64, i64) {
    (
        t.iter().map(|g| g.cast).sum(),
        t.iter().map(|g| g.issued).sum(),
    )
}

#[derive(serde::Serialize)]
struct TurnoutJson {
    state: String,
    state_name: &'static str,
    cast: i64,
    issued: i64,
    groups: Vec<GroupTurnout>,
}

async fn turnout(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let b = s.store.ballot(&caller.actor, id).await?;
    let groups = s.store.turnout(&caller.actor, id).await?;
    let (cast, issued) = totals(&groups);
    let body = TurnoutJson {
        state_name: state_view(&tr, &b.state).0,
        state: b.state,
        cast,
        issued,
        groups,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(body)).into_response())
}

/// A question's result as the page shows it.
pub struct QuestionView {
    pub title: String,
    pub kind: String,
    pub valid: u64,
    pub invalid: u64,
    pub result: QuestionResult,
    /// The grade names of a rating, best first.
    pub grades: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "ballot_result.html")]
struct ResultPage {
    ctx: Ctx,
    s: BallotSession,
    t: Tally,
    questions: Vec<QuestionView>,
}

/// Hundredths as a decimal: 8567 → "85.67".
pub fn hundredths(n: &u64) -> String {
    format!("{}.{:02}", n / 100, n % 100)
}

/// Basis points as a percentage: 6667 → "66.67%".
pub fn percent(bp: &u64) -> String {
    format!("{}%", hundredths(bp))
}

fn question_views(tr: &Tr, t: &Tally) -> Vec<QuestionView> {
    t.questions
        .iter()
        .map(|q| QuestionView {
            title: q.title.clone(),
            kind: tr.msg(&q.kind.name()),
            valid: q.valid,
            invalid: q.invalid,
            result: q.result.clone(),
            grades: match q.kind {
                QuestionKind::RateCadre | QuestionKind::RateTeam => {
                    q.kind.mark_names().iter().map(|m| tr.msg(m)).collect()
                }
                _ => Vec::new(),
            },
        })
        .collect()
}

async fn result(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<ResultPage> {
    let (b, t) = s.store.ballot_tally(&caller.actor, id).await?;
    Ok(ResultPage {
        questions: question_views(&tr, &t),
        ctx: Ctx::new(tr, &caller, "/ballots"),
        s: b,
        t,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "ballot_result_print.html")]
struct PrintPage {
    ctx: Ctx,
    s: BallotSession,
    t: Tally,
    questions: Vec<QuestionView>,
}

/// The result sheet to print and sign (计票人, 监票人); audited as an export.
async fn print(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<PrintPage> {
    let (b, t, _) = s.store.ballot_export(&caller.actor, id, "print").await?;
    Ok(PrintPage {
        questions: question_views(&tr, &t),
        ctx: Ctx::new(tr, &caller, "/ballots"),
        s: b,
        t,
    })
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The result and the ballots (shuffled: in the order of their random ids) as a workbook;
/// audited as an export.
async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (b, t, cast) = s.store.ballot_export(&caller.actor, id, "xlsx").await?;
    let data =
        tokio::task::spawn_blocking(move || banzi_io::write_ballot_result(&b.spec, &t, &cast))
            .await
            .map_err(super::roster::io_err)?
            .map_err(super::roster::io_err)?;
    Ok((
        [
            (header::CONTENT_TYPE, XLSX.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"ballot-{id}.xlsx\""),
            ),
        ],
        data,
    )
        .into_response())
}
