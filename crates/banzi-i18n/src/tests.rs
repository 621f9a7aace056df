mod alerts;
mod scan;

use super::sources::is_han;
use super::*;
use banzi_domain::codes;
use std::collections::BTreeSet;

const ZH_TW: Tr = Tr { lang: Lang::ZhTw };
const EN: Tr = Tr { lang: Lang::En };
const ZH_CN: Tr = Tr { lang: Lang::ZhCn };

#[test]
fn every_vocabulary_value_is_translated() {
    let labels: BTreeSet<&str> = codes::all_labels().into_iter().collect();
    let have: BTreeSet<&str> = label_ids().keys().copied().collect();
    assert_eq!(
        labels.difference(&have).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "labels.ftl lacks values"
    );
    // 民族, 单位类别, 现职级 (职务层次 and 职级) and 专业领域: every vocabulary a page shows
    // (issue 15, item 9).
    let ranks = codes::PostLevel::ALL.iter().map(|l| l.label());
    for g in codes::ETHNIC_GROUPS
        .iter()
        .chain(&codes::UNIT_CATEGORIES)
        .chain(&codes::RANKS)
        .chain(&codes::PROFESSIONAL_FIELDS)
        .copied()
        .chain(ranks)
    {
        assert!(labels.contains(&g), "{g} is not among the labels");
    }
    for l in [Lang::ZhTw, Lang::En] {
        for label in &labels {
            assert!(
                catalog(l).plain.contains_key(label_ids()[label]),
                "{} lacks {label}",
                l.code()
            );
        }
    }
    assert_eq!(EN.v("中共预备党员"), "CPC probationary member");
    assert_eq!(ZH_TW.v("副职"), "副職");
    assert_eq!(ZH_CN.v("副职"), "副职");
    assert_eq!(EN.v("维吾尔族"), "Uyghur");
    assert_eq!(ZH_TW.v("维吾尔族"), "維吾爾族");
    assert_eq!(EN.v("乡镇(街道)"), "Township (subdistrict)");
    assert_eq!(EN.v("张伟"), "张伟", "names are never translated");
    assert_eq!(EN.v("一级调研员"), "First-grade researcher");
    assert_eq!(ZH_TW.v("财政金融"), "財政金融");
    assert_eq!(EN.v("市直单位"), "City department");
}

/// The variables an entry refers to, anywhere in its pattern (selectors included).
fn variables(src: &str, id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut inside = false;
    for line in src.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            inside = line.split_once('=').is_some_and(|(i, _)| i.trim() == id);
        } else if line.starts_with(['#', '-']) {
            inside = false;
        }
        if !inside {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            let name: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            rest = &rest[at + 1 + name.len()..];
            out.insert(name);
        }
    }
    out
}

#[test]
fn every_catalog_loads_and_every_id_is_in_every_language_with_the_same_arguments() {
    for l in Lang::ALL {
        assert_eq!(load_errors(l), Vec::<String>::new(), "{}", l.code());
    }
    let cn = sources(Lang::ZhCn);
    for l in [Lang::ZhTw, Lang::En] {
        for ((file, src), (_, cn_src)) in sources(l).iter().zip(&cn) {
            let have: BTreeSet<&str> = ids(src).into_iter().collect();
            let want: BTreeSet<&str> = ids(cn_src).into_iter().collect();
            assert_eq!(
                want.difference(&have).collect::<Vec<_>>(),
                Vec::<&&str>::new(),
                "{}/{file}.ftl lacks entries",
                l.code()
            );
            assert_eq!(
                have.difference(&want).collect::<Vec<_>>(),
                Vec::<&&str>::new(),
                "{}/{file}.ftl has entries zh-CN has not",
                l.code()
            );
            for id in want {
                assert_eq!(
                    variables(src, id),
                    variables(cn_src, id),
                    "{}/{file}.ftl: {id} takes other arguments than in zh-CN",
                    l.code()
                );
            }
        }
    }
    assert_eq!(EN.t("p.colon"), ": ", "outer spaces are kept");
    assert_eq!(EN.f("appoint.since", "2020-01-02"), "since 2020-01-02");
}

#[test]
fn the_argument_check_sees_a_missing_or_extra_argument() {
    let src =
        "a = { $x } and { $y ->\n    [one] one\n   *[other] { $z }\n}, { $w }\n# c\nb = { $x }\n";
    let want: BTreeSet<String> = ["w", "x", "y", "z"].map(String::from).into();
    assert_eq!(variables(src, "a"), want);
    assert_eq!(variables(src, "b"), ["x".to_string()].into());
}

