//! 任职 and 免职 (issue 15, items 2 and 3): the post picker shows each post's 职数 and
//! holders and filters as one types; a 任职 beyond the 职数 (R-STRUCT-4) or above the cadre's
//! 现职级 is answered first with a confirmation; both actions end on the profile with what
//! was done and the 简历 line they propose.

use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, Query, WebResult};
use crate::i18n::Tr;
use crate::pages::forms::FieldErrors;
use crate::pages::{CadreRef, Ctx};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use banzi_domain::codes::{Manner, PostLevel};
use banzi_domain::date::{self, iso};
use banzi_domain::dossier::{SeatState, rank_below, would_overfill};
use banzi_domain::registry::{Appointment, AppointmentRaw, Cadre};
use banzi_domain::{Arg, DomainError, Msg, message};
use banzi_store::{AppointmentRow, CadreDetail, PostHolder, PostRow, Upsert, today};

/// One post of the picker: its words, and where it stands against its 职数 on the day.
pub struct PostChoice {
    pub code: String,
    pub text: String,
    pub seats_text: String,
    pub state: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "appoint.html")]
pub struct AppointPage {
    ctx: Ctx,
    d: CadreDetail,
    choices: Vec<PostChoice>,
    /// More posts match than are listed.
    more: bool,
    q: String,
    current: Vec<AppointmentRow>,
    f: AppointForm,
    errors: FieldErrors,
    manners: Vec<&'static str>,
}

/// The picker alone, for the filter as one types (htmx).
#[derive(Template, WebTemplate)]
#[template(path = "appoint_posts.html")]
pub struct PostPicker {
    ctx: Ctx,
    choices: Vec<PostChoice>,
    /// More posts match than are listed.
    more: bool,
    f: AppointForm,
}

#[derive(Default)]
pub struct AppointForm {
    pub post_code: String,
    pub start: String,
    pub manner: String,
    pub doc_no: String,
    /// Current appointments to end the day the new one starts (免去原职).
    pub ending: Vec<i64>,
    /// The user saw that the post is full and goes on (R-STRUCT-4).
    pub confirm_over: bool,
    /// The user was asked about the 现职级 (and `raise_rank` is the answer).
    pub rank_asked: bool,
    pub raise_rank: bool,
}

impl AppointForm {
    pub fn ends(&self, id: &i64) -> bool {
        self.ending.contains(id)
    }

    /// The form posts `ending` once per ticked box; serde_urlencoded cannot collect repeated
    /// keys into a Vec, so the body is read as pairs.
    fn from_pairs(pairs: Vec<(String, String)>) -> AppointForm {
        let mut f = AppointForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "post_code" => f.post_code = v,
                "start" => f.start = v,
                "manner" => f.manner = v,
                "doc_no" => f.doc_no = v,
                "ending" => f.ending.extend(v.parse::<i64>().ok()),
                "confirm_over" => f.confirm_over = v == "1",
                "rank_asked" => f.rank_asked = v == "1",
                "raise_rank" => f.raise_rank = v == "1",
                _ => {}
            }
        }
        f
    }
}

/// Holders that take a seat (a 挂职 does not: R-STRUCT-4).
fn seated(holders: &[PostHolder], post: &str, ending: &[i64]) -> Vec<PostHolder> {
    holders
        .iter()
        .filter(|h| h.post_code == post && !ending.contains(&h.appointment_id))
        .filter(|h| {
            h.manner.as_deref().and_then(|m| Manner::parse(m).ok()) != Some(Manner::Secondment)
        })
        .cloned()
        .collect()
}

/// At most this many posts in the picker: typing narrows them (a province has 200,000).
const PICKER_MAX: i64 = 50;

/// The posts `q` finds (see `Store::search_posts`), at most [`PICKER_MAX`], each with its
/// 职数 state on `day`, and whether more posts match.
async fn find_posts(
    s: &AppState,
    tr: &Tr,
    caller: &Caller,
    q: &str,
    day: date::Date,
) -> WebResult<(Vec<PostChoice>, bool)> {
    let (posts, more) = s.store.search_posts(&caller.actor, q, PICKER_MAX).await?;
    let ids: Vec<i64> = posts.iter().map(|p| p.id).collect();
    let holders = s
        .store
        .holders_of_posts(&caller.actor, day, Some(&ids))
        .await?;
    Ok((choices(tr, &posts, &holders), more))
}

