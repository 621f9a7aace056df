//! What the alert rules read of the registry ([`Rows`]), read from PostgreSQL as
//! `snapshot_sqlite::rule_rows` reads it from SQLite: only the fields the rules use, rows
//! referring to rows by position. Each table comes as `COPY (SELECT …) TO STDOUT`, the
//! server's text rows parsed here, not as one decoded sqlx row per record (issue 18: a
//! province's 1.3 million rows took 5–6 s and 640 MB as records, then as a roster).
//!
//! The appointments, the largest table, are read on a second connection on the other core,
//! in the same snapshot (`pg_export_snapshot`), so both sides see one registry.

use crate::snapshot_sqlite::{Positions, bad, opt_date, opt_vocab, vocab};
use crate::stored_date;
use banzi_domain::DomainError;
use banzi_domain::codes::{
    Education, Gender, Manner, Party, PostKind, PostLevel, TrainingKind, UnitSystem,
};
use banzi_domain::rules::{
    AppointmentRow, CadreRow, PortfolioRow, PostRow, Rows, TrainingRow, UnitRow,
};
use sqlx::PgConnection;
use sqlx::pool::PoolConnection;
use std::borrow::Cow;

/// The rules' rows of the whole registry, in one consistent view.
pub async fn rule_rows(pool: &sqlx::PgPool) -> Result<Rows, DomainError> {
    // Parsing a province takes a second of work on each of two threads: off the server's
    // workers, as the SQLite reader.
    let pool = pool.clone();
    let rt = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || read(&rt, &pool))
        .await
        .map_err(|e| DomainError::Internal(format!("the registry reader thread stopped: {e}")))?
}

type Pooled = PoolConnection<sqlx::Postgres>;

fn read(rt: &tokio::runtime::Handle, pool: &sqlx::PgPool) -> Result<Rows, DomainError> {
    let (mut a, mut b) = rt.block_on(async {
        let a = pool.acquire().await.map_err(crate::db)?;
        let b = pool.acquire().await.map_err(crate::db)?;
        Ok::<_, DomainError>((a, b))
    })?;
    // From the first BEGIN on, whatever fails, both connections are rolled back below.
    let result = rt
        .block_on(same_snapshot(&mut a, &mut b))
        .and_then(|()| read_on(rt, &mut a, &mut b));
    rt.block_on(async {
        // Both go back to the pool out of their transaction; one that cannot (a read that
        // failed halfway through a COPY) is closed instead.
        for conn in [a, b] {
            let mut conn = conn;
            if sqlx::raw_sql("ROLLBACK").execute(&mut *conn).await.is_err() {
                drop(conn.detach());
            }
        }
    });
    result
}

/// Opens a read-only repeatable-read transaction on `a` and gives `b` the same snapshot.
async fn same_snapshot(a: &mut Pooled, b: &mut Pooled) -> Result<(), DomainError> {
    sqlx::raw_sql("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut **a)
        .await
        .map_err(crate::db)?;
    let snapshot: String = sqlx::query_scalar("SELECT pg_export_snapshot()")
        .fetch_one(&mut **a)
        .await
        .map_err(crate::db)?;
    sqlx::raw_sql("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut **b)
        .await
        .map_err(crate::db)?;
    // The snapshot's name is the server's own (hex and dashes), not anyone's input.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SET TRANSACTION SNAPSHOT '{}'",
        snapshot.replace('\'', "")
    )))
    .execute(&mut **b)
    .await
    .map_err(crate::db)?;
    Ok(())
}

/// The two reads, on two threads, and the appointments resolved.
fn read_on(
    rt: &tokio::runtime::Handle,
    a: &mut Pooled,
    b: &mut Pooled,
) -> Result<Rows, DomainError> {
    std::thread::scope(|s| {
        let second = s.spawn(|| rt.block_on(read_appointments(b)));
        let first = rt.block_on(read_main(a));
        let second = second
            .join()
            .map_err(|_| DomainError::Internal("the appointment reader thread stopped".into()))?;
        let ((mut rows, cadres, posts), appointments) = (first?, second?);
        rows.appointments = appointments.resolve(&cadres, &posts)?;
        Ok(rows)
    })
}

