// 干部 — M1. Included once per backend. A liaison's scope is the cadres who hold a post in
// its unit on the given day; the condition is part of every query (R-SEC-1).

pub const CADRE_COLS: &str = "SELECT c.id, c.id_number, c.name, c.name_pinyin, c.gender, c.ethnicity, c.birth_date, \
     c.native_place, c.party, c.party_joined, c.work_started, c.ft_education, c.ft_degree, c.ft_school, \
     c.pt_education, c.pt_degree, c.pt_school, c.profession, c.rank FROM cadres c";

/// `c` holds a post in unit `$u` on day `$d`.
const IN_UNIT: &str = "EXISTS (SELECT 1 FROM appointments a JOIN posts p ON p.id = a.post_id \
     JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id \
     WHERE a.cadre_id = c.id AND un.code = {u} AND a.start_date <= {d} AND (a.end_date IS NULL OR a.end_date > {d}))";

fn in_unit(u: &str, d: &str) -> String {
    IN_UNIT.replace("{u}", u).replace("{d}", d)
}

pub async fn get_row(c: &mut Conn, scope: &Scope, id_number: &str, today: &str) -> Result<CadreRow, DomainError> {
    // A statement for each scope: `$2 IS NULL OR …` was planned again at each read.
    let q = match scope.unit() {
        Some(u) => sqlx::query_as(safe(format!("{CADRE_COLS} WHERE c.id_number = $1 AND {}", in_unit("$2", "$3"))))
            .bind(id_number)
            .bind(u)
            .bind(today),
        None => sqlx::query_as(safe(format!("{CADRE_COLS} WHERE c.id_number = $1"))).bind(id_number),
    };
    q.fetch_optional(&mut *c)
        .await
        .map_err(db)?
        .ok_or_else(|| DomainError::NotFound(message!("store-cadre", id_number = id_number.to_string())))
}

/// The cadre with row id `r` (the opaque id of its address), if the scope lets it be read
/// (R-SEC-1: a liaison, only one holding a post in its unit on `today`).
pub async fn get_row_at(c: &mut Conn, scope: &Scope, r: i64, today: &str) -> Result<CadreRow, DomainError> {
    let q = match scope.unit() {
        Some(u) => sqlx::query_as(safe(format!("{CADRE_COLS} WHERE c.id = $1 AND {}", in_unit("$2", "$3"))))
            .bind(r)
            .bind(u)
            .bind(today),
        None => sqlx::query_as(safe(format!("{CADRE_COLS} WHERE c.id = $1"))).bind(r),
    };
    q.fetch_optional(&mut *c).await.map_err(db)?.ok_or_else(|| DomainError::NotFound(Msg::new("store-cadre-missing")))
}

/// The ID number of the cadre with row id `r` (the opaque id of its address).
pub async fn id_number_of(c: &mut Conn, r: i64) -> Result<Option<String>, DomainError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT id_number FROM cadres WHERE id = $1")
        .bind(r)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    Ok(row.map(|x| x.0))
}

