// 单位, 班子 and 职位 — M1. Included once per backend.

pub const UNIT_COLS: &str = "SELECT u.id, u.code, u.name, p.code AS parent_code, u.category, u.platform, u.system, \
     u.non_cpc_required FROM units u LEFT JOIN units p ON p.id = u.parent_id";

/// The units the scope allows, in tree order of insertion.
pub async fn list(c: &mut Conn, scope: &Scope) -> Result<Vec<UnitRow>, DomainError> {
    sqlx::query_as(safe(format!("{UNIT_COLS} WHERE ($1 IS NULL OR u.code = $1) ORDER BY u.sort_order, u.id")))
        .bind(scope.unit())
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

pub async fn get(c: &mut Conn, scope: &Scope, code: &str) -> Result<UnitRow, DomainError> {
    sqlx::query_as(safe(format!("{UNIT_COLS} WHERE u.code = $1 AND ($2 IS NULL OR u.code = $2)")))
        .bind(code)
        .bind(scope.unit())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
        .ok_or_else(|| DomainError::NotFound(message!("store-unit", code = code.to_string())))
}

pub async fn id_by_code(c: &mut Conn, code: &str) -> Result<Option<i64>, DomainError> {
    let r: Option<(i64,)> = sqlx::query_as("SELECT id FROM units WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    Ok(r.map(|x| x.0))
}

pub fn unit_json(u: &UnitRow) -> serde_json::Value {
    serde_json::json!({
        "code": u.code, "name": u.name, "parent": u.parent_code, "category": u.category,
        "platform": u.platform, "system": u.system, "non_cpc_required": u.non_cpc_required,
    })
}

/// Creates or updates a unit by code; writes and audits only when something changed.
/// Returns whether it wrote.
pub async fn upsert(c: &mut Conn, actor: &Actor, u: &Unit, now: &str) -> Result<bool, DomainError> {
    let parent_id = match &u.parent_code {
        Some(p) => Some(
            id_by_code(&mut *c, p)
                .await?
                .ok_or_else(|| DomainError::invalid("上级单位编码", message!("reg-parent-missing", code = p)))?,
        ),
        None => None,
    };
    let before: Option<UnitRow> = sqlx::query_as(safe(format!("{UNIT_COLS} WHERE u.code = $1")))
        .bind(&u.code)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    let new = UnitRow {
        id: before.as_ref().map(|b| b.id).unwrap_or(0),
        code: u.code.clone(),
        name: u.name.clone(),
        parent_code: u.parent_code.clone(),
        category: u.category.clone(),
        platform: u.platform.clone(),
        system: u.system.label().to_string(),
        non_cpc_required: u.non_cpc_required,
    };
    let after = unit_json(&new);
    match &before {
        Some(b) if unit_json(b) == after => return Ok(false),
        Some(b) => {
            // A parent may not be the unit itself or one of its descendants.
            if let Some(pid) = parent_id {
                let mut at = Some(pid);
                while let Some(id) = at {
                    if id == b.id {
                        return Err(DomainError::invalid("上级单位编码", Msg::new("store-parent-in-subtree")));
                    }
                    let r: Option<(Option<i64>,)> = sqlx::query_as("SELECT parent_id FROM units WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&mut *c)
                        .await
                        .map_err(db)?;
                    at = r.and_then(|x| x.0);
                }
            }
            sqlx::query(
                "UPDATE units SET name = $1, parent_id = $2, category = $3, platform = $4, system = $5, \
                 non_cpc_required = $6 WHERE id = $7",
            )
            .bind(&u.name)
            .bind(parent_id)
            .bind(&u.category)
            .bind(&u.platform)
            .bind(u.system.label())
            .bind(u.non_cpc_required)
            .bind(b.id)
            .execute(&mut *c)
            .await
            .map_err(db)?;
            if b.name != u.name {
                forget_keys(&mut *c, b.id).await?;
                write_keys(&mut *c, vec![(b.id, u.name.clone(), u.code.clone())]).await?;
            }
            super::audit::append(&mut *c, draft(actor, now, "unit.update", "unit", &u.code, Some(unit_json(b)), Some(after))).await?;
        }
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO units (code, name, parent_id, category, platform, system, non_cpc_required) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(&u.code)
            .bind(&u.name)
            .bind(parent_id)
            .bind(&u.category)
            .bind(&u.platform)
            .bind(u.system.label())
            .bind(u.non_cpc_required)
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
            sqlx::query("UPDATE units SET sort_order = $1 WHERE id = $1")
                .bind(id)
                .execute(&mut *c)
                .await
                .map_err(db)?;
            write_keys(&mut *c, vec![(id, u.name.clone(), u.code.clone())]).await?;
            super::audit::append(&mut *c, draft(actor, now, "unit.create", "unit", &u.code, None, Some(after))).await?;
        }
    }
    Ok(true)
}

pub const POST_COLS: &str = "SELECT p.id, p.code, u.code AS unit_code, u.name AS unit_name, t.id AS team_id, \
     t.name AS team, p.title, p.kind, p.seats, p.level FROM posts p JOIN teams t ON t.id = p.team_id JOIN units u ON u.id = t.unit_id";

pub async fn posts_of_unit(c: &mut Conn, scope: &Scope, unit_code: &str) -> Result<Vec<PostRow>, DomainError> {
    sqlx::query_as(safe(format!(
        "{POST_COLS} WHERE u.code = $1 AND ($2 IS NULL OR u.code = $2) ORDER BY t.name, p.sort_order, p.id"
    )))
    .bind(unit_code)
    .bind(scope.unit())
    .fetch_all(&mut *c)
    .await
    .map_err(db)
}

pub async fn all_posts(c: &mut Conn, scope: &Scope) -> Result<Vec<PostRow>, DomainError> {
    sqlx::query_as(safe(format!("{POST_COLS} WHERE ($1 IS NULL OR u.code = $1) ORDER BY u.sort_order, u.id, t.name, p.sort_order, p.id")))
        .bind(scope.unit())
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

pub async fn post(c: &mut Conn, scope: &Scope, code: &str) -> Result<PostRow, DomainError> {
    sqlx::query_as(safe(format!("{POST_COLS} WHERE p.code = $1 AND ($2 IS NULL OR u.code = $2)")))
        .bind(code)
        .bind(scope.unit())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
        .ok_or_else(|| DomainError::NotFound(message!("store-post", code = code.to_string())))
}

pub fn post_json(p: &PostRow) -> serde_json::Value {
    serde_json::json!({"code": p.code, "unit": p.unit_code, "team": p.team, "title": p.title, "kind": p.kind, "seats": p.seats, "level": p.level})
}

pub async fn team_id(c: &mut Conn, unit_id: i64, name: &str) -> Result<i64, DomainError> {
    let r: Option<(i64,)> = sqlx::query_as("SELECT id FROM teams WHERE unit_id = $1 AND name = $2")
        .bind(unit_id)
        .bind(name)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    if let Some((id,)) = r {
        return Ok(id);
    }
    let (id,): (i64,) = sqlx::query_as("INSERT INTO teams (unit_id, name) VALUES ($1, $2) RETURNING id")
        .bind(unit_id)
        .bind(name)
        .fetch_one(&mut *c)
        .await
        .map_err(db)?;
    Ok(id)
}

/// Creates or updates a post by code (its team is made on first use).
pub async fn upsert_post(c: &mut Conn, actor: &Actor, p: &Post, now: &str) -> Result<bool, DomainError> {
    let unit_id = id_by_code(&mut *c, &p.unit_code)
        .await?
        .ok_or_else(|| DomainError::invalid("单位编码", message!("reg-unit-missing", code = &p.unit_code)))?;
    let before: Option<PostRow> = sqlx::query_as(safe(format!("{POST_COLS} WHERE p.code = $1")))
        .bind(&p.code)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    let new = PostRow {
        id: 0,
        code: p.code.clone(),
        unit_code: p.unit_code.clone(),
        unit_name: String::new(),
        team_id: 0,
        team: p.team.clone(),
        title: p.title.clone(),
        kind: p.kind.label().to_string(),
        seats: p.seats,
        level: p.level.map(|l| l.label().to_string()),
    };
    let after = post_json(&new);
    if let Some(b) = &before
        && post_json(b) == after
    {
        return Ok(false);
    }
    let tid = team_id(&mut *c, unit_id, &p.team).await?;
    match &before {
        Some(b) => {
            sqlx::query("UPDATE posts SET team_id = $1, title = $2, kind = $3, seats = $4, level = $5 WHERE id = $6")
                .bind(tid)
                .bind(&p.title)
                .bind(p.kind.label())
                .bind(p.seats)
                .bind(p.level.map(|l| l.label()))
                .bind(b.id)
                .execute(&mut *c)
                .await
                .map_err(db)?;
            super::audit::append(&mut *c, draft(actor, now, "post.update", "post", &p.code, Some(post_json(b)), Some(after))).await?;
        }
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO posts (code, team_id, title, kind, seats, level) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(&p.code)
            .bind(tid)
            .bind(&p.title)
            .bind(p.kind.label())
            .bind(p.seats)
            .bind(p.level.map(|l| l.label()))
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
            sqlx::query("UPDATE posts SET sort_order = $1 WHERE id = $1")
                .bind(id)
                .execute(&mut *c)
                .await
                .map_err(db)?;
            super::audit::append(&mut *c, draft(actor, now, "post.create", "post", &p.code, None, Some(after))).await?;
        }
    }
    Ok(true)
}

/// The rows of [`UnitNode`] for the units `ids` selects (a query of one column `id`), each
/// with its parent `p`. Children are counted in one grouped read of those units' children,
/// not a count per row: PostgreSQL, finding nearly all of a province's units under one
/// parent, priced the per-row count as a scan of every unit and ran it for each row (200 ms
/// a tree node of 100 units, and as long for a search's list).
fn nodes_sql(ids: &str) -> String {
    let in_page = in_set("SELECT id FROM page");
    format!(
        "WITH page AS ({ids}), \
         kids AS (SELECT k.parent_id, COUNT(*) AS n FROM units k WHERE k.parent_id {in_page} GROUP BY k.parent_id) \
         SELECT u.id, u.code, u.name, p.code AS parent_code, u.category, u.platform, u.system, \
         u.non_cpc_required, p.name AS parent_name, COALESCE(kids.n, 0) AS children, \
         (SELECT CAST(COALESCE(SUM(ps.seats), 0) AS BIGINT) FROM posts ps JOIN teams t ON t.id = ps.team_id \
          WHERE t.unit_id = u.id) AS seats \
         FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN kids ON kids.parent_id = u.id \
         WHERE u.id IN (SELECT id FROM page)"
    )
}

/// One level of the unit tree (issue 18, item 1): the units directly under `parent` (the
/// roots without one), `limit` of them in the registry's order, after the unit `after` (from
/// the first without one), and, when `count`, how many there are from that part on. A liaison's
/// tree is its unit alone, as a root. A part is found from the unit before it in the
/// level's index, not by counting past an offset: the province's root has 40,000 units
/// under it, and a part deep in it counted 20,000 on average (0.5 ms), and counting the
/// level again for each part was 1.1 ms more (issue 18).
pub async fn children(
    c: &mut Conn,
    scope: &Scope,
    parent: Option<&str>,
    after: Option<&str>,
    limit: i64,
    count: bool,
) -> Result<(Vec<UnitNode>, Option<i64>), DomainError> {
    let level = match parent {
        None => "$2 IS NULL AND (($1 IS NULL AND u.parent_id IS NULL) OR u.code = $1)",
        Some(_) => "u.parent_id = (SELECT id FROM units WHERE code = $2) AND ($1 IS NULL OR u.code = $1)",
    };
    // Two texts rather than `$n IS NULL OR …`, which keeps SQLite from seeking the index.
    let from = |n: u8| match after {
        None => format!("${n} IS NULL"),
        Some(_) => format!("(u.sort_order, u.id) > (SELECT a.sort_order, a.id FROM units a WHERE a.code = ${n})"),
    };
    // The page's ids first, then their columns.
    let page = format!("SELECT u.id FROM units u WHERE {level} AND {} ORDER BY u.sort_order, u.id LIMIT $3", from(4));
    let rows = sqlx::query_as(safe(format!("{} ORDER BY u.sort_order, u.id", nodes_sql(&page))))
        .bind(scope.unit())
        .bind(parent)
        .bind(limit)
        .bind(after)
        .fetch_all(&mut *c)
        .await
        .map_err(db)?;
    if !count {
        return Ok((rows, None));
    }
    // How many from this part on.
    let (n,): (i64,) = sqlx::query_as(safe(format!(
        "SELECT COUNT(*) FROM units u WHERE {level} AND {}",
        from(3)
    )))
    .bind(scope.unit())
    .bind(parent)
    .bind(after)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    Ok((rows, Some(n)))
}

/// The units whose keys start with `q` (any part of the name, its pinyin or initials, the
/// start of the code; see `banzi_domain::registry::search`), best first: the shorter key
/// (the closer match) first. At most `limit`, and whether there were more.
pub async fn search(c: &mut Conn, scope: &Scope, q: &str, limit: usize) -> Result<(Vec<UnitNode>, bool), DomainError> {
    let (from, to) = banzi_domain::registry::search::prefix_range(q);
    // Keys come in key order from the index; reading stops after enough distinct units.
    let read = (limit as i64 + 1) * 8;
    let keys: Vec<(i64,)> = sqlx::query_as(
        "SELECT s.unit_id FROM unit_search s JOIN units u ON u.id = s.unit_id \
         WHERE s.key >= $1 AND s.key < $2 AND ($3 IS NULL OR u.code = $3) ORDER BY s.key, s.unit_id LIMIT $4",
    )
    .bind(&from)
    .bind(&to)
    .bind(scope.unit())
    .bind(read)
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let mut ids: Vec<i64> = Vec::new();
    for (id,) in keys {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let more = ids.len() > limit;
    ids.truncate(limit);
    if ids.is_empty() {
        return Ok((Vec::new(), false));
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let mut rows: Vec<UnitNode> = sqlx::query_as(safe(nodes_sql(&format!("SELECT u.id FROM units u WHERE u.id IN ({list})"))))
        .fetch_all(&mut *c)
        .await
        .map_err(db)?;
    rows.sort_by_key(|r| ids.iter().position(|i| *i == r.unit.id));
    Ok((rows, more))
}

/// The posts `q` finds, in the registry's order, at most `limit` and whether there were more:
/// its first word names the unit (any part of the name, its pinyin, the start of the unit's
/// code), starts the post's code, or is in the title; every further word is in the title
/// (`财政 局长`). A blank `q` lists the first posts.
pub async fn search_posts(c: &mut Conn, scope: &Scope, q: &str, limit: i64) -> Result<(Vec<PostRow>, bool), DomainError> {
    let words: Vec<&str> = q.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let key = banzi_domain::registry::search::search_text(first).unwrap_or_default();
    let (from, to) = banzi_domain::registry::search::prefix_range(&key);
    let (code_from, code_to) = banzi_domain::registry::search::prefix_range(first);
    let upper = first.to_uppercase();
    let (upper_from, upper_to) = banzi_domain::registry::search::prefix_range(&upper);
    let like = |w: &str| format!("%{}%", w.replace(['%', '_', '\\'], ""));
    let rest: String = words.iter().skip(1).map(|w| like(w)).collect::<Vec<_>>().join("");
    let mut rows: Vec<PostRow> = sqlx::query_as(safe(format!(
        "{POST_COLS} WHERE ($1 IS NULL OR u.code = $1) AND ($2 = '' OR t.unit_id IN \
         (SELECT s.unit_id FROM unit_search s WHERE s.key >= $3 AND s.key < $4) \
         OR (p.code >= $5 AND p.code < $6) OR (p.code >= $7 AND p.code < $8) OR p.title LIKE $9) \
         AND ($10 = '' OR p.title LIKE $10) \
         ORDER BY u.sort_order, u.id, t.name, p.sort_order, p.id LIMIT $11"
    )))
    .bind(scope.unit())
    .bind(&key)
    .bind(&from)
    .bind(&to)
    .bind(&code_from)
    .bind(&code_to)
    .bind(&upper_from)
    .bind(&upper_to)
    .bind(like(first))
    .bind(&rest)
    .bind(limit + 1)
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// Whether a unit has no search keys yet.
pub async fn unindexed(c: &mut Conn) -> Result<bool, DomainError> {
    let r: Option<(i64,)> = sqlx::query_as(
        "SELECT u.id FROM units u WHERE NOT EXISTS (SELECT 1 FROM unit_search s WHERE s.unit_id = u.id) LIMIT 1",
    )
    .fetch_optional(&mut *c)
    .await
    .map_err(db)?;
    Ok(r.is_some())
}

/// Writes the search keys of every unit that has none (new units, renamed ones whose keys
/// were dropped, and those stored before the index existed), in the caller's transaction.
pub async fn index_units(c: &mut Conn) -> Result<(), DomainError> {
    let todo: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT u.id, u.name, u.code FROM units u WHERE NOT EXISTS (SELECT 1 FROM unit_search s WHERE s.unit_id = u.id)",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    write_keys(c, todo).await
}

/// Writes the keys of units given as (id, name, code).
async fn write_keys(c: &mut Conn, todo: Vec<(i64, String, String)>) -> Result<(), DomainError> {
    let rows: Vec<(String, i64)> = todo
        .into_iter()
        .flat_map(|(id, name, code)| {
            banzi_domain::registry::search::unit_keys(&name, &code)
                .into_iter()
                .map(move |k| (k, id))
        })
        .collect();
    // 2 values a row, well under either backend's limit of bound values.
    for chunk in rows.chunks(5000) {
        let values = (0..chunk.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect::<Vec<_>>()
            .join(",");
        let mut q = sqlx::query(safe(format!("INSERT INTO unit_search (key, unit_id) VALUES {values}")));
        for (k, id) in chunk {
            q = q.bind(k).bind(id);
        }
        q.execute(&mut *c).await.map_err(db)?;
    }
    Ok(())
}

/// Drops the keys of a unit whose name or code changed; [`index_units`] writes them again.
async fn forget_keys(c: &mut Conn, id: i64) -> Result<(), DomainError> {
    sqlx::query("DELETE FROM unit_search WHERE unit_id = $1")
        .bind(id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}
