//! A cadre's profile (简历 timeline, appointment history) and the 任免 actions on it.

use super::forms::FieldErrors;
use super::{CadreRef, Ctx};
use crate::AppState;
use crate::auth::Caller;
use crate::error::Form;
use crate::error::{ErrorPage, WebError, WebResult};
use crate::i18n::Tr;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use banzi_domain::cadre::{FamilyMember, ResumeLine, RewardEntry, YearRating};
use banzi_domain::codes::{Manner, Rating, RewardKind, TrainingKind};
use banzi_domain::date::{self, age_on, iso};
use banzi_domain::registry::{
    Appointment, AppointmentRaw, Portfolio, PortfolioRaw, Training, TrainingRaw,
};
use banzi_domain::{DomainError, Msg, message};
use banzi_store::{AppointmentRow, CadreDetail, CadreRecord, PostRow, RecordKind, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cadres/{id}", get(profile))
        .route("/cadres/{id}/appoint", get(appoint_form).post(appoint))
        .route("/cadres/{id}/records", post(add_record))
        .route(
            "/cadres/{id}/records/{kind}/{line}/remove",
            post(remove_record),
        )
        .route("/cadres/{id}/photo", get(photo).post(upload_photo))
        .route("/appointments/{id}/end", post(end))
}

#[derive(Template, WebTemplate)]
#[template(path = "profile.html")]
struct ProfilePage {
    ctx: Ctx,
    d: CadreDetail,
    age: i32,
    current: Vec<AppointmentRow>,
    today: String,
    errors: FieldErrors,
    ratings: Vec<&'static str>,
    training_kinds: Vec<&'static str>,
    reward_kinds: Vec<&'static str>,
}

async fn profile_page(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: &str,
    errors: FieldErrors,
) -> WebResult<ProfilePage> {
    let day = today();
    let d = s.store.cadre(&caller.actor, id, day).await?;
    let current = d
        .appointments
        .iter()
        .filter(|a| {
            a.end_date.as_deref().is_none_or(|e| e > iso(day).as_str())
                && a.start_date.as_str() <= iso(day).as_str()
        })
        .cloned()
        .collect();
    Ok(ProfilePage {
        ctx: Ctx::new(tr, caller, &format!("/cadres/{}", d.row.id)),
        age: age_on(d.cadre.birth_date, day),
        d,
        current,
        today: iso(day),
        errors,
        ratings: Rating::ALL.iter().map(|m| m.label()).collect(),
        training_kinds: TrainingKind::ALL.iter().map(|m| m.label()).collect(),
        reward_kinds: RewardKind::ALL.iter().map(|m| m.label()).collect(),
    })
}

async fn profile(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
) -> WebResult<ProfilePage> {
    let page = profile_page(&s, tr, &caller, &id, FieldErrors::default()).await?;
    super::audit_read(
        &s,
        &caller,
        "read.cadre",
        "cadre",
        &id,
        serde_json::json!({}),
    )
    .await?;
    Ok(page)
}

#[derive(Template, WebTemplate)]
#[template(path = "appoint.html")]
struct AppointPage {
    ctx: Ctx,
    d: CadreDetail,
    posts: Vec<PostRow>,
    current: Vec<AppointmentRow>,
    f: AppointForm,
    errors: FieldErrors,
    manners: Vec<&'static str>,
}

#[derive(serde::Deserialize, Default)]
pub struct AppointForm {
    #[serde(default)]
    post_code: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    manner: String,
    #[serde(default)]
    doc_no: String,
    /// Current appointments to end the day the new one starts (免去原职), comma-separated ids.
    #[serde(default)]
    ending: Vec<i64>,
}

impl AppointForm {
    pub fn ends(&self, id: &i64) -> bool {
        self.ending.contains(id)
    }
}

async fn appoint_page(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: &str,
    f: AppointForm,
    errors: FieldErrors,
) -> WebResult<AppointPage> {
    super::require_staff(caller)?;
    let day = today();
    let d = s.store.cadre(&caller.actor, id, day).await?;
    let posts = s.store.all_posts(&caller.actor).await?;
    let current = d
        .appointments
        .iter()
        .filter(|a| a.end_date.is_none())
        .cloned()
        .collect();
    Ok(AppointPage {
        ctx: Ctx::new(tr, caller, &format!("/cadres/{}/appoint", d.row.id)),
        d,
        posts,
        current,
        f,
        errors,
        manners: Manner::ALL.iter().map(|m| m.label()).collect(),
    })
}

