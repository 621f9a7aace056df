// Bulk paths of the roster import. Included once per backend. One query per table loads
// what exists; new rows go in with multi-row INSERTs; changed rows take the per-row path
// (which audits itself with before and after). New rows are audited in batch entries: one
// entry holds the values (after) of up to `BATCH` new rows of one table under their column
// names, so a 100,000-row import adds hundreds of audit rows, not 100,000, and every
// record's content is still on the hash chain. Loading is never N+1.

use std::collections::HashMap;


const AUDIT: TableInsert = TableInsert {
    head: "INSERT INTO audit_log (seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)",
    lookup: None,
};

/// Checks that a batch wrote every row (a lookup join that found no cadre or post would
/// silently drop one).
fn all_written(what: &str, want: usize, got: u64) -> Result<(), DomainError> {
    if got == want as u64 {
        Ok(())
    } else {
        Err(DomainError::Internal(format!("bulk write of {what}: {want} rows to write, {got} written")))
    }
}

/// New records per batch audit entry (about 150 KB of JSON for cadres).
const BATCH: usize = 1000;

/// Batch entries for `records` (each a JSON array of the values of `columns`): key
/// `批量N条`, after `{"columns": [...], "rows": [[...], ...]}`.
fn batch_drafts<I: ExactSizeIterator<Item = String>>(
    actor: &Actor,
    now: &str,
    action: &str,
    entity: &str,
    columns: &[&str],
    records: I,
) -> Vec<AuditDraft> {
    let mut out = Vec::with_capacity(records.len().div_ceil(BATCH));
    let head = format!("{{\"columns\":{},\"rows\":[", json(&columns));
    let mut after = String::new();
    let mut n = 0;
    let close = |after: &mut String, n: &mut usize, out: &mut Vec<AuditDraft>| {
        after.push_str("]}");
        out.push(AuditDraft {
            at: now.to_string(),
            actor: actor.login.clone(),
            action: action.to_string(),
            entity: entity.to_string(),
            key: format!("{BATCH_KEY}{n}条"),
            before: String::new(),
            after: std::mem::take(after),
        });
        *n = 0;
    };
    for r in records {
        if n == 0 {
            after.push_str(&head);
        } else {
            after.push(',');
        }
        after.push_str(&r);
        n += 1;
        if n == BATCH {
            close(&mut after, &mut n, &mut out);
        }
    }
    if n > 0 {
        close(&mut after, &mut n, &mut out);
    }
    out
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

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
            let e = seal(d, seq, &prev)?;
            prev = e.hash.clone();
            Ok(e)
        })
        .collect::<Result<_, DomainError>>()?;
    let rows: Vec<Vec<Val>> = entries
        .into_iter()
        .map(|e| vec![e.seq.into(), e.at.into(), e.actor.into(), e.action.into(), e.entity.into(), e.key.into(), e.before.into(), e.after.into(), e.prev_hash.into(), e.hash.into()])
        .collect();
    insert_rows(&mut *c, &AUDIT, &rows).await?;
    // An import writes the registry: the kept analysis's key moves (see `audit::append`).
    sqlx::query("UPDATE audit_head SET hash = $1, changed = seq WHERE id = 1").bind(&prev).execute(&mut *c).await.map_err(db)?;
    Ok(())
}

fn opt(s: &str) -> Option<String> {
    if s.is_empty() { None } else { Some(s.to_string()) }
}

/// What the database held of cadres and their histories when the import began, loaded
/// once (one query per table) and then consulted chunk after chunk.
pub struct Stored {
    cadres: HashMap<String, CadreRow>,
    periods: HashMap<(String, String), Vec<Period>>,
    appointments: HashMap<String, (Option<String>, Option<String>, String)>,
    portfolios: HashMap<String, Option<String>>,
    trainings: HashMap<String, TrainingFields>,
}

