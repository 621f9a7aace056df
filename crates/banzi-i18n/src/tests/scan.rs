//! The code and the templates hold no sentence: Chinese outside the catalog is a label,
//! SQL or listed data (issue 13).

use super::super::label_ids;
use super::super::sources::{is_han, literals, normalise, rust_files, template_text};
use banzi_domain::codes;
use std::collections::BTreeSet;
use std::path::Path;

/// Language names in the switcher of the sign-in page: each is written in its own script.
const TEMPLATE_TEXT_ALLOWED: &[(&str, &str)] =
    &[("login.html", "简体中文"), ("login.html", "繁體中文")];

#[test]
fn templates_have_no_chinese_outside_their_tags() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../banzi-web/templates");
    let mut found = Vec::new();
    let mut files = 0;
    for e in std::fs::read_dir(&dir).expect("templates").flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let src = std::fs::read_to_string(e.path()).expect("template");
        files += 1;
        for (line, text) in template_text(&src) {
            if !TEMPLATE_TEXT_ALLOWED.contains(&(name.as_str(), text.as_str())) {
                found.push(format!("{name}:{line}: {text}"));
            }
        }
    }
    assert!(files > 10, "templates not found in {}", dir.display());
    assert!(
        found.is_empty(),
        "Chinese text outside template tags (make it a locale key):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_template_scan_sees_text_and_skips_tags() {
    let src = "{{ tr.t(\"a\") }}<b>单位</b>{% if x == \"是\" %}：{% endif %}{# 注释 #}\n<i>x</i>";
    assert_eq!(
        template_text(src),
        vec![(1, "单位".to_string()), (1, "：".to_string())]
    );
}

fn is_sql(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    [
        "SELECT", "WHERE", "INSERT", "UPDATE", "DELETE", "WITH", "AND", "OR", "FROM",
    ]
    .contains(&first)
        // A condition compared with a bound value (`c.party = $7 …`, a filter of its own).
        || s.contains(" = $")
}

/// A vocabulary label or alias (民盟盟员, 本科 …): `Tr::v` shows those.
fn is_vocabulary_word(s: &str) -> bool {
    codes::all_labels().contains(&s)
        || codes::Gender::parse(s).is_ok()
        || codes::UnitSystem::parse(s).is_ok()
        || codes::PostKind::parse(s).is_ok()
        || codes::PostLevel::parse(s).is_ok()
        || codes::Party::parse(s).is_ok()
        || codes::Education::parse(s).is_ok()
        || codes::Degree::parse(s).is_ok()
        || codes::Manner::parse(s).is_ok()
        || codes::TrainingKind::parse(s).is_ok()
        || codes::Rating::parse(s).is_ok()
        || codes::RewardKind::parse(s).is_ok()
        || codes::yes_no(s).is_ok()
}

#[test]
fn the_literal_reader_skips_comments_chars_and_tests() {
    let src = r####"
// "注释一"
/// "文档"
fn f<'a>(x: &'a str) -> char {
    let _ = ("消息一", r#"原始"字符串"#, '"', '\'', '中');
    let _ = "续行\
             消息";
    /* "块注释" */
    'x'
}
#[cfg(test)]
mod tests {
    const T: &str = "测试里的";
}
const AFTER: &str = "之后{n}条";
"####;
    let got: Vec<String> = literals(Path::new("x.rs"), src)
        .into_iter()
        .map(|l| format!("{}:{}", l.line, l.text))
        .collect();
    assert_eq!(
        got,
        vec!["5:消息一", "5:原始\"字符串", "6:续行消息", "15:之后{n}条"]
    );
    assert_eq!(normalise("之后{n}条{{x}}{0:>3}"), "之后{}条{x}{}");
}

/// Sources whose Chinese is data, not a message: what the roster workbook and the ballot
/// record are written with (headers, column help, the instruction sheet: a Chinese
/// workbook whatever the reader's language), the surname readings of pinyin, the rank
/// words matched in 职级 text, the vocabularies (their labels are in labels.ftl), the
/// language names and tests of this crate, and the names of the demo city and of the rosters
/// the tests build (`rules::sample`).
/// The printed 干部任免审批表 too: an official Chinese form, its labels Chinese in every
/// interface language.
const DATA_FILES: &[&str] = &[
    "crates/banzi-io/src/layout.rs",
    "crates/banzi-io/src/form_pdf/",
    "crates/banzi-domain/src/lrmx/wording.rs",
    "crates/banzi-io/src/roster_write/",
    "crates/banzi-io/src/ballot_write.rs",
    "crates/banzi-domain/src/pinyin_name.rs",
    "crates/banzi-domain/src/rules/rank.rs",
    "crates/banzi-domain/src/codes.rs",
    "crates/banzi-domain/src/rules/sample.rs",
    "crates/banzi-i18n/src",
    "src/demo/",
];

