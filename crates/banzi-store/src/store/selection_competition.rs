//! 竞争上岗 of a selection case (issue 17, item 4; R-SEL-11): the text staff typed, read into
//! `banzi_domain::competition` against the case's post and the rule parameters, saved only
//! when every line reads (audited), and scored by the domain on each reading.

use super::need;
use crate::connect::{Store, now_rfc3339};
use crate::db;
use banzi_domain::competition::{self, Competition, CompetitionText, Post};
use banzi_domain::role::{Actor, Role};
use banzi_domain::{DomainError, FieldError, Msg};

impl Store {
    /// The case's competition as typed (empty when none was saved) and as read.
    pub async fn selection_competition(
        &self,
        actor: &Actor,
        case: i64,
    ) -> Result<(CompetitionText, Result<Competition, Vec<Msg>>), DomainError> {
        let file = self.selection_case(actor, case).await?;
        let stored = on_conn!(self, |c, b| b::competition::text(c, case).await)?;
        let text: CompetitionText = match stored {
            Some(s) => serde_json::from_str(&s)
                .map_err(|e| DomainError::Internal(format!("a stored competition: {e}")))?,
            None => CompetitionText::default(),
        };
        let read = self.read_competition(actor, &file, &text).await?;
        Ok((text, read))
    }

    async fn read_competition(
        &self,
        actor: &Actor,
        file: &super::CaseFile,
        text: &CompetitionText,
    ) -> Result<Result<Competition, Vec<Msg>>, DomainError> {
        let params = self.rule_params(actor).await?;
        let row = &file.row;
        let places = file.case.initiation.as_ref().map_or(1, |i| i.places);
        let post = Post {
            title: format!("{} {}", row.unit_name, row.post_title),
            places,
        };
        let title = format!("{}{}", row.unit_name, row.post_title);
        Ok(competition::from_text(&title, post, &params, text))
    }

    /// Saves what staff typed; a line that cannot be read refuses the whole text.
    pub async fn save_selection_competition(
        &self,
        actor: &Actor,
        case: i64,
        text: &CompetitionText,
    ) -> Result<bool, DomainError> {
        need(
            actor.role == Role::Staff,
            Msg::new("store-forbidden-selection-write"),
        )?;
        let file = self.selection_case(actor, case).await?;
        if let Err(errors) = self.read_competition(actor, &file, text).await? {
            return Err(DomainError::Invalid(
                errors
                    .into_iter()
                    .map(|m| FieldError::new("competition", m))
                    .collect(),
            ));
        }
        let json = serde_json::to_string(text)
            .map_err(|e| DomainError::Internal(format!("a competition did not serialise: {e}")))?;
        let now = now_rfc3339();
        in_tx!(self, |c, b| b::competition::save(
            c, actor, case, &json, &now
        )
        .await)
    }
}