pub async fn stored_rows(c: &mut Conn) -> Result<Stored, DomainError> {
    let rows: Vec<CadreRow> = sqlx::query_as(super::cadres::CADRE_COLS).fetch_all(&mut *c).await.map_err(db)?;
    let cadres = rows.into_iter().map(|r| (r.id_number.clone(), r)).collect();
    let appts: Vec<StoredAppt> = sqlx::query_as(
        "SELECT c.id_number, p.code, a.start_date, a.end_date, a.manner, a.doc_no FROM appointments a \
         JOIN cadres c ON c.id = a.cadre_id JOIN posts p ON p.id = a.post_id",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let mut periods: HashMap<(String, String), Vec<Period>> = HashMap::new();
    let mut appointments = HashMap::new();
    for (idn, post, s, e, m, d) in appts {
        periods.entry((idn.clone(), post.clone())).or_default().push(Period {
            start: stored_date(&s)?,
            end: e.as_deref().map(stored_date).transpose()?,
        });
        appointments.insert(appt_key(&idn, &post, &s), (e, m, d));
    }
    let folios: Vec<(String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.id_number, p.code, f.work, f.start_date, f.end_date FROM portfolios f \
         JOIN cadres c ON c.id = f.cadre_id JOIN posts p ON p.id = f.post_id",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let portfolios = folios.into_iter().map(|(idn, post, w, s, e)| (portfolio_key(&idn, &post, &w, &s), e)).collect();
    let trains: Vec<StoredTraining> = sqlx::query_as(
        "SELECT c.id_number, t.name, t.start_date, t.kind, t.end_date, t.hours FROM trainings t JOIN cadres c ON c.id = t.cadre_id",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let trainings = trains.into_iter().map(|(idn, n, s, k, e, h)| (training_key(&idn, &n, &s), (k, e, h))).collect();
    Ok(Stored { cadres, periods, appointments, portfolios, trainings })
}

/// Cadres: returns how many were written.
pub async fn cadres(
    c: &mut Conn,
    actor: &Actor,
    stored: &Stored,
    list: &[Located<Cadre>],
    now: &str,
) -> Result<usize, ImportError> {
    let existing = &stored.cadres;
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
    let mut records = Vec::with_capacity(new.len());
    let names: Vec<(String, String)> = new.iter().map(|x| banzi_domain::pinyin_name::name_pinyin(&x.name)).collect();
    let rows: Vec<Vec<Val>> = new
        .iter()
        .zip(&names)
        .map(|(x, (py, initials))| {
            let r = x.to_raw();
            records.push(json(&r.values()));
            vec![
                r.id_number.into(), r.name.into(), py.clone().into(), initials.clone().into(), r.gender.into(), r.ethnicity.into(),
                r.birth_date.into(), r.native_place.into(), r.party.into(), opt(&r.party_joined).into(),
                opt(&r.work_started).into(), opt(&r.ft_education).into(), opt(&r.ft_degree).into(), r.ft_school.into(),
                opt(&r.pt_education).into(), opt(&r.pt_degree).into(), r.pt_school.into(), r.profession.into(),
                r.rank.into(), now.into(),
            ]
        })
        .collect();
    const CADRES: TableInsert = TableInsert {
        head: "INSERT INTO cadres (id_number, name, name_pinyin, name_initials, gender, ethnicity, birth_date, native_place, \
               party, party_joined, work_started, ft_education, ft_degree, ft_school, pt_education, pt_degree, pt_school, \
               profession, rank, updated_at)",
        lookup: None,
    };
    let after = super::search::last_cadre(&mut *c).await?;
    all_written("干部", rows.len(), insert_rows(&mut *c, &CADRES, &rows).await?)?;
    drop(rows);
    // Their search keys, in this transaction (issue 18, item 2).
    let keys: Vec<super::search::NewCadre> =
        new.iter().zip(&names).map(|(x, (py, initials))| (x.id_number.as_str(), x.name.as_str(), py.as_str(), initials.as_str())).collect();
    super::search::insert_new(&mut *c, after, &keys).await?;
    written += new.len();
    let columns = CADRE_FIELDS.map(|(key, _)| key);
    flush_audit(&mut *c, batch_drafts(actor, now, "cadre.create", "cadre", &columns, records.into_iter())).await?;
    Ok(written)
}

/// ID number, post, start, end, manner, document number.
type StoredAppt = (String, String, String, Option<String>, Option<String>, String);
/// ID number, name, start, kind, end, hours.
type StoredTraining = (String, String, String, String, Option<String>, Option<f64>);
type TrainingFields = (String, Option<String>, Option<f64>);

fn missing(sheet: &str, row: u32, column: &str) -> ImportError {
    at(sheet, row, DomainError::invalid(column, Msg::new("store-reference-missing")))
}

/// The appointments of a part sorted against what is stored: those that change a stored
/// one, the new ones, and the new ones that overlap the stored history of the same cadre
/// and post (the roster check has compared the workbook's rows with each other).
pub struct SortedAppointments<'a> {
    changed: Vec<&'a Located<Appointment>>,
    new: Vec<&'a Appointment>,
    pub overlaps: Vec<banzi_domain::roster::RowError>,
}

pub fn sort_appointments<'a>(stored: &Stored, list: &'a [Located<Appointment>]) -> SortedAppointments<'a> {
    let (periods, existing) = (&stored.periods, &stored.appointments);
    let mut out = SortedAppointments { changed: Vec::new(), new: Vec::new(), overlaps: Vec::new() };
    for a in list {
        let v = &a.value;
        let fields = (v.end.map(iso), v.manner.map(|m| m.label().to_string()), v.doc_no.clone());
        match existing.get(&appt_key(v.id_number.as_str(), &v.post_code, &iso(v.start))) {
            Some(have) if *have == fields => {}
            Some(_) => out.changed.push(a),
            None => {
                // Only a cadre and post with a stored history can clash with it.
                let key = || (v.id_number.to_string(), v.post_code.clone());
                if let Some(have) = (!periods.is_empty()).then(|| periods.get(&key())).flatten() {
                    let p = Period { start: v.start, end: v.end };
                    if let Err(m) = check_no_overlap(have, p) {
                        out.overlaps.push(banzi_domain::roster::RowError {
                            sheet: "任职".into(),
                            row: a.row,
                            column: "任职开始".into(),
                            message: m,
                        });
                    }
                }
                out.new.push(v);
            }
        }
    }
    out
}