/// Chinese words of the code that are data: keywords a user types (the kinds of a ballot
/// question, in both scripts), the ends of a 班子名称 that already name a team (党组 …),
/// the spellings of 乡镇(街道) a workbook may carry, the keys of the structure counts (age
/// bands, decades of birth: the page words them), the audit key of a batch (`批量1000条`)
/// and the file names of downloads; the word that opens a 简历's in-service study line
/// (`（其间：…）`) of the LRMX format, which is read and written as the editor writes it, and
/// the word a period of study ends with (学习), by which the data check finds education dates;
/// the words of a holiday notice as the system administrator types it (R-SEL-9: 来源 in both
/// scripts, 上班, 放假, and the weekday in brackets, 周 or 星期).
const DATA_WORDS: &[&str] = &[
    "通过",
    "不通过",
    "通過",
    "不通過",
    "来源",
    "來源",
    "上班",
    "放假调休",
    "放假",
    "周",
    "星期",
    "其间",
    "（其间：",
    "学习",
    "赞成",
    "贊成",
    "干部测评",
    "幹部測評",
    "班子测评",
    "班子測評",
    "推荐",
    "推薦",
    "乡镇",
    "街道",
    "乡镇（街道）",
    "班子",
    "党组",
    "党委",
    "党工委",
    "{}-{}岁",
    "{:02}后",
    "可另提",
    "同意",
    "不同意",
    "弃权",
    "好",
    "较好",
    "一般",
    "差",
    "批量",
    "{}{}条",
    "干部花名册模板.xlsx",
    "干部花名册.xlsx",
    "{BATCH_KEY}{n}条",
    "{}{}人",
];

/// Names the code keeps as data: the keys of the structure counts, a role's Chinese name
/// (accepted by `Role::parse`), and a
/// ballot question's kind and marks as the filed result workbook writes them.
fn is_data_name(s: &str) -> bool {
    use banzi_domain::ballot::QuestionKind;
    use banzi_domain::role::Role;
    let kinds = [
        QuestionKind::Recommend {
            max: 1,
            write_ins: false,
        },
        QuestionKind::Approve,
        QuestionKind::RateCadre,
        QuestionKind::RateTeam,
    ];
    use banzi_domain::rules::{SOURCES, TENURE_BANDS, UNKNOWN};
    // The keys of the structure counts (R-STRUCT-1): the page words them by their place.
    SOURCES.contains(&s)
        || TENURE_BANDS.contains(&s)
        || s == UNKNOWN
        || Role::ALL.iter().any(|r| r.label() == s)
        || kinds
            .iter()
            .any(|k| k.label() == s || k.marks().contains(&s))
}

