//! The keys a cadre is found by (issue 18, item 2): the registry keeps them beside each cadre
//! (`cadre_search`, written in the cadre's own transaction), so that a search is a range
//! read of an index, `from <= key < to`, and not a scan converting every name.
//!
//! One search box takes a name, its pinyin, its initials or an ID number, and finds:
//! - a **name** by any part of it (`阳明` finds 欧阳明): every suffix of the name is a key, so
//!   a part of the name is the prefix of one of them;
//! - the **pinyin** from its start, with or without the spaces (`zhang w`, `zhangw`), and the
//!   **initials** from their start (`zw` finds 张伟);
//! - an **ID number** from its start once the query has [`MIN_ID_PREFIX`] characters (the
//!   region and more, issue 15, item 11), or whole.
//!
//! Keys and queries are lower-cased alike (ASCII only, as SQL's `lower` does), so a final `x`
//! finds an ID number ending in `X`.

/// What a key was made from: only an ID number needs telling apart (a short query does not
/// reach it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Name,
    Pinyin,
    Initials,
    IdNumber,
}

impl KeyKind {
    /// The value stored in `cadre_search.kind` (the migration's backfill writes the same).
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Name => "name",
            KeyKind::Pinyin => "pinyin",
            KeyKind::Initials => "initials",
            KeyKind::IdNumber => "id",
        }
    }
}

/// One key of one cadre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKey {
    pub key: String,
    pub kind: KeyKind,
}

/// The fewest characters of a query that search ID numbers by their start.
pub const MIN_ID_PREFIX: usize = 6;

/// The keys of one cadre, from its stored name, pinyin and initials (as
/// [`crate::pinyin_name::name_pinyin`] made them) and ID number. Each key appears once; when
/// two kinds give the same key the earlier kind in the list above is kept, so an ID-number
/// key never hides a name.
pub fn cadre_keys(name: &str, pinyin: &str, initials: &str, id_number: &str) -> Vec<SearchKey> {
    let name = name.to_ascii_lowercase();
    let mut out: Vec<SearchKey> = Vec::with_capacity(name.chars().count() + 4);
    let mut push = |key: String, kind: KeyKind| {
        if !key.is_empty() && !out.iter().any(|k| k.key == key) {
            out.push(SearchKey { key, kind });
        }
    };
    for (i, _) in name.char_indices() {
        push(name[i..].to_string(), KeyKind::Name);
    }
    let pinyin = pinyin.to_ascii_lowercase();
    push(pinyin.replace(' ', ""), KeyKind::Pinyin);
    push(pinyin, KeyKind::Pinyin);
    push(initials.to_ascii_lowercase(), KeyKind::Initials);
    push(id_number.to_ascii_lowercase(), KeyKind::IdNumber);
    out
}

/// The keys a query finds: `from <= key < to`, ID-number keys only if `id_numbers` or the
/// key is `from` itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRange {
    pub from: String,
    pub to: String,
    pub id_numbers: bool,
}

/// The range of keys `q` finds; None for a blank query (no condition).
pub fn key_range(q: &str) -> Option<KeyRange> {
    let from = q.trim().to_ascii_lowercase();
    if from.is_empty() {
        return None;
    }
    // U+10FFFF is the greatest character, and its UTF-8 bytes sort after those of every
    // other: every key that starts with `from` is below `from` followed by it, in SQLite's
    // byte order and PostgreSQL's "C" collation alike.
    let to = format!("{from}\u{10FFFF}");
    let id_numbers = from.chars().count() >= MIN_ID_PREFIX;
    Some(KeyRange {
        from,
        to,
        id_numbers,
    })
}

