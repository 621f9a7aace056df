// 任职, 分管 and 培训 — M1. Included once per backend. 任免 are actions: appointing starts
// an appointment, removing ends one; dates are never edited freely.

const APPT_COLS: &str = "SELECT a.id, c.id_number, c.name AS cadre_name, p.code AS post_code, p.title AS post_title, \
     p.kind AS post_kind, u.code AS unit_code, u.name AS unit_name, t.name AS team, a.start_date, a.end_date, \
     a.manner, a.doc_no, a.end_doc_no FROM appointments a JOIN cadres c ON c.id = a.cadre_id \
     JOIN posts p ON p.id = a.post_id JOIN teams t ON t.id = p.team_id JOIN units u ON u.id = t.unit_id";

pub async fn of_cadre(c: &mut Conn, cadre_id: i64) -> Result<Vec<AppointmentRow>, DomainError> {
    sqlx::query_as(safe(format!("{APPT_COLS} WHERE a.cadre_id = $1 ORDER BY a.start_date, a.id")))
        .bind(cadre_id).fetch_all(&mut *c).await.map_err(db)
}

#[allow(dead_code)] // the SQLite instance reads through `snapshot_sqlite`
pub async fn all(c: &mut Conn) -> Result<Vec<AppointmentRow>, DomainError> {
    sqlx::query_as(safe(format!("{APPT_COLS} ORDER BY a.id"))).fetch_all(&mut *c).await.map_err(db)
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<AppointmentRow>, DomainError> {
    sqlx::query_as(safe(format!("{APPT_COLS} WHERE a.id = $1"))).bind(id).fetch_optional(&mut *c).await.map_err(db)
}

/// Current holders of the posts of one unit on `today`.
pub async fn holders_of_unit(c: &mut Conn, unit_code: &str, today: &str) -> Result<Vec<HolderRow>, DomainError> {
    sqlx::query_as(
        "SELECT a.id AS appointment_id, a.post_id, c.id AS cadre_id, c.id_number, c.name, c.gender, c.birth_date, c.party, \
         c.ft_education, c.pt_education, a.start_date FROM appointments a JOIN cadres c ON c.id = a.cadre_id \
         JOIN posts p ON p.id = a.post_id JOIN teams t ON t.id = p.team_id JOIN units u ON u.id = t.unit_id \
         WHERE u.code = $1 AND a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date > $2) \
         ORDER BY p.sort_order, a.start_date",
    )
    .bind(unit_code).bind(today).fetch_all(&mut *c).await.map_err(db)
}

/// The periods one cadre held one post, to check a new appointment against.
pub async fn periods(c: &mut Conn, cadre_id: i64, post_id: i64) -> Result<Vec<Period>, DomainError> {
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT start_date, end_date FROM appointments WHERE cadre_id = $1 AND post_id = $2")
            .bind(cadre_id).bind(post_id).fetch_all(&mut *c).await.map_err(db)?;
    rows.into_iter()
        .map(|(s, e)| {
            Ok(Period {
                start: stored_date(&s)?,
                end: e.as_deref().map(stored_date).transpose()?,
            })
        })
        .collect()
}

fn appt_json(a: &AppointmentRow) -> serde_json::Value {
    serde_json::json!({
        "cadre": a.id_number, "post": a.post_code, "start": a.start_date, "end": a.end_date,
        "manner": a.manner, "doc_no": a.doc_no, "end_doc_no": a.end_doc_no,
    })
}

/// Writes an appointment after checking the post, the cadre and overlap. Returns its id,
/// or `None` when the very same appointment is already recorded (idempotent import).
pub async fn insert(c: &mut Conn, actor: &Actor, a: &Appointment, now: &str) -> Result<Option<i64>, DomainError> {
    let cadre_id = super::cadres::id_of(&mut *c, a.id_number.as_str())
        .await?
        .ok_or_else(|| DomainError::invalid("身份证号", Msg::new("store-cadre-missing")))?;
    let post = super::units::post(&mut *c, &Scope::All, &a.post_code)
        .await
        .map_err(|_| DomainError::invalid("职位编码", message!("reg-post-missing", code = &a.post_code)))?;
    let existing: Option<(i64, Option<String>, Option<String>, String)> = sqlx::query_as(
        "SELECT id, end_date, manner, doc_no FROM appointments WHERE cadre_id = $1 AND post_id = $2 AND start_date = $3",
    )
    .bind(cadre_id).bind(post.id).bind(iso(a.start)).fetch_optional(&mut *c).await.map_err(db)?;
    let end = a.end.map(iso);
    let manner = a.manner.map(|m| m.label().to_string());
    if let Some((id, e, m, d)) = existing {
        if (e, m, d) == (end.clone(), manner.clone(), a.doc_no.clone()) {
            return Ok(None);
        }
        let before = get(&mut *c, id).await?;
        sqlx::query("UPDATE appointments SET end_date = $1, manner = $2, doc_no = $3 WHERE id = $4")
            .bind(end.as_deref()).bind(manner.as_deref()).bind(&a.doc_no).bind(id)
            .execute(&mut *c).await.map_err(db)?;
        let after = get(&mut *c, id).await?;
        super::audit::append(
            &mut *c,
            draft(actor, now, "appointment.update", "appointment", &appt_key(a.id_number.as_str(), &a.post_code, &iso(a.start)), before.as_ref().map(appt_json), after.as_ref().map(appt_json)),
        )
        .await?;
        return Ok(Some(id));
    }
    let have = periods(&mut *c, cadre_id, post.id).await?;
    check_no_overlap(&have, Period { start: a.start, end: a.end }).map_err(|m| DomainError::invalid("任职开始", m))?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO appointments (cadre_id, post_id, start_date, end_date, manner, doc_no) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(cadre_id).bind(post.id).bind(iso(a.start)).bind(end.as_deref()).bind(manner.as_deref()).bind(&a.doc_no)
    .fetch_one(&mut *c).await.map_err(db)?;
    let after = get(&mut *c, id).await?;
    super::audit::append(
        &mut *c,
        draft(actor, now, "appointment.create", "appointment", &appt_key(a.id_number.as_str(), &a.post_code, &iso(a.start)), None, after.as_ref().map(appt_json)),
    )
    .await?;
    Ok(Some(id))
}

/// 免职: ends a current appointment on `end` (the first day it no longer holds).
pub async fn end(c: &mut Conn, actor: &Actor, id: i64, end: Date, doc_no: &str, now: &str) -> Result<(), DomainError> {
    let before = get(&mut *c, id).await?.ok_or_else(|| DomainError::NotFound(message!("store-appointment", id = id)))?;
    if before.end_date.is_some() {
        return Err(DomainError::Conflict(Msg::new("store-appointment-ended")));
    }
    let start = stored_date(&before.start_date)?;
    if end <= start {
        return Err(DomainError::invalid("免职日期", message!("store-removal-not-after-start", start = start)));
    }
    sqlx::query("UPDATE appointments SET end_date = $1, end_doc_no = $2 WHERE id = $3 AND end_date IS NULL")
        .bind(iso(end)).bind(doc_no).bind(id).execute(&mut *c).await.map_err(db)?;
    // Portfolios held through this post end with it.
    sqlx::query(
        "UPDATE portfolios SET end_date = $1 WHERE end_date IS NULL AND post_id = (SELECT post_id FROM appointments WHERE id = $2) \
         AND cadre_id = (SELECT cadre_id FROM appointments WHERE id = $2) AND start_date < $1",
    )
    .bind(iso(end)).bind(id).execute(&mut *c).await.map_err(db)?;
    let after = get(&mut *c, id).await?;
    super::audit::append(
        &mut *c,
        draft(actor, now, "appointment.end", "appointment", &appt_key(&before.id_number, &before.post_code, &before.start_date), Some(appt_json(&before)), after.as_ref().map(appt_json)),
    )
    .await?;
    Ok(())
}

const PORTFOLIO_COLS: &str = "SELECT f.id, c.id_number, p.code AS post_code, f.work, f.start_date, f.end_date \
     FROM portfolios f JOIN cadres c ON c.id = f.cadre_id JOIN posts p ON p.id = f.post_id";

#[allow(dead_code)] // the SQLite instance reads through `snapshot_sqlite`
pub async fn all_portfolios(c: &mut Conn) -> Result<Vec<PortfolioRow>, DomainError> {
    sqlx::query_as(safe(format!("{PORTFOLIO_COLS} ORDER BY f.id"))).fetch_all(&mut *c).await.map_err(db)
}

pub async fn insert_portfolio(c: &mut Conn, actor: &Actor, f: &Portfolio, now: &str) -> Result<bool, DomainError> {
    let cadre_id = super::cadres::id_of(&mut *c, f.id_number.as_str()).await?.ok_or_else(|| DomainError::invalid("身份证号", Msg::new("store-cadre-missing")))?;
    let post = super::units::post(&mut *c, &Scope::All, &f.post_code)
        .await
        .map_err(|_| DomainError::invalid("职位编码", message!("reg-post-missing", code = &f.post_code)))?;
    let existing: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT id, end_date FROM portfolios WHERE cadre_id = $1 AND post_id = $2 AND work = $3 AND start_date = $4",
    )
    .bind(cadre_id).bind(post.id).bind(&f.work).bind(iso(f.start)).fetch_optional(&mut *c).await.map_err(db)?;
    let end = f.end.map(iso);
    let after = serde_json::json!({"cadre": f.id_number, "post": f.post_code, "work": f.work, "start": iso(f.start), "end": end});
    match existing {
        Some((_, e)) if e == end => return Ok(false),
        Some((id, e)) => {
            sqlx::query("UPDATE portfolios SET end_date = $1 WHERE id = $2").bind(end.as_deref()).bind(id).execute(&mut *c).await.map_err(db)?;
            let before = serde_json::json!({"end": e});
            super::audit::append(&mut *c, draft(actor, now, "portfolio.update", "portfolio", &portfolio_key(f.id_number.as_str(), &f.post_code, &f.work, &iso(f.start)), Some(before), Some(after))).await?;
        }
        None => {
            sqlx::query("INSERT INTO portfolios (cadre_id, post_id, work, start_date, end_date) VALUES ($1, $2, $3, $4, $5)")
                .bind(cadre_id).bind(post.id).bind(&f.work).bind(iso(f.start)).bind(end.as_deref())
                .execute(&mut *c).await.map_err(db)?;
            super::audit::append(&mut *c, draft(actor, now, "portfolio.create", "portfolio", &portfolio_key(f.id_number.as_str(), &f.post_code, &f.work, &iso(f.start)), None, Some(after))).await?;
        }
    }
    Ok(true)
}

