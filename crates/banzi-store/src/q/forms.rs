// A cadre's record as the 任免审批表 carries it (issue 16): read for an LRMX export or an
// import's comparison, and written by an import. Included once per backend.

use banzi_domain::cadre::{FamilyMember, ResumeLine, RewardEntry, YearRating};
use banzi_domain::lrmx::{Derived, FormRecord, FormTexts};
use std::collections::HashMap;

fn stored_err(what: &str, e: DomainError) -> DomainError {
    DomainError::Internal(format!("stored {what} unreadable: {e}"))
}

/// The form's record of the cadre stored under row id `cid`.
pub async fn record(c: &mut Conn, row: &CadreRow) -> Result<FormRecord, DomainError> {
    let cid = row.id;
    let resume = super::cadres::resume(&mut *c, cid)
        .await?
        .into_iter()
        .map(|r| ResumeLine::parse(&r.start_ym, r.end_ym.as_deref().unwrap_or(""), &r.text).map_err(|e| stored_err("简历", e)))
        .collect::<Result<Vec<_>, _>>()?;
    let family = super::cadres::family(&mut *c, cid)
        .await?
        .into_iter()
        .map(|f| FamilyMember::parse(&f.relation, &f.name, f.birth_ym.as_deref().unwrap_or(""), &f.party, &f.work).map_err(|e| stored_err("家庭成员", e)))
        .collect::<Result<Vec<_>, _>>()?;
    let texts: Option<(String,)> = sqlx::query_as("SELECT texts FROM cadre_forms WHERE cadre_id = $1")
        .bind(cid)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    let texts = match texts {
        Some((t,)) => serde_json::from_str::<FormTexts>(&t).map_err(|e| DomainError::Internal(format!("cadre_forms.texts: {e}")))?,
        None => FormTexts::default(),
    };
    let photo = super::cadres::photo(&mut *c, cid).await?.map(|(_, data)| data);
    Ok(FormRecord { cadre: row.into_cadre()?, resume, family, texts, photo })
}

/// The posts held on `today` as the form words them (单位 + 职务), and the 奖惩 and 考核
/// records.
pub async fn derived(c: &mut Conn, cid: i64, today: &str) -> Result<Derived, DomainError> {
    let posts = super::appointments::of_cadre(&mut *c, cid)
        .await?
        .into_iter()
        .filter(|a| a.start_date.as_str() <= today && a.end_date.as_deref().is_none_or(|e| e > today))
        .map(|a| format!("{}{}", a.unit_name, a.post_title))
        .collect();
    let rewards = super::cadres::rewards(&mut *c, cid)
        .await?
        .into_iter()
        .map(|r| RewardEntry::parse(&r.on_date, &r.kind, &r.text).map_err(|e| stored_err("奖惩", e)))
        .collect::<Result<Vec<_>, _>>()?;
    let ratings = super::cadres::ratings(&mut *c, cid)
        .await?
        .into_iter()
        .map(|r| YearRating::parse(&r.year.to_string(), &r.rating).map_err(|e| stored_err("年度考核", e)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Derived { posts_in_force: posts, rewards, ratings })
}

/// The stored records of the people among `id_numbers` who are registered, by ID number,
/// with what the registry derives for them on `today`: one lookup for all, then each
/// registered person's record.
pub async fn records_of(c: &mut Conn, id_numbers: &[String], today: &str) -> Result<HashMap<String, (FormRecord, Derived)>, DomainError> {
    let mut out = HashMap::new();
    if id_numbers.is_empty() {
        return Ok(out);
    }
    let known = super::cadres::refs(&mut *c, id_numbers).await?;
    for (idn, _) in known {
        let row: CadreRow = sqlx::query_as(safe(format!("{} WHERE c.id_number = $1", super::cadres::CADRE_COLS)))
            .bind(&idn)
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
        let r = record(&mut *c, &row).await?;
        let d = derived(&mut *c, row.id, today).await?;
        out.insert(idn, (r, d));
    }
    Ok(out)
}

/// The image type of checked photo bytes.
fn mime_of(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xFF, 0xD8]) { "image/jpeg" } else { "image/png" }
}