/// Appointments, sorted by [`sort_appointments`] (the caller writes none that overlap).
pub async fn appointments(
    c: &mut Conn,
    actor: &Actor,
    sorted: SortedAppointments<'_>,
    now: &str,
) -> Result<usize, ImportError> {
    let mut written = 0;
    for a in sorted.changed {
        super::appointments::insert(&mut *c, actor, &a.value, now).await.map_err(|e| at("任职", a.row, e))?;
        written += 1;
    }
    let new = sorted.new;
    const APPOINTMENTS: TableInsert = TableInsert {
        head: "INSERT INTO appointments (cadre_id, post_id, start_date, end_date, manner, doc_no)",
        lookup: Some((
            "c.id, p.id, v.column3, v.column4, v.column5, v.column6",
            "JOIN cadres c ON c.id_number = v.column1 JOIN posts p ON p.code = v.column2",
        )),
    };
    let rows: Vec<Vec<Val>> = new
        .iter()
        .map(|v| {
            vec![
                v.id_number.to_string().into(), v.post_code.clone().into(), iso(v.start).into(), v.end.map(iso).into(),
                v.manner.map(|m| m.label().to_string()).into(), v.doc_no.clone().into(),
            ]
        })
        .collect();
    all_written("appointments", rows.len(), insert_rows(&mut *c, &APPOINTMENTS, &rows).await?)?;
    let records = new.iter().map(|v| {
        json(&(v.id_number.as_str(), &v.post_code, iso(v.start), v.end.map(iso), v.manner.map(|m| m.label()), &v.doc_no))
    });
    written += new.len();
    let columns = ["cadre", "post", "start", "end", "manner", "doc_no"];
    flush_audit(&mut *c, batch_drafts(actor, now, "appointment.create", "appointment", &columns, records)).await?;
    Ok(written)
}