/// The row ids of these ID numbers (those that exist). The numbers are one bound JSON
/// array: a list of placeholders was a new statement for each count (an alert page's
/// hundred took PostgreSQL 1.6 ms, planning it).
pub async fn refs(c: &mut Conn, id_numbers: &[String]) -> Result<Vec<(String, i64)>, DomainError> {
    if id_numbers.is_empty() {
        return Ok(Vec::new());
    }
    let json = serde_json::to_string(id_numbers).map_err(|e| DomainError::Internal(e.to_string()))?;
    sqlx::query_as(safe(format!("SELECT id_number, id FROM cadres WHERE id_number IN ({TEXTS_OF_JSON_1})")))
        .bind(json)
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

pub async fn id_of(c: &mut Conn, id_number: &str) -> Result<Option<i64>, DomainError> {
    let r: Option<(i64,)> = sqlx::query_as("SELECT id FROM cadres WHERE id_number = $1")
        .bind(id_number)
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    Ok(r.map(|x| x.0))
}

#[allow(dead_code)] // the SQLite instance reads through `snapshot_sqlite`
pub async fn all_rows(c: &mut Conn) -> Result<Vec<CadreRow>, DomainError> {
    sqlx::query_as(safe(format!("{CADRE_COLS} ORDER BY c.id")))
        .fetch_all(&mut *c)
        .await
        .map_err(db)
}

/// The filters of the cadre list after the search, each with the place of its value in
/// [`filter_args`] (`$n` in its text): a filter is in the SQL only when its value is given.
/// `{blank}` is [`crate::BLANK`], `{top}` the 最高学历 of `c`. The liaison's scope and the
/// unit filter are the holders of their unit, [`holders_of`]; the search, the keys
/// [`super::search::found`] finds.
const FILTERS: [(usize, &str); 11] = [
    (4, "c.gender = $4"),
    (5, "c.birth_date > $5"),
    (6, "c.birth_date <= $6"),
    (7, "(c.party = $7 OR ($7 = '党外' AND c.party NOT IN ('中共党员', '中共预备党员')))"),
    (
        8,
        "(c.ft_education = $8 OR c.pt_education = $8 \
         OR ($8 = '{blank}' AND COALESCE(c.ft_education, '') = '' AND COALESCE(c.pt_education, '') = ''))",
    ),
    (9, "c.rank = $9"),
    (10, "(c.ethnicity = $10 OR ($10 = '{blank}' AND COALESCE(c.ethnicity, '') = ''))"),
    (11, "(c.profession = $11 OR ($11 = '{blank}' AND COALESCE(c.profession, '') = ''))"),
    (
        15,
        "EXISTS (SELECT 1 FROM appointments a WHERE a.cadre_id = c.id \
         AND a.start_date <= $15 AND (a.end_date IS NULL OR a.end_date > $15))",
    ),
    (17, "(c.ft_education = $17 OR ($17 = '{blank}' AND COALESCE(c.ft_education, '') = ''))"),
    (18, "COALESCE({top}, '{blank}') = $18"),
];

/// 最高学历 of `c` (R-STRUCT-1: the higher of 全日制 and 在职), from the labels, highest first.
fn top_education() -> String {
    let whens: String = banzi_domain::codes::Education::ALL
        .iter()
        .map(|e| format!("WHEN c.ft_education = '{0}' OR c.pt_education = '{0}' THEN '{0}' ", e.label()))
        .collect();
    format!("(CASE {whens}END)")
}

/// The cadre list's filters over `c`: `sql` (`WHERE …`, or nothing) and the values of its
/// placeholders `$1..`, each of them read.
#[derive(Debug, Clone)]
pub struct Filters {
    pub sql: String,
    pub args: Vec<Option<String>>,
    /// The cadres are those of a unit or a search: a set read first, into an array on
    /// PostgreSQL, whatever the values.
    pub bounded: bool,
}

impl Filters {
    /// The placeholder of value `n` of [`filter_args`] (1-based), numbered in the order of
    /// first use.
    fn place(&mut self, all: &[Option<String>], used: &mut [usize; 18], n: usize) -> String {
        if used[n - 1] == 0 {
            self.args.push(all[n - 1].clone());
            used[n - 1] = self.args.len();
        }
        format!("${}", used[n - 1])
    }
}

/// The filters of the cadre list: the cadre list, its export and the 名册 (issue 16, item 4)
/// filter alike. A search reads the keys kept with the registry (issue 18, item 2), and only
/// then the cadres it found. A unit (the liaison's scope, the unit filter) is read the same
/// way: its holders from its posts first, then their rows; asked of each cadre in the list's
/// order, a liaison's list read the whole registry (4 s on a province).
///
/// Only the filters given are in the text, so each set of filters is a statement of its
/// own: with every filter written as `($n IS NULL OR …)`, PostgreSQL planned the whole
/// statement again at each search (a liaison's search took it 4 ms to plan, 1 to run;
/// issue 18). Only the values read are bound: PostgreSQL refuses more values than the
/// statement it prepared for the same text reads.
pub fn filters(scope: &Scope, f: &CadreFilter) -> Filters {
    let all = filter_args(scope, f);
    let mut out = Filters { sql: String::new(), args: Vec::new(), bounded: false };
    let mut used = [0usize; 18];
    let mut conditions = Vec::new();
    // The search's values first: they are then `$1..$3`, as `search::found` writes them.
    let search = search_range(f).map(|_| [1, 2, 3].map(|n| out.place(&all, &mut used, n)));
    if all[11].is_some() {
        let (u, d) = (out.place(&all, &mut used, 12), out.place(&all, &mut used, 14));
        conditions.push(format!("c.id {}", in_set(&holders_of(&u, &d))));
    }
    if all[12].is_some() {
        let (u, d) = (out.place(&all, &mut used, 13), out.place(&all, &mut used, 16));
        conditions.push(format!("c.id {}", in_set(&holders_of(&u, &d))));
    }
    if let Some(places) = search {
        debug_assert_eq!(places, ["$1", "$2", "$3"]);
        conditions.push(format!("c.id {}", in_set(&super::search::found())));
    }
    out.bounded = !conditions.is_empty();
    let top = top_education();
    for (n, sql) in FILTERS.iter().filter(|(n, _)| all[n - 1].is_some()) {
        let p = out.place(&all, &mut used, *n);
        conditions.push(
            sql.replace(&format!("${n}"), &p)
                .replace("{blank}", crate::BLANK)
                .replace("{top}", &top),
        );
    }
    if !conditions.is_empty() {
        out.sql = format!("WHERE {}", conditions.join(" AND "));
    }
    out
}

/// The row ids of the cadres holding a post of unit `u` on day `d`.
fn holders_of(u: &str, d: &str) -> String {
    format!(
        "SELECT a.cadre_id FROM appointments a JOIN posts p ON p.id = a.post_id \
         JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id \
         WHERE un.code = {u} AND a.start_date <= {d} AND (a.end_date IS NULL OR a.end_date > {d})"
    )
}

fn search_range(f: &CadreFilter) -> Option<banzi_domain::search_keys::KeyRange> {
    f.q.as_deref().and_then(banzi_domain::search_keys::key_range)
}

/// The values the filters of [`filters`] are made of, in order (`$1..$18` of [`FILTERS`]).
pub fn filter_args(scope: &Scope, f: &CadreFilter) -> Vec<Option<String>> {
    let [from, to, id_numbers] = super::search::args(search_range(f).as_ref());
    let given = |s: &Option<String>| s.clone().filter(|s| !s.is_empty());
    // Exact text, as the registry stores it (trimmed on parse).
    let exact = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let in_post = exact(&f.in_post);
    // The day the unit filter and the posts shown look at; the liaison scope ($12) stays on today.
    let day = in_post.clone().unwrap_or_else(|| f.today.clone());
    vec![
        from,
        to,
        id_numbers,
        given(&f.gender),
        f.born_after.clone(),
        f.born_until.clone(),
        given(&f.party),
        exact(&f.education),
        given(&f.rank),
        exact(&f.ethnicity),
        exact(&f.profession),
        scope.unit().map(str::to_string),
        given(&f.unit),
        Some(f.today.clone()),
        in_post,
        Some(day),
        exact(&f.ft_education),
        exact(&f.top_education),
    ]
}

/// Searches by name, pinyin or initials, and filters; one page, sorted by pinyin. A search by
/// the query alone, over the whole registry, takes its page and count from the keys
/// ([`super::search::page_of_keys`]) and reads only that page's cadres; a search among a
/// unit's cadres asks the unit's holders of their keys in the program.
pub async fn search(c: &mut Conn, scope: &Scope, f: &CadreFilter) -> Result<(Vec<CadreListRow>, i64), DomainError> {
    let args = filter_args(scope, f);
    let offset = f.page.max(0) * f.per_page;
    let range = search_range(f);
    // The query alone: the arguments are those of a filter with nothing else, for everyone.
    let alone = CadreFilter { q: f.q.clone(), today: f.today.clone(), ..CadreFilter::default() };
    let query_alone = filter_args(&Scope::All, &alone) == args;
    let day = args[15].as_deref();
    if let (Some(range), true) = (&range, query_alone) {
        let (ids, n) = super::search::page_of_keys(&mut *c, range, f.per_page, offset).await?;
        // The page's cadres by their ids alone: a search by the query alone has no other
        // filter. The list's statement with every filter and the key range again built the
        // range's keys into a temporary index at each search (thousands for initials) and
        // took PostgreSQL 3 ms to plan (issue 18).
        return Ok((rows_of(c, day, &ids).await?, n));
    }
    // A search among a unit's cadres (a liaison's, or the unit filter's): the unit's holders
    // the other filters keep are few, and each is asked here whether one of its keys is in
    // the query's range (`cadre_keys`, what the key index holds of it, `KeyRange::finds`, the
    // index's condition), instead of reading the range's keys: "zw" has 1,716 of them, read
    // twice, for the page and its count (issue 18).
    if let (Some(range), true) = (&range, args[11].is_some() || args[12].is_some()) {
        let others = filters(scope, &CadreFilter { q: None, ..f.clone() });
        let mut q = sqlx::query_as(safe(format!(
            "SELECT c.id, c.name, c.name_pinyin, c.name_initials, c.id_number FROM cadres c {}",
            others.sql
        )));
        for a in &others.args {
            q = q.bind(a.as_deref());
        }
        let held: Vec<(i64, String, String, String, String)> = q.fetch_all(&mut *c).await.map_err(db)?;
        let found = held
            .into_iter()
            .filter(|(_, name, pinyin, initials, id_number)| {
                banzi_domain::search_keys::cadre_keys(name, pinyin, initials, id_number).iter().any(|k| range.finds(k))
            })
            .map(|(id, _, pinyin, _, _)| (pinyin, id))
            .collect();
        let (ids, n) = crate::keys_page::page(found, f.per_page, offset);
        return Ok((rows_of(c, day, &ids).await?, n));
    }
    let filters = filters(scope, f);
    let sqlite = <<Conn as sqlx::Connection>::Database as sqlx::Database>::NAME == "SQLite";
    if sqlite || !filters.bounded {
        return page_and_count(c, &filters, day, f.per_page, offset).await;
    }
    // PostgreSQL planned the page of a unit's or a search's cadres anew at each request
    // (3 ms, for 0.4 of running it; the count 1 ms more): it kept to custom plans, misled by
    // the key range it cannot estimate. The plan for any values is the same here (the unit's
    // holders and the keys' cadres read first, then those cadres by row id), so it is told
    // to keep the generic one, for this transaction's statements only.
    let mut tx = sqlx::Connection::begin(&mut *c).await.map_err(db)?;
    sqlx::query("SET LOCAL plan_cache_mode = force_generic_plan").execute(&mut *tx).await.map_err(db)?;
    let out = page_and_count(&mut tx, &filters, day, f.per_page, offset).await?;
    tx.commit().await.map_err(db)?;
    Ok(out)
}

/// The list rows of the cadres `ids`, in the list's order, their posts of `day` shown.
async fn rows_of(c: &mut Conn, day: Option<&str>, ids: &[i64]) -> Result<Vec<CadreListRow>, DomainError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = serde_json::to_string(ids).map_err(|e| DomainError::Internal(e.to_string()))?;
    sqlx::query_as(safe(page_of_ids_sql())).bind(day).bind(ids).fetch_all(&mut *c).await.map_err(db)
}

