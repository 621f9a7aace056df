//! What the audit administrator sees of an entry by default (R-SEC-3, issue 14): who did
//! what to which record, not the dossier. Personal values are masked; revealing an entry
//! whole is itself an audited act (`banzi_store::Store::audit_reveal`).
//!
//! - An ID number anywhere (key, before, after, a cell of a batch) keeps its first 4 and
//!   last 4 characters: `3206**********1234`.
//! - In a cadre's record (entity `cadre`, and the cadre rows of an import's batch) the name
//!   keeps its first character (`王*`), and the birth date and native place are `＊`.
//! - A family member keeps only the relation (`妻子`); the name is `王*`, the rest `＊`.
//! - A rating (年度考核) keeps its year; the rating is `＊`. A 奖惩 line keeps its date and
//!   kind; the text is `＊`.
//!
//! Everything else — units, posts, appointments (their cadre is an ID number), accounts,
//! rule parameters, ballots, counts — is shown as written.

use serde_json::Value;

/// A masked value.
const HIDDEN: &str = "＊";

/// `(key, before, after)` of an entry as the audit view shows them by default.
pub fn mask_entry(
    action: &str,
    entity: &str,
    key: &str,
    before: &str,
    after: &str,
) -> (String, String, String) {
    (
        mask_id_numbers(key),
        mask_json(action, entity, before),
        mask_json(action, entity, after),
    )
}

/// Every 18-character ID number in `text` (17 digits and a digit or X, not inside a longer
/// run of digits) as `3206**********1234`.
pub fn mask_id_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if starts && is_id_number_at(&chars, i) {
            out.extend(&chars[i..i + 4]);
            out.push_str(&"*".repeat(10));
            out.extend(&chars[i + 14..i + 18]);
            i += 18;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// What someone searched for, as the trail keeps it: every run of six digits or more (an
/// ID number, whole or its first digits, with its check letter) shows its first three and
/// its last four at most, so the trail is not a list of the numbers people looked up
/// (R-SEC-3; issue 14, items 8 and 16).
pub fn mask_digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || **c == 'X' || **c == 'x')
            .count();
        if run >= 6 && chars[i].is_ascii_digit() {
            let head = 3;
            let tail = (run - 6).min(4);
            out.extend(&chars[i..i + head]);
            out.push_str(&"*".repeat(run - head - tail));
            out.extend(&chars[i + run - tail..i + run]);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn is_id_number_at(c: &[char], i: usize) -> bool {
    c.len() >= i + 18
        && c[i..i + 17].iter().all(char::is_ascii_digit)
        && (c[i + 17].is_ascii_digit() || c[i + 17] == 'X' || c[i + 17] == 'x')
        && c.get(i + 18).is_none_or(|n| !n.is_ascii_alphanumeric())
}

/// A person's name with only its first character: 王任重 → 王**.
fn mask_name(name: &str) -> String {
    let mut it = name.chars();
    match it.next() {
        Some(first) => std::iter::once(first)
            .chain(it.map(|_| '*'))
            .collect::<String>(),
        None => String::new(),
    }
}

/// How one field of a record of `entity` written by `action` is shown.
#[derive(Clone, Copy)]
enum Show {
    AsIs,
    Initial,
    Hidden,
}

fn field(action: &str, entity: &str, name: &str) -> Show {
    if entity != "cadre" {
        return Show::AsIs;
    }
    if action.starts_with("cadre.family.") {
        return match name {
            "relation" => Show::AsIs,
            "name" => Show::Initial,
            _ => Show::Hidden,
        };
    }
    match (name, action) {
        ("name", _) => Show::Initial,
        ("birth_date" | "birth" | "native_place" | "rating", _) => Show::Hidden,
        ("text", a) if a.starts_with("cadre.reward.") => Show::Hidden,
        _ => Show::AsIs,
    }
}

fn mask_json(action: &str, entity: &str, text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let Ok(mut v) = serde_json::from_str::<Value>(text) else {
        // Not JSON (a preview cut short): a cadre's text could hold anything personal.
        return if entity == "cadre" {
            HIDDEN.into()
        } else {
            mask_id_numbers(text)
        };
    };
    if let Some(Value::Array(columns)) = v.get("columns").cloned() {
        // A batch entry of an import: each cell by its column.
        let shows: Vec<Show> = columns
            .iter()
            .map(|c| field(action, entity, c.as_str().unwrap_or("")))
            .collect();
        if let Some(Value::Array(rows)) = v.get_mut("rows") {
            for row in rows.iter_mut() {
                if let Value::Array(cells) = row {
                    for (cell, show) in cells.iter_mut().zip(&shows) {
                        apply(cell, *show);
                    }
                }
            }
        }
    } else {
        walk(action, entity, &mut v);
    }
    v.to_string()
}

/// Masks the fields of every object in `v`, and ID numbers in every string.
fn walk(action: &str, entity: &str, v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                if k == "line" && matches!(x, Value::String(_)) {
                    if let Value::String(s) = x {
                        *s = mask_line(action, s);
                    }
                    continue;
                }
                match field(action, entity, k) {
                    Show::AsIs => walk(action, entity, x),
                    show => apply(x, show),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| walk(action, entity, x)),
        Value::String(s) => *s = mask_id_numbers(s),
        _ => {}
    }
}

fn apply(cell: &mut Value, show: Show) {
    match (show, &*cell) {
        (_, Value::Null) => {}
        (Show::AsIs, Value::String(s)) => *cell = Value::String(mask_id_numbers(s)),
        (Show::AsIs, _) => {}
        (Show::Initial, Value::String(s)) => *cell = Value::String(mask_name(s)),
        (Show::Initial | Show::Hidden, _) => *cell = Value::String(HIDDEN.into()),
    }
}