/// One text row of `COPY … TO STDOUT`: tab-separated fields, `\N` for NULL, backslash
/// escapes for backslash and control characters.
struct Fields<'a> {
    rest: Option<&'a [u8]>,
}

impl<'a> Fields<'a> {
    fn new(line: &'a [u8]) -> Fields<'a> {
        Fields { rest: Some(line) }
    }

    /// The next field, or None for NULL.
    fn opt(&mut self) -> Result<Option<Cow<'a, str>>, DomainError> {
        let rest = self
            .rest
            .ok_or_else(|| bad("COPY", "a row has fewer fields than asked for"))?;
        let (field, after) = match rest.iter().position(|&b| b == b'\t') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        self.rest = after;
        if field == b"\\N" {
            return Ok(None);
        }
        let text = if field.contains(&b'\\') {
            Cow::Owned(unescape(field)?)
        } else {
            Cow::Borrowed(std::str::from_utf8(field).map_err(|e| bad("text encoding", e))?)
        };
        Ok(Some(text))
    }

    fn text(&mut self) -> Result<Cow<'a, str>, DomainError> {
        self.opt()?
            .ok_or_else(|| bad("COPY", "NULL where the schema has NOT NULL"))
    }

    fn int(&mut self) -> Result<i64, DomainError> {
        let t = self.text()?;
        t.parse().map_err(|e| bad("integer", e))
    }

    fn opt_real(&mut self) -> Result<Option<f64>, DomainError> {
        self.opt()?
            .map(|t| t.parse().map_err(|e| bad("number", e)))
            .transpose()
    }
}

/// A field with backslash escapes, as COPY's text format writes them.
fn unescape(field: &[u8]) -> Result<String, DomainError> {
    let mut out = Vec::with_capacity(field.len());
    let mut i = 0;
    while i < field.len() {
        let b = field[i];
        i += 1;
        if b != b'\\' || i == field.len() {
            out.push(b);
            continue;
        }
        let e = field[i];
        i += 1;
        match e {
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match field.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 {
                    match field.get(i).and_then(|&d| char::from(d).to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            i += 1;
                            n += 1;
                        }
                        None => break,
                    }
                }
                out.push(v as u8);
            }
            other => out.push(other),
        }
    }
    String::from_utf8(out).map_err(|e| bad("text encoding", e))
}