/// One page of the cadre list under `filters`, the posts of `day` shown, and how many
/// cadres they find.
async fn page_and_count(
    c: &mut Conn,
    filters: &Filters,
    day: Option<&str>,
    per_page: i64,
    offset: i64,
) -> Result<(Vec<CadreListRow>, i64), DomainError> {
    let mut rows = sqlx::query_as(safe(page_sql(filters)));
    for a in &filters.args {
        rows = rows.bind(a.as_deref());
    }
    let rows = rows.bind(day).bind(per_page).bind(offset).fetch_all(&mut *c).await.map_err(db)?;
    let n = count(c, filters).await?;
    Ok((rows, n))
}

/// The columns of a cadre list row over `c`, its posts on the day `day` (a placeholder).
fn list_columns(day: &str) -> String {
    let posts = "(SELECT GROUP_CONCAT_PLACEHOLDER FROM appointments a JOIN posts p ON p.id = a.post_id \
         JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id \
         WHERE a.cadre_id = c.id AND a.start_date <= {day} AND {HELD_ON})"
        .replace("GROUP_CONCAT_PLACEHOLDER", GROUP_CONCAT_POSTS);
    // For one who holds no post that day, the last one held before it (namesakes told apart);
    // NULL for one who does (the list shows it only then), without reading it: asked of every
    // row, it was a third of a page's work.
    let last = "CASE WHEN EXISTS (SELECT 1 FROM appointments a WHERE a.cadre_id = c.id \
         AND a.start_date <= {day} AND {HELD_ON}) THEN NULL ELSE \
         (SELECT un.name || ' ' || p.title FROM appointments a JOIN posts p ON p.id = a.post_id \
         JOIN teams t ON t.id = p.team_id JOIN units un ON un.id = t.unit_id \
         WHERE a.cadre_id = c.id AND a.start_date <= {day} ORDER BY a.start_date DESC, a.id DESC LIMIT 1) END";
    format!(
        "c.id, c.id_number, c.name, c.gender, c.birth_date, c.party, c.ft_education, c.pt_education, c.rank, \
         {posts} AS posts, {last} AS last_post"
    )
    .replace("{HELD_ON}", HELD_ON)
    .replace("{day}", day)
}