/// Portfolios (分管): keyed by cadre, post, work and start.
pub async fn portfolios(
    c: &mut Conn,
    actor: &Actor,
    stored: &Stored,
    list: &[Located<Portfolio>],
    now: &str,
) -> Result<usize, ImportError> {
    let existing = &stored.portfolios;
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
    const PORTFOLIOS: TableInsert = TableInsert {
        head: "INSERT INTO portfolios (cadre_id, post_id, work, start_date, end_date)",
        lookup: Some((
            "c.id, p.id, v.column3, v.column4, v.column5",
            "JOIN cadres c ON c.id_number = v.column1 JOIN posts p ON p.code = v.column2",
        )),
    };
    let rows: Vec<Vec<Val>> = new
        .iter()
        .map(|v| vec![v.id_number.to_string().into(), v.post_code.clone().into(), v.work.clone().into(), iso(v.start).into(), v.end.map(iso).into()])
        .collect();
    all_written("portfolios", rows.len(), insert_rows(&mut *c, &PORTFOLIOS, &rows).await?)?;
    let records = new.iter().map(|v| json(&(v.id_number.as_str(), &v.post_code, &v.work, iso(v.start), v.end.map(iso))));
    written += new.len();
    let columns = ["cadre", "post", "work", "start", "end"];
    flush_audit(&mut *c, batch_drafts(actor, now, "portfolio.create", "portfolio", &columns, records)).await?;
    Ok(written)
}

/// Training: keyed by cadre, name and start.
pub async fn trainings(
    c: &mut Conn,
    actor: &Actor,
    stored: &Stored,
    list: &[Located<Training>],
    now: &str,
) -> Result<usize, ImportError> {
    let existing = &stored.trainings;
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
    const TRAININGS: TableInsert = TableInsert {
        head: "INSERT INTO trainings (cadre_id, name, kind, start_date, end_date, hours)",
        lookup: Some(("c.id, v.column2, v.column3, v.column4, v.column5, v.column6", "JOIN cadres c ON c.id_number = v.column1")),
    };
    let rows: Vec<Vec<Val>> = new
        .iter()
        .map(|v| vec![v.id_number.to_string().into(), v.name.clone().into(), v.kind.label().into(), iso(v.start).into(), v.end.map(iso).into(), v.hours.into()])
        .collect();
    all_written("trainings", rows.len(), insert_rows(&mut *c, &TRAININGS, &rows).await?)?;
    let records =
        new.iter().map(|v| json(&(v.id_number.as_str(), &v.name, v.kind.label(), iso(v.start), v.end.map(iso), v.hours)));
    written += new.len();
    let columns = ["cadre", "name", "kind", "start", "end", "hours"];
    flush_audit(&mut *c, batch_drafts(actor, now, "training.create", "training", &columns, records)).await?;
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
                let want = PostRow {
                    kind: v.kind.label().to_string(),
                    title: v.title.clone(),
                    seats: v.seats,
                    team: v.team.clone(),
                    unit_code: v.unit_code.clone(),
                    level: v.level.map(|l| l.label().to_string()),
                    ..(*have).clone()
                };
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
    const POSTS: TableInsert = TableInsert { head: "INSERT INTO posts (code, team_id, title, kind, seats, level)", lookup: None };
    let level = |v: &Post| v.level.map(|l| l.label());
    let rows: Vec<Vec<Val>> = new
        .iter()
        .map(|(tid, v)| {
            vec![
                v.code.clone().into(), (*tid).into(), v.title.clone().into(), v.kind.label().into(), v.seats.into(),
                level(v).map(String::from).into(),
            ]
        })
        .collect();
    all_written("职位", rows.len(), insert_rows(&mut *c, &POSTS, &rows).await?)?;
    let records = new.iter().map(|(_, v)| json(&(&v.code, &v.unit_code, &v.team, &v.title, v.kind.label(), v.seats, level(v))));
    // Posts keep the order they were created in.
    sqlx::query("UPDATE posts SET sort_order = id WHERE sort_order = 0").execute(&mut *c).await.map_err(db)?;
    written += new.len();
    let columns = ["code", "unit", "team", "title", "kind", "seats", "level"];
    flush_audit(&mut *c, batch_drafts(actor, now, "post.create", "post", &columns, records)).await?;
    Ok(written)
}

