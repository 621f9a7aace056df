// 干部查询 — issue 18, item 2. Included once per backend. The keys a cadre is found by
// (banzi_domain::search_keys) are kept in `cadre_search` by every write of a cadre, in its
// transaction; a search reads one range of their order instead of scanning the registry.

use banzi_domain::search_keys::{KeyRange, cadre_keys};

/// The search of the cadre list, bound as `$1..$3` by [`args`]: the row ids of the cadres
/// with a key in `[$1, $2)` (an ID number only from six characters, `$3`, or whole).
pub fn found() -> String {
    format!("SELECT s.cadre_id FROM cadre_search s WHERE {IN_RANGE}")
}

/// The keys of `s` in the query's range, bound as [`args`] makes them.
pub const IN_RANGE: &str = "s.key >= $1 AND s.key < $2 AND (s.kind <> 'id' OR s.key = $1 OR $3 IS NOT NULL)";

/// The values of [`condition`]'s `$1..$3`.
pub fn args(range: Option<&KeyRange>) -> [Option<String>; 3] {
    match range {
        Some(r) => [Some(r.from.clone()), Some(r.to.clone()), r.id_numbers.then(|| "yes".to_string())],
        None => [None, None, None],
    }
}

const KEYS: TableInsert = TableInsert { head: "INSERT INTO cadre_search (key, cadre_id, kind, pinyin)", lookup: None };