/// "Not ended on `{day}`", for the appointments of one cadre: one condition that the
/// cadre's index (cadre, start, end, post) answers as it walks, where `end IS NULL OR end >
/// day` had PostgreSQL merge two bitmap scans for each row of a list (a tenth of a search
/// page's work on a province, issue 18). No stored end date is after 9999-12-31.
const HELD_ON: &str = "COALESCE(a.end_date, '9999-12-31') > {day}";

/// One page of the cadre list under `filters`, bound with their values and then the day
/// of the posts shown, the number of rows and the row to start from.
pub fn page_sql(filters: &Filters) -> String {
    let n = filters.args.len();
    format!(
        "SELECT {} FROM cadres c {} ORDER BY c.name_pinyin, c.id LIMIT ${} OFFSET ${}",
        list_columns(&format!("${}", n + 1)),
        filters.sql,
        n + 2,
        n + 3
    )
}

/// The cadres of a page of a search by the query alone, in the list's order: `$1` the day,
/// `$2` their row ids as a JSON array.
fn page_of_ids_sql() -> String {
    format!(
        "SELECT {} FROM cadres c WHERE c.id IN ({}) ORDER BY c.name_pinyin, c.id",
        list_columns("$1"),
        IDS_OF_JSON_21.replace("$21", "$2")
    )
}

