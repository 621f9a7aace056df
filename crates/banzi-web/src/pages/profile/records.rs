//! The lines of a cadre's dossier: 简历, family, 奖惩, 年度考核 (lines of the cadre's file),
//! 分管 and 培训 (registry records of their own). Each action returns to its section's edit
//! mode, or shows it again with the errors.

use crate::AppState;
use crate::auth::Caller;
use crate::error::{Form, WebResult};
use crate::i18n::Tr;
use crate::pages::CadreRef;
use crate::pages::forms::FieldErrors;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use banzi_domain::cadre::{FamilyMember, ResumeLine, RewardEntry, YearRating};
use banzi_domain::registry::{Portfolio, PortfolioRaw, Training, TrainingRaw};
use banzi_domain::{DomainError, Msg};
use banzi_store::{CadreRecord, RecordKind, today};

/// After an action on a section: back to it saying what was done (`added` or `removed`),
/// or the profile again with the errors.
async fn back_to_section(
    s: &AppState,
    tr: Tr,
    caller: &Caller,
    id: &str,
    section: &str,
    done: &str,
    result: Result<(), DomainError>,
) -> WebResult<Response> {
    match result {
        Ok(()) => {
            let url = crate::pages::cadre_url(s, id).await?;
            Ok(
                Redirect::to(&format!("{url}?edit={section}&done={done}#{section}"))
                    .into_response(),
            )
        }
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            super::refused(s, tr, caller, id, section, errors).await
        }
    }
}

#[derive(serde::Deserialize)]
pub struct RecordForm {
    #[serde(default)]
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
    /// Set by the 简历 proposal of a 任职: the profile then says the line was saved.
    #[serde(default)]
    proposal: String,
}

pub async fn add_record(
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
        return back_to_section(&s, tr, &caller, &id, &f.kind, "added", result).await;
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
    if f.proposal == "1" && result.is_ok() {
        return resume_saved(&s, &id).await;
    }
    back_to_section(&s, tr, &caller, &id, &f.kind, "added", result).await
}

async fn resume_saved(s: &AppState, id: &str) -> WebResult<Response> {
    let url = crate::pages::cadre_url(s, id).await?;
    Ok(Redirect::to(&format!("{url}?done=resume#resume")).into_response())
}

pub async fn remove_record(
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
    back_to_section(&s, tr, &caller, &id, &kind, "removed", result).await
}

/// Saves a corrected 简历 line in place of line `line` (the end a 免职 proposes).
pub async fn replace_resume_line(
    State(s): State<AppState>,
    tr: Tr,
    caller: Caller,
    CadreRef { id, .. }: CadreRef,
    Path((_, line)): Path<(String, String)>,
    Form(f): Form<RecordForm>,
) -> WebResult<Response> {
    let Ok(line) = line.parse::<i64>() else {
        return Err(DomainError::NotFound(Msg::new("store-this-record")).into());
    };
    let result = match ResumeLine::parse(&f.a, &f.b, &f.c) {
        Ok(l) => {
            s.store
                .replace_resume_line(&caller.actor, &id, line, &l, today())
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => resume_saved(&s, &id).await,
        Err(e) => back_to_section(&s, tr, &caller, &id, "resume", "", Err(e)).await,
    }
}
