//! The facts of the data check (信息校核) of the whole registry read from SQLite in one pass
//! per table, as `snapshot_sqlite` reads the alerts' rows: on the handles sqlx lends out,
//! appointments on a second connection on the other core, both read transactions at the same
//! audit head. sqlx passes every row one message at a time, and a province's million
//! appointments and million 简历 lines took it seconds.

use crate::snapshot_sqlite::{Stmt, bad, opt_date, opt_vocab, read_both, vocab};
use crate::store::DataFacts;
use crate::stored_date;
use banzi_domain::cadre::ResumeLine;
use banzi_domain::codes::{Degree, Education, Gender, Party};
use banzi_domain::registry::Cadre;
use banzi_domain::{Date, DomainError, IdNumber, YearMonth};
use libsqlite3_sys as ffi;

/// Everything the check reads of the whole registry.
pub async fn facts(pool: &sqlx::SqlitePool) -> Result<DataFacts, DomainError> {
    let (mut f, held) = read_both(pool, read_main, read_appointments).await?;
    f.held = held;
    Ok(f)
}

type Held = (i64, i64, Date, Option<Date>);

/// Appointments as row ids and dates.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn read_appointments(db: *mut ffi::sqlite3) -> Result<Vec<Held>, DomainError> {
    // SAFETY: the caller's promise.
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT cadre_id, post_id, start_date, end_date FROM appointments ORDER BY id",
        )?
    };
    // SAFETY: the caller's promise.
    let mut out = Vec::with_capacity(unsafe { rows(db, "appointments")? });
    while s.next()? {
        out.push((
            s.int(0),
            s.int(1),
            stored_date(s.text(2)?)?,
            opt_date(s.opt_text(3)?)?,
        ));
    }
    Ok(out)
}

/// About how many rows `table` holds (its largest row id: deletions leave gaps), so that a
/// million rows are read into one allocation rather than grown into by copying.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn rows(db: *mut ffi::sqlite3, table: &str) -> Result<usize, DomainError> {
    // SAFETY: the caller's promise.
    let mut s = unsafe { Stmt::prepare(db, &format!("SELECT coalesce(max(id), 0) FROM {table}"))? };
    Ok(if s.next()? {
        usize::try_from(s.int(0)).unwrap_or(0)
    } else {
        0
    })
}

fn month(s: &str) -> Result<YearMonth, DomainError> {
    YearMonth::parse(s).map_err(|m| bad("起始年月", format!("{m:?}")))
}

/// Posts, cadres, 简历 lines and photos.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn read_main(db: *mut ffi::sqlite3) -> Result<DataFacts, DomainError> {
    let mut f = DataFacts::default();
    // SAFETY (each prepare): the caller's promise.
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT p.id, p.title, un.code, un.name FROM posts p JOIN teams t ON t.id = p.team_id \
             JOIN units un ON un.id = t.unit_id",
        )?
    };
    while s.next()? {
        f.posts.insert(
            s.int(0),
            (
                s.text(1)?.to_string(),
                s.text(2)?.to_string(),
                s.text(3)?.to_string(),
            ),
        );
    }
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT id, id_number, name, name_pinyin, gender, ethnicity, birth_date, native_place, \
             party, party_joined, work_started, ft_education, ft_degree, ft_school, pt_education, \
             pt_degree, pt_school, profession, rank FROM cadres ORDER BY id",
        )?
    };
    // SAFETY: the caller's promise.
    f.cadres.reserve(unsafe { rows(db, "cadres")? });
    while s.next()? {
        // As stored, without the cross-checks of `Cadre::parse`: finding those is the work.
        let cadre = Cadre {
            id_number: vocab("身份证号", IdNumber::parse(s.text(1)?))?,
            name: s.text(2)?.to_string(),
            gender: vocab("性别", Gender::parse(s.text(4)?))?,
            ethnicity: s.text(5)?.to_string(),
            birth_date: stored_date(s.text(6)?)?,
            native_place: s.text(7)?.to_string(),
            party: vocab("政治面貌", Party::parse(s.text(8)?))?,
            party_joined: opt_date(s.opt_text(9)?)?,
            work_started: opt_date(s.opt_text(10)?)?,
            ft_education: opt_vocab("全日制学历", s.opt_text(11)?, Education::parse)?,
            ft_degree: opt_vocab("全日制学位", s.opt_text(12)?, Degree::parse)?,
            ft_school: s.text(13)?.to_string(),
            pt_education: opt_vocab("在职学历", s.opt_text(14)?, Education::parse)?,
            pt_degree: opt_vocab("在职学位", s.opt_text(15)?, Degree::parse)?,
            pt_school: s.text(16)?.to_string(),
            profession: s.text(17)?.to_string(),
            rank: s.text(18)?.to_string(),
        };
        f.cadres.push((s.int(0), s.text(3)?.to_string(), cadre));
    }
    let mut s = unsafe {
        Stmt::prepare(
            db,
            "SELECT cadre_id, start_ym, end_ym, text FROM resume_lines ORDER BY id",
        )?
    };
    // SAFETY: the caller's promise.
    f.resume.reserve(unsafe { rows(db, "resume_lines")? });
    while s.next()? {
        let line = ResumeLine {
            start: month(s.text(1)?)?,
            end: s.opt_text(2)?.map(month).transpose()?,
            text: s.text(3)?.to_string(),
        };
        f.resume.push((s.int(0), line));
    }
    let mut s = unsafe { Stmt::prepare(db, "SELECT cadre_id FROM cadre_photos")? };
    while s.next()? {
        f.photos.push(s.int(0));
    }
    drop(s);
    Ok(f)
}