async fn appoint_form(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
) -> WebResult<AppointPage> {
    let f = AppointForm {
        start: iso(today()),
        manner: "委任".into(),
        ..Default::default()
    };
    appoint_page(&s, tr, &caller, &id, f, FieldErrors::default()).await
}

/// The form posts `ending` once per ticked box; serde_urlencoded cannot collect repeated
/// keys into a Vec, so the body is read as pairs.
async fn appoint(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let mut f = AppointForm::default();
    for (k, v) in pairs {
        match k.as_str() {
            "post_code" => f.post_code = v,
            "start" => f.start = v,
            "manner" => f.manner = v,
            "doc_no" => f.doc_no = v,
            "ending" => f.ending.extend(v.parse::<i64>().ok()),
            _ => {}
        }
    }
    let raw = AppointmentRaw {
        id_number: id.clone(),
        post_code: f.post_code.clone(),
        start: f.start.clone(),
        end: String::new(),
        manner: f.manner.clone(),
        doc_no: f.doc_no.clone(),
    };
    let result = match Appointment::parse(&raw) {
        Ok(a) => {
            // Only this cadre's own current appointments may be ended here.
            let d = s.store.cadre(&caller.actor, &id, today()).await?;
            if f.ending.iter().any(|e| {
                !d.appointments
                    .iter()
                    .any(|a| a.id == *e && a.end_date.is_none())
            }) {
                Err(DomainError::invalid(
                    "免去原职",
                    Msg::new("reg-current-post-not-held"),
                ))
            } else {
                s.store
                    .appoint(&caller.actor, &a, &f.ending)
                    .await
                    .map(|_| ())
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&super::cadre_url(&s, &id).await?).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let page = appoint_page(&s, tr, &caller, &id, f, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// After an action on the profile: back to it, or the profile again with the errors.
async fn back_to_profile(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: &str,
    anchor: &str,
    result: Result<(), DomainError>,
) -> WebResult<Response> {
    match result {
        Ok(()) => {
            let url = format!("{}{anchor}", super::cadre_url(s, id).await?);
            Ok(Redirect::to(&url).into_response())
        }
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let page = profile_page(s, tr, caller, id, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(serde::Deserialize)]
pub struct EndForm {
    #[serde(default)]
    end: String,
    #[serde(default)]
    doc_no: String,
}

async fn end(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(appointment): Path<String>,
    Form(f): Form<EndForm>,
) -> WebResult<Response> {
    super::require_staff(&caller)?;
    let id: i64 = appointment
        .parse()
        .map_err(|_| DomainError::NotFound(message!("store-appointment", id = appointment)))?;
    let a = s.store.appointment(&caller.actor, id).await?;
    let result = match date::parse(&f.end) {
        Ok(end) => {
            s.store
                .end_appointment(&caller.actor, id, end, f.doc_no.trim())
                .await
        }
        Err(m) => Err(DomainError::invalid("免职日期", m)),
    };
    back_to_profile(&s, tr, &caller, &a.id_number, "", result).await
}

#[derive(serde::Deserialize)]
pub struct RecordForm {
    kind: String,
    #[serde(default)]
    a: String,
    #[serde(default)]
    b: String,
    #[serde(default)]
    c: String,
    #[serde(default)]
    d: String,
    #[serde(default)]
    e: String,
}

async fn add_record(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    Form(f): Form<RecordForm>,
) -> WebResult<Response> {
    // 分管 and 培训 are registry records of their own, not lines of the cadre's file.
    if f.kind == "portfolio" || f.kind == "training" {
        let day = today();
        let result = if f.kind == "portfolio" {
            let raw = PortfolioRaw {
                id_number: id.clone(),
                post_code: f.a.clone(),
                work: f.b.clone(),
                start: f.c.clone(),
                end: String::new(),
            };
            match Portfolio::parse(&raw) {
                Ok(p) => s.store.add_portfolio(&caller.actor, &p).await.map(|_| ()),
                Err(e) => Err(e),
            }
        } else {
            let raw = TrainingRaw {
                id_number: id.clone(),
                name: f.a.clone(),
                kind: f.b.clone(),
                start: f.c.clone(),
                end: f.d.clone(),
                hours: f.e.clone(),
            };
            match Training::parse(&raw) {
                Ok(t) => s
                    .store
                    .add_training(&caller.actor, &t, day)
                    .await
                    .map(|_| ()),
                Err(e) => Err(e),
            }
        };
        return back_to_profile(&s, tr, &caller, &id, &format!("#{}", f.kind), result).await;
    }
    let rec = match f.kind.as_str() {
        "resume" => ResumeLine::parse(&f.a, &f.b, &f.c).map(CadreRecord::Resume),
        "family" => FamilyMember::parse(&f.a, &f.b, &f.c, &f.d, &f.e).map(CadreRecord::Family),
        "reward" => RewardEntry::parse(&f.a, &f.b, &f.c).map(CadreRecord::Reward),
        "rating" => YearRating::parse(&f.a, &f.b).map(CadreRecord::Rating),
        _ => Err(DomainError::invalid(
            "类别",
            Msg::new("reg-unknown-record-kind"),
        )),
    };
    let result = match rec {
        Ok(r) => {
            s.store
                .add_cadre_record(&caller.actor, &id, &r, today())
                .await
        }
        Err(e) => Err(e),
    };
    back_to_profile(&s, tr, &caller, &id, &format!("#{}", f.kind), result).await
}

async fn remove_record(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    Path((_, kind, line)): Path<(String, String, String)>,
) -> WebResult<Response> {
    let (Some(k), Ok(line)) = (RecordKind::parse(&kind), line.parse::<i64>()) else {
        return Err(DomainError::NotFound(Msg::new("store-this-record")).into());
    };
    let result = s
        .store
        .remove_cadre_record(&caller.actor, &id, k, line, today())
        .await;
    back_to_profile(&s, tr, &caller, &id, &format!("#{kind}"), result).await
}

async fn photo(
    State(s): State<AppState>,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
) -> WebResult<Response> {
    match s.store.photo(&caller.actor, &id, today()).await? {
        Some((mime, data)) => {
            super::audit_read(
                &s,
                &caller,
                "read.photo",
                "cadre",
                &id,
                serde_json::json!({}),
            )
            .await?;
            Ok((
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CACHE_CONTROL, "private, no-store".into()),
                ],
                data,
            )
                .into_response())
        }
        None => Err(DomainError::NotFound(Msg::new("reg-photo")).into()),
    }
}

/// A JPEG or PNG portrait of at most 2 MiB, checked in full and stored as rebuilt from the
/// parts that draw it (`banzi_io::photo`): a page or script named .jpg, or riding in a
/// photo's comments or after its end, is refused or dropped.
async fn upload_photo(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    headers: HeaderMap,
    mut mp: Multipart,
) -> WebResult<Response> {
    // Who may is asked before the upload is read (the store asks again, with the scope).
    if !caller.actor.role.writes_registry() {
        crate::limits::drain_if_small(&headers, &mut mp).await;
        return Err(DomainError::Forbidden(Msg::new("store-forbidden-write-registry")).into());
    }
    let bad = |id: &'static str| WebError(DomainError::invalid("照片", Msg::new(id)));
    let too_large = |e: &axum::extract::multipart::MultipartError| {
        (e.status() == StatusCode::PAYLOAD_TOO_LARGE).then(|| ErrorPage::too_large().render(tr))
    };
    let mut data = None;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return too_large(&e).ok_or_else(|| bad("reg-upload-unreadable")),
        };
        if field.name() == Some("photo") {
            match field.bytes().await {
                Ok(b) => data = Some(b),
                Err(e) => return too_large(&e).ok_or_else(|| bad("reg-upload-unreadable")),
            }
        }
    }
    let data = data.ok_or_else(|| bad("reg-photo-choose"))?;
    if data.len() > crate::limits::PHOTO_BYTES {
        return Err(bad("reg-photo-too-large"));
    }
    let photo =
        banzi_io::check_photo(&data).map_err(|m| WebError(DomainError::invalid("照片", m)))?;
    s.store
        .set_photo(&caller.actor, &id, photo.mime, &photo.data, today())
        .await?;
    let url = super::cadre_url(&s, &id).await?;
    Ok(([("HX-Redirect", url.clone())], Redirect::to(&url)).into_response())
}
