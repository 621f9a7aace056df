//! An import of LRMX files planned before anything is written (issue 16, item 1; M1): each
//! file is a new cadre, a list of the fields it would change (before → after), the same as
//! what is stored, or its errors. The plan has a digest: a confirmation carries the digest
//! of the preview the user saw, and the import writes only if the plan it makes again inside
//! its transaction has the same one (nothing changed in between), all files or none.

use super::LrmxPerson;
use super::record::{Derived, FormRecord};
use crate::audit::{FieldChange, changes};
use crate::error::DomainError;
use crate::message;
use crate::msg::Msg;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// What one file would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A cadre not yet registered.
    New(Box<FormRecord>),
    /// A registered cadre whose record the file changes: the fields, before → after.
    Update(Box<FormRecord>, Vec<FieldChange>),
    /// The file holds what is stored.
    Same,
    /// What is wrong with the file; nothing of the import is written.
    Errors(Vec<Msg>),
}

/// One file of an import and what it would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePlan {
    /// The file's name (its path in a zip).
    pub file: String,
    /// 姓名 and 身份证号, when the file could be read that far.
    pub name: String,
    pub id_number: String,
    pub outcome: Outcome,
}

/// The plan of a whole upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    pub files: Vec<FilePlan>,
}

impl ImportPlan {
    /// Plans `files` (each read, or its errors) against `stored`, the records registered under
    /// their ID numbers with what the registry derives for them. Two files of the same person are both in error: which one should win
    /// is the user's call, not the file order's.
    pub fn new(
        files: Vec<(String, Result<LrmxPerson, Vec<Msg>>)>,
        stored: &HashMap<String, (FormRecord, Derived)>,
    ) -> ImportPlan {
        let mut first: HashMap<String, String> = HashMap::new();
        let mut dup: HashMap<String, Vec<String>> = HashMap::new();
        for (file, r) in &files {
            if let Ok(p) = r {
                let id = p.id_number.to_string();
                if let Some(other) = first.get(&id) {
                    dup.entry(id.clone()).or_default().push(other.clone());
                    dup.entry(id).or_default().push(file.clone());
                } else {
                    first.insert(id, file.clone());
                }
            }
        }
        let files = files
            .into_iter()
            .map(|(file, r)| match r {
                Err(errors) => FilePlan {
                    file,
                    name: String::new(),
                    id_number: String::new(),
                    outcome: Outcome::Errors(errors),
                },
                Ok(p) => {
                    let id = p.id_number.to_string();
                    let outcome = match dup.get(&id) {
                        Some(others) => Outcome::Errors(vec![message!(
                            "lrmx-import-duplicate",
                            file = file.clone(),
                            others = others
                                .iter()
                                .filter(|o| **o != file)
                                .cloned()
                                .collect::<Vec<_>>()
                                .join("、"),
                        )]),
                        None => outcome(&file, &p, stored.get(&id)),
                    };
                    FilePlan {
                        file,
                        name: p.name.clone(),
                        id_number: id,
                        outcome,
                    }
                }
            })
            .collect();
        ImportPlan { files }
    }

    /// Whether any file is in error (then nothing is written).
    pub fn has_errors(&self) -> bool {
        self.files
            .iter()
            .any(|f| matches!(f.outcome, Outcome::Errors(_)))
    }

    /// The records to write, in file order.
    pub fn writes(&self) -> impl Iterator<Item = (&FilePlan, &FormRecord)> {
        self.files.iter().filter_map(|f| match &f.outcome {
            Outcome::New(r) | Outcome::Update(r, _) => Some((f, &**r)),
            _ => None,
        })
    }

    /// Counts: new, changed, unchanged, in error.
    pub fn counts(&self) -> [usize; 4] {
        let mut n = [0; 4];
        for f in &self.files {
            n[match f.outcome {
                Outcome::New(_) => 0,
                Outcome::Update(..) => 1,
                Outcome::Same => 2,
                Outcome::Errors(_) => 3,
            }] += 1;
        }
        n
    }

    /// The digest a confirmation carries: of every file's name and of the record it would
    /// write and the one it would replace, so a preview confirmed after the registry or the
    /// file changed is not written.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        for f in &self.files {
            h.update(f.file.as_bytes());
            h.update([0]);
            match &f.outcome {
                Outcome::New(r) => {
                    h.update(b"N");
                    h.update(r.shown().to_string().as_bytes());
                }
                Outcome::Update(r, c) => {
                    h.update(b"U");
                    h.update(r.shown().to_string().as_bytes());
                    for x in c {
                        h.update(format!("{x:?}").as_bytes());
                    }
                }
                Outcome::Same => h.update(b"S"),
                Outcome::Errors(e) => h.update(format!("E{}", e.len()).as_bytes()),
            }
            if let Some(p) = match &f.outcome {
                Outcome::New(r) | Outcome::Update(r, _) => r.photo.as_deref(),
                _ => None,
            } {
                h.update(p);
            }
        }
        crate::audit::hex(&h.finalize()[..16])
    }
}

/// What one readable file would do to `stored`.
fn outcome(file: &str, p: &LrmxPerson, stored: Option<&(FormRecord, Derived)>) -> Outcome {
    let none = Derived::default();
    let derived = stored.map_or(&none, |(_, d)| d);
    let stored = stored.map(|(r, _)| r);
    let record = match p.to_record(stored, derived) {
        Ok(r) => r,
        Err(e) => return Outcome::Errors(record_errors(file, e)),
    };
    match stored {
        None => Outcome::New(Box::new(record)),
        Some(s) if *s == record => Outcome::Same,
        Some(s) => {
            let c = changes(&s.shown().to_string(), &record.shown().to_string());
            Outcome::Update(Box::new(record), c)
        }
    }
}

/// A record the registry refuses (the ID number disagrees with 性别 …), as the file's
/// messages, each naming the field.
fn record_errors(file: &str, e: DomainError) -> Vec<Msg> {
    match e {
        DomainError::Invalid(fields) => fields
            .into_iter()
            .map(|f| {
                message!(
                    "lrmx-element-error",
                    file = file.to_string(),
                    element = f.field,
                    reason = f.message,
                )
            })
            .collect(),
        other => vec![message!(
            "lrmx-element-error",
            file = file.to_string(),
            element = "",
            reason = other.to_string(),
        )],
    }
}