/// The `line` a removal recorded (`relation name`, `year rating`, `date kind text`).
fn mask_line(action: &str, line: &str) -> String {
    let words: Vec<&str> = line.splitn(3, ' ').collect();
    match (action, words.as_slice()) {
        ("cadre.family.remove", [relation, name, ..]) => {
            format!("{relation} {}", mask_name(name))
        }
        ("cadre.rating.remove", [year, ..]) => format!("{year} {HIDDEN}"),
        ("cadre.reward.remove", [date, kind, _]) => format!("{date} {kind} {HIDDEN}"),
        _ => mask_id_numbers(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "320602197510121234";

    /// A search kept in the trail (R-SEC-3): whole or partial ID numbers masked, names and
    /// short numbers as typed.
    #[test]
    fn searched_numbers_keep_three_and_four() {
        assert_eq!(mask_digit_runs("320612198001011234"), "320***********1234");
        assert_eq!(mask_digit_runs("32061219800101123X"), "320***********123X");
        assert_eq!(mask_digit_runs("王伟 320612"), "王伟 320***");
        assert_eq!(mask_digit_runs("王伟"), "王伟");
        assert_eq!(mask_digit_runs("zw 12345"), "zw 12345");
    }

    #[test]
    fn id_numbers_keep_four_and_four() {
        assert_eq!(mask_id_numbers(ID), "3206**********1234");
        assert_eq!(
            mask_id_numbers(&format!("{ID}/P1/2020-01-01 32060219751012123X")),
            "3206**********1234/P1/2020-01-01 3206**********123X"
        );
        // Not an ID number: a longer run of digits, or too short.
        assert_eq!(
            mask_id_numbers("1234567890123456789"),
            "1234567890123456789"
        );
        assert_eq!(mask_id_numbers("12345"), "12345");
    }

    #[test]
    fn a_cadre_record_shows_who_not_the_dossier() {
        let after = format!(
            r#"{{"id_number":"{ID}","name":"王任重","birth_date":"1975-10-12","native_place":"江苏南通","rank":"正处级"}}"#
        );
        let (key, before, after) = mask_entry("cadre.update", "cadre", ID, "", &after);
        assert_eq!(key, "3206**********1234");
        assert_eq!(before, "");
        let v: Value = serde_json::from_str(&after).unwrap();
        assert_eq!(v["id_number"], "3206**********1234");
        assert_eq!(v["name"], "王**");
        assert_eq!(v["birth_date"], "＊");
        assert_eq!(v["native_place"], "＊");
        assert_eq!(v["rank"], "正处级");
    }

    #[test]
    fn family_ratings_and_rewards_are_masked() {
        let fam = r#"{"relation":"妻子","name":"李梅","birth":"1977.03","party":"群众","work":"市一中教师"}"#;
        let v: Value =
            serde_json::from_str(&mask_entry("cadre.family.add", "cadre", ID, "", fam).2).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"relation":"妻子","name":"李*","birth":"＊","party":"＊","work":"＊"})
        );
        let rating = r#"{"year":2024,"rating":"优秀"}"#;
        assert_eq!(
            mask_entry("cadre.rating.set", "cadre", ID, "", rating).2,
            r#"{"rating":"＊","year":2024}"#
        );
        let removed = |action: &str, line: &str| {
            mask_entry(action, "cadre", ID, &format!(r#"{{"line":"{line}"}}"#), "").1
        };
        assert_eq!(
            removed("cadre.family.remove", "妻子 李梅"),
            r#"{"line":"妻子 李*"}"#
        );
        assert_eq!(
            removed("cadre.rating.remove", "2024 优秀"),
            r#"{"line":"2024 ＊"}"#
        );
        assert_eq!(
            removed("cadre.reward.remove", "2020-01-01 嘉奖 抗洪先进"),
            r#"{"line":"2020-01-01 嘉奖 ＊"}"#
        );
        assert_eq!(
            removed("cadre.resume.remove", "2001.07—2005.12 写错的一行"),
            r#"{"line":"2001.07—2005.12 写错的一行"}"#
        );
    }

    #[test]
    fn a_batch_is_masked_cell_by_cell() {
        let cadres = format!(
            r#"{{"columns":["id_number","name","birth_date","rank"],"rows":[["{ID}","张伟","1980-01-02","副处级"]]}}"#
        );
        let v: Value =
            serde_json::from_str(&mask_entry("cadre.create", "cadre", "批量1条", "", &cadres).2)
                .unwrap();
        assert_eq!(
            v["rows"][0],
            serde_json::json!(["3206**********1234", "张*", "＊", "副处级"])
        );
        // A training's name is the course's, not a person's; its cadre is an ID number.
        let trainings =
            format!(r#"{{"columns":["cadre","name","hours"],"rows":[["{ID}","党校春季班",80]]}}"#);
        let v: Value = serde_json::from_str(
            &mask_entry("training.create", "training", "批量1条", "", &trainings).2,
        )
        .unwrap();
        assert_eq!(
            v["rows"][0],
            serde_json::json!(["3206**********1234", "党校春季班", 80])
        );
    }

    #[test]
    fn the_registry_outside_cadres_is_shown() {
        let unit = r#"{"code":"U1","name":"市财政局"}"#;
        assert_eq!(mask_entry("unit.create", "unit", "U1", "", unit).2, unit);
    }
}