/// Each post with its 职数 state.
pub fn choices(tr: &Tr, posts: &[PostRow], holders: &[PostHolder]) -> Vec<PostChoice> {
    posts
        .iter()
        .map(|p| {
            let held = seated(holders, &p.code, &[]).len() as i64;
            let state = SeatState::of(p.seats, held).key();
            PostChoice {
                code: p.code.clone(),
                text: format!(
                    "{} · {}{}{}{}{}{}",
                    p.unit_name,
                    p.title,
                    tr.t("p.lparen"),
                    tr.v(&p.kind),
                    tr.t("p.comma"),
                    p.code,
                    tr.t("p.rparen")
                ),
                seats_text: tr.args(
                    "dossier.post_seats",
                    &[("seats", Arg::Int(p.seats)), ("held", Arg::Int(held))],
                ),
                state,
            }
        })
        .collect()
}

async fn appoint_page(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: &str,
    f: AppointForm,
    q: String,
    errors: FieldErrors,
) -> WebResult<AppointPage> {
    crate::pages::require_staff(caller)?;
    let day = today();
    let d = s.store.cadre(&caller.actor, id, day).await?;
    let (choices, more) = find_posts(s, &tr, caller, &q, day).await?;
    let current = d
        .appointments
        .iter()
        .filter(|a| a.end_date.is_none())
        .cloned()
        .collect();
    Ok(AppointPage {
        ctx: Ctx::new(tr, caller, &format!("/cadres/{}/appoint", d.row.id)),
        choices,
        more,
        q,
        d,
        current,
        f,
        errors,
        manners: Manner::ALL.iter().map(|m| m.label()).collect(),
    })
}

#[derive(serde::Deserialize, Default)]
pub struct PickerQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    post_code: String,
}

pub async fn appoint_form(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    Query(pq): Query<PickerQuery>,
) -> WebResult<AppointPage> {
    let f = AppointForm {
        start: iso(today()),
        manner: "委任".into(),
        post_code: pq.post_code,
        ..Default::default()
    };
    appoint_page(&s, tr, &caller, &id, f, pq.q, FieldErrors::default()).await
}

/// The picker filtered by what is typed (`?q=`), as the htmx filter swaps it in.
pub async fn post_picker(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { r, .. }: CadreRef,
    Query(pq): Query<PickerQuery>,
) -> WebResult<PostPicker> {
    crate::pages::require_staff(&caller)?;
    let (choices, more) = find_posts(&s, &tr, &caller, &pq.q, today()).await?;
    Ok(PostPicker {
        ctx: Ctx::new(tr, &caller, &format!("/cadres/{r}/appoint")),
        choices,
        more,
        f: AppointForm {
            post_code: pq.post_code,
            ..Default::default()
        },
    })
}

/// The question before a 任职 the rules advise against: the post is full (R-STRUCT-4), or the
/// cadre's 现职级 is below the post's 职务层次 (offered to raise).
#[derive(Template, WebTemplate)]
#[template(path = "appoint_confirm.html")]
pub struct ConfirmPage {
    ctx: Ctx,
    d: CadreDetail,
    post: PostRow,
    f: AppointForm,
    over: bool,
    over_text: String,
    holders: Vec<PostHolder>,
    /// The level the 现职级 would become, when offered.
    raise_to: Option<&'static str>,
    raise_text: String,
}

