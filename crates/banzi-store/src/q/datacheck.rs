// 信息校核 (issue 16, item 5): the facts of every cadre in the caller's scope, one query per
// table. Included once per backend. A liaison's scope (`$1`, its unit code, NULL for all) is
// the cadres who hold a post in its unit on day `$2`, as in the cadre list (R-SEC-1). (The
// whole registry on SQLite is read by `datacheck_sqlite`, faster.)

/// `{col}`, a cadre's row id, is in the scope of `$1` on `$2`. The column is named
/// unqualified: only the query's own table is outside the subquery.
const IN_SCOPE: &str = "($1 IS NULL OR {col} IN (SELECT a.cadre_id FROM appointments a \
     JOIN posts p ON p.id = a.post_id JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id \
     WHERE un.code = $1 AND a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date > $2)))";

fn in_scope(col: &str) -> String {
    IN_SCOPE.replace("{col}", col)
}

/// The cadres in scope.
pub async fn cadres(c: &mut Conn, scope: Option<&str>, day: &str) -> Result<Vec<CadreRow>, DomainError> {
    let sql = format!("{} WHERE {} ORDER BY c.id", super::cadres::CADRE_COLS, in_scope("id"));
    sqlx::query_as(safe(sql)).bind(scope).bind(day).fetch_all(&mut *c).await.map_err(db)
}

/// Their 简历 lines: (cadre row id, start, end, text), in the order they were written.
pub async fn resume(c: &mut Conn, scope: Option<&str>, day: &str) -> Result<Vec<(i64, String, Option<String>, String)>, DomainError> {
    let sql = format!("SELECT cadre_id, start_ym, end_ym, text FROM resume_lines WHERE {} ORDER BY id", in_scope("cadre_id"));
    sqlx::query_as(safe(sql)).bind(scope).bind(day).fetch_all(&mut *c).await.map_err(db)
}

/// Every post: (row id, title, unit code, unit name). Not personal; all of them.
pub async fn posts(c: &mut Conn) -> Result<Vec<(i64, String, String, String)>, DomainError> {
    sqlx::query_as("SELECT p.id, p.title, un.code, un.name FROM posts p JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id")
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// Their appointments: (cadre row id, post row id, start, end).
pub async fn appointments(c: &mut Conn, scope: Option<&str>, day: &str) -> Result<Vec<(i64, i64, String, Option<String>)>, DomainError> {
    let sql = format!("SELECT cadre_id, post_id, start_date, end_date FROM appointments WHERE {} ORDER BY id", in_scope("cadre_id"));
    sqlx::query_as(safe(sql)).bind(scope).bind(day).fetch_all(&mut *c).await.map_err(db)
}

/// The row ids of those with a photo.
pub async fn photos(c: &mut Conn, scope: Option<&str>, day: &str) -> Result<Vec<i64>, DomainError> {
    let sql = format!("SELECT cadre_id FROM cadre_photos WHERE {}", in_scope("cadre_id"));
    let rows: Vec<(i64,)> = sqlx::query_as(safe(sql)).bind(scope).bind(day).fetch_all(&mut *c).await.map_err(db)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}