#[test]
fn real_messages_read_in_three_languages() {
    use banzi_domain::DomainError;
    use banzi_domain::id_number::IdNumber;
    use banzi_domain::message;
    use banzi_domain::roster::{RowError, at_place};

    // 11010519491231002X with the wrong check digit.
    let wrong = IdNumber::parse("110105194912310021").expect_err("check digit");
    assert_eq!(ZH_CN.msg(&wrong), "身份证号校验位不对（应为X），请核对号码");
    assert_eq!(
        EN.msg(&wrong),
        "Wrong check digit in the ID number (should be X); please check the number"
    );
    assert_eq!(ZH_TW.msg(&wrong), "身分證號檢查碼不對（應為X），請核對號碼");

    // A required cell left empty in the 干部 sheet; the sheet and column stay as the
    // workbook writes them.
    let row = RowError {
        sheet: "干部".into(),
        row: 3,
        column: "姓名".into(),
        message: Msg::new("reg-required"),
    };
    assert_eq!(
        ZH_CN.msg(&row.msg()),
        "工作表“干部”第3行“姓名”列：必填项不能为空"
    );
    assert_eq!(EN.msg(&row.message), "Required");
    assert_eq!(ZH_TW.msg(&row.message), "必填項不能為空");
    assert_eq!(
        EN.msg(&row.msg()),
        "Sheet “干部”, row 3, column “姓名”: Required"
    );
    assert_eq!(
        ZH_TW.msg(&row.msg()),
        "工作表「干部」第3列「姓名」欄：必填項不能為空"
    );
    assert_eq!(EN.gloss(&row.column), "姓名 (Name)");
    assert_eq!(ZH_TW.gloss(&row.column), "姓名");

    let gone = DomainError::NotFound(message!("store-appointment", id = 42));
    assert_eq!(ZH_CN.error(&gone), "未找到：任职记录 42");
    assert_eq!(EN.error(&gone), "Not found: appointment record 42");
    assert_eq!(ZH_TW.error(&gone), "找不到：任職記錄 42");
    let gone = message!(
        "store-not-found",
        what = message!("store-appointment", id = 42)
    );
    assert_eq!(EN.msg(&gone), "Not found: appointment record 42");

    // A vocabulary error lists the choices, each translated.
    let kind = codes::PostKind::parse("主任").expect_err("not a kind");
    assert_eq!(
        ZH_CN.msg(&kind),
        "职位类别“主任”不在可选范围内（可选：正职、副职、派驻纪检监察组组长、其他成员）"
    );
    assert_eq!(
        EN.msg(&kind),
        "Post kind “主任” is not one of the choices (Principal, Deputy, \
         Head of the stationed discipline team, Other member)"
    );
    assert_eq!(
        ZH_TW.msg(&kind),
        "職位類別「主任」不在可選範圍內（可選：正職、副職、派駐紀檢監察組組長、其他成員）"
    );

    // Every vocabulary's name and values are labels the catalog knows: in English nothing
    // Chinese is left of a vocabulary error but what was typed.
    for e in [
        codes::Gender::parse("x").expect_err("gender"),
        codes::UnitSystem::parse("x").expect_err("system"),
        codes::PostKind::parse("x").expect_err("kind"),
        codes::PostLevel::parse("x").expect_err("level"),
        codes::Party::parse("x").expect_err("party"),
        codes::Education::parse("x").expect_err("education"),
        codes::Degree::parse("x").expect_err("degree"),
        codes::Manner::parse("x").expect_err("manner"),
        codes::TrainingKind::parse("x").expect_err("training"),
        codes::Rating::parse("x").expect_err("rating"),
        codes::RewardKind::parse("x").expect_err("reward"),
    ] {
        let en = EN.msg(&e);
        assert!(!en.chars().any(is_han), "{en}");
        assert!(en.contains("“x”"), "{en}");
    }

    // Plural forms in English, none in Chinese.
    for (n, en, cn) in [
        (1, "1 more error is not listed", "另有 1 处错误未列出"),
        (3, "3 more errors are not listed", "另有 3 处错误未列出"),
    ] {
        let more = message!("roster-errors-more", count = n);
        assert!(EN.msg(&more).starts_with(en), "{}", EN.msg(&more));
        assert!(ZH_CN.msg(&more).starts_with(cn), "{}", ZH_CN.msg(&more));
    }

    // Names with the characters the old pattern catalog split sentences on (任, 于, 和) and
    // an English word that reads like the text around it: an argument is never taken
    // apart, so each stands whole, never converted, in a field error, an import error and
    // a not-found message, in every language.
    const NAMES: [&str; 5] = ["任自强", "于和平", "和于任", "任 the 于", "the"];
    for name in NAMES {
        // A field error: the name typed where 性别 was wanted.
        let field = codes::Gender::parse(name).expect_err("not a gender");
        // The same in the workbook, and a sheet of that name, ignored.
        let cell = RowError {
            sheet: "干部".into(),
            row: 3,
            column: "性别".into(),
            message: field.clone(),
        }
        .msg();
        let sheet = at_place(name, 0, "", Msg::new("roster-sheet-ignored"));
        // Not found: a user of that login.
        let gone = message!(
            "store-not-found",
            what = message!("store-user", login = name)
        );
        let read = |tr: Tr| [&field, &cell, &sheet, &gone].map(|m| tr.msg(m));
        assert_eq!(
            read(ZH_CN),
            [
                format!("性别“{name}”不在可选范围内（可选：男、女）"),
                format!("工作表“干部”第3行“性别”列：性别“{name}”不在可选范围内（可选：男、女）"),
                format!("工作表“{name}”：不是花名册的工作表，已忽略"),
                format!("未找到：用户“{name}”"),
            ],
            "{name}"
        );
        assert_eq!(
            read(ZH_TW),
            [
                format!("性別「{name}」不在可選範圍內（可選：男、女）"),
                format!(
                    "工作表「干部」第3列「性别」欄：性別「{name}」不在可選範圍內（可選：男、女）"
                ),
                format!("工作表「{name}」：不是花名冊的工作表，已忽略"),
                format!("找不到：使用者「{name}」"),
            ],
            "{name}"
        );
        assert_eq!(
            read(EN),
            [
                format!("Gender “{name}” is not one of the choices (Male, Female)"),
                format!(
                    "Sheet “干部”, row 3, column “性别”: Gender “{name}” is not one of the choices (Male, Female)"
                ),
                format!("Sheet “{name}”: Not a roster sheet; ignored"),
                format!("Not found: user “{name}”"),
            ],
            "{name}"
        );
    }
}