/// How many cadres `filters` finds.
pub async fn count(c: &mut Conn, filters: &Filters) -> Result<i64, DomainError> {
    let mut q = sqlx::query_as(safe(format!("SELECT COUNT(*) FROM cadres c {}", filters.sql)));
    for a in &filters.args {
        q = q.bind(a.as_deref());
    }
    let (n,): (i64,) = q.fetch_one(&mut *c).await.map_err(db)?;
    Ok(n)
}

pub fn cadre_json(x: &Cadre) -> serde_json::Value {
    serde_json::to_value(x).unwrap_or(serde_json::Value::Null)
}

/// Inserts or updates a cadre by ID number; audits the change. `must_exist` refuses a
/// create (an edit form), `must_be_new` refuses an update (a create form).
pub async fn upsert(c: &mut Conn, actor: &Actor, x: &Cadre, mode: Upsert, now: &str) -> Result<bool, DomainError> {
    let before: Option<CadreRow> = sqlx::query_as(safe(format!("{CADRE_COLS} WHERE c.id_number = $1")))
        .bind(x.id_number.as_str())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?;
    let (py, initials) = banzi_domain::pinyin_name::name_pinyin(&x.name);
    let r = x.to_raw();
    let none_if_empty = |s: &str| if s.is_empty() { None } else { Some(s.to_string()) };
    match (&before, mode) {
        (Some(_), Upsert::MustBeNew) => Err(DomainError::invalid("身份证号", Msg::new("store-cadre-exists"))),
        (None, Upsert::MustExist) => Err(DomainError::NotFound(message!("store-cadre", id_number = x.id_number.to_string()))),
        (Some(b), _) => {
            let old = b.into_cadre()?;
            if &old == x {
                return Ok(false);
            }
            // A rename replaces the search keys, in this transaction (issue 18, item 2), from
            // the row as it is stored until the update below.
            if b.name != r.name || b.name_pinyin != py {
                super::search::rename(&mut *c, b.id, &r.name, &py, &initials, x.id_number.as_str()).await?;
            }
            sqlx::query(
                "UPDATE cadres SET name = $1, name_pinyin = $2, name_initials = $3, gender = $4, ethnicity = $5, \
                 birth_date = $6, native_place = $7, party = $8, party_joined = $9, work_started = $10, \
                 ft_education = $11, ft_degree = $12, ft_school = $13, pt_education = $14, pt_degree = $15, \
                 pt_school = $16, profession = $17, rank = $18, updated_at = $19 WHERE id = $20",
            )
            .bind(&r.name).bind(&py).bind(&initials).bind(&r.gender).bind(&r.ethnicity)
            .bind(&r.birth_date).bind(&r.native_place).bind(&r.party)
            .bind(none_if_empty(&r.party_joined)).bind(none_if_empty(&r.work_started))
            .bind(none_if_empty(&r.ft_education)).bind(none_if_empty(&r.ft_degree)).bind(&r.ft_school)
            .bind(none_if_empty(&r.pt_education)).bind(none_if_empty(&r.pt_degree)).bind(&r.pt_school)
            .bind(&r.profession).bind(&r.rank).bind(now).bind(b.id)
            .execute(&mut *c)
            .await
            .map_err(db)?;
            super::audit::append(
                &mut *c,
                draft(actor, now, "cadre.update", "cadre", x.id_number.as_str(), Some(cadre_json(&old)), Some(cadre_json(x))),
            )
            .await?;
            Ok(true)
        }
        (None, _) => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO cadres (id_number, name, name_pinyin, name_initials, gender, ethnicity, birth_date, \
                 native_place, party, party_joined, work_started, ft_education, ft_degree, ft_school, pt_education, \
                 pt_degree, pt_school, profession, rank, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) \
                 RETURNING id",
            )
            .bind(x.id_number.as_str()).bind(&r.name).bind(&py).bind(&initials).bind(&r.gender).bind(&r.ethnicity)
            .bind(&r.birth_date).bind(&r.native_place).bind(&r.party)
            .bind(none_if_empty(&r.party_joined)).bind(none_if_empty(&r.work_started))
            .bind(none_if_empty(&r.ft_education)).bind(none_if_empty(&r.ft_degree)).bind(&r.ft_school)
            .bind(none_if_empty(&r.pt_education)).bind(none_if_empty(&r.pt_degree)).bind(&r.pt_school)
            .bind(&r.profession).bind(&r.rank).bind(now)
            .fetch_one(&mut *c)
            .await
            .map_err(db)?;
            super::search::insert(&mut *c, id, &r.name, &py, &initials, x.id_number.as_str()).await?;
            super::audit::append(
                &mut *c,
                draft(actor, now, "cadre.create", "cadre", x.id_number.as_str(), None, Some(cadre_json(x))),
            )
            .await?;
            Ok(true)
        }
    }
}

