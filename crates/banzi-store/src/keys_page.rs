//! One page of a search by the query alone, from the search keys (issue 18, item 2). Both
//! backends read the (pinyin, cadre) pairs of the key range once and the program sorts them
//! (the list's order: pinyin, then row id), drops repeats and counts them. In SQL, SQLite did
//! it through two temporary b-trees per query (3.5 ms of a search's 6 on a province), and
//! PostgreSQL's sort, distinct and window count took twice as long as reading the pairs. The
//! order is that of bytes: SQLite compares text as bytes (BINARY), PostgreSQL's pinyin
//! columns are `COLLATE "C"` (migration 0023), and so does `str`. SQLite steps through the
//! range on the handle sqlx lends out (as `rows_in` and `snapshot_sqlite` do).

use banzi_domain::DomainError;
use banzi_domain::search_keys::KeyRange;
use libsqlite3_sys as ffi;
use std::ffi::c_int;
use std::future::Future;

/// The row ids of one page and the count of cadres the range finds.
pub(crate) type Page = (Vec<i64>, i64);

pub(crate) trait KeysPage {
    fn page_of_keys(
        &mut self,
        range: &KeyRange,
        limit: i64,
        offset: i64,
    ) -> impl Future<Output = Result<Page, DomainError>> + Send;
}

impl KeysPage for sqlx::PgConnection {
    async fn page_of_keys(
        &mut self,
        range: &KeyRange,
        limit: i64,
        offset: i64,
    ) -> Result<Page, DomainError> {
        let found = crate::pg::search::pairs(self, range).await?;
        Ok(page(found, limit, offset))
    }
}

impl KeysPage for sqlx::SqliteConnection {
    async fn page_of_keys(
        &mut self,
        range: &KeyRange,
        limit: i64,
        offset: i64,
    ) -> Result<Page, DomainError> {
        let mut h = self.lock_handle().await.map_err(crate::db)?;
        let db = h.as_raw_handle().as_ptr();
        // SAFETY: while `h` lives, sqlx's worker makes no call on this connection.
        let found = unsafe { pairs(db, range) }?;
        drop(h);
        Ok(page(found, limit, offset))
    }
}

/// The (pinyin, row id) of every key in `range`, a cadre once per key it has there.
///
/// # Safety
/// `db` is a live connection nobody else uses during the call.
unsafe fn pairs(
    db: *mut ffi::sqlite3,
    range: &KeyRange,
) -> Result<Vec<(String, i64)>, DomainError> {
    // The backends' condition, numbered for SQLite's own binding.
    let sql = format!(
        "SELECT s.pinyin, s.cadre_id FROM cadre_search s WHERE {}",
        crate::sqlite::search::IN_RANGE.replace('$', "?")
    );
    // SAFETY: the caller's promise.
    let mut s = unsafe { crate::snapshot_sqlite::Stmt::prepare(db, &sql)? };
    let [from, to, ids] = crate::sqlite::search::args(Some(range));
    for (i, v) in [from, to, ids].into_iter().enumerate() {
        s.bind_text(i as c_int + 1, v.as_deref())?;
    }
    let mut out = Vec::new();
    while s.next()? {
        out.push((s.text(0)?.to_string(), s.int(1)));
    }
    Ok(out)
}

/// The page of `found` in the list's order (pinyin, then row id), each cadre once, and how
/// many cadres there are.
pub(crate) fn page(mut found: Vec<(String, i64)>, limit: i64, offset: i64) -> Page {
    // A cadre's keys all carry its pinyin: its pairs are equal and fall together.
    found.sort_unstable();
    found.dedup();
    let n = found.len() as i64;
    let from = usize::try_from(offset.max(0)).unwrap_or(usize::MAX);
    let take = usize::try_from(limit.max(0)).unwrap_or(0);
    let ids = found
        .iter()
        .skip(from)
        .take(take)
        .map(|(_, id)| *id)
        .collect();
    (ids, n)
}

/// The pairs of PostgreSQL's text of them (`q/search.rs`, `pairs`): `{row id} {bytes of
/// the pinyin} {pinyin}`, one after another.
pub(crate) fn parse_pairs(mut text: &str) -> Result<Vec<(String, i64)>, DomainError> {
    let bad = || DomainError::Internal("the search keys' pairs are malformed".to_string());
    let mut out = Vec::new();
    while !text.is_empty() {
        let (id, rest) = text.split_once(' ').ok_or_else(bad)?;
        let (len, rest) = rest.split_once(' ').ok_or_else(bad)?;
        let len: usize = len.parse().map_err(|_| bad())?;
        let pinyin = rest.get(..len).ok_or_else(bad)?;
        out.push((pinyin.to_string(), id.parse().map_err(|_| bad())?));
        text = &rest[len..];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{page, parse_pairs};

    #[test]
    fn a_page_counts_each_cadre_once_in_pinyin_order() {
        let found = vec![
            ("zhang wei".to_string(), 7),
            ("zhao wen".to_string(), 3),
            ("zhang wei".to_string(), 7),
            ("zhang wei".to_string(), 2),
            ("zhou wu".to_string(), 1),
        ];
        assert_eq!(page(found.clone(), 2, 0), (vec![2, 7], 4));
        assert_eq!(page(found.clone(), 2, 2), (vec![3, 1], 4));
        assert_eq!(page(found, 2, 4), (vec![], 4));
    }

    #[test]
    fn the_pairs_text_gives_each_pinyin_whole() {
        // Spaces, digits and characters of more than one byte in a pinyin; none at all.
        let text = "7 9 zhang wei12 6 a 1 b33 7 ài mǎ";
        assert_eq!(
            parse_pairs(text).expect("pairs"),
            vec![
                ("zhang wei".to_string(), 7),
                ("a 1 b3".to_string(), 12),
                ("ài mǎ".to_string(), 3),
            ]
        );
        assert_eq!(parse_pairs("").expect("none"), vec![]);
        assert!(parse_pairs("7 20 zhang").is_err());
        assert!(parse_pairs("7 x zhang").is_err());
        assert!(parse_pairs("7 2 ài").is_err(), "a cut inside a character");
    }
}