#[test]
fn the_browser_language_is_read_from_accept_language() {
    use Lang::*;
    for (header, want) in [
        ("zh-CN,zh;q=0.9,en;q=0.8", Some(ZhCn)),
        ("zh-TW,zh;q=0.9", Some(ZhTw)),
        ("zh-Hant-HK", Some(ZhTw)),
        ("zh-hk", Some(ZhTw)),
        ("zh", Some(ZhCn)),
        ("zh-Hans-SG", Some(ZhCn)),
        ("en-US,en;q=0.9", Some(En)),
        // By q, not by order; ties keep the first; q=0 is "not this one".
        ("en;q=0.5, zh-TW;q=0.8", Some(ZhTw)),
        ("en, zh-CN", Some(En)),
        ("zh;q=0, en;q=0.1", Some(En)),
        ("fr-FR, de;q=0.9, zh-TW;q=0.1", Some(ZhTw)),
        ("fr-FR, de;q=0.9", None),
        ("", None),
        ("*", None),
        ("en;q=abc", None),
    ] {
        assert_eq!(Lang::from_accept(header), want, "{header}");
    }
}

#[test]
fn counts_take_the_plural_form_their_language_needs() {
    assert_eq!(EN.n("cadre.age_years", 1), "1 year old");
    assert_eq!(EN.n("cadre.age_years", 54), "54 years old");
    assert_eq!(ZH_CN.n("cadre.age_years", 54), "54岁");
    assert_eq!(ZH_TW.n("cadre.age_years", 54), "54歲");
    assert_eq!(EN.n("profile.hours", 1.0), "1 hour");
    assert_eq!(EN.n("profile.hours", 12.5), "12.5 hours");
    assert_eq!(ZH_CN.n("profile.hours", 12.5), "12.5学时");
    assert_eq!(
        EN.n("result.basis_cast", 1u64),
        "No attendance was recorded when this vote closed: shares and pass marks are of the 1 ballot cast"
    );
    assert!(EN.n("result.basis_attended", 28u64).ends_with("28 people"));
    let tenure = [("y", Arg::Int(3)), ("m", Arg::Int(7))];
    assert_eq!(ZH_CN.args("team.tenure_ym", &tenure), "3年7个月");
    assert_eq!(EN.args("team.tenure_ym", &tenure), "3 y 7 m");
}