pub async fn appoint(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, r }: CadreRef,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    crate::pages::require_staff(&caller)?;
    let f = AppointForm::from_pairs(pairs);
    let raw = AppointmentRaw {
        id_number: id.clone(),
        post_code: f.post_code.clone(),
        start: f.start.clone(),
        end: String::new(),
        manner: f.manner.clone(),
        doc_no: f.doc_no.clone(),
    };
    let a = match Appointment::parse(&raw) {
        Ok(a) => a,
        Err(e) => return refuse(&s, tr, &caller, &id, f, e).await,
    };
    // Only this cadre's own current appointments may be ended here.
    let d = s.store.cadre(&caller.actor, &id, today()).await?;
    if f.ending.iter().any(|e| {
        !d.appointments
            .iter()
            .any(|a| a.id == *e && a.end_date.is_none())
    }) {
        let e = DomainError::invalid("免去原职", Msg::new("reg-current-post-not-held"));
        return refuse(&s, tr, &caller, &id, f, e).await;
    }
    let post = match s.store.post(&caller.actor, &f.post_code).await {
        Ok(p) => p,
        Err(DomainError::NotFound(_)) => {
            let m = message!("reg-post-missing", code = f.post_code.clone());
            return refuse(&s, tr, &caller, &id, f, DomainError::invalid("职位编码", m)).await;
        }
        Err(e) => return Err(e.into()),
    };
    let holders = s
        .store
        .holders_of_posts(&caller.actor, a.start, Some(&[post.id]))
        .await?;
    let holders = seated(&holders, &post.code, &f.ending);
    let over = would_overfill(post.seats, holders.len() as i64, a.manner);
    let level = post.level.as_deref().and_then(|l| PostLevel::parse(l).ok());
    let raise_to = level
        .filter(|l| rank_below(&d.cadre.rank, *l))
        .map(|l| l.label());
    if (over && !f.confirm_over) || (raise_to.is_some() && !f.rank_asked) {
        let page = ConfirmPage {
            ctx: Ctx::new(tr, &caller, &format!("/cadres/{r}/appoint")),
            over_text: tr.msg(&message!(
                "dossier-over-seats",
                post = format!("{}{}", post.unit_name, post.title),
                seats = post.seats,
                held = holders.len() as i64,
            )),
            raise_text: raise_to.map_or_else(String::new, |to| {
                tr.msg(&message!(
                    "dossier-raise-rank",
                    name = d.cadre.name.clone(),
                    from = Arg::label(d.cadre.rank.clone()),
                    to = Arg::label(to),
                ))
            }),
            d,
            post,
            f,
            over,
            holders,
            raise_to,
        };
        return Ok(page.into_response());
    }
    let appointed = match s.store.appoint(&caller.actor, &a, &f.ending).await {
        Ok(n) => n,
        Err(e) => return refuse(&s, tr, &caller, &id, f, e).await,
    };
    let mut url = format!("/cadres/{r}?done=appointed&appt={appointed}");
    if let (Some(to), true) = (raise_to, f.raise_rank) {
        // A second write, audited as any edit of the cadre is (cadre.update).
        let mut raw = d.cadre.to_raw();
        raw.rank = to.to_string();
        let c = Cadre::parse(&raw)?;
        s.store
            .save_cadre(&caller.actor, &c, Upsert::MustExist, today())
            .await?;
        url.push_str("&rank=1");
    }
    Ok(Redirect::to(&url).into_response())
}

async fn refuse(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: &str,
    f: AppointForm,
    e: DomainError,
) -> WebResult<Response> {
    let errors = FieldErrors::from_error(e)?;
    let page = appoint_page(s, tr, caller, id, f, String::new(), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(serde::Deserialize)]
pub struct EndForm {
    #[serde(default)]
    end: String,
    #[serde(default)]
    doc_no: String,
}

/// 免职: ends a current appointment; the profile then says so and proposes the 简历's end.
pub async fn end(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Path(appointment): Path<String>,
    Form(f): Form<EndForm>,
) -> WebResult<Response> {
    crate::pages::require_staff(&caller)?;
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
    match result {
        Ok(()) => {
            let url = crate::pages::cadre_url(&s, &a.id_number).await?;
            Ok(Redirect::to(&format!("{url}?done=ended&appt={id}")).into_response())
        }
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            super::refused(&s, tr, &caller, &a.id_number, "appointments", errors).await
        }
    }
}
