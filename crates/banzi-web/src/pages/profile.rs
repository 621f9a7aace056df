//! A cadre's dossier (issue 15, item 12): a read view laid out like the 任免审批表, each
//! section with its own edit mode (`?edit=resume` …); what the cadre held on a past day
//! (`?as_of=`, item 10); what a 任职 or 免职 did and the 简历 line it proposes (`?done=`,
//! item 3). The 任免 actions are in `appoint`, the portrait in `photo`.

mod appoint;
mod photo;
mod records;

use super::forms::FieldErrors;
use super::{CadreRow, Ctx};
use crate::AppState;
use crate::auth::Caller;
use crate::error::{Query, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use banzi_domain::codes::{Rating, RewardKind, TrainingKind};
use banzi_domain::date::{self, age_on, iso};
use banzi_domain::dossier::{StoredLine, line_after_appointment, line_after_removal};
use banzi_domain::{Arg, message};
use banzi_store::{AppointmentRow, CadreDetail, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cadres/{id}", get(profile))
        .route(
            "/cadres/{id}/appoint",
            get(appoint::appoint_form).post(appoint::appoint),
        )
        .route("/cadres/{id}/appoint/posts", get(appoint::post_picker))
        .route("/cadres/{id}/records", post(records::add_record))
        .route(
            "/cadres/{id}/records/{kind}/{line}/remove",
            post(records::remove_record),
        )
        .route(
            "/cadres/{id}/records/resume/{line}/replace",
            post(records::replace_resume_line),
        )
        .route(
            "/cadres/{id}/photo",
            get(photo::photo).post(photo::upload_photo),
        )
        .route("/appointments/{id}/end", post(appoint::end))
}

/// The sections of the dossier that have an edit mode.
const SECTIONS: [&str; 8] = [
    "resume",
    "family",
    "reward",
    "rating",
    "appointments",
    "portfolio",
    "training",
    "photo",
];

/// A 简历 line proposed after a 任职 or 免职, for the user to edit and save.
pub struct Proposal {
    /// Where the form posts: a new line, or the replacement of line `n`.
    pub action: String,
    pub start: String,
    pub end: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "profile.html")]
pub struct ProfilePage {
    ctx: Ctx,
    d: CadreDetail,
    age: i32,
    /// The day the page shows holdings of (today unless `?as_of=`).
    day: String,
    as_of: bool,
    as_of_text: String,
    as_of_error: String,
    /// What the cadre held on `day`.
    held: Vec<AppointmentRow>,
    today: String,
    errors: FieldErrors,
    edit: String,
    done: Vec<String>,
    proposal: Option<Proposal>,
    /// Why no 简历 line is proposed after a 免职.
    no_proposal: bool,
    ratings: Vec<&'static str>,
    training_kinds: Vec<&'static str>,
    reward_kinds: Vec<&'static str>,
}

impl ProfilePage {
    pub fn editing(&self, section: &str) -> bool {
        self.ctx.writes && self.edit == section
    }

    pub fn held_then(&self, a: &AppointmentRow) -> bool {
        self.as_of && self.held.iter().any(|h| h.id == a.id)
    }
}

/// Appointments held on `day`: started on or before it and not ended by it.
fn held_on(d: &CadreDetail, day: &str) -> Vec<AppointmentRow> {
    d.appointments
        .iter()
        .filter(|a| a.start_date.as_str() <= day && a.end_date.as_deref().is_none_or(|e| e > day))
        .cloned()
        .collect()
}

#[derive(serde::Deserialize, Default)]
pub struct ProfileQuery {
    #[serde(default)]
    as_of: String,
    #[serde(default)]
    edit: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    appt: Option<i64>,
    #[serde(default)]
    rank: String,
}