/// Writes `new` over `old` (None: a new cadre): the roster row through the cadre upsert
/// (audited field by field as `cadre.update`/`cadre.create`), then 简历, family, photo and
/// the form's texts, replaced whole and audited as one `cadre.form.import` entry with the
/// form's part before and after.
pub async fn write(c: &mut Conn, actor: &Actor, old: Option<&FormRecord>, new: &FormRecord, now: &str) -> Result<(), DomainError> {
    super::cadres::upsert(&mut *c, actor, &new.cadre, Upsert::Either, now).await?;
    let idn = new.cadre.id_number.as_str();
    let cid = super::cadres::id_of(&mut *c, idn)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("cadre {idn} not found after its upsert")))?;
    if old.map(|o| &o.resume) != Some(&new.resume) {
        sqlx::query("DELETE FROM resume_lines WHERE cadre_id = $1").bind(cid).execute(&mut *c).await.map_err(db)?;
        const RESUME: TableInsert = TableInsert { head: "INSERT INTO resume_lines (cadre_id, start_ym, end_ym, text)", lookup: None };
        let rows: Vec<Vec<Val>> = new
            .resume
            .iter()
            .map(|l| vec![cid.into(), l.start.to_string().into(), l.end.map(|e| e.to_string()).into(), l.text.clone().into()])
            .collect();
        insert_rows(&mut *c, &RESUME, &rows).await?;
    }
    if old.map(|o| &o.family) != Some(&new.family) {
        sqlx::query("DELETE FROM family_members WHERE cadre_id = $1").bind(cid).execute(&mut *c).await.map_err(db)?;
        const FAMILY: TableInsert = TableInsert { head: "INSERT INTO family_members (cadre_id, relation, name, birth_ym, party, work)", lookup: None };
        let rows: Vec<Vec<Val>> = new
            .family
            .iter()
            .map(|f| vec![cid.into(), f.relation.clone().into(), f.name.clone().into(), f.birth.map(|b| b.to_string()).into(), f.party.clone().into(), f.work.clone().into()])
            .collect();
        insert_rows(&mut *c, &FAMILY, &rows).await?;
    }
    if let Some(p) = &new.photo
        && old.and_then(|o| o.photo.as_ref()) != Some(p)
    {
        sqlx::query("DELETE FROM cadre_photos WHERE cadre_id = $1").bind(cid).execute(&mut *c).await.map_err(db)?;
        sqlx::query("INSERT INTO cadre_photos (cadre_id, mime, data) VALUES ($1, $2, $3)")
            .bind(cid).bind(mime_of(p)).bind(p.as_slice()).execute(&mut *c).await.map_err(db)?;
    }
    if old.map(|o| &o.texts) != Some(&new.texts) {
        let texts = serde_json::to_string(&new.texts).map_err(|e| DomainError::Internal(e.to_string()))?;
        sqlx::query("DELETE FROM cadre_forms WHERE cadre_id = $1").bind(cid).execute(&mut *c).await.map_err(db)?;
        sqlx::query("INSERT INTO cadre_forms (cadre_id, texts, updated_at) VALUES ($1, $2, $3)")
            .bind(cid).bind(texts).bind(now).execute(&mut *c).await.map_err(db)?;
    }
    let before = old.map(FormRecord::shown_form);
    let after = new.shown_form();
    if before.as_ref() != Some(&after) {
        super::audit::append(&mut *c, draft(actor, now, "cadre.form.import", "cadre", idn, before, Some(after))).await?;
    }
    Ok(())
}

/// Forgets the file's wording of 现任职务 once a 任职 or 免职 is recorded: from then on the
/// form prints the posts in force.
pub async fn forget_current_post(c: &mut Conn, id_number: &str) -> Result<(), DomainError> {
    let texts: Option<(i64, String)> = sqlx::query_as(
        "SELECT f.cadre_id, f.texts FROM cadre_forms f JOIN cadres c ON c.id = f.cadre_id WHERE c.id_number = $1",
    )
    .bind(id_number)
    .fetch_optional(&mut *c)
    .await
    .map_err(db)?;
    let Some((cid, t)) = texts else { return Ok(()) };
    let mut texts: FormTexts = serde_json::from_str(&t).map_err(|e| DomainError::Internal(format!("cadre_forms.texts: {e}")))?;
    if texts.current_post.is_empty() {
        return Ok(());
    }
    texts.current_post.clear();
    let t = serde_json::to_string(&texts).map_err(|e| DomainError::Internal(e.to_string()))?;
    sqlx::query("UPDATE cadre_forms SET texts = $1 WHERE cadre_id = $2").bind(t).bind(cid).execute(&mut *c).await.map_err(db)?;
    Ok(())
}
