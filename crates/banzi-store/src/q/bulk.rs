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

/// Cadres: returns how many were written and every cadre's row id by ID number.
pub async fn cadres(
    c: &mut Conn,
    actor: &Actor,
    list: &[Located<Cadre>],
    now: &str,
    progress: &(dyn Fn(&'static str, usize, usize) + Sync),
) -> Result<(usize, HashMap<String, i64>), ImportError> {
    let rows: Vec<CadreRow> = sqlx::query_as(super::cadres::CADRE_COLS).fetch_all(&mut *c).await.map_err(db)?;
    let mut ids: HashMap<String, i64> = rows.iter().map(|r| (r.id_number.clone(), r.id)).collect();
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
        q.push(" RETURNING id, id_number");
        let back: Vec<(i64, String)> = q.build_query_as().fetch_all(&mut *c).await.map_err(db)?;
        ids.extend(back.into_iter().map(|(id, n)| (n, id)));
        for x in chunk {
            drafts.push(draft(actor, now, "cadre.create", "cadre", x.id_number.as_str(), None, Some(super::cadres::cadre_json(x))));
        }
        progress("干部", (i + 1) * CHUNK, new.len());
    }
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok((written, ids))
}

async fn post_ids(c: &mut Conn) -> Result<HashMap<String, i64>, DomainError> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, code FROM posts").fetch_all(&mut *c).await.map_err(db)?;
    Ok(rows.into_iter().map(|(id, code)| (code, id)).collect())
}

fn missing(sheet: &str, row: u32, column: &str) -> ImportError {
    at(sheet, row, DomainError::invalid(column, "引用的记录不存在"))
}

type ApptKey = (i64, i64, String);
/// id, cadre, post, start, end, manner, document number.
type StoredAppt = (i64, i64, i64, String, Option<String>, Option<String>, String);
/// cadre, name, start, kind, end, hours.
type StoredTraining = (i64, String, String, String, Option<String>, Option<f64>);
type TrainingKey = (i64, String, String);
type TrainingFields = (String, Option<String>, Option<f64>);