pub async fn resume(c: &mut Conn, cadre_id: i64) -> Result<Vec<ResumeRow>, DomainError> {
    sqlx::query_as("SELECT id, start_ym, end_ym, text FROM resume_lines WHERE cadre_id = $1 ORDER BY start_ym, id")
        .bind(cadre_id).fetch_all(&mut *c).await.map_err(db)
}

pub async fn family(c: &mut Conn, cadre_id: i64) -> Result<Vec<FamilyRow>, DomainError> {
    sqlx::query_as("SELECT id, relation, name, birth_ym, party, work FROM family_members WHERE cadre_id = $1 ORDER BY id")
        .bind(cadre_id).fetch_all(&mut *c).await.map_err(db)
}

pub async fn rewards(c: &mut Conn, cadre_id: i64) -> Result<Vec<RewardRow>, DomainError> {
    sqlx::query_as("SELECT id, on_date, kind, text FROM rewards WHERE cadre_id = $1 ORDER BY on_date, id")
        .bind(cadre_id).fetch_all(&mut *c).await.map_err(db)
}

pub async fn ratings(c: &mut Conn, cadre_id: i64) -> Result<Vec<RatingRow>, DomainError> {
    sqlx::query_as("SELECT year, rating FROM ratings WHERE cadre_id = $1 ORDER BY year")
        .bind(cadre_id).fetch_all(&mut *c).await.map_err(db)
}