impl KeyRange {
    /// Whether the range finds `k` (what the SQL condition does, for tests).
    pub fn finds(&self, k: &SearchKey) -> bool {
        k.key >= self.from
            && k.key < self.to
            && (k.kind != KeyKind::IdNumber || self.id_numbers || k.key == self.from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pinyin_name::name_pinyin;

    fn keys_of(name: &str, id: &str) -> Vec<SearchKey> {
        let (py, initials) = name_pinyin(name);
        cadre_keys(name, &py, &initials, id)
    }

    fn finds(q: &str, name: &str, id: &str) -> bool {
        let r = key_range(q).expect("a query");
        keys_of(name, id).iter().any(|k| r.finds(k))
    }

    const ID: &str = "32010219800101123X";

    #[test]
    fn keys_of_a_compound_surname() {
        let keys: Vec<(String, &str)> = keys_of("欧阳明", ID)
            .into_iter()
            .map(|k| (k.key, k.kind.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("欧阳明".into(), "name"),
                ("阳明".into(), "name"),
                ("明".into(), "name"),
                ("ouyangming".into(), "pinyin"),
                ("ou yang ming".into(), "pinyin"),
                ("oym".into(), "initials"),
                ("32010219800101123x".into(), "id"),
            ]
        );
    }

    #[test]
    fn one_syllable_gives_one_pinyin_key() {
        let keys = keys_of("王", ID);
        assert_eq!(keys.iter().filter(|k| k.key == "wang").count(), 1);
        assert!(
            keys.iter()
                .any(|k| k.key == "w" && k.kind == KeyKind::Initials)
        );
    }

    #[test]
    fn a_name_is_found_by_any_part() {
        for q in ["欧阳明", "欧阳", "阳", "阳明", "明", " 阳明 "] {
            assert!(finds(q, "欧阳明", ID), "{q}");
        }
        assert!(!finds("明欧", "欧阳明", ID));
        assert!(!finds("欧阳明明", "欧阳明", ID));
    }

    #[test]
    fn pinyin_and_initials_from_their_start() {
        for q in [
            "zw",
            "ZW",
            "z",
            "zhang",
            "zhang w",
            "zhangwei",
            "ZhangWei",
            "zhang wei",
        ] {
            assert!(finds(q, "张伟", ID), "{q}");
        }
        for q in ["wei", "hangwei", "w", "zwx", "zhang  wei"] {
            assert!(!finds(q, "张伟", ID), "{q}");
        }
        // The surname table's reading: 曾 zeng, not ceng.
        assert!(finds("zgf", "曾国藩", ID));
        assert!(!finds("ceng", "曾国藩", ID));
    }

    #[test]
    fn id_numbers_from_six_characters_or_whole() {
        assert!(finds("320102", "张伟", ID));
        assert!(finds("3201021980", "张伟", ID));
        assert!(!finds("32010", "张伟", ID));
        assert!(!finds("3", "张伟", ID));
        // A final X, typed either way.
        assert!(finds("32010219800101123x", "张伟", ID));
        assert!(finds("32010219800101123X", "张伟", ID));
        assert!(finds("32010219800101123", "张伟", ID));
        assert!(!finds("320103", "张伟", ID));
        // A whole ID number shorter than six still matches itself (as `id_number = q` did).
        assert!(finds("12345", "张伟", "12345"));
    }

    #[test]
    fn blank_queries_have_no_range() {
        assert_eq!(key_range(""), None);
        assert_eq!(key_range("  "), None);
        let r = key_range("Zw").expect("range");
        assert_eq!(
            (r.from.as_str(), r.to.as_str(), r.id_numbers),
            ("zw", "zw\u{10FFFF}", false)
        );
    }

    #[test]
    fn the_upper_bound_is_above_every_continuation_in_byte_order() {
        let r = key_range("王").expect("range");
        for k in ["王", "王伟", "王\u{FFFF}", "王\u{10FFFE}", "王𠀀"] {
            assert!(
                r.from.as_bytes() <= k.as_bytes() && k.as_bytes() < r.to.as_bytes(),
                "{k}"
            );
        }
        assert!("玉".as_bytes() >= r.to.as_bytes() || "玉".as_bytes() < r.from.as_bytes());
    }
}
