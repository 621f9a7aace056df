//! 信息校核 (issue 16, item 5): the facts of the cadres in the caller's scope, loaded one query
//! per table, checked by `banzi_domain::datacheck` on both cores and grouped by the unit of
//! each cadre's current post.

use super::reader;
use crate::connect::Store;
use crate::rows::CadreRow;
use crate::{db, stored_date};
use banzi_domain::cadre::ResumeLine;
use banzi_domain::codes::{Degree, Education, Gender, Party};
use banzi_domain::datacheck::{self, Checked, Facts, Held, Report};
use banzi_domain::registry::Cadre;
use banzi_domain::role::{Actor, Scope};
use banzi_domain::{Date, DomainError, IdNumber, YearMonth};
use std::collections::{HashMap, HashSet};

/// What the check reads, as row ids and values.
#[derive(Default)]
pub(crate) struct DataFacts {
    /// (row id, name in pinyin, the record as stored).
    pub cadres: Vec<(i64, String, Cadre)>,
    /// (cadre row id, line), in the order they were written.
    pub resume: Vec<(i64, ResumeLine)>,
    /// Post row id → (title, unit code, unit name).
    pub posts: HashMap<i64, (String, String, String)>,
    /// (cadre row id, post row id, start, end).
    pub held: Vec<(i64, i64, Date, Option<Date>)>,
    pub photos: Vec<i64>,
}

impl Store {
    /// Checks every cadre the caller may read on `as_of` (a unit liaison: those holding a
    /// post in its unit that day) and reports the findings by unit. Reading it is a read;
    /// it is audited when it leaves the program ([`Store::audit_datacheck_export`]).
    pub async fn data_check(&self, actor: &Actor, as_of: Date) -> Result<Report, DomainError> {
        let scope = reader(actor)?.clone();
        let facts = match (self.pool(), &scope) {
            (crate::Pool::Sqlite(pool), Scope::All) => crate::datacheck_sqlite::facts(pool).await?,
            _ => self.data_facts(scope.unit(), as_of).await?,
        };
        tokio::task::spawn_blocking(move || check_all(facts, &scope, as_of))
            .await
            .map_err(|e| DomainError::Internal(format!("the data check stopped: {e}")))?
    }

    /// The facts through sqlx: PostgreSQL, and a liaison's unit on SQLite.
    async fn data_facts(&self, unit: Option<&str>, as_of: Date) -> Result<DataFacts, DomainError> {
        let day = banzi_domain::date::iso(as_of);
        let (cadres, resume, posts, held, photos) = on_conn!(self, |c, b| {
            Ok::<_, DomainError>((
                b::datacheck::cadres(&mut *c, unit, &day).await?,
                b::datacheck::resume(&mut *c, unit, &day).await?,
                b::datacheck::posts(&mut *c).await?,
                b::datacheck::appointments(&mut *c, unit, &day).await?,
                b::datacheck::photos(&mut *c, unit, &day).await?,
            ))
        })?;
        let mut f = DataFacts {
            photos,
            ..Default::default()
        };
        for row in cadres {
            let cadre = lenient(&row)?;
            f.cadres.push((row.id, row.name_pinyin, cadre));
        }
        for (cadre, start, end, text) in resume {
            let line = ResumeLine {
                start: month(&start)?,
                end: end.as_deref().map(month).transpose()?,
                text,
            };
            f.resume.push((cadre, line));
        }
        f.posts = posts
            .into_iter()
            .map(|(id, title, code, name)| (id, (title, code, name)))
            .collect();
        for (cadre, post, start, end) in held {
            let end = end.as_deref().map(stored_date).transpose()?;
            f.held.push((cadre, post, stored_date(&start)?, end));
        }
        Ok(f)
    }

    /// How many findings the data check has for one cadre (by row id) on `as_of`: the
    /// 档案审核 of a selection case's 考察 counts them (R-SEL-5).
    pub async fn data_check_cadre(
        &self,
        actor: &Actor,
        cadre: i64,
        as_of: Date,
    ) -> Result<usize, DomainError> {
        let id_number = self.cadre_id_number(cadre).await?.ok_or_else(|| {
            DomainError::NotFound(banzi_domain::message!(
                "store-selection-no-cadre",
                id = cadre
            ))
        })?;
        let d = self.cadre(actor, &id_number, as_of).await?;
        let cadre = lenient(&d.row)?;
        let resume = d
            .resume
            .iter()
            .map(|r| {
                Ok(ResumeLine {
                    start: month(&r.start_ym)?,
                    end: r.end_ym.as_deref().map(month).transpose()?,
                    text: r.text.clone(),
                })
            })
            .collect::<Result<Vec<_>, DomainError>>()?;
        let mut held = Vec::new();
        for a in &d.appointments {
            held.push(Held {
                unit_name: &a.unit_name,
                title: &a.post_title,
                start: stored_date(&a.start_date)?,
                end: a.end_date.as_deref().map(stored_date).transpose()?,
            });
        }
        let facts = Facts {
            cadre: &cadre,
            resume: &resume,
            held: &held,
            has_photo: d.has_photo,
        };
        Ok(datacheck::check(&facts, as_of).len())
    }

