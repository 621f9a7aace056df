//! 作废 and 补发 of a session's codes (R-VOTE-2, issue 15 item 4): staff type the serials of
//! lost or spoilt slips; the session's page then says, serial by serial, which were voided
//! and which were not and why, and offers 补发 for each voided serial: a new code in the
//! same rater group, printed on the slips page. Both ask first; the rules are
//! `banzi_domain::ballot::codes`, the writes `Store::void_codes` and `reissue_codes`.

use super::ballots::{Shown, detail_page};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebResult};
use crate::i18n::Tr;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use banzi_domain::ballot::codes::{self, CodeRef, VoidRefusal};
use banzi_domain::{Arg, DomainError, message};
use banzi_store::BallotSession;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ballots/{id}/void", post(void))
        .route("/ballots/{id}/reissue", post(reissue))
}

/// `3, 5-7` → 3, 5, 6, 7.
pub fn serials(text: &str) -> Result<Vec<i64>, DomainError> {
    let bad = || DomainError::invalid(codes::FIELD, message!("ballot-serials-form"));
    let mut out = Vec::new();
    for part in text
        .split([',', '，', '、', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (a, b) = part.split_once(['-', '－', '~']).unwrap_or((part, part));
        let (a, b): (i64, i64) = (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        );
        if a < 1 || b < a || b - a > 10_000 {
            return Err(bad());
        }
        out.extend(a..=b);
    }
    if out.is_empty() {
        return Err(bad());
    }
    Ok(out)
}

fn list(serials: &[i64]) -> String {
    serials
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// The outcome of a void as the session's page is sent to it: serials by outcome.
#[derive(Default)]
pub struct VoidQuery {
    pub voided: String,
    pub used: String,
    pub unknown: String,
    pub again: String,
}

/// One line of a void's outcome: `voided` or `refused`, its serials and its text.
pub struct VoidLine {
    pub class: &'static str,
    pub serials: String,
    pub text: String,
}

impl VoidQuery {
    /// The lines the page shows: the serials voided, then each refused one with its reason.
    pub fn lines(&self, tr: &Tr, title: &str) -> Vec<VoidLine> {
        let read = |t: &str| serials(t).unwrap_or_default();
        let mut out = vec![VoidLine {
            class: "heading",
            serials: String::new(),
            text: tr.args(
                "meeting.void_report",
                &[("title", Arg::from(title.to_string()))],
            ),
        }];
        let voided = read(&self.voided);
        if !voided.is_empty() {
            let shown = voided
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(tr.list_separator());
            out.push(VoidLine {
                class: "voided",
                serials: list(&voided),
                text: tr.args("meeting.void_voided", &[("serials", Arg::from(shown))]),
            });
        }
        for (text, why) in [
            (&self.used, VoidRefusal::Used),
            (&self.unknown, VoidRefusal::Unknown),
            (&self.again, VoidRefusal::AlreadyVoid),
        ] {
            for serial in read(text) {
                out.push(VoidLine {
                    class: "refused",
                    serials: serial.to_string(),
                    text: tr.args(
                        "meeting.void_refused",
                        &[
                            ("serial", Arg::from(serial.to_string())),
                            ("reason", Arg::from(tr.msg(&why.reason()))),
                        ],
                    ),
                });
            }
        }
        out
    }
}

/// A voided code still to be made up, with its 补发 button's confirmation.
pub struct AwaitRow {
    pub serials: String,
    pub group: String,
    pub ask: String,
}

/// The voided codes not yet made up, and (when more than one) a row for them all.
pub fn awaiting(
    tr: &Tr,
    b: &BallotSession,
    codes: &[CodeRef],
) -> (Vec<AwaitRow>, Option<AwaitRow>) {
    if b.state == "closed" {
        return (Vec::new(), None);
    }
    let ask = |shown: String, n: usize| {
        tr.args(
            "meeting.reissue_ask",
            &[
                ("title", Arg::from(b.spec.title.clone())),
                ("serials", Arg::from(shown)),
                ("n", Arg::from(n)),
            ],
        )
    };
    let rows: Vec<AwaitRow> = codes::awaiting_reissue(codes)
        .into_iter()
        .map(|c| AwaitRow {
            serials: c.serial.to_string(),
            group: b
                .spec
                .groups
                .get(c.group)
                .map_or(String::new(), |g| g.name.clone()),
            ask: ask(c.serial.to_string(), 1),
        })
        .collect();
    let all = (rows.len() > 1).then(|| {
        let shown: Vec<&str> = rows.iter().map(|r| r.serials.as_str()).collect();
        AwaitRow {
            serials: shown.join(","),
            group: String::new(),
            ask: ask(shown.join(tr.list_separator()), shown.len()),
        }
    });
    (rows, all)
}

#[derive(serde::Deserialize, Default)]
pub struct SerialsForm {
    #[serde(default)]
    serials: String,
}

/// A refusal shown on the session's page: beside the void field (what was typed kept), or
/// above the buttons.
async fn refused(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: i64,
    e: DomainError,
    typed: String,
) -> WebResult<Response> {
    let e = super::forms::FieldErrors::from_error(e)?;
    let status = if e.0.is_empty() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let shown = Shown {
        void_error: e.get(&tr, codes::FIELD),
        refused: e.others(&tr, &[codes::FIELD]),
        void_typed: typed,
        ..Default::default()
    };
    let page = detail_page(s, tr, caller, id, shown).await?;
    Ok((status, page).into_response())
}

/// Voids the codes of the serials typed, then shows the session's page with each serial's
/// outcome.
async fn void(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(id): Path<i64>,
    Form(f): Form<SerialsForm>,
) -> WebResult<Response> {
    let done = match serials(&f.serials) {
        Ok(list) => s.store.void_codes(&caller.actor, id, &list).await,
        Err(e) => Err(e),
    };
    let report = match done {
        Ok(r) => r,
        Err(e) => return refused(&s, tr, &caller, id, e, f.serials).await,
    };
    let of = |why: VoidRefusal| {
        let v: Vec<i64> = report
            .refused
            .iter()
            .filter(|r| r.1 == why)
            .map(|r| r.0)
            .collect();
        list(&v)
    };
    let to = format!(
        "/ballots/{id}?done=void&voided={}&used={}&unknown={}&again={}",
        list(&report.voided),
        of(VoidRefusal::Used),
        of(VoidRefusal::Unknown),
        of(VoidRefusal::AlreadyVoid),
    );
    Ok(Redirect::to(&to).into_response())
}

/// 补发: new codes for the voided serials, shown once on the slips page.
async fn reissue(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(f): Form<SerialsForm>,
) -> WebResult<Response> {
    let done = match serials(&f.serials) {
        Ok(list) => s.store.reissue_codes(&caller.actor, id, &list).await,
        Err(e) => Err(e),
    };
    match done {
        Ok(made) => {
            let b = s.store.ballot(&caller.actor, id).await?;
            Ok(super::ballot_run::slips_page(
                &s, tr, &headers, &b, made, true,
            ))
        }
        Err(e) => refused(&s, tr, &caller, id, e, String::new()).await,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn serials_are_read_as_lists_and_ranges() {
        assert_eq!(super::serials("3, 5-7，9").unwrap(), [3, 5, 6, 7, 9]);
        assert!(super::serials("5-3").is_err());
        assert!(super::serials("x").is_err());
        assert!(super::serials(" ").is_err());
    }
}
