// The dossier's reads (issue 15, items 2 and 10) — included once per backend.

/// Every appointment held on `day` (start ≤ day < end), by post: the post picker's holders
/// and the R-STRUCT-4 check of a 任职. (post code, appointment id, cadre name, 任职方式).
/// Who holds the posts of `posts` (row ids; every post when None) on `day`.
pub async fn holders_on(
    c: &mut Conn,
    day: &str,
    posts: Option<&[i64]>,
) -> Result<Vec<(String, i64, String, Option<String>)>, DomainError> {
    // Row ids are integers read from the database: written into the text, nothing to escape.
    let only = match posts {
        None => String::new(),
        Some([]) => return Ok(Vec::new()),
        Some(ids) => format!(" AND a.post_id IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")),
    };
    sqlx::query_as(safe(format!(
        "SELECT p.code, a.id, c.name, a.manner FROM appointments a JOIN cadres c ON c.id = a.cadre_id \
         JOIN posts p ON p.id = a.post_id WHERE a.start_date <= $1 AND (a.end_date IS NULL OR a.end_date > $1){only} \
         ORDER BY p.code, a.start_date, a.id"
    )))
    .bind(day).fetch_all(&mut *c).await.map_err(db)
}
