//! 信息校核 (issue 16, item 5): the facts of the cadres in the caller's scope, loaded in four
//! queries, checked by `banzi_domain::datacheck` and grouped by the unit of each cadre's
//! current post.

use super::reader;
use crate::connect::{Store, now_rfc3339};
use crate::rows::CadreRow;
use crate::{db, stored_date};
use banzi_domain::cadre::ResumeLine;
use banzi_domain::codes::{Degree, Education, Gender, Party};
use banzi_domain::datacheck::{self, Checked, Facts, Held, Report};
use banzi_domain::registry::Cadre;
use banzi_domain::role::{Actor, Scope};
use banzi_domain::{Date, DomainError, IdNumber, YearMonth};
use std::collections::{HashMap, HashSet};

/// What the four queries return.
struct Loaded {
    cadres: Vec<CadreRow>,
    resume: Vec<(i64, String, Option<String>, String)>,
    held: Vec<(i64, String, Option<String>, String, String, String)>,
    photos: Vec<i64>,
}

impl Store {
    /// Checks every cadre the caller may read on `as_of` (a unit liaison: those holding a
    /// post in its unit that day) and reports the findings by unit. Reading it is a read;
    /// it is audited when it leaves the program ([`Store::audit_datacheck_export`]).
    pub async fn data_check(&self, actor: &Actor, as_of: Date) -> Result<Report, DomainError> {
        let scope = reader(actor)?.clone();
        let unit = scope.unit().map(str::to_string);
        let day = banzi_domain::date::iso(as_of);
        let loaded = on_conn!(self, |c, b| {
            let u = unit.as_deref();
            Ok::<_, DomainError>(Loaded {
                cadres: b::datacheck::cadres(&mut *c, u, &day).await?,
                resume: b::datacheck::resume(&mut *c, u, &day).await?,
                held: b::datacheck::appointments(&mut *c, u, &day).await?,
                photos: b::datacheck::photos(&mut *c, u, &day).await?,
            })
        })?;
        tokio::task::spawn_blocking(move || check_all(loaded, &scope, as_of))
            .await
            .map_err(|e| DomainError::Internal(format!("the data check stopped: {e}")))?
    }

    /// Records that the data check left the program (a file or a download): it names people.
    pub async fn audit_datacheck_export(
        &self,
        actor: &Actor,
        report: &Report,
        format: &str,
    ) -> Result<(), DomainError> {
        reader(actor)?;
        let now = now_rfc3339();
        let after = serde_json::json!({
            "as_of": report.as_of.to_string(),
            "format": format,
            "unit": actor.scope.unit(),
            "cadres": report.cadres,
            "found": report.total(),
        });
        in_tx!(self, |c, b| {
            b::audit::append(
                &mut *c,
                crate::draft(
                    actor,
                    &now,
                    "export.datacheck",
                    "datacheck",
                    &report.as_of.to_string(),
                    None,
                    Some(after),
                ),
            )
            .await
            .map(|_| ())
        })
    }
}

fn check_all(l: Loaded, scope: &Scope, as_of: Date) -> Result<Report, DomainError> {
    let mut resume: HashMap<i64, Vec<ResumeLine>> = HashMap::new();
    for (cadre, start, end, text) in l.resume {
        let line = ResumeLine {
            start: month(&start)?,
            end: end.as_deref().map(month).transpose()?,
            text,
        };
        resume.entry(cadre).or_default().push(line);
    }
    // Each appointment with its unit (code, name).
    let mut held: HashMap<i64, Vec<(Held, (String, String))>> = HashMap::new();
    for (cadre, start, end, title, code, name) in l.held {
        let h = Held {
            unit_name: name.clone(),
            title,
            start: stored_date(&start)?,
            end: end.as_deref().map(stored_date).transpose()?,
        };
        held.entry(cadre).or_default().push((h, (code, name)));
    }
    let photos: HashSet<i64> = l.photos.into_iter().collect();
    let mut rows = l.cadres;
    rows.sort_by(|a, b| (&a.name_pinyin, a.id).cmp(&(&b.name_pinyin, b.id)));
    let mut checked = Vec::with_capacity(rows.len());
    for row in rows {
        let cadre = lenient(&row)?;
        let mine = held.remove(&row.id).unwrap_or_default();
        let (posts, units): (Vec<Held>, Vec<(String, String)>) = mine.into_iter().unzip();
        let lines = resume.remove(&row.id).unwrap_or_default();
        let findings = datacheck::check(
            &Facts {
                cadre: &cadre,
                resume: &lines,
                held: &posts,
                has_photo: photos.contains(&row.id),
            },
            as_of,
        );
        checked.push(Checked {
            cadre: row.id,
            name: row.name,
            id_number: row.id_number,
            unit: group_unit(&posts, units, scope, as_of),
            findings,
        });
    }
    Ok(Report::build(as_of, checked))
}

/// The unit a cadre is reported under: a liaison's own; otherwise the unit of the post in
/// force taken last; none when no post is in force.
fn group_unit(
    posts: &[Held],
    units: Vec<(String, String)>,
    scope: &Scope,
    as_of: Date,
) -> Option<(String, String)> {
    let in_force = posts
        .iter()
        .zip(units)
        .filter(|(h, _)| h.start <= as_of && h.end.is_none_or(|e| e > as_of));
    match scope {
        Scope::Unit(own) => in_force.map(|(_, u)| u).find(|u| &u.0 == own),
        Scope::All => in_force.max_by_key(|(h, _)| h.start).map(|(_, u)| u),
    }
}

fn month(s: &str) -> Result<YearMonth, DomainError> {
    YearMonth::parse(s)
        .map_err(|m| DomainError::Internal(format!("a stored 简历 month is malformed: {m:?}")))
}

/// The stored cadre as it is, without the cross-checks of `Cadre::parse` (gender and birth
/// date against the ID number): finding those is the data check's work.
fn lenient(r: &CadreRow) -> Result<Cadre, DomainError> {
    let bad = |what: &str| {
        DomainError::Internal(format!(
            "a stored cadre is malformed: {what} of row {}",
            r.id
        ))
    };
    fn opt(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    let date = |s: &Option<String>| opt(s).map(stored_date).transpose();
    Ok(Cadre {
        id_number: IdNumber::parse(&r.id_number).map_err(|_| bad("身份证号"))?,
        name: r.name.clone(),
        gender: Gender::parse(&r.gender).map_err(|_| bad("性别"))?,
        ethnicity: r.ethnicity.clone(),
        birth_date: stored_date(&r.birth_date)?,
        native_place: r.native_place.clone(),
        party: Party::parse(&r.party).map_err(|_| bad("政治面貌"))?,
        party_joined: date(&r.party_joined)?,
        work_started: date(&r.work_started)?,
        ft_education: opt(&r.ft_education)
            .map(Education::parse)
            .transpose()
            .map_err(|_| bad("全日制学历"))?,
        ft_degree: opt(&r.ft_degree)
            .map(Degree::parse)
            .transpose()
            .map_err(|_| bad("全日制学位"))?,
        ft_school: r.ft_school.clone(),
        pt_education: opt(&r.pt_education)
            .map(Education::parse)
            .transpose()
            .map_err(|_| bad("在职学历"))?,
        pt_degree: opt(&r.pt_degree)
            .map(Degree::parse)
            .transpose()
            .map_err(|_| bad("在职学位"))?,
        pt_school: r.pt_school.clone(),
        profession: r.profession.clone(),
        rank: r.rank.clone(),
    })
}
