//! One page of a search by the query alone, from the search keys (issue 18, item 2), as each
//! backend reads it best. PostgreSQL counts and orders the distinct (cadre, pinyin) pairs
//! of the key range in SQL (`q/search.rs`, `page_of_keys_sql`). SQLite did the same through
//! two temporary b-trees per query, 3.5 ms of a search's 6 on a province; here it steps
//! through the range once on the handle sqlx lends out (as `rows_in` and `snapshot_sqlite`
//! do), and sorts the pairs itself: the same order, since SQLite compares text as bytes
//! (BINARY) and so does `str`.

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
    fn page_of_keys(
        &mut self,
        range: &KeyRange,
        limit: i64,
        offset: i64,
    ) -> impl Future<Output = Result<Page, DomainError>> + Send {
        crate::pg::search::page_of_keys_sql(self, range, limit, offset)
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
fn page(mut found: Vec<(String, i64)>, limit: i64, offset: i64) -> Page {
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

#[cfg(test)]
mod tests {
    use super::page;

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
}