/// Adds one line to a cadre's record (简历, family, 奖惩, 年度考核), audited.
pub async fn add_record(c: &mut Conn, actor: &Actor, id_number: &str, rec: &CadreRecord, now: &str) -> Result<(), DomainError> {
    let cid = id_of(&mut *c, id_number).await?.ok_or_else(|| DomainError::NotFound(message!("store-cadre", id_number = id_number.to_string())))?;
    let (action, after) = match rec {
        CadreRecord::Resume(l) => {
            sqlx::query("INSERT INTO resume_lines (cadre_id, start_ym, end_ym, text) VALUES ($1, $2, $3, $4)")
                .bind(cid).bind(l.start.to_string()).bind(l.end.map(|e| e.to_string())).bind(&l.text)
                .execute(&mut *c).await.map_err(db)?;
            ("cadre.resume.add", serde_json::to_value(l))
        }
        CadreRecord::Family(f) => {
            sqlx::query("INSERT INTO family_members (cadre_id, relation, name, birth_ym, party, work) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(cid).bind(&f.relation).bind(&f.name).bind(f.birth.map(|b| b.to_string())).bind(&f.party).bind(&f.work)
                .execute(&mut *c).await.map_err(db)?;
            ("cadre.family.add", serde_json::to_value(f))
        }
        CadreRecord::Reward(r) => {
            sqlx::query("INSERT INTO rewards (cadre_id, on_date, kind, text) VALUES ($1, $2, $3, $4)")
                .bind(cid).bind(iso(r.date)).bind(r.kind.label()).bind(&r.text)
                .execute(&mut *c).await.map_err(db)?;
            ("cadre.reward.add", serde_json::to_value(r))
        }
        CadreRecord::Rating(r) => {
            let n = sqlx::query("UPDATE ratings SET rating = $1 WHERE cadre_id = $2 AND year = $3")
                .bind(r.rating.label()).bind(cid).bind(i64::from(r.year))
                .execute(&mut *c).await.map_err(db)?.rows_affected();
            if n == 0 {
                sqlx::query("INSERT INTO ratings (cadre_id, year, rating) VALUES ($1, $2, $3)")
                    .bind(cid).bind(i64::from(r.year)).bind(r.rating.label())
                    .execute(&mut *c).await.map_err(db)?;
            }
            ("cadre.rating.set", serde_json::to_value(r))
        }
    };
    let after = after.map_err(|e| DomainError::Internal(e.to_string()))?;
    super::audit::append(&mut *c, draft(actor, now, action, "cadre", id_number, None, Some(after))).await?;
    Ok(())
}

pub async fn set_photo(c: &mut Conn, actor: &Actor, id_number: &str, mime: &str, data: &[u8], now: &str) -> Result<(), DomainError> {
    let cid = id_of(&mut *c, id_number).await?.ok_or_else(|| DomainError::NotFound(message!("store-cadre", id_number = id_number.to_string())))?;
    sqlx::query("DELETE FROM cadre_photos WHERE cadre_id = $1").bind(cid).execute(&mut *c).await.map_err(db)?;
    sqlx::query("INSERT INTO cadre_photos (cadre_id, mime, data) VALUES ($1, $2, $3)")
        .bind(cid).bind(mime).bind(data).execute(&mut *c).await.map_err(db)?;
    let after = serde_json::json!({"mime": mime, "bytes": data.len()});
    super::audit::append(&mut *c, draft(actor, now, "cadre.photo", "cadre", id_number, None, Some(after))).await?;
    Ok(())
}

pub async fn photo(c: &mut Conn, cadre_id: i64) -> Result<Option<(String, Vec<u8>)>, DomainError> {
    sqlx::query_as("SELECT mime, data FROM cadre_photos WHERE cadre_id = $1")
        .bind(cadre_id).fetch_optional(&mut *c).await.map_err(db)
}

/// A row of [`lines`]: which table (`part`), the row's number, up to five texts, and the
/// table's own order (a text, then a number).
type LineRow = (String, i64, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>, Option<f64>, String, i64);

/// The 简历, family, 奖惩 and 考核 lines, 分工 and trainings of the cadre `cadre_id` (whose ID
/// number is `id_number`), each in its list's order, and whether there is a photo (not read:
/// up to 2 MB), in one statement instead of seven: a profile was eleven statements, each a
/// round trip to the connection's thread or server, and on PostgreSQL under load a wait for
/// the server's turn too (issue 18).
pub async fn lines(c: &mut Conn, cadre_id: i64, id_number: &str) -> Result<CadreLines, DomainError> {
    let rows: Vec<LineRow> = sqlx::query_as(
        "SELECT 'r' AS part, id AS n, start_ym AS a, end_ym AS b, text AS d, CAST(NULL AS TEXT) AS e, CAST(NULL AS TEXT) AS f, \
           CAST(NULL AS DOUBLE PRECISION) AS h, start_ym AS sort_text, id AS sort_n FROM resume_lines WHERE cadre_id = $1 \
         UNION ALL SELECT 'f', id, relation, name, birth_ym, party, work, NULL, '', id FROM family_members WHERE cadre_id = $1 \
         UNION ALL SELECT 'w', id, on_date, kind, text, NULL, NULL, NULL, on_date, id FROM rewards WHERE cadre_id = $1 \
         UNION ALL SELECT 'y', year, rating, NULL, NULL, NULL, NULL, NULL, '', year FROM ratings WHERE cadre_id = $1 \
         UNION ALL SELECT 'p', cadre_id, NULL, NULL, NULL, NULL, NULL, NULL, '', 0 FROM cadre_photos WHERE cadre_id = $1 \
         UNION ALL SELECT 'q', f.id, p.code, f.work, f.start_date, f.end_date, NULL, NULL, f.start_date, f.id \
           FROM portfolios f JOIN posts p ON p.id = f.post_id WHERE f.cadre_id = $1 \
         UNION ALL SELECT 't', id, name, kind, start_date, end_date, NULL, hours, start_date, id \
           FROM trainings WHERE cadre_id = $1 \
         ORDER BY part, sort_text, sort_n",
    )
    .bind(cadre_id)
    .fetch_all(&mut *c)
    .await
    .map_err(db)?;
    let missing = |what: &str| DomainError::Internal(format!("cadre {cadre_id}: a {what} line without its text"));
    let mut out = CadreLines::default();
    for (part, n, a, b, d, e, f, h, _, _) in rows {
        match part.as_str() {
            "r" => out.resume.push(ResumeRow { id: n, start_ym: a.ok_or_else(|| missing("resume"))?, end_ym: b, text: d.ok_or_else(|| missing("resume"))? }),
            "f" => out.family.push(FamilyRow {
                id: n,
                relation: a.ok_or_else(|| missing("family"))?,
                name: b.ok_or_else(|| missing("family"))?,
                birth_ym: d,
                party: e.unwrap_or_default(),
                work: f.unwrap_or_default(),
            }),
            "w" => out.rewards.push(RewardRow { id: n, on_date: a.ok_or_else(|| missing("reward"))?, kind: b.ok_or_else(|| missing("reward"))?, text: d.ok_or_else(|| missing("reward"))? }),
            "y" => out.ratings.push(RatingRow { year: n, rating: a.ok_or_else(|| missing("rating"))? }),
            "q" => out.portfolios.push(PortfolioRow {
                id: n,
                id_number: id_number.to_string(),
                post_code: a.ok_or_else(|| missing("portfolio"))?,
                work: b.ok_or_else(|| missing("portfolio"))?,
                start_date: d.ok_or_else(|| missing("portfolio"))?,
                end_date: e,
            }),
            "t" => out.trainings.push(TrainingRow {
                id: n,
                id_number: id_number.to_string(),
                name: a.ok_or_else(|| missing("training"))?,
                kind: b.ok_or_else(|| missing("training"))?,
                start_date: d.ok_or_else(|| missing("training"))?,
                end_date: e,
                hours: h,
            }),
            _ => out.has_photo = true,
        }
    }
    Ok(out)
}

/// Removes one line of a cadre's record (a wrong 简历 line, family member, 奖惩 or rating),
/// audited with what it held. `line` is the row id (the year for a rating).
pub async fn remove_record(c: &mut Conn, actor: &Actor, id_number: &str, kind: RecordKind, line: i64, now: &str) -> Result<(), DomainError> {
    let cid = id_of(&mut *c, id_number).await?.ok_or_else(|| DomainError::NotFound(message!("store-cadre", id_number = id_number.to_string())))?;
    let (select, delete, action) = match kind {
        RecordKind::Resume => (
            "SELECT start_ym || '—' || COALESCE(end_ym, '') || ' ' || text FROM resume_lines WHERE cadre_id = $1 AND id = $2",
            "DELETE FROM resume_lines WHERE cadre_id = $1 AND id = $2",
            "cadre.resume.remove",
        ),
        RecordKind::Family => (
            "SELECT relation || ' ' || name FROM family_members WHERE cadre_id = $1 AND id = $2",
            "DELETE FROM family_members WHERE cadre_id = $1 AND id = $2",
            "cadre.family.remove",
        ),
        RecordKind::Reward => (
            "SELECT on_date || ' ' || kind || ' ' || text FROM rewards WHERE cadre_id = $1 AND id = $2",
            "DELETE FROM rewards WHERE cadre_id = $1 AND id = $2",
            "cadre.reward.remove",
        ),
        RecordKind::Rating => (
            "SELECT CAST(year AS TEXT) || ' ' || rating FROM ratings WHERE cadre_id = $1 AND year = $2",
            "DELETE FROM ratings WHERE cadre_id = $1 AND year = $2",
            "cadre.rating.remove",
        ),
    };
    let before: Option<(String,)> = sqlx::query_as(select).bind(cid).bind(line).fetch_optional(&mut *c).await.map_err(db)?;
    let Some((before,)) = before else {
        return Err(DomainError::NotFound(Msg::new("store-this-record")));
    };
    sqlx::query(delete).bind(cid).bind(line).execute(&mut *c).await.map_err(db)?;
    super::audit::append(&mut *c, draft(actor, now, action, "cadre", id_number, Some(serde_json::json!({ "line": before })), None)).await?;
    Ok(())
}
