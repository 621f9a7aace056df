//! 干部任免审批表 files in the browser (issue 16, items 1 and 2): an upload of one `.lrmx` or
//! a zip of many is previewed file by file (new cadre, fields before → after, errors) and
//! written only when the user confirms that preview; a cadre's form, or every member of a
//! team's, is downloaded as LRMX.
//!
//! The confirmation sends the file again with the preview's digest: the server keeps no
//! upload between the two requests (several servers may share the work), and the store
//! writes only if the plan it makes again is the one the user saw.

use super::form_request::FormRequest;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{ErrorPage, Form, WebResult};
use crate::i18n::Tr;
use crate::pages::CadreRef;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use banzi_domain::lrmx::{FilePlan, ImportPlan, LrmxPerson, Outcome};
use banzi_domain::{Date, DomainError, Msg, message};
use banzi_store::{FormUse, LrmxFiles, today};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/lrmx/import", post(import))
        .route("/cadres/{id}/form.lrmx", post(export_one))
        .route("/lrmx/export.zip", post(export_many))
        .route("/cadres/forms.zip", post(export_search))
}

#[derive(Template, WebTemplate)]
#[template(path = "lrmx_preview.html")]
struct Preview {
    tr: Tr,
    /// The archive's own error (not a zip, too large …): nothing else to show.
    failed: Option<Msg>,
    /// Why the confirmation was not written, above the plan made again.
    refused: Option<Msg>,
    /// The entries of a zip that are not LRMX files, left out.
    skipped: Vec<Msg>,
    plan: Option<ImportPlan>,
    digest: String,
    /// After a confirmation: what was written.
    done: bool,
}

impl Preview {
    fn counts(&self) -> [usize; 4] {
        self.plan.as_ref().map_or([0; 4], ImportPlan::counts)
    }
    fn has_errors(&self) -> bool {
        self.plan.as_ref().is_some_and(ImportPlan::has_errors)
    }
    fn can_confirm(&self) -> bool {
        let [new, changed, _, errors] = self.counts();
        !self.done && errors == 0 && new + changed > 0
    }
    fn files(&self) -> &[FilePlan] {
        self.plan.as_ref().map_or(&[], |p| &p.files)
    }
    fn kind(f: &FilePlan) -> &'static str {
        match f.outcome {
            Outcome::New(_) => "new",
            Outcome::Update(..) => "update",
            Outcome::Same => "same",
            Outcome::Errors(_) => "errors",
        }
    }
}

fn unprocessable(tr: Tr, m: Msg) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Preview {
            tr,
            failed: Some(m),
            refused: None,
            skipped: Vec::new(),
            plan: None,
            digest: String::new(),
            done: false,
        },
    )
        .into_response()
}