/// Appointments: new ones are checked against the stored history of the same cadre and post.
pub async fn appointments(
    c: &mut Conn,
    actor: &Actor,
    list: &[Located<Appointment>],
    cadre_ids: &HashMap<String, i64>,
    now: &str,
) -> Result<usize, ImportError> {
    let posts = post_ids(&mut *c).await?;
    let stored: Vec<StoredAppt> =
        sqlx::query_as("SELECT id, cadre_id, post_id, start_date, end_date, manner, doc_no FROM appointments")
            .fetch_all(&mut *c)
            .await
            .map_err(db)?;
    let mut periods: HashMap<(i64, i64), Vec<Period>> = HashMap::new();
    let mut existing: HashMap<ApptKey, (Option<String>, Option<String>, String)> = HashMap::new();
    for (_, cid, pid, s, e, m, d) in stored {
        periods.entry((cid, pid)).or_default().push(Period {
            start: stored_date(&s)?,
            end: e.as_deref().map(stored_date).transpose()?,
        });
        existing.insert((cid, pid, s), (e, m, d));
    }
    let mut written = 0;
    let mut new: Vec<(i64, i64, &Appointment)> = Vec::new();
    for a in list {
        let v = &a.value;
        let cid = *cadre_ids.get(v.id_number.as_str()).ok_or_else(|| missing("任职", a.row, "身份证号"))?;
        let pid = *posts.get(&v.post_code).ok_or_else(|| missing("任职", a.row, "职位编码"))?;
        let fields = (v.end.map(iso), v.manner.map(|m| m.label().to_string()), v.doc_no.clone());
        match existing.get(&(cid, pid, iso(v.start))) {
            Some(have) if *have == fields => {}
            Some(_) => {
                super::appointments::insert(&mut *c, actor, v, now).await.map_err(|e| at("任职", a.row, e))?;
                written += 1;
            }
            None => {
                let have = periods.entry((cid, pid)).or_default();
                let p = Period { start: v.start, end: v.end };
                check_no_overlap(have, p).map_err(|m| at("任职", a.row, DomainError::invalid("任职开始", m)))?;
                have.push(p);
                new.push((cid, pid, v));
            }
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for chunk in new.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new("INSERT INTO appointments (cadre_id, post_id, start_date, end_date, manner, doc_no) ");
        q.push_values(chunk, |mut b, (cid, pid, v)| {
            b.push_bind(*cid)
                .push_bind(*pid)
                .push_bind(iso(v.start))
                .push_bind(v.end.map(iso))
                .push_bind(v.manner.map(|m| m.label().to_string()))
                .push_bind(v.doc_no.clone());
        });
        q.push(" RETURNING id, cadre_id, post_id, start_date");
        let back: Vec<(i64, i64, i64, String)> = q.build_query_as().fetch_all(&mut *c).await.map_err(db)?;
        let by_key: HashMap<ApptKey, &Appointment> = chunk.iter().map(|(cid, pid, v)| ((*cid, *pid, iso(v.start)), *v)).collect();
        for (id, cid, pid, start) in back {
            let Some(v) = by_key.get(&(cid, pid, start)) else {
                return Err(DomainError::Internal("批量写入任职记录时返回的行无法对应".into()).into());
            };
            let after = serde_json::json!({
                "cadre": v.id_number, "post": v.post_code, "start": iso(v.start), "end": v.end.map(iso),
                "manner": v.manner.map(|m| m.label()), "doc_no": v.doc_no, "end_doc_no": "",
            });
            drafts.push(draft(actor, now, "appointment.create", "appointment", &id.to_string(), None, Some(after)));
        }
    }
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok(written)
}

/// Portfolios (分管): keyed by cadre, post, work and start.
pub async fn portfolios(
    c: &mut Conn,
    actor: &Actor,
    list: &[Located<Portfolio>],
    cadre_ids: &HashMap<String, i64>,
    now: &str,
) -> Result<usize, ImportError> {
    let posts = post_ids(&mut *c).await?;
    let stored: Vec<(i64, i64, String, String, Option<String>)> =
        sqlx::query_as("SELECT cadre_id, post_id, work, start_date, end_date FROM portfolios").fetch_all(&mut *c).await.map_err(db)?;
    let existing: HashMap<(i64, i64, String, String), Option<String>> =
        stored.into_iter().map(|(cid, pid, w, s, e)| ((cid, pid, w, s), e)).collect();
    let mut written = 0;
    let mut new = Vec::new();
    for f in list {
        let v = &f.value;
        let cid = *cadre_ids.get(v.id_number.as_str()).ok_or_else(|| missing("分管", f.row, "身份证号"))?;
        let pid = *posts.get(&v.post_code).ok_or_else(|| missing("分管", f.row, "职位编码"))?;
        match existing.get(&(cid, pid, v.work.clone(), iso(v.start))) {
            Some(e) if *e == v.end.map(iso) => {}
            Some(_) => {
                super::appointments::insert_portfolio(&mut *c, actor, v, now).await.map_err(|e| at("分管", f.row, e))?;
                written += 1;
            }
            None => new.push((cid, pid, v)),
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for chunk in new.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new("INSERT INTO portfolios (cadre_id, post_id, work, start_date, end_date) ");
        q.push_values(chunk, |mut b, (cid, pid, v)| {
            b.push_bind(*cid).push_bind(*pid).push_bind(v.work.clone()).push_bind(iso(v.start)).push_bind(v.end.map(iso));
        });
        q.push(" RETURNING id, cadre_id, post_id, work, start_date");
        let back: Vec<(i64, i64, i64, String, String)> = q.build_query_as().fetch_all(&mut *c).await.map_err(db)?;
        let by_key: HashMap<(i64, i64, String, String), &Portfolio> =
            chunk.iter().map(|(cid, pid, v)| ((*cid, *pid, v.work.clone(), iso(v.start)), *v)).collect();
        for (id, cid, pid, work, start) in back {
            let Some(v) = by_key.get(&(cid, pid, work, start)) else {
                return Err(DomainError::Internal("批量写入分管记录时返回的行无法对应".into()).into());
            };
            let after = serde_json::json!({"cadre": v.id_number, "post": v.post_code, "work": v.work, "start": iso(v.start), "end": v.end.map(iso)});
            drafts.push(draft(actor, now, "portfolio.create", "portfolio", &id.to_string(), None, Some(after)));
        }
    }
    written += drafts.len();
    flush_audit(&mut *c, drafts).await?;
    Ok(written)
}

/// Training: keyed by cadre, name and start.
pub async fn trainings(
    c: &mut Conn,
    actor: &Actor,
    list: &[Located<Training>],
    cadre_ids: &HashMap<String, i64>,
    now: &str,
) -> Result<usize, ImportError> {
    let stored: Vec<StoredTraining> =
        sqlx::query_as("SELECT cadre_id, name, start_date, kind, end_date, hours FROM trainings").fetch_all(&mut *c).await.map_err(db)?;
    let existing: HashMap<TrainingKey, TrainingFields> =
        stored.into_iter().map(|(cid, n, s, k, e, h)| ((cid, n, s), (k, e, h))).collect();
    let mut written = 0;
    let mut new = Vec::new();
    for t in list {
        let v = &t.value;
        let cid = *cadre_ids.get(v.id_number.as_str()).ok_or_else(|| missing("培训", t.row, "身份证号"))?;
        match existing.get(&(cid, v.name.clone(), iso(v.start))) {
            Some((k, e, h)) if k == v.kind.label() && *e == v.end.map(iso) && *h == v.hours => {}
            Some(_) => {
                super::appointments::insert_training(&mut *c, actor, v, now).await.map_err(|e| at("培训", t.row, e))?;
                written += 1;
            }
            None => new.push((cid, v)),
        }
    }
    let mut drafts = Vec::with_capacity(new.len());
    for chunk in new.chunks(CHUNK) {
        let mut q = sqlx::QueryBuilder::<DbKind>::new("INSERT INTO trainings (cadre_id, name, kind, start_date, end_date, hours) ");
        q.push_values(chunk, |mut b, (cid, v)| {
            b.push_bind(*cid)
                .push_bind(v.name.clone())
                .push_bind(v.kind.label())
                .push_bind(iso(v.start))
                .push_bind(v.end.map(iso))
                .push_bind(v.hours);
        });
        q.push(" RETURNING id, cadre_id, name, start_date");
        let back: Vec<(i64, i64, String, String)> = q.build_query_as().fetch_all(&mut *c).await.map_err(db)?;
        let by_key: HashMap<(i64, String, String), &Training> = chunk.iter().map(|(cid, v)| ((*cid, v.name.clone(), iso(v.start)), *v)).collect();
        for (id, cid, name, start) in back {
            let Some(v) = by_key.get(&(cid, name, start)) else {
                return Err(DomainError::Internal("批量写入培训记录时返回的行无法对应".into()).into());
            };
            let after = serde_json::json!({"cadre": v.id_number, "name": v.name, "kind": v.kind.label(), "start": iso(v.start), "end": v.end.map(iso), "hours": v.hours});
            drafts.push(draft(actor, now, "training.create", "training", &id.to_string(), None, Some(after)));
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