/// Units: changed ones one by one, new ones level by level (parents first) in batches.
pub async fn units(c: &mut Conn, actor: &Actor, list: &[Located<Unit>], now: &str) -> Result<usize, ImportError> {
    let stored: Vec<UnitRow> = sqlx::query_as(super::units::UNIT_COLS).fetch_all(&mut *c).await.map_err(db)?;
    let existing: HashMap<&str, &UnitRow> = stored.iter().map(|u| (u.code.as_str(), u)).collect();
    let mut written = 0;
    // Changed units are updated after the new ones exist: one may move under a new parent.
    let (changed, mut new): (Vec<&Located<Unit>>, Vec<&Located<Unit>>) =
        list.iter().partition(|u| existing.contains_key(u.value.code.as_str()));
    // Each level's parents are stored or in an earlier level (the roster check ruled out
    // cycles and unknown parents).
    let mut placed: std::collections::HashSet<&str> = stored.iter().map(|u| u.code.as_str()).collect();
    const UNITS: TableInsert = TableInsert {
        head: "INSERT INTO units (code, name, parent_id, category, platform, system, non_cpc_required)",
        lookup: Some((
            "v.column1, v.column2, p.id, v.column4, v.column5, v.column6, v.column7",
            "LEFT JOIN units p ON p.code = v.column3",
        )),
    };
    let mut records = Vec::with_capacity(new.len());
    while !new.is_empty() {
        let (level, rest): (Vec<&Located<Unit>>, Vec<&Located<Unit>>) =
            new.into_iter().partition(|u| u.value.parent_code.as_deref().is_none_or(|p| placed.contains(p)));
        if level.is_empty() {
            let first = rest.first().map(|u| u.row).unwrap_or(0);
            return Err(at("单位", first, DomainError::invalid("上级单位编码", Msg::new("store-parent-missing-or-cycle"))));
        }
        let rows: Vec<Vec<Val>> = level
            .iter()
            .map(|u| {
                let v = &u.value;
                vec![
                    v.code.clone().into(), v.name.clone().into(), v.parent_code.clone().into(), v.category.clone().into(),
                    v.platform.clone().into(), v.system.label().into(), v.non_cpc_required.into(),
                ]
            })
            .collect();
        all_written("单位", rows.len(), insert_rows(&mut *c, &UNITS, &rows).await?)?;
        for u in &level {
            let v = &u.value;
            records.push(json(&(&v.code, &v.name, &v.parent_code, &v.category, &v.platform, v.system.label(), v.non_cpc_required)));
            placed.insert(v.code.as_str());
        }
        new = rest;
    }
    // Units keep the order they were created in.
    sqlx::query("UPDATE units SET sort_order = id WHERE sort_order = 0").execute(&mut *c).await.map_err(db)?;
    super::units::index_units(&mut *c).await?;
    written += records.len();
    let columns = ["code", "name", "parent", "category", "platform", "system", "non_cpc_required"];
    flush_audit(&mut *c, batch_drafts(actor, now, "unit.create", "unit", &columns, records.into_iter())).await?;
    for u in changed {
        written += usize::from(super::units::upsert(&mut *c, actor, &u.value, now).await.map_err(|e| at("单位", u.row, e))?);
    }
    Ok(written)
}