/// Every entry of every language, given a sample for each of its arguments (a text, then
/// the counts 1 and 2 so that every plural form is tried), words without an error and
/// leaves no placeholder behind.
#[test]
fn every_entry_renders_without_a_leftover_placeholder() {
    let mut seen = 0;
    for l in Lang::ALL {
        let bundle = &catalog(l).bundle;
        for (file, src) in sources(l) {
            for id in ids(src) {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    panic!("{}/{file}.ftl: {id} has no value", l.code());
                };
                let vars = variables(src, id);
                let samples: [fn() -> FluentValue<'static>; 4] = [
                    || FluentValue::from("王任重"),
                    || FluentValue::from(1),
                    || FluentValue::from(2),
                    || FluentValue::from("yes"),
                ];
                for sample in samples {
                    let mut args = FluentArgs::new();
                    for v in &vars {
                        args.set(v.clone(), sample());
                    }
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(
                        errors.is_empty(),
                        "{}/{file}.ftl: {id}: {errors:?}",
                        l.code()
                    );
                    assert!(
                        !text.contains("{$") && !text.contains('⟨') && !text.contains("{ $"),
                        "{}/{file}.ftl: {id} = {text}",
                        l.code()
                    );
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 2000, "only {seen} renderings");
}

/// The identifiers an entry's selections choose by (`yes`, `named`, `one` …).
fn select_keys(pieces: &[fast::Piece], out: &mut BTreeSet<&'static str>) {
    for p in pieces {
        if let fast::Piece::Select { variants, .. } = p {
            for (k, branch) in variants {
                if let fast::Key::Ident(i) = k {
                    out.insert(i);
                }
                select_keys(branch, out);
            }
        }
    }
}

/// Every entry the fast path words reads exactly as `fluent-bundle` words it, for every
/// argument given a text, a count (0, 1, 2, 100000) or each key its selections know.
#[test]
fn the_fast_path_words_every_entry_as_fluent_does() {
    let mut compared = 0;
    for l in Lang::ALL {
        let tr = Tr::new(l);
        let fast_entries = &catalog(l).fast;
        for (file, src) in sources(l) {
            for id in ids(src) {
                let Some(pieces) = fast_entries.get(id) else {
                    continue;
                };
                let vars: Vec<String> = variables(src, id).into_iter().collect();
                let names: Vec<&'static str> = vars
                    .iter()
                    .map(|v| &*Box::leak(v.clone().into_boxed_str()))
                    .collect();
                let mut keys = BTreeSet::new();
                select_keys(pieces, &mut keys);
                let mut samples: Vec<Arg> = [0, 1, 2, 100000].map(Arg::Int).to_vec();
                samples.push(Arg::from("王任重 the 于和"));
                samples.push(Arg::label("正职"));
                samples.extend(keys.iter().map(|k| Arg::from(*k)));
                let mut cases: Vec<Vec<(&'static str, Arg)>> = samples
                    .iter()
                    .map(|s| names.iter().map(|n| (*n, s.clone())).collect())
                    .collect();
                for (i, _) in names.iter().enumerate() {
                    for s in &samples {
                        let mut args: Vec<(&'static str, Arg)> =
                            names.iter().map(|n| (*n, Arg::from("甲"))).collect();
                        args[i].1 = s.clone();
                        cases.push(args);
                    }
                }
                for args in cases {
                    let mut fast = String::new();
                    if fast::render(tr, pieces, &args, &mut fast) {
                        let slow = tr.format_fluent(id, &args);
                        assert_eq!(fast, slow, "{}/{file}.ftl: {id} with {args:?}", l.code());
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared > 10_000, "only {compared} comparisons");
    // Most entries take the fast path: a province's alerts are all among them.
    for l in Lang::ALL {
        let (_, rules) = sources(l)[5];
        for id in ids(rules) {
            assert!(
                catalog(l).fast.contains_key(id),
                "{}: {id} is not fast",
                l.code()
            );
        }
    }
}

/// Characters only Simplified Chinese writes so (zh-TW writes 這, 說, 時 …).
const SIMPLIFIED: &str = "这说们时会对过发开关门问间实现该业请数据简体录选项设权确删编辑计议记错误\
                          与来则报态组织领训练测评赞码资历别户账号审导册页职满须应当划龄岁个员专\
                          领为补轻党单无备连续两担务层荐试认参挂锻炼标统额调驻纪检监长岗将级处";

/// zh-TW is written in Traditional characters: no entry of its catalog keeps a Simplified
/// one outside its placeables (where names and data go).
#[test]
fn zh_tw_is_written_in_traditional_characters() {
    let mut found = Vec::new();
    for (file, src) in sources(Lang::ZhTw) {
        for line in src.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let text = line.split_once(" = ").map_or(line, |(_, v)| v);
            let mut depth = 0;
            let outside: String = text
                .chars()
                .filter(|c| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => return depth == 0,
                    }
                    false
                })
                .collect();
            if outside.chars().any(|c| SIMPLIFIED.contains(c)) {
                found.push(format!("zh-TW/{file}.ftl: {line}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
