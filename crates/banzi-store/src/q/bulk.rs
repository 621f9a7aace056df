// Bulk paths of the roster import. Included once per backend. One query per table loads
// what exists; new rows go in with multi-row INSERTs; changed rows take the per-row path
// (which audits itself); the audit entries of new rows are sealed here in order and
// inserted in batches after one reservation of sequence numbers. Loading is never N+1.

use std::collections::HashMap;

/// Rows per multi-row INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound
/// parameters for the widest table (cadres, 20 columns).
const CHUNK: usize = 500;

/// Seals and stores `drafts` as the next entries of the chain.
pub async fn flush_audit(c: &mut Conn, drafts: Vec<AuditDraft>) -> Result<(), DomainError> {
    if drafts.is_empty() {
        return Ok(());
    }
    let n = drafts.len() as i64;
    let (last, mut prev): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash")
            .bind(n)
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
    let mut seq = last - n;
    let entries: Vec<banzi_domain::audit::AuditEntry> = drafts
        .into_iter()
        .map(|d| {
            seq += 1;
            let e = d.seal(seq, &prev);
            prev = e.hash.clone();
            e
        })
        .collect();
    for chunk in entries.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new(
            "INSERT INTO audit_log (seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash) ",
        );
        q.push_values(chunk, |mut b, e| {
            b.push_bind(e.seq)
                .push_bind(e.at.clone())
                .push_bind(e.actor.clone())
                .push_bind(e.action.clone())
                .push_bind(e.entity.clone())
                .push_bind(e.key.clone())
                .push_bind(e.before.clone())
                .push_bind(e.after.clone())
                .push_bind(e.prev_hash.clone())
                .push_bind(e.hash.clone());
        });
        q.build().execute(&mut *c).await.map_err(db)?;
    }
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1").bind(&prev).execute(&mut *c).await.map_err(db)?;
    Ok(())
}

fn opt(s: &str) -> Option<String> {
    if s.is_empty() { None } else { Some(s.to_string()) }
}

