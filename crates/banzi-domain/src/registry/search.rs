//! Search keys of a unit (issue 18, item 1): the unit tree's search and every unit picker find
//! a unit by any part of its name, by the pinyin or the initials of any part of it (`czj`
//! finds 江川市财政局, `caizheng` too) or by the start of its code, from an index range search
//! over these keys instead of reading 40,000 names a keystroke.

use pinyin::ToPinyin;

/// A unit's keys, lower case, each once: every suffix of the name (a substring of the name
/// is a prefix of one of them), the pinyin (without spaces) and the initials from each
/// character on, and the code (found by its start only).
pub fn unit_keys(name: &str, code: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let name = name.trim().to_lowercase();
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    for i in 0..chars.len() {
        keys.push(chars[i..].iter().collect());
    }
    // One syllable per character (a digit or a letter is its own syllable), in the common
    // reading: 区 is qu and 单 is dan in a unit's name, not the surname readings of
    // `pinyin_name`.
    let syllables: Vec<String> = chars
        .iter()
        .map(|c| match c.to_pinyin() {
            Some(p) => p.plain().to_string(),
            None if c.is_ascii_alphanumeric() => c.to_string(),
            None => String::new(),
        })
        .collect();
    for i in 0..syllables.len() {
        if syllables[i].is_empty() {
            continue;
        }
        keys.push(syllables[i..].concat());
        keys.push(
            syllables[i..]
                .iter()
                .filter_map(|s| s.chars().next())
                .collect(),
        );
    }
    keys.push(code.trim().to_lowercase());
    keys.retain(|k| !k.is_empty());
    keys.sort();
    keys.dedup();
    keys
}

/// What a user typed, as the keys are written (trimmed, lower case, no spaces); None when
/// nothing is left.
pub fn search_text(q: &str) -> Option<String> {
    let q: String = q
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    (!q.is_empty()).then_some(q)
}

/// The range `[from, to)` of the keys starting with `q`: `q` itself and `q` followed by the
/// highest character, which sorts after every key that continues `q`.
pub fn prefix_range(q: &str) -> (String, String) {
    (q.to_string(), format!("{q}{}", char::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_found_by_any_part_of_its_name_in_characters_pinyin_or_initials() {
        let keys = unit_keys("江川市财政局", "J01");
        let finds = |q: &str| {
            let (from, to) = prefix_range(&search_text(q).unwrap());
            keys.iter().any(|k| *k >= from && *k < to)
        };
        for q in [
            "江川",
            "财政",
            "政局",
            "局",
            "czj",
            "jcs",
            "caizheng",
            "CaiZheng",
            "cai zheng",
            "j0",
            "J01",
        ] {
            assert!(finds(q), "{q}");
        }
        for q in ["财局", "cz j x", "01", "zhengcai", "税务"] {
            assert!(!finds(q), "{q}");
        }
    }

    #[test]
    fn digits_and_letters_in_a_name_are_their_own_syllables() {
        let keys = unit_keys("单位12", "U00012");
        assert!(keys.contains(&"danwei12".to_string()));
        assert!(keys.contains(&"dw12".to_string()));
        assert!(keys.contains(&"12".to_string()));
        assert!(keys.contains(&"u00012".to_string()));
        // 区 and 单 in their common readings.
        assert!(unit_keys("江川区", "Q").contains(&"jiangchuanqu".to_string()));
        // Each key once.
        let mut sorted = keys.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len());
    }

    #[test]
    fn blank_search_text_is_none() {
        assert_eq!(search_text("  "), None);
        assert_eq!(search_text(" Cai Zheng "), Some("caizheng".into()));
    }
}