    /// Records that the data check left the program (a file or a download): it names people.
    pub async fn audit_datacheck_export(
        &self,
        actor: &Actor,
        report: &Report,
        format: &str,
    ) -> Result<(), DomainError> {
        reader(actor)?;
        let after = serde_json::json!({
            "as_of": report.as_of.to_string(),
            "format": format,
            "unit": actor.scope.unit(),
            "cadres": report.cadres,
            "found": report.total(),
        });
        let key = report.as_of.to_string();
        self.audit_export(actor, "export.datacheck", "datacheck", &key, after)
            .await
    }
}

/// Checks every cadre of `f`, half on each core, and builds the report.
///
/// A province holds a million 简历 lines and a million appointments: they are sorted by
/// cadre where they lie (stable, so each cadre's keep their order) and each cadre is given
/// its run of them, rather than a small vector of its own per cadre.
fn check_all(f: DataFacts, scope: &Scope, as_of: Date) -> Result<Report, DomainError> {
    let DataFacts {
        cadres,
        mut resume,
        posts,
        held: stored,
        photos,
    } = f;
    resume.sort_by_key(|(cadre, _)| *cadre);
    let mut lines: Vec<ResumeLine> = Vec::with_capacity(resume.len());
    let mut resume_of: HashMap<i64, (usize, usize)> = HashMap::with_capacity(cadres.len());
    for (cadre, line) in resume {
        resume_of
            .entry(cadre)
            .or_insert((lines.len(), lines.len()))
            .1 += 1;
        lines.push(line);
    }
    // Each appointment with its unit (code, name), borrowed from the posts.
    let mut stored = stored;
    stored.sort_by_key(|(cadre, ..)| *cadre);
    let mut held: Vec<Held> = Vec::with_capacity(stored.len());
    let mut codes: Vec<&str> = Vec::with_capacity(stored.len());
    let mut held_of: HashMap<i64, (usize, usize)> = HashMap::with_capacity(cadres.len());
    for (cadre, post, start, end) in &stored {
        let (title, code, name) = posts
            .get(post)
            .ok_or_else(|| DomainError::Internal(format!("an appointment names no post {post}")))?;
        held_of.entry(*cadre).or_insert((held.len(), held.len())).1 += 1;
        held.push(Held {
            unit_name: name,
            title,
            start: *start,
            end: *end,
        });
        codes.push(code);
    }
    let photos: HashSet<i64> = photos.into_iter().collect();
    let mut cadres = cadres;
    cadres.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
    let range = |map: &HashMap<i64, (usize, usize)>, id: &i64| {
        map.get(id).map_or(0..0, |&(from, to)| from..to)
    };
    let check_one = |(id, _, cadre): (i64, String, Cadre)| {
        let mine = range(&held_of, &id);
        let findings = datacheck::check(
            &Facts {
                cadre: &cadre,
                resume: &lines[range(&resume_of, &id)],
                held: &held[mine.clone()],
                has_photo: photos.contains(&id),
            },
            as_of,
        );
        Checked {
            cadre: id,
            unit: group_unit(&held[mine.clone()], &codes[mine], scope, as_of),
            id_number: cadre.id_number.as_str().to_string(),
            name: cadre.name,
            findings,
        }
    };
    let total = cadres.len();
    let second = cadres.split_off(total / 2);
    let checked: Vec<Checked> = std::thread::scope(|s| {
        let other = s.spawn(|| cadres.into_iter().map(check_one).collect::<Vec<_>>());
        let mut rest: Vec<Checked> = second.into_iter().map(check_one).collect();
        let mut all = other.join().unwrap_or_default();
        all.append(&mut rest);
        all
    });
    if checked.len() != total {
        return Err(DomainError::Internal("a data check thread stopped".into()));
    }
    Ok(Report::build(as_of, checked))
}

/// The unit a cadre is reported under: a liaison's own; otherwise the unit of the post in
/// force taken last; none when no post is in force.
fn group_unit<'a>(
    posts: &[Held<'a>],
    codes: &[&'a str],
    scope: &Scope,
    as_of: Date,
) -> Option<(&'a str, &'a str)> {
    let mut in_force = posts
        .iter()
        .zip(codes)
        .filter(|(h, _)| h.start <= as_of && h.end.is_none_or(|e| e > as_of));
    let (h, code) = match scope {
        Scope::Unit(own) => in_force.find(|(_, code)| **code == own.as_str())?,
        Scope::All => in_force.max_by_key(|(h, _)| h.start)?,
    };
    Some((*code, h.unit_name))
}

fn month(s: &str) -> Result<YearMonth, DomainError> {
    YearMonth::parse(s)
        .map_err(|m| DomainError::Internal(format!("a stored resume month is malformed: {m:?}")))
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