/// Cadres: returns how many were written.
pub async fn cadres(
    c: &mut Conn,
    actor: &Actor,
    list: &[Located<Cadre>],
    now: &str,
    progress: &(dyn Fn(&'static str, usize, usize) + Sync),
) -> Result<usize, ImportError> {
    let rows: Vec<CadreRow> = sqlx::query_as(super::cadres::CADRE_COLS).fetch_all(&mut *c).await.map_err(db)?;
    let existing: HashMap<&str, &CadreRow> = rows.iter().map(|r| (r.id_number.as_str(), r)).collect();
    let mut written = 0;
    let mut new: Vec<&Cadre> = Vec::new();
    for x in list {
        match existing.get(x.value.id_number.as_str()) {
            Some(row) => {
                if row.into_cadre()? != x.value {
                    super::cadres::upsert(&mut *c, actor, &x.value, Upsert::MustExist, now).await.map_err(|e| at("干部", x.row, e))?;
                    written += 1;
                }
            }
            None => new.push(&x.value),
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for (i, chunk) in new.chunks(CHUNK).enumerate() {
        let mut q = sqlx::QueryBuilder::<DbKind>::new(
            "INSERT INTO cadres (id_number, name, name_pinyin, name_initials, gender, ethnicity, birth_date, native_place, \
             party, party_joined, work_started, ft_education, ft_degree, ft_school, pt_education, pt_degree, pt_school, \
             profession, rank, updated_at) ",
        );
        q.push_values(chunk, |mut b, x| {
            let (py, initials) = banzi_domain::pinyin_name::name_pinyin(&x.name);
            let r = x.to_raw();
            b.push_bind(r.id_number)
                .push_bind(r.name)
                .push_bind(py)
                .push_bind(initials)
                .push_bind(r.gender)
                .push_bind(r.ethnicity)
                .push_bind(r.birth_date)
                .push_bind(r.native_place)
                .push_bind(r.party)
                .push_bind(opt(&r.party_joined))
                .push_bind(opt(&r.work_started))
                .push_bind(opt(&r.ft_education))
                .push_bind(opt(&r.ft_degree))
                .push_bind(r.ft_school)
                .push_bind(opt(&r.pt_education))
                .push_bind(opt(&r.pt_degree))
                .push_bind(r.pt_school)
                .push_bind(r.profession)
                .push_bind(r.rank)
                .push_bind(now.to_string());
        });
        // No RETURNING: sqlx hands each returned row across threads one by one, which costs
        // more than the insert itself. Later sheets join on the ID number instead.
        q.build().execute(&mut *c).await.map_err(db)?;
        for x in chunk {
            drafts.push(draft(actor, now, "cadre.create", "cadre", x.id_number.as_str(), None, Some(super::cadres::cadre_json(x))));
        }
        progress("干部", (i + 1) * CHUNK, new.len());
    }
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok(written)
}

/// ID number, post, start, end, manner, document number.
type StoredAppt = (String, String, String, Option<String>, Option<String>, String);
/// ID number, name, start, kind, end, hours.
type StoredTraining = (String, String, String, String, Option<String>, Option<f64>);
type TrainingFields = (String, Option<String>, Option<f64>);

fn missing(sheet: &str, row: u32, column: &str) -> ImportError {
    at(sheet, row, DomainError::invalid(column, "引用的记录不存在"))
}

/// Appointments: new ones are checked against the stored history of the same cadre and post.
pub async fn appointments(c: &mut Conn, actor: &Actor, list: &[Located<Appointment>], now: &str) -> Result<usize, ImportError> {
    let stored: Vec<StoredAppt> = sqlx::query_as(
        "SELECT c.id_number, p.code, a.start_date, a.end_date, a.manner, a.doc_no FROM appointments a \
         JOIN cadres c ON c.id = a.cadre_id JOIN posts p ON p.id = a.post_id",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let mut periods: HashMap<(String, String), Vec<Period>> = HashMap::new();
    let mut existing: HashMap<String, (Option<String>, Option<String>, String)> = HashMap::new();
    for (idn, post, s, e, m, d) in stored {
        periods.entry((idn.clone(), post.clone())).or_default().push(Period {
            start: stored_date(&s)?,
            end: e.as_deref().map(stored_date).transpose()?,
        });
        existing.insert(appt_key(&idn, &post, &s), (e, m, d));
    }
    let mut written = 0;
    let mut new: Vec<&Appointment> = Vec::new();
    for a in list {
        let v = &a.value;
        let fields = (v.end.map(iso), v.manner.map(|m| m.label().to_string()), v.doc_no.clone());
        match existing.get(&appt_key(v.id_number.as_str(), &v.post_code, &iso(v.start))) {
            Some(have) if *have == fields => {}
            Some(_) => {
                super::appointments::insert(&mut *c, actor, v, now).await.map_err(|e| at("任职", a.row, e))?;
                written += 1;
            }
            None => {
                let have = periods.entry((v.id_number.to_string(), v.post_code.clone())).or_default();
                let p = Period { start: v.start, end: v.end };
                check_no_overlap(have, p).map_err(|m| at("任职", a.row, DomainError::invalid("任职开始", m)))?;
                have.push(p);
                new.push(v);
            }
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for chunk in new.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new(
            "INSERT INTO appointments (cadre_id, post_id, start_date, end_date, manner, doc_no) \
             SELECT c.id, p.id, v.column3, v.column4, v.column5, v.column6 FROM (",
        );
        q.push_values(chunk, |mut b, v| {
            b.push_bind(v.id_number.to_string())
                .push_bind(v.post_code.clone())
                .push_bind(iso(v.start))
                .push_bind(v.end.map(iso))
                .push_bind(v.manner.map(|m| m.label().to_string()))
                .push_bind(v.doc_no.clone());
        });
        q.push(") AS v JOIN cadres c ON c.id_number = v.column1 JOIN posts p ON p.code = v.column2");
        let n = q.build().execute(&mut *c).await.map_err(db)?.rows_affected();
        if n != chunk.len() as u64 {
            return Err(DomainError::Internal(format!("批量写入任职记录：应写入{}条，实写入{n}条", chunk.len())).into());
        }
        for v in chunk {
            let after = serde_json::json!({
                "cadre": v.id_number, "post": v.post_code, "start": iso(v.start), "end": v.end.map(iso),
                "manner": v.manner.map(|m| m.label()), "doc_no": v.doc_no, "end_doc_no": "",
            });
            drafts.push(draft(actor, now, "appointment.create", "appointment", &appt_key(v.id_number.as_str(), &v.post_code, &iso(v.start)), None, Some(after)));
        }
    }
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok(written)
}

/// Portfolios (分管): keyed by cadre, post, work and start.
pub async fn portfolios(c: &mut Conn, actor: &Actor, list: &[Located<Portfolio>], now: &str) -> Result<usize, ImportError> {
    let stored: Vec<(String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.id_number, p.code, f.work, f.start_date, f.end_date FROM portfolios f \
         JOIN cadres c ON c.id = f.cadre_id JOIN posts p ON p.id = f.post_id",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let existing: HashMap<String, Option<String>> =
        stored.into_iter().map(|(idn, post, w, s, e)| (portfolio_key(&idn, &post, &w, &s), e)).collect();
    let mut written = 0;
    let mut new = Vec::new();
    for f in list {
        let v = &f.value;
        match existing.get(&portfolio_key(v.id_number.as_str(), &v.post_code, &v.work, &iso(v.start))) {
            Some(e) if *e == v.end.map(iso) => {}
            Some(_) => {
                super::appointments::insert_portfolio(&mut *c, actor, v, now).await.map_err(|e| at("分管", f.row, e))?;
                written += 1;
            }
            None => new.push(v),
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for chunk in new.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new(
            "INSERT INTO portfolios (cadre_id, post_id, work, start_date, end_date) \
             SELECT c.id, p.id, v.column3, v.column4, v.column5 FROM (",
        );
        q.push_values(chunk, |mut b, v| {
            b.push_bind(v.id_number.to_string())
                .push_bind(v.post_code.clone())
                .push_bind(v.work.clone())
                .push_bind(iso(v.start))
                .push_bind(v.end.map(iso));
        });
        q.push(") AS v JOIN cadres c ON c.id_number = v.column1 JOIN posts p ON p.code = v.column2");
        let n = q.build().execute(&mut *c).await.map_err(db)?.rows_affected();
        if n != chunk.len() as u64 {
            return Err(DomainError::Internal(format!("批量写入分管记录：应写入{}条，实写入{n}条", chunk.len())).into());
        }
        for v in chunk {
            let after = serde_json::json!({"cadre": v.id_number, "post": v.post_code, "work": v.work, "start": iso(v.start), "end": v.end.map(iso)});
            let key = portfolio_key(v.id_number.as_str(), &v.post_code, &v.work, &iso(v.start));
            drafts.push(draft(actor, now, "portfolio.create", "portfolio", &key, None, Some(after)));
        }
    }
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok(written)
}

/// Training: keyed by cadre, name and start.
pub async fn trainings(c: &mut Conn, actor: &Actor, list: &[Located<Training>], now: &str) -> Result<usize, ImportError> {
    let stored: Vec<StoredTraining> = sqlx::query_as(
        "SELECT c.id_number, t.name, t.start_date, t.kind, t.end_date, t.hours FROM trainings t JOIN cadres c ON c.id = t.cadre_id",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let existing: HashMap<String, TrainingFields> =
        stored.into_iter().map(|(idn, n, s, k, e, h)| (training_key(&idn, &n, &s), (k, e, h))).collect();
    let mut written = 0;
    let mut new = Vec::new();
    for t in list {
        let v = &t.value;
        match existing.get(&training_key(v.id_number.as_str(), &v.name, &iso(v.start))) {
            Some((k, e, h)) if k == v.kind.label() && *e == v.end.map(iso) && *h == v.hours => {}
            Some(_) => {
                super::appointments::insert_training(&mut *c, actor, v, now).await.map_err(|e| at("培训", t.row, e))?;
                written += 1;
            }
            None => new.push(v),
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for chunk in new.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new(
            "INSERT INTO trainings (cadre_id, name, kind, start_date, end_date, hours) \
             SELECT c.id, v.column2, v.column3, v.column4, v.column5, v.column6 FROM (",
        );
        q.push_values(chunk, |mut b, v| {
            b.push_bind(v.id_number.to_string())
                .push_bind(v.name.clone())
                .push_bind(v.kind.label())
                .push_bind(iso(v.start))
                .push_bind(v.end.map(iso))
                .push_bind(v.hours);
        });
        q.push(") AS v JOIN cadres c ON c.id_number = v.column1");
        let n = q.build().execute(&mut *c).await.map_err(db)?.rows_affected();
        if n != chunk.len() as u64 {
            return Err(DomainError::Internal(format!("批量写入培训记录：应写入{}条，实写入{n}条", chunk.len())).into());
        }
        for v in chunk {
            let after = serde_json::json!({"cadre": v.id_number, "name": v.name, "kind": v.kind.label(), "start": iso(v.start), "end": v.end.map(iso), "hours": v.hours});
            drafts.push(draft(actor, now, "training.create", "training", &training_key(v.id_number.as_str(), &v.name, &iso(v.start)), None, Some(after)));
        }
    }
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok(written)
}

/// Posts: teams are made on first use; new posts go in in batches.
pub async fn posts(
    c: &mut Conn,
    actor: &Actor,
    list: &[Located<Post>],
    now: &str,
) -> Result<usize, ImportError> {
    let stored: Vec<PostRow> = sqlx::query_as(super::units::POST_COLS).fetch_all(&mut *c).await.map_err(db)?;
    let existing: HashMap<&str, &PostRow> = stored.iter().map(|p| (p.code.as_str(), p)).collect();
    let units: Vec<(i64, String)> = sqlx::query_as("SELECT id, code FROM units").fetch_all(&mut *c).await.map_err(db)?;
    let units: HashMap<String, i64> = units.into_iter().map(|(id, code)| (code, id)).collect();
    let teams: Vec<(i64, i64, String)> = sqlx::query_as("SELECT id, unit_id, name FROM teams").fetch_all(&mut *c).await.map_err(db)?;
    let mut teams: HashMap<(i64, String), i64> = teams.into_iter().map(|(id, u, n)| ((u, n), id)).collect();
    let mut written = 0;
    let mut new: Vec<(i64, &Post)> = Vec::new();
    for p in list {
        let v = &p.value;
        match existing.get(v.code.as_str()) {
            Some(have) => {
                let want = PostRow { kind: v.kind.label().to_string(), title: v.title.clone(), seats: v.seats, team: v.team.clone(), unit_code: v.unit_code.clone(), ..(*have).clone() };
                if super::units::post_json(have) != super::units::post_json(&want) {
                    super::units::upsert_post(&mut *c, actor, v, now).await.map_err(|e| at("职位", p.row, e))?;
                    written += 1;
                }
            }
            None => {
                let uid = *units.get(&v.unit_code).ok_or_else(|| missing("职位", p.row, "单位编码"))?;
                let tid = match teams.get(&(uid, v.team.clone())) {
                    Some(t) => *t,
                    None => {
                        let t = super::units::team_id(&mut *c, uid, &v.team).await?;
                        teams.insert((uid, v.team.clone()), t);
                        t
                    }
                };
                new.push((tid, v));
            }
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for chunk in new.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new("INSERT INTO posts (code, team_id, title, kind, seats) ");
        q.push_values(chunk, |mut b, (tid, v)| {
            b.push_bind(v.code.clone()).push_bind(*tid).push_bind(v.title.clone()).push_bind(v.kind.label()).push_bind(v.seats);
        });
        q.build().execute(&mut *c).await.map_err(db)?;
        for (_, v) in chunk {
            let after = serde_json::json!({"code": v.code, "unit": v.unit_code, "team": v.team, "title": v.title, "kind": v.kind.label(), "seats": v.seats});
            drafts.push(draft(actor, now, "post.create", "post", &v.code, None, Some(after)));
        }
    }
    // Posts keep the order they were created in.
    sqlx::query("UPDATE posts SET sort_order = id WHERE sort_order = 0").execute(&mut *c).await.map_err(db)?;
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok(written)
}