/// Issue 13: no crate builds a sentence; a message is an id of the catalog. A Chinese
/// literal in the code is a label (a vocabulary value, a field or column name), SQL, or
/// data listed above; anything else fails here with its place.
#[test]
fn no_code_writes_a_chinese_sentence() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut all = Vec::new();
    for dir in [
        "crates/banzi-domain/src",
        "crates/banzi-io/src",
        "crates/banzi-store/src",
        "crates/banzi-web/src",
        "crates/banzi-i18n/src",
        "src",
    ] {
        for f in rust_files(&root.join(dir)) {
            let shown = f.strip_prefix(&root).unwrap_or(&f).to_string_lossy();
            if DATA_FILES.iter().any(|x| shown.starts_with(x)) {
                continue;
            }
            let src = std::fs::read_to_string(&f).expect("source");
            all.extend(literals(&f, &src));
        }
    }
    assert!(all.len() > 1000, "too few literals: {}", all.len());
    let mut sentences = BTreeSet::new();
    for lit in &all {
        let text = lit.text.as_str();
        if !text.chars().any(is_han)
            || label_ids().contains_key(text)
            || is_vocabulary_word(text)
            || DATA_WORDS.contains(&text)
            || is_data_name(text)
            || is_sql(text)
        {
            continue;
        }
        let at = lit.file.strip_prefix(&root).unwrap_or(&lit.file);
        sentences.insert(format!("{}:{}: {text}", at.display(), lit.line));
    }
    assert!(
        sentences.is_empty(),
        "Chinese text in the code (make it a message of the catalog, or a label):\n{}",
        sentences.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The `message!("id", name = …, …)` calls of a source: (line, id, argument names).
fn message_calls(src: &str) -> Vec<(usize, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = src[from..].find("message!(").map(|i| i + from) {
        from = at + "message!(".len();
        let line = src[..at].matches('\n').count() + 1;
        let rest = src[from..].trim_start();
        let Some(body) = rest.strip_prefix('"') else {
            continue; // the macro's own definition, or a call with a computed id
        };
        let Some(end) = body.find('"') else { continue };
        let id = body[..end].to_string();
        // The arguments: `name =` at the top level of the call, up to its closing paren.
        let mut names = BTreeSet::new();
        let (mut depth, mut in_str, mut start) = (0i32, false, end + 1);
        let b = body.as_bytes();
        let mut i = end + 1;
        while i < b.len() {
            let c = b[i];
            if in_str {
                if c == b'\\' {
                    i += 1;
                } else if c == b'"' {
                    in_str = false;
                }
            } else {
                match c {
                    b'"' => in_str = true,
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' if depth == 0 => {
                        names.extend(arg_name(&body[start..i]));
                        break;
                    }
                    b')' | b']' | b'}' => depth -= 1,
                    b',' if depth == 0 => {
                        names.extend(arg_name(&body[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        out.push((line, id, names));
    }
    out
}

/// `name` of `name = value`.
fn arg_name(part: &str) -> Option<String> {
    let (name, _) = part.split_once('=')?;
    let name = name.trim();
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then(|| name.to_string())
}

/// Issue 13: every message the code names is in the catalog, and the code gives exactly the
/// arguments its entry reads: one missing would show as a placeholder, one extra means the
/// entry says less than the code meant.
#[test]
fn every_message_the_code_names_is_in_the_catalog_with_its_arguments() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cn = super::super::sources(super::super::Lang::ZhCn);
    let mut calls = 0;
    let mut wrong = Vec::new();
    for dir in [
        "crates/banzi-domain/src",
        "crates/banzi-io/src",
        "crates/banzi-store/src",
        "crates/banzi-web/src",
        "src",
    ] {
        for f in rust_files(&root.join(dir)) {
            // Comment lines (documentation's examples) blanked, lines kept.
            let src: String = std::fs::read_to_string(&f)
                .expect("source")
                .lines()
                .map(|l| {
                    if l.trim_start().starts_with("//") {
                        ""
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let at = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
            for (line, id, names) in message_calls(&src) {
                calls += 1;
                let Some((_, file_src)) = cn
                    .iter()
                    .find(|(_, s)| super::super::ids(s).contains(&id.as_str()))
                else {
                    wrong.push(format!("{at}:{line}: {id} is in no catalog"));
                    continue;
                };
                let want = super::variables(file_src, &id);
                if names != want {
                    wrong.push(format!("{at}:{line}: {id} given {names:?}, reads {want:?}"));
                }
            }
        }
    }
    assert!(calls > 200, "only {calls} calls found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn message_calls_are_read_with_their_arguments() {
    let src =
        "let m = message!(\n    \"a-b\",\n    x = f(1, 2),\n    y = \"(,)\",\n);\nmessage!(\"c\")";
    let got = message_calls(src);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1, "a-b");
    assert_eq!(got[0].2, ["x", "y"].map(String::from).into());
    assert_eq!((got[1].0, got[1].2.len()), (6, 0));
}

/// Every key the code and the templates read interface text by (`tr.t("a.b")`, `f`, `n`,
/// `args`, written out) has its entry: a missing one shows as ⟨missing text⟩.
#[test]
fn every_interface_key_the_code_reads_has_its_entry() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["crates/banzi-web/src", "crates/banzi-io/src", "src"] {
        files.extend(rust_files(&root.join(dir)));
    }
    let templates = root.join("crates/banzi-web/templates");
    files.extend(
        std::fs::read_dir(&templates)
            .expect("templates")
            .flatten()
            .map(|e| e.path()),
    );
    let zh = super::super::catalog(super::super::Lang::ZhCn);
    let (mut keys, mut missing) = (0, Vec::new());
    for f in files {
        let src = std::fs::read_to_string(&f).expect("source");
        for call in [".t(\"", ".f(\"", ".n(\"", ".args(\""] {
            for (at, _) in src.match_indices(call) {
                let rest = &src[at + call.len()..];
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
                    .collect();
                // A key built at run time (`format!("role.{code}")`) is not written out.
                if key.is_empty() || !rest[key.len()..].starts_with('"') {
                    continue;
                }
                keys += 1;
                if !zh.bundle.has_message(&super::super::fluent_id(&key)) {
                    let shown = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
                    missing.push(format!("{shown}: {key}"));
                }
            }
        }
    }
    assert!(keys > 400, "only {keys} keys found");
    assert!(missing.is_empty(), "no entry for:\n{}", missing.join("\n"));
}