/// Preview (no `digest`) or confirmed import (`digest` of the preview) of an upload.
async fn import(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    headers: HeaderMap,
    mut mp: Multipart,
) -> WebResult<Response> {
    // Who may is asked before the upload is read (the store asks again).
    if let Err(e) = super::require_staff(&caller) {
        crate::limits::drain_if_small(&headers, &mut mp).await;
        return Err(e);
    }
    let mut file = None;
    let mut digest = String::new();
    loop {
        match mp.next_field().await {
            Ok(Some(field)) if field.name() == Some("digest") => {
                digest = field.text().await.unwrap_or_default().trim().to_string();
            }
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or("upload.lrmx").to_string();
                match field.bytes().await {
                    Ok(b) => file = Some((name, b)),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        return Ok(ErrorPage::too_large().render(tr));
                    }
                    Err(_) => return Ok(unprocessable(tr, Msg::new("roster-upload-interrupted"))),
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(ErrorPage::too_large().render(tr));
            }
            Err(_) => return Ok(unprocessable(tr, Msg::new("reg-upload-unreadable"))),
        }
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return Ok(unprocessable(tr, Msg::new("lrmx-web-choose-file")));
    };
    let read = tokio::task::spawn_blocking(move || banzi_io::lrmx::read_lrmx_upload(&name, &bytes))
        .await
        .map_err(|e| DomainError::Internal(format!("the LRMX reader stopped: {e}")))?;
    let (skipped, files): (Vec<_>, Vec<_>) = match read {
        Ok(list) => list
            .into_iter()
            .partition(banzi_io::lrmx::FileResult::is_skipped),
        Err(m) => return Ok(unprocessable(tr, m)),
    };
    let skipped: Vec<Msg> = skipped
        .into_iter()
        .filter_map(|f| f.result.err())
        .flatten()
        .collect();
    let files: LrmxFiles = files.into_iter().map(|f| (f.file, f.result)).collect();
    let view = |plan: ImportPlan, refused: Option<Msg>, done: bool| Preview {
        tr,
        failed: None,
        refused,
        skipped: skipped.clone(),
        digest: plan.digest(),
        plan: Some(plan),
        done,
    };
    if digest.is_empty() {
        let plan = s.store.plan_lrmx(&caller.actor, files).await?;
        let status = if plan.has_errors() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        return Ok((status, view(plan, None, false)).into_response());
    }
    match s
        .store
        .import_lrmx(&caller.actor, files.clone(), &digest)
        .await
    {
        Ok(plan) => Ok(view(plan, None, true).into_response()),
        Err(DomainError::Conflict(m)) => {
            // The plan as it is now, to look at again before confirming again.
            let plan = s.store.plan_lrmx(&caller.actor, files).await?;
            Ok((StatusCode::CONFLICT, view(plan, Some(m), false)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// A download named in Chinese (`filename*`), with an ASCII fallback.
pub fn download(content_type: &str, fallback: &str, name: &str, data: Vec<u8>) -> Response {
    let disposition = format!(
        "attachment; filename=\"{fallback}\"; filename*=UTF-8''{}",
        crate::auth::encode(name)
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        data,
    )
        .into_response()
}

/// One cadre's form as an `.lrmx` file, with the proposal typed on the profile.
async fn export_one(
    State(s): State<AppState>,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let req = FormRequest::parse(&pairs)?;
    let people = s
        .store
        .forms(
            &caller.actor,
            &[id],
            req.as_of,
            req.proposal.as_ref(),
            FormUse::Lrmx,
        )
        .await?;
    let p = people
        .into_iter()
        .next()
        .ok_or_else(|| DomainError::Internal("no form read".into()))?;
    let name = banzi_io::lrmx::file_names(std::slice::from_ref(&p)).remove(0);
    Ok(download(
        "application/xml",
        "form.lrmx",
        &name,
        banzi_io::lrmx::write_lrmx(&p),
    ))
}

/// Many cadres' forms (chosen rows, or a team's members) as a zip of `.lrmx` files.
async fn export_many(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let req = FormRequest::parse(&pairs)?;
    let ids = req.id_numbers(&s, &caller).await?;
    zip_of(&s, tr, &caller, &ids, req.as_of).await
}

/// The forms of every cadre a search of the cadre list finds (the list's own filters), as a
/// zip: the "selection" of the list.
async fn export_search(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    Form(q): Form<super::cadres::ListQuery>,
) -> WebResult<Response> {
    let super::cadres::Search { filter, error, .. } = super::cadres::search_of(&tr, &q, 1);
    if !error.is_empty() {
        return Err(DomainError::invalid(
            "查询条件",
            message!("web-search-invalid", detail = error),
        )
        .into());
    }
    let all = banzi_store::CadreFilter {
        page: 0,
        per_page: banzi_store::MAX_FORMS as i64 + 1,
        ..filter
    };
    let (rows, _) = s.store.search_cadres(&caller.actor, &all).await?;
    let ids: Vec<String> = rows.into_iter().map(|r| r.id_number).collect();
    zip_of(&s, tr, &caller, &ids, today()).await
}

async fn zip_of(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    ids: &[String],
    as_of: Date,
) -> WebResult<Response> {
    let people: Vec<LrmxPerson> = s
        .store
        .forms(&caller.actor, ids, as_of, None, FormUse::Lrmx)
        .await?;
    let data = tokio::task::spawn_blocking(move || {
        let names = banzi_io::lrmx::file_names(&people);
        let files: Vec<(String, Vec<u8>)> = names
            .into_iter()
            .zip(&people)
            .map(|(n, p)| (n, banzi_io::lrmx::write_lrmx(p)))
            .collect();
        banzi_io::lrmx::write_lrmx_zip(&files)
    })
    .await
    .map_err(|e| DomainError::Internal(format!("the zip writer stopped: {e}")))??;
    let name = tr.msg(&message!("lrmx-web-zip-name", date = as_of.to_string()));
    Ok(download("application/zip", "forms.zip", &name, data))
}