/// A column of a read, as `COPY` writes it: NULL as `\N`, text with backslash escapes.
enum Col {
    Num(&'static str),
    OptNum(&'static str),
    Text(&'static str),
    OptText(&'static str),
}

impl Col {
    fn expr(&self) -> &'static str {
        match self {
            Col::Num(x) | Col::OptNum(x) | Col::Text(x) | Col::OptText(x) => x,
        }
    }
}

/// `COPY (SELECT cols FROM from) TO STDOUT`, in `key` order when `ordered`. (Values of a
/// few thousand rows each, put together by the server with `string_agg`, took longer: the
/// server's time, not the client's, is what a read of a province costs.)
fn copy_sql(from: &str, key: &str, cols: &[Col], ordered: bool) -> String {
    let fields: Vec<&str> = cols.iter().map(Col::expr).collect();
    let order = if ordered {
        format!(" ORDER BY {key}")
    } else {
        String::new()
    };
    format!(
        "COPY (SELECT {} FROM {from}{order}) TO STDOUT",
        fields.join(", ")
    )
}

/// Reads `cols` of `from` (see [`copy_sql`]) and hands each row's fields to `each`.
async fn copy_rows(
    c: &mut PgConnection,
    (from, key, ordered): (&str, &str, bool),
    cols: &[Col],
    mut each: impl FnMut(&mut Fields<'_>) -> Result<(), DomainError>,
) -> Result<(), DomainError> {
    let mut stream = c
        .copy_out_raw(&copy_sql(from, key, cols, ordered))
        .await
        .map_err(crate::db)?;
    // The server sends a row a message; a row split over messages is put together here.
    let mut partial: Vec<u8> = Vec::new();
    while let Some(chunk) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx))
        .await
        .transpose()
        .map_err(crate::db)?
    {
        partial.extend_from_slice(&chunk);
        let Some(end) = partial.iter().rposition(|&b| b == b'\n') else {
            continue;
        };
        for line in partial[..end].split(|&b| b == b'\n') {
            each(&mut Fields::new(line))?;
        }
        partial.drain(..=end);
    }
    if !partial.is_empty() {
        return Err(bad("COPY", "the last row has no end"));
    }
    Ok(())
}

/// Appointments as read, their cadre and post still row ids.
struct StoredAppointments(Vec<(i64, i64, AppointmentRow)>);

impl StoredAppointments {
    fn resolve(
        self,
        cadres: &Positions,
        posts: &Positions,
    ) -> Result<Vec<AppointmentRow>, DomainError> {
        self.0
            .into_iter()
            .map(|(cadre, post, mut a)| {
                a.cadre = cadres.cadre(cadre)?;
                a.post = posts.post(post)?;
                Ok(a)
            })
            .collect()
    }
}

async fn read_appointments(c: &mut Pooled) -> Result<StoredAppointments, DomainError> {
    let mut out = Vec::new();
    copy_rows(
        c,
        ("appointments", "id", false),
        &[
            Col::Num("cadre_id"),
            Col::Num("post_id"),
            Col::Text("start_date"),
            Col::OptText("end_date"),
            Col::OptText("manner"),
        ],
        |f| {
            let (cadre, post) = (f.int()?, f.int()?);
            let a = AppointmentRow {
                cadre: 0,
                post: 0,
                start: stored_date(&f.text()?)?,
                end: opt_date(f.opt()?.as_deref())?,
                manner: opt_vocab("任职方式", f.opt()?.as_deref(), Manner::parse)?,
            };
            out.push((cadre, post, a));
            Ok(())
        },
    )
    .await?;
    Ok(StoredAppointments(out))
}

/// Everything the rules read but the appointments, with the positions of cadres' and
/// posts' row ids for them.
async fn read_main(c: &mut Pooled) -> Result<(Rows, Positions, Positions), DomainError> {
    let mut r = Rows::default();
    let mut ids = Vec::new();
    copy_rows(
        c,
        ("units", "id", false),
        &[
            Col::Num("id"),
            Col::Text("code"),
            Col::Text("name"),
            Col::Num("(parent_id IS NOT NULL)::int"),
            Col::Text("category"),
            Col::Text("system"),
            Col::Num("non_cpc_required::int"),
        ],
        |f| {
            ids.push(f.int()?);
            let row = UnitRow {
                code: r.texts.add(&f.text()?),
                name: r.texts.add(&f.text()?),
                has_parent: f.int()? != 0,
                category: r.texts.add(&f.text()?),
                system: vocab("所属系统", UnitSystem::parse(&f.text()?))?,
                non_cpc_required: f.int()? != 0,
            };
            r.units.push(row);
            Ok(())
        },
    )
    .await?;
    let units = Positions::new(&ids);
    ids.clear();
    copy_rows(
        c,
        (
            "(SELECT p.id, p.code, t.unit_id, t.name AS team, p.title, p.kind, p.seats, p.level \
             FROM posts p JOIN teams t ON t.id = p.team_id) x",
            "id",
            false,
        ),
        &[
            Col::Num("id"),
            Col::Text("code"),
            Col::Num("unit_id"),
            Col::Text("team"),
            Col::Text("title"),
            Col::Text("kind"),
            Col::Num("seats"),
            Col::OptText("level"),
        ],
        |f| {
            ids.push(f.int()?);
            let code = r.texts.add(&f.text()?);
            let unit = f.int()?;
            let row = PostRow {
                code,
                unit: units
                    .get(unit)
                    .ok_or_else(|| bad("单位", format!("no unit {unit}")))?,
                team: r.texts.add(&f.text()?),
                title: r.texts.add(&f.text()?),
                kind: vocab("职位类别", PostKind::parse(&f.text()?))?,
                seats: f.int()?,
                level: opt_vocab("职务层次", f.opt()?.as_deref(), PostLevel::parse)?,
            };
            r.posts.push(row);
            Ok(())
        },
    )
    .await?;
    let posts = Positions::new(&ids);
    ids.clear();
    copy_rows(
        c,
        ("cadres", "id", false),
        &[
            Col::Num("id"),
            Col::Text("id_number"),
            Col::Text("name"),
            Col::Text("gender"),
            Col::Text("ethnicity"),
            Col::Text("birth_date"),
            Col::Text("party"),
            Col::OptText("ft_education"),
            Col::OptText("pt_education"),
            Col::Text("profession"),
            Col::Text("rank"),
        ],
        |f| {
            ids.push(f.int()?);
            // The ID number as stored: it was checked on the way in, and the rules only
            // carry it.
            let row = CadreRow {
                id: r.texts.add(&f.text()?),
                name: r.texts.add(&f.text()?),
                gender: vocab("性别", Gender::parse(&f.text()?))?,
                ethnicity: r.texts.add(&f.text()?),
                birth: stored_date(&f.text()?)?,
                party: vocab("政治面貌", Party::parse(&f.text()?))?,
                ft_education: opt_vocab("全日制学历", f.opt()?.as_deref(), Education::parse)?,
                pt_education: opt_vocab("在职学历", f.opt()?.as_deref(), Education::parse)?,
                profession: r.texts.add(&f.text()?),
                rank: r.texts.add(&f.text()?),
            };
            r.cadres.push(row);
            Ok(())
        },
    )
    .await?;
    let cadres = Positions::new(&ids);
    // Portfolios keep their order among equal keys (`Facts::from_rows`): by row id.
    copy_rows(
        c,
        ("portfolios", "id", true),
        &[
            Col::Num("cadre_id"),
            Col::Num("post_id"),
            Col::Text("work"),
            Col::Text("start_date"),
            Col::OptText("end_date"),
        ],
        |f| {
            let row = PortfolioRow {
                cadre: cadres.cadre(f.int()?)?,
                post: posts.post(f.int()?)?,
                work: r.texts.add(&f.text()?),
                start: stored_date(&f.text()?)?,
                end: opt_date(f.opt()?.as_deref())?,
            };
            r.portfolios.push(row);
            Ok(())
        },
    )
    .await?;
    copy_rows(
        c,
        ("trainings", "id", false),
        &[
            Col::Num("cadre_id"),
            Col::Text("kind"),
            Col::Text("start_date"),
            Col::OptNum("hours"),
        ],
        |f| {
            let row = TrainingRow {
                cadre: cadres.cadre(f.int()?)?,
                kind: vocab("培训类别", TrainingKind::parse(&f.text()?))?,
                start: stored_date(&f.text()?)?,
                hours_tenths: banzi_domain::rules::hours_tenths(f.opt_real()?),
            };
            r.trainings.push(row);
            Ok(())
        },
    )
    .await?;
    Ok((r, cadres, posts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_read_back() {
        assert_eq!(
            unescape(br"a\tb\\c\nd\101\x42").unwrap(),
            "a\tb\\c\nd\u{41}B"
        );
        let mut f = Fields::new(b"1\t\\N\t\xe7\x8e\x8b\\\\x\t");
        assert_eq!(f.int().unwrap(), 1);
        assert_eq!(f.opt().unwrap(), None);
        assert_eq!(f.text().unwrap(), "王\\x");
        assert_eq!(f.text().unwrap(), "");
        assert!(f.text().is_err(), "no field left");
    }
}