/// The profile of `d`, read on `now`.
fn profile_page(
    tr: Tr,
    caller: &Caller,
    d: CadreDetail,
    now: banzi_domain::Date,
    q: &ProfileQuery,
    errors: FieldErrors,
) -> WebResult<ProfilePage> {
    let mut as_of_error = String::new();
    let (day, as_of) = match q.as_of.trim() {
        "" => (now, false),
        t => match date::parse(t) {
            Ok(day) => (day, true),
            Err(m) => {
                as_of_error = tr.msg(&m);
                (now, false)
            }
        },
    };
    let day_s = iso(day);
    let held = held_on(&d, &day_s);
    let edit = if SECTIONS.contains(&q.edit.as_str()) {
        q.edit.clone()
    } else {
        String::new()
    };
    let mut done = Vec::new();
    let mut proposal = None;
    let mut no_proposal = false;
    let r = d.row.id;
    if let Some(a) = q
        .appt
        .and_then(|n| d.appointments.iter().find(|a| a.id == n))
    {
        let post = format!("{}{}", a.unit_name, a.post_title);
        match q.done.as_str() {
            "appointed" => {
                let m = message!(
                    "dossier-done-appointed",
                    name = a.cadre_name.clone(),
                    post = post
                );
                done.push(tr.msg(&m));
                if let Some(start) = date::parse_iso(&a.start_date) {
                    let l = line_after_appointment(start, &a.unit_name, &a.post_title);
                    proposal = Some(Proposal {
                        action: format!("/cadres/{r}/records"),
                        start: l.start.to_string(),
                        end: String::new(),
                        text: l.text,
                    });
                }
            }
            "ended" => {
                let m = message!(
                    "dossier-done-ended",
                    name = a.cadre_name.clone(),
                    post = post
                );
                done.push(tr.msg(&m));
                let lines: Vec<StoredLine> = d
                    .resume
                    .iter()
                    .map(|l| StoredLine {
                        id: l.id,
                        start: l.start_ym.clone(),
                        end: l.end_ym.clone(),
                        text: l.text.clone(),
                    })
                    .collect();
                let end = a.end_date.as_deref().and_then(date::parse_iso);
                match end.and_then(|e| line_after_removal(&lines, &a.unit_name, &a.post_title, e)) {
                    Some((line, l)) => {
                        proposal = Some(Proposal {
                            action: format!("/cadres/{r}/records/resume/{line}/replace"),
                            start: l.start.to_string(),
                            end: l.end.map(|e| e.to_string()).unwrap_or_default(),
                            text: l.text,
                        })
                    }
                    None => no_proposal = true,
                }
            }
            _ => {}
        }
        if q.rank == "1" {
            let m = message!("dossier-done-rank", rank = Arg::label(d.cadre.rank.clone()));
            done.push(tr.msg(&m));
        }
    }
    match q.done.as_str() {
        "resume" => done.push(tr.t("dossier.done_resume").to_string()),
        "added" | "removed" if !edit.is_empty() => {
            let section = tr.t(match edit.as_str() {
                "resume" => "profile.resume",
                "family" => "profile.family",
                "reward" => "profile.rewards",
                "rating" => "profile.ratings",
                "training" => "profile.trainings",
                "portfolio" => "profile.portfolios",
                "photo" => "profile.photo",
                _ => "profile.appointments",
            });
            done.push(tr.f(&format!("dossier.done_{}", q.done), section));
        }
        _ => {}
    }
    Ok(ProfilePage {
        ctx: Ctx::new(tr, caller, &format!("/cadres/{r}")),
        age: age_on(d.cadre.birth_date, now),
        as_of_text: if as_of {
            day_s.clone()
        } else {
            q.as_of.clone()
        },
        d,
        day: day_s,
        as_of,
        as_of_error,
        held,
        today: iso(now),
        errors,
        edit,
        done,
        proposal,
        no_proposal,
        ratings: Rating::ALL.iter().map(|m| m.label()).collect(),
        training_kinds: TrainingKind::ALL.iter().map(|m| m.label()).collect(),
        reward_kinds: RewardKind::ALL.iter().map(|m| m.label()).collect(),
    })
}

/// `/cadres/{r}`: read by the row id of the address, in one statement with the reader's
/// scope (not its ID number first: a statement more, issue 18).
async fn profile(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRow(r): CadreRow,
    Query(q): Query<ProfileQuery>,
) -> WebResult<Response> {
    let now = today();
    // Not there, or outside a liaison's unit: the same answer as for an address of no one.
    let d = match s.store.cadre_at(&caller.actor, r, now).await {
        Err(banzi_domain::DomainError::NotFound(_)) => return Err(super::no_such_cadre()),
        d => d?,
    };
    let id = d.row.id_number.clone();
    let page = profile_page(tr, &caller, d, now, &q, FieldErrors::default())?;
    super::audit_read(
        &s,
        &caller,
        "read.cadre",
        "cadre",
        &id,
        serde_json::json!({}),
    )
    .await?;
    // A day that is not one is the reader's error: said on the page, as a 422.
    let status = if page.as_of_error.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page).into_response())
}

/// The profile again with `errors`, the section `edit` open where the user acted.
async fn refused(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: &str,
    edit: &str,
    errors: FieldErrors,
) -> WebResult<Response> {
    let q = ProfileQuery {
        edit: edit.to_string(),
        ..Default::default()
    };
    let now = today();
    let d = s.store.cadre(&caller.actor, id, now).await?;
    let page = profile_page(tr, caller, d, now, &q, errors)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
