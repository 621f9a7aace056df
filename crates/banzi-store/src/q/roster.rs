// The roster workbook in and out (ROSTER_FORMAT.md). Included once per backend. The caller
// runs `import` in one transaction: any error and nothing is written (R-SEC-4).

async fn keys(c: &mut Conn, sql: &'static str) -> Result<std::collections::HashSet<String>, DomainError> {
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&mut *c).await.map_err(db)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Imports a roster as it is read: units (parents first), posts, cadres, appointments,
/// portfolios, training, each part checked against the database and the parts before it,
/// then written. After the first error nothing more is written, but later parts are still
/// checked so the user sees every error; the caller rolls back. Rows equal to what is
/// stored write nothing, so a re-import changes nothing.
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
    let mut errors = Vec::new();
    let mut s = ImportSummary::default();
    let mut done = [0usize; 6];
    loop {
        let part = match feed.next().await {
            Some(Feed::Part(p)) => p,
            Some(Feed::End(read)) if !read.is_empty() => return Err(ImportError::Rows(read)),
            Some(Feed::End(_)) if !errors.is_empty() => return Err(ImportError::Rows(errors)),
            Some(Feed::End(_)) => return Ok(s),
            None => return Err(DomainError::Internal("读取工作簿时意外中止，未导入任何数据".into()).into()),
        };
        let found = checker.part(&part);
        if !errors.is_empty() || !found.is_empty() {
            if errors.len() < banzi_domain::roster::MAX_ERRORS {
                errors.extend(found);
            }
            continue;
        }
        let (i, sheet) = match &part {
            Part::Units(v) => {
                s.units += super::bulk::units(&mut *c, actor, v, now).await?;
                (0, "单位")
            }
            Part::Posts(v) => {
                s.posts += super::bulk::posts(&mut *c, actor, v, now).await?;
                (1, "职位")
            }
            Part::Cadres(v) => {
                s.cadres += super::bulk::cadres(&mut *c, actor, &stored, v, now).await?;
                (2, "干部")
            }
            Part::Appointments(v) => {
                s.appointments += super::bulk::appointments(&mut *c, actor, &stored, v, now).await?;
                (3, "任职")
            }
            Part::Portfolios(v) => {
                s.portfolios += super::bulk::portfolios(&mut *c, actor, &stored, v, now).await?;
                (4, "分管")
            }
            Part::Trainings(v) => {
                s.trainings += super::bulk::trainings(&mut *c, actor, &stored, v, now).await?;
                (5, "培训")
            }
        };
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