const TRAINING_COLS: &str = "SELECT t.id, c.id_number, t.name, t.kind, t.start_date, t.end_date, t.hours \
     FROM trainings t JOIN cadres c ON c.id = t.cadre_id";

#[allow(dead_code)] // the SQLite instance reads through `snapshot_sqlite`
pub async fn all_trainings(c: &mut Conn) -> Result<Vec<TrainingRow>, DomainError> {
    sqlx::query_as(safe(format!("{TRAINING_COLS} ORDER BY t.id"))).fetch_all(&mut *c).await.map_err(db)
}

pub async fn insert_training(c: &mut Conn, actor: &Actor, t: &Training, now: &str) -> Result<bool, DomainError> {
    let cadre_id = super::cadres::id_of(&mut *c, t.id_number.as_str()).await?.ok_or_else(|| DomainError::invalid("身份证号", Msg::new("store-cadre-missing")))?;
    let existing: Option<(i64, String, Option<String>, Option<f64>)> = sqlx::query_as(
        "SELECT id, kind, end_date, hours FROM trainings WHERE cadre_id = $1 AND name = $2 AND start_date = $3",
    )
    .bind(cadre_id).bind(&t.name).bind(iso(t.start)).fetch_optional(&mut *c).await.map_err(db)?;
    let end = t.end.map(iso);
    let after = serde_json::json!({"cadre": t.id_number, "name": t.name, "kind": t.kind.label(), "start": iso(t.start), "end": end, "hours": t.hours});
    match existing {
        Some((_, k, e, h)) if k == t.kind.label() && e == end && h == t.hours => return Ok(false),
        Some((id, k, e, h)) => {
            sqlx::query("UPDATE trainings SET kind = $1, end_date = $2, hours = $3 WHERE id = $4")
                .bind(t.kind.label()).bind(end.as_deref()).bind(t.hours).bind(id).execute(&mut *c).await.map_err(db)?;
            let before = serde_json::json!({"kind": k, "end": e, "hours": h});
            super::audit::append(&mut *c, draft(actor, now, "training.update", "training", &training_key(t.id_number.as_str(), &t.name, &iso(t.start)), Some(before), Some(after))).await?;
        }
        None => {
            sqlx::query("INSERT INTO trainings (cadre_id, name, kind, start_date, end_date, hours) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(cadre_id).bind(&t.name).bind(t.kind.label()).bind(iso(t.start)).bind(end.as_deref()).bind(t.hours)
                .execute(&mut *c).await.map_err(db)?;
            super::audit::append(&mut *c, draft(actor, now, "training.create", "training", &training_key(t.id_number.as_str(), &t.name, &iso(t.start)), None, Some(after))).await?;
        }
    }
    Ok(true)
}