/// A key's row: the cadre's stored pinyin with it, the order the list is in (migration 0021).
fn row((key, cadre_id, kind, pinyin): (String, i64, &'static str, String)) -> Vec<Val> {
    vec![key.into(), cadre_id.into(), kind.into(), pinyin.into()]
}

/// Writes the keys of the new cadre `cadre_id`.
pub async fn insert(
    c: &mut Conn,
    cadre_id: i64,
    name: &str,
    pinyin: &str,
    initials: &str,
    id_number: &str,
) -> Result<(), DomainError> {
    let rows: Vec<Vec<Val>> =
        cadre_keys(name, pinyin, initials, id_number)
            .into_iter()
            .map(|k| row((k.key, cadre_id, k.kind.as_str(), pinyin.to_string())))
            .collect();
    insert_rows(&mut *c, &KEYS, &rows).await?;
    Ok(())
}

/// Replaces the keys of cadre `cadre_id` by those of its new name: called before its row is
/// updated, it reads the stored name, pinyin and initials and drops exactly the keys they
/// made (all of them when the pinyin changed: every key carries it). (The table has no
/// index by cadre to find them: it would cost an import a second b-tree written in random
/// order, which doubled the time to write the keys.)
pub async fn rename(
    c: &mut Conn,
    cadre_id: i64,
    name: &str,
    pinyin: &str,
    initials: &str,
    id_number: &str,
) -> Result<(), DomainError> {
    let (old_name, old_pinyin, old_initials, old_id): (String, String, String, String) =
        sqlx::query_as("SELECT name, name_pinyin, name_initials, id_number FROM cadres WHERE id = $1")
            .bind(cadre_id)
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
    let old = cadre_keys(&old_name, &old_pinyin, &old_initials, &old_id);
    let new = cadre_keys(name, pinyin, initials, id_number);
    let kept = |k: &banzi_domain::search_keys::SearchKey, other: &[banzi_domain::search_keys::SearchKey]| {
        old_pinyin == pinyin && other.contains(k)
    };
    for k in old.iter().filter(|k| !kept(k, &new)) {
        sqlx::query("DELETE FROM cadre_search WHERE key = $1 AND cadre_id = $2")
            .bind(&k.key)
            .bind(cadre_id)
            .execute(&mut *c)
            .await
            .map_err(db)?;
    }
    let rows: Vec<Vec<Val>> = new
        .iter()
        .filter(|k| !kept(k, &old))
        .map(|k| row((k.key.clone(), cadre_id, k.kind.as_str(), pinyin.to_string())))
        .collect();
    insert_rows(&mut *c, &KEYS, &rows).await?;
    Ok(())
}

/// A search by the query alone (no other filter, every cadre in scope): the row ids of one
/// page, `limit` from `offset` in the list's order (pinyin, then row id), and how many cadres
/// the query finds, read from the keys alone. The keys carry the pinyin, so neither the
/// count nor the order reads a cadre row: "zw" finds 1,716 of a province's cadres, and
/// reading each of their rows to sort and count them made a search 9 ms of one core (the
/// rows spread over the registry's 43 MB, past SQLite's page cache). How each backend reads
/// them: `crate::keys_page`.
pub async fn page_of_keys(c: &mut Conn, range: &KeyRange, limit: i64, offset: i64) -> Result<(Vec<i64>, i64), DomainError> {
    crate::keys_page::KeysPage::page_of_keys(&mut *c, range, limit, offset).await
}

/// The (pinyin, row id) of every key in `range`, a cadre once per key it has there: what
/// PostgreSQL's [`page_of_keys`] is made of (SQLite reads them on its handle). They come as
/// one text, each pair `{row id} {bytes of the pinyin} {pinyin}`: a row for each pair cost
/// the program more to take apart (1,716 for "zw") than PostgreSQL sorting them had.
#[allow(dead_code)] // SQLite's are read by `crate::keys_page`
pub async fn pairs(c: &mut Conn, range: &KeyRange) -> Result<Vec<(String, i64)>, DomainError> {
    let [from, to, ids] = args(Some(range));
    let (text,): (Option<String>,) = sqlx::query_as(safe(format!(
        "SELECT string_agg(s.cadre_id || ' ' || octet_length(s.pinyin) || ' ' || s.pinyin, '') \
         FROM cadre_search s WHERE {IN_RANGE}"
    )))
    .bind(from)
    .bind(to)
    .bind(ids)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    crate::keys_page::parse_pairs(text.as_deref().unwrap_or_default())
}

/// The largest row id of a cadre (0 for none): what an import's new cadres come after.
pub async fn last_cadre(c: &mut Conn) -> Result<i64, DomainError> {
    let (n,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM cadres").fetch_one(&mut *c).await.map_err(db)?;
    Ok(n.unwrap_or(0))
}

/// One new cadre of an import: ID number, name, pinyin, initials.
pub type NewCadre<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Writes the keys of the cadres an import has just stored (row ids after `after`, found by
/// one range read rather than a lookup per key), in key order: a b-tree takes sorted keys
/// far faster than scattered ones.
pub async fn insert_new(c: &mut Conn, after: i64, new: &[NewCadre<'_>]) -> Result<(), DomainError> {
    if new.is_empty() {
        return Ok(());
    }
    let ids: Vec<(i64, String)> = sqlx::query_as("SELECT id, id_number FROM cadres WHERE id > $1")
        .bind(after)
        .fetch_all(&mut *c)
        .await
        .map_err(db)?;
    let ids: std::collections::HashMap<String, i64> = ids.into_iter().map(|(id, n)| (n, id)).collect();
    let mut keys = Vec::with_capacity(new.len() * 7);
    for (id_number, name, pinyin, initials) in new {
        let id = *ids
            .get(*id_number)
            .ok_or_else(|| DomainError::Internal(format!("the new cadre {id_number} was not stored")))?;
        keys.extend(cadre_keys(name, pinyin, initials, id_number).into_iter().map(|k| (k.key, id, k.kind.as_str(), pinyin.to_string())));
    }
    keys.sort_unstable();
    // Bound values made a slice at a time: a province has over a million keys.
    let mut keys = keys.into_iter().peekable();
    while keys.peek().is_some() {
        let rows: Vec<Vec<Val>> = keys.by_ref().take(10_000).map(row).collect();
        let got = insert_rows(&mut *c, &KEYS, &rows).await?;
        if got != rows.len() as u64 {
            return Err(DomainError::Internal(format!("search keys: {} to write, {got} written", rows.len())));
        }
    }
    Ok(())
}

/// The plan the database makes for one page of the cadre list under `f` (SQLite's `EXPLAIN
/// QUERY PLAN`, PostgreSQL's `EXPLAIN`), one line a step. On PostgreSQL, sequential scans are
/// priced out for the caller's transaction first: a test's few rows would be read whole, and
/// the plan is to show whether the key index can serve the search at all (it cannot if the
/// key's collation is not byte order).
pub async fn plan(c: &mut Conn, scope: &Scope, f: &CadreFilter) -> Result<Vec<String>, DomainError> {
    use sqlx::Row;
    let sqlite = <<Conn as sqlx::Connection>::Database as sqlx::Database>::NAME == "SQLite";
    let explain = if sqlite {
        "EXPLAIN QUERY PLAN"
    } else {
        sqlx::query("SET LOCAL enable_seqscan = off").execute(&mut *c).await.map_err(db)?;
        "EXPLAIN"
    };
    let filters = super::cadres::filters(scope, f);
    let mut q = sqlx::query(safe(format!("{explain} {}", super::cadres::page_sql(&filters))));
    for a in &filters.args {
        q = q.bind(a.as_deref());
    }
    let day = super::cadres::filter_args(scope, f).swap_remove(15);
    let rows = q.bind(day).bind(f.per_page).bind(0_i64).fetch_all(&mut *c).await.map_err(db)?;
    rows.iter().map(|r| r.try_get::<String, _>(r.len() - 1).map_err(db)).collect()
}
