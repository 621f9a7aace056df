//! The dossier's operations: who holds each post on a day (the 任职 picker and its R-STRUCT-4
//! check), and the correction of one 简历 line (the proposal a 任职 or 免职 makes).

use super::need;
use crate::connect::{Store, now_rfc3339};
use crate::db;
use crate::types::{CadreRecord, RecordKind};
use banzi_domain::cadre::ResumeLine;
use banzi_domain::date::iso;
use banzi_domain::role::Actor;
use banzi_domain::{Date, DomainError, Msg};

/// A holder of a post on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostHolder {
    pub post_code: String,
    pub appointment_id: i64,
    pub cadre_name: String,
    /// 任职方式 as stored (a 挂职 takes no seat: R-STRUCT-4).
    pub manner: Option<String>,
}

impl Store {
    /// Who holds each post on `day`: 组织部 staff only (it spans every unit).
    pub async fn post_holders(
        &self,
        actor: &Actor,
        day: Date,
    ) -> Result<Vec<PostHolder>, DomainError> {
        self.holders_of_posts(actor, day, None).await
    }

    /// Who holds the posts of `posts` (row ids; every post when None) on `day`: 组织部 staff
    /// only.
    pub async fn holders_of_posts(
        &self,
        actor: &Actor,
        day: Date,
        posts: Option<&[i64]>,
    ) -> Result<Vec<PostHolder>, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-appoint"),
        )?;
        let day = iso(day);
        let rows = on_conn!(self, |c, b| b::dossier::holders_on(c, &day, posts).await)?;
        Ok(rows
            .into_iter()
            .map(
                |(post_code, appointment_id, cadre_name, manner)| PostHolder {
                    post_code,
                    appointment_id,
                    cadre_name,
                    manner,
                },
            )
            .collect())
    }

    /// Replaces one 简历 line by `new` in one transaction: the old line's removal and the new
    /// line's addition are audited as any removal and addition are (`cadre.resume.remove`,
    /// `cadre.resume.add`), so a proposal saved reads in the trail as a correction.
    pub async fn replace_resume_line(
        &self,
        actor: &Actor,
        id_number: &str,
        line: i64,
        new: &ResumeLine,
        today: Date,
    ) -> Result<(), DomainError> {
        need(
            actor.role.writes_registry(),
            Msg::new("store-forbidden-write-registry"),
        )?;
        let now = now_rfc3339();
        let day = iso(today);
        let rec = CadreRecord::Resume(new.clone());
        in_tx!(self, |c, b| {
            b::cadres::get_row(&mut *c, &actor.scope, id_number, &day).await?;
            b::cadres::remove_record(&mut *c, actor, id_number, RecordKind::Resume, line, &now)
                .await?;
            b::cadres::add_record(c, actor, id_number, &rec, &now).await
        })
    }
}
