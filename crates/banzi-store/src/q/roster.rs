// The roster workbook in and out (ROSTER_FORMAT.md). Included once per backend. The caller
// runs `import` in one transaction: any error and nothing is written (R-SEC-4).

async fn keys(c: &mut Conn, sql: &'static str) -> Result<std::collections::HashSet<String>, DomainError> {
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&mut *c).await.map_err(db)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Imports a parsed roster: units (parents first), posts, cadres, appointments, portfolios,
/// training. Rows equal to what is stored write nothing, so a re-import changes nothing.
pub async fn import(
    c: &mut Conn,
    actor: &Actor,
    r: &Roster,
    now: &str,
    progress: &(dyn Fn(&'static str, usize, usize) + Sync),
) -> Result<ImportSummary, ImportError> {
    let known = Known {
        units: keys(&mut *c, "SELECT code FROM units").await?,
        posts: keys(&mut *c, "SELECT code FROM posts").await?,
        cadres: keys(&mut *c, "SELECT id_number FROM cadres").await?,
    };
    let errors = banzi_domain::roster::check(r, &known);
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    let units = super::bulk::units(&mut *c, actor, &r.units, now).await?;
    progress("单位", r.units.len(), r.units.len());
    let posts = super::bulk::posts(&mut *c, actor, &r.posts, now).await?;
    progress("职位", r.posts.len(), r.posts.len());
    let cadres = super::bulk::cadres(&mut *c, actor, &r.cadres, now, progress).await?;
    progress("干部", r.cadres.len(), r.cadres.len());
    let appointments = super::bulk::appointments(&mut *c, actor, &r.appointments, now).await?;
    progress("任职", r.appointments.len(), r.appointments.len());
    let portfolios = super::bulk::portfolios(&mut *c, actor, &r.portfolios, now).await?;
    progress("分管", r.portfolios.len(), r.portfolios.len());
    let trainings = super::bulk::trainings(&mut *c, actor, &r.trainings, now).await?;
    progress("培训", r.trainings.len(), r.trainings.len());
    Ok(ImportSummary { units, posts, cadres, appointments, portfolios, trainings })
}

/// Reads the whole registry back as a roster (for export), and audits the export.
pub async fn export(c: &mut Conn, actor: &Actor, now: &str) -> Result<Roster, DomainError> {
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
        let raw = PostRaw { code: p.code, unit_code: p.unit_code, team: p.team, title: p.title, kind: p.kind, seats: p.seats.to_string() };
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
    let after = serde_json::json!({
        "units": r.units.len(), "posts": r.posts.len(), "cadres": r.cadres.len(),
        "appointments": r.appointments.len(), "portfolios": r.portfolios.len(), "trainings": r.trainings.len(),
    });
    super::audit::append(&mut *c, draft(actor, now, "export.roster", "roster", "all", None, Some(after))).await?;
    Ok(r)
}
