//! Pinyin of personal names, for sorting and for searching by initials (`zw` finds 张伟).
//!
//! Surnames with a reading of their own (曾 zeng, 单 shan …) are read from our table first:
//! the pinyin crate, like ICU, reads 曾 as ceng and 单 as dan.

use pinyin::ToPinyin;

/// Compound surnames first, then single characters whose surname reading differs.
const SURNAMES: &[(&str, &str)] = &[
    ("尉迟", "yu chi"),
    ("万俟", "mo qi"),
    ("长孙", "zhang sun"),
    ("澹台", "tan tai"),
    ("曾", "zeng"),
    ("单", "shan"),
    ("解", "xie"),
    ("仇", "qiu"),
    ("朴", "piao"),
    ("区", "ou"),
    ("查", "zha"),
    ("盖", "ge"),
    ("乐", "yue"),
    ("缪", "miao"),
    ("翟", "zhai"),
    ("覃", "qin"),
    ("种", "chong"),
    ("繁", "po"),
    ("员", "yun"),
    ("秘", "bi"),
    ("折", "she"),
    ("任", "ren"),
    ("燕", "yan"),
    ("召", "shao"),
    ("句", "gou"),
    ("冼", "xian"),
    ("阚", "kan"),
    ("行", "xing"),
    ("沈", "shen"),
    ("柏", "bai"),
];

/// The full pinyin (syllables separated by spaces) and the initials of a name.
pub fn name_pinyin(name: &str) -> (String, String) {
    let name = name.trim();
    let mut syllables: Vec<String> = Vec::new();
    let mut rest = name;
    for (surname, reading) in SURNAMES {
        if let Some(r) = name.strip_prefix(surname) {
            syllables.extend(reading.split(' ').map(String::from));
            rest = r;
            break;
        }
    }
    for c in rest.chars() {
        match c.to_pinyin() {
            Some(p) => syllables.push(p.plain().to_string()),
            None if c.is_ascii_alphanumeric() => syllables.push(c.to_ascii_lowercase().to_string()),
            None => {}
        }
    }
    let initials = syllables.iter().filter_map(|s| s.chars().next()).collect();
    (syllables.join(" "), initials)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_find_common_names() {
        assert_eq!(name_pinyin("张伟"), ("zhang wei".into(), "zw".into()));
        assert_eq!(name_pinyin("李秀英").1, "lxy");
    }

    #[test]
    fn surnames_use_their_surname_reading() {
        assert_eq!(name_pinyin("曾国藩").0, "zeng guo fan");
        assert_eq!(name_pinyin("单雄信").1, "sxx");
        assert_eq!(name_pinyin("解缙").1, "xj");
        assert_eq!(name_pinyin("尉迟恭").0, "yu chi gong");
        // Only the surname: 曾 later in a name keeps its ordinary reading.
        assert_eq!(name_pinyin("王曾").0, "wang ceng");
    }
}
