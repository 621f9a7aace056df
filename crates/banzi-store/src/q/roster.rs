// The roster workbook in and out (ROSTER_FORMAT.md). Included once per backend. The caller
// runs `import` in one transaction: any error and nothing is written (R-SEC-4).

async fn keys(c: &mut Conn, sql: &'static str) -> Result<std::collections::HashSet<String>, DomainError> {
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&mut *c).await.map_err(db)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Imports a roster as it is read: units (parents first), posts, cadres, appointments,
/// portfolios, training, each part checked against the database and the parts before it,
/// then written. From the first error on (the checks', the writers', or the reader's
/// `Refused`) nothing more is written, but every later part is still checked, so a refused
/// import lists the errors of every sheet at once; the caller rolls back. Rows equal to what
/// is stored write nothing, so a re-import changes nothing.
pub async fn import(
    c: &mut Conn,
    actor: &Actor,
    feed: &mut crate::Source<'_>,
    now: &str,
    progress: &(dyn Fn(&'static str, usize, usize) + Sync),
) -> Result<ImportSummary, ImportError> {
    let known = Known {
        units: keys(&mut *c, "SELECT code FROM units").await?,
        posts: keys(&mut *c, "SELECT code FROM posts").await?,
        cadres: keys(&mut *c, "SELECT id_number FROM cadres").await?,
    };
    let mut checker = banzi_domain::roster::Checker::new(known);
    let stored = super::bulk::stored_rows(&mut *c).await?;
    let mut errors = RowErrors::default();
    // False from the first error on: later parts are only checked.
    let mut writing = true;
    let mut s = ImportSummary::default();
    let mut done = [0usize; 6];
    loop {
        let part = match feed.next().await {
            Some(Feed::Part(p)) => p,
            Some(Feed::Refused(keys)) => {
                // The reader's errors themselves come with its end.
                writing = false;
                errors.extend(checker.refused(&keys));
                continue;
            }
            Some(Feed::End(mut read)) => {
                // The reader's errors first: if there are too many to list, those are kept.
                read.append(errors);
                return if read.is_empty() { Ok(s) } else { Err(ImportError::Rows(read.into_list())) };
            }
            None => return Err(DomainError::Internal("the workbook reader stopped unexpectedly; nothing was imported".into()).into()),
        };
        errors.extend(checker.part(&part));
        // Appointments are also checked against the stored history of their cadre and post.
        let mut sorted = None;
        if let Part::Appointments(v) = &part {
            let mut a = super::bulk::sort_appointments(&stored, v);
            errors.extend(std::mem::take(&mut a.overlaps));
            sorted = Some(a);
        }
        writing &= errors.is_empty();
        if !writing {
            continue;
        }
        let (i, sheet, written) = match &part {
            Part::Units(v) => (0, "单位", super::bulk::units(&mut *c, actor, v, now).await),
            Part::Posts(v) => (1, "职位", super::bulk::posts(&mut *c, actor, v, now).await),
            Part::Cadres(v) => (2, "干部", super::bulk::cadres(&mut *c, actor, &stored, v, now).await),
            Part::Appointments(v) => {
                let a = sorted.unwrap_or_else(|| super::bulk::sort_appointments(&stored, v));
                (3, "任职", super::bulk::appointments(&mut *c, actor, a, now).await)
            }
            Part::Portfolios(v) => (4, "分管", super::bulk::portfolios(&mut *c, actor, &stored, v, now).await),
            Part::Trainings(v) => (5, "培训", super::bulk::trainings(&mut *c, actor, &stored, v, now).await),
        };
        match written {
            Ok(n) => match i {
                0 => s.units += n,
                1 => s.posts += n,
                2 => s.cadres += n,
                3 => s.appointments += n,
                4 => s.portfolios += n,
                _ => s.trainings += n,
            },
            // A row the writer refuses is one more error: the parts after it are still checked.
            Err(ImportError::Rows(rows)) => {
                errors.extend(rows);
                continue;
            }
            Err(other) => return Err(other),
        }
        done[i] += part.len();
        progress(sheet, done[i], 0);
    }
}

/// Puts the export of `r` on the trail (it is personal data).
pub async fn audit_export(c: &mut Conn, actor: &Actor, r: &Roster, now: &str) -> Result<(), DomainError> {
    let after = serde_json::json!({
        "units": r.units.len(), "posts": r.posts.len(), "cadres": r.cadres.len(),
        "appointments": r.appointments.len(), "portfolios": r.portfolios.len(), "trainings": r.trainings.len(),
    });
    super::audit::append(&mut *c, draft(actor, now, "export.roster", "roster", "all", None, Some(after))).await?;
    Ok(())
}

/// The whole registry as a roster: one query per table, never one per row. (SQLite reads it
/// faster through `snapshot_sqlite`; this is PostgreSQL's.)
#[allow(dead_code)] // the SQLite instance reads through `snapshot_sqlite`
pub async fn snapshot(c: &mut Conn) -> Result<Roster, DomainError> {
    let mut r = Roster::default();
    for (i, u) in super::units::list(&mut *c, &Scope::All).await?.into_iter().enumerate() {
        let raw = UnitRaw {
            code: u.code,
            name: u.name,
            parent_code: u.parent_code.unwrap_or_default(),
            category: u.category,
            platform: u.platform,
            system: u.system,
            non_cpc_required: if u.non_cpc_required { "是".into() } else { "否".into() },
        };
        r.units.push(Located { row: i as u32 + 2, value: Unit::parse(&raw).map_err(stored)? });
    }
    for (i, p) in super::units::all_posts(&mut *c, &Scope::All).await?.into_iter().enumerate() {
        let raw = PostRaw {
            code: p.code,
            unit_code: p.unit_code,
            team: p.team,
            title: p.title,
            kind: p.kind,
            seats: p.seats.to_string(),
            level: p.level.unwrap_or_default(),
        };
        r.posts.push(Located { row: i as u32 + 2, value: Post::parse(&raw).map_err(stored)? });
    }
    for (i, x) in super::cadres::all_rows(&mut *c).await?.into_iter().enumerate() {
        r.cadres.push(Located { row: i as u32 + 2, value: x.into_cadre()? });
    }
    for (i, a) in super::appointments::all(&mut *c).await?.into_iter().enumerate() {
        let raw = AppointmentRaw {
            id_number: a.id_number,
            post_code: a.post_code,
            start: a.start_date,
            end: a.end_date.unwrap_or_default(),
            manner: a.manner.unwrap_or_default(),
            doc_no: a.doc_no,
        };
        r.appointments.push(Located { row: i as u32 + 2, value: Appointment::parse(&raw).map_err(stored)? });
    }
    for (i, f) in super::appointments::all_portfolios(&mut *c).await?.into_iter().enumerate() {
        let raw = PortfolioRaw { id_number: f.id_number, post_code: f.post_code, work: f.work, start: f.start_date, end: f.end_date.unwrap_or_default() };
        r.portfolios.push(Located { row: i as u32 + 2, value: Portfolio::parse(&raw).map_err(stored)? });
    }
    for (i, t) in super::appointments::all_trainings(&mut *c).await?.into_iter().enumerate() {
        let raw = TrainingRaw {
            id_number: t.id_number,
            name: t.name,
            kind: t.kind,
            start: t.start_date,
            end: t.end_date.unwrap_or_default(),
            hours: t.hours.map(|h| h.to_string()).unwrap_or_default(),
        };
        r.trainings.push(Located { row: i as u32 + 2, value: Training::parse(&raw).map_err(stored)? });
    }
    Ok(r)
}
