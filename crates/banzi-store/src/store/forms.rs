//! 干部任免审批表 in and out (issue 16, items 1–3): an LRMX upload planned against the
//! registry and written all or nothing once confirmed, and stored cadres as forms for an LRMX
//! export or a printed form.

use super::{need, reader};
use crate::connect::{Store, now_rfc3339};
use crate::db;
use banzi_domain::date::{Date, iso};
use banzi_domain::lrmx::{Export, ImportPlan, LrmxPerson, Proposal};
use banzi_domain::role::Actor;
use banzi_domain::{DomainError, Msg, message};

/// Most cadres in one export or print: a city's teams, not the whole registry at once.
pub const MAX_FORMS: usize = 5_000;

/// What the forms are read for: each is its own entry of the trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormUse {
    /// LRMX files (`export.lrmx`).
    Lrmx,
    /// The printed 任免审批表 (`export.form`).
    Print,
}

impl FormUse {
    fn action(self) -> &'static str {
        match self {
            FormUse::Lrmx => "export.lrmx",
            FormUse::Print => "export.form",
        }
    }
    fn format(self) -> &'static str {
        match self {
            FormUse::Lrmx => "lrmx",
            FormUse::Print => "pdf",
        }
    }
}

/// An upload read file by file: each file's name and its person or its errors.
pub type LrmxFiles = Vec<(String, Result<LrmxPerson, Vec<Msg>>)>;

impl Store {
    /// The plan of an LRMX upload against the registry as it is: per file a new cadre, the
    /// fields it would change, the same, or its errors (issue 16, item 1). Writes nothing.
    pub async fn plan_lrmx(
        &self,
        actor: &Actor,
        files: LrmxFiles,
    ) -> Result<ImportPlan, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-import-lrmx"),
        )?;
        let ids = ids_of(&files);
        let day = iso(crate::today());
        let stored = on_conn!(self, |c, b| b::forms::records_of(c, &ids, &day).await)?;
        Ok(ImportPlan::new(files, &stored))
    }

    /// Writes an LRMX upload once confirmed: the plan is made again inside the transaction
    /// and written only if it has the `digest` of the preview the user confirmed and no file
    /// is in error; all files or none. Returns the plan written.
    pub async fn import_lrmx(
        &self,
        actor: &Actor,
        files: LrmxFiles,
        digest: &str,
    ) -> Result<ImportPlan, DomainError> {
        need(
            actor.role.manages_appointments(),
            Msg::new("store-forbidden-import-lrmx"),
        )?;
        let ids = ids_of(&files);
        let now = now_rfc3339();
        let day = iso(crate::today());
        in_tx!(self, |c, b| {
            let stored = b::forms::records_of(&mut *c, &ids, &day).await?;
            let plan = ImportPlan::new(files, &stored);
            if plan.has_errors() {
                return Err(DomainError::Conflict(Msg::new("store-lrmx-has-errors")));
            }
            if plan.digest() != digest {
                return Err(DomainError::Conflict(Msg::new("store-lrmx-changed")));
            }
            for (f, record) in plan.writes() {
                let old = stored.get(&f.id_number).map(|(r, _)| r);
                b::forms::write(&mut *c, actor, old, record, &now).await?;
            }
            Ok(plan)
        })
    }

    /// The forms of the cadres with `id_numbers`, in that order, as an export writes them
    /// (issue 16, items 2 and 3): 计算年龄时间 `as_of`, the 2025 elements by R-AGE-1, and
    /// 拟任/拟免/任免理由 from `proposal`. A cadre outside the caller's scope is not found.
    /// The export is an entry of the trail naming every cadre.
    pub async fn forms(
        &self,
        actor: &Actor,
        id_numbers: &[String],
        as_of: Date,
        proposal: Option<&Proposal>,
        purpose: FormUse,
    ) -> Result<Vec<LrmxPerson>, DomainError> {
        let scope = reader(actor)?;
        if id_numbers.is_empty() {
            return Err(DomainError::invalid("干部", Msg::new("store-forms-none")));
        }
        if id_numbers.len() > MAX_FORMS {
            return Err(DomainError::Conflict(message!(
                "store-forms-too-many",
                total = id_numbers.len(),
                max = MAX_FORMS
            )));
        }
        let params = self.rule_params(actor).await?;
        let day = iso(as_of);
        let people = on_conn!(self, |c, b| {
            let mut out = Vec::with_capacity(id_numbers.len());
            for idn in id_numbers {
                let row = b::cadres::get_row(&mut *c, scope, idn, &day).await?;
                let record = b::forms::record(&mut *c, &row).await?;
                let derived = b::forms::derived(&mut *c, row.id, &day).await?;
                let person = record.to_person(&derived);
                let e = Export::new(as_of, &params, &row.rank, record.cadre.gender, proposal);
                out.push(person.for_export(&e));
            }
            Ok::<_, DomainError>(out)
        })?;
        let key = match id_numbers {
            [one] => one.clone(),
            _ => format!("{}{}人", crate::BATCH_KEY, id_numbers.len()),
        };
        let after = serde_json::json!({
            "format": purpose.format(),
            "as_of": day,
            "cadres": people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、"),
        });
        self.audit_export(actor, purpose.action(), "cadre", &key, after)
            .await?;
        Ok(people)
    }
}

fn ids_of(files: &LrmxFiles) -> Vec<String> {
    files
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|p| p.id_number.to_string()))
        .collect()
}
