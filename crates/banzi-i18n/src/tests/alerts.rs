//! The alerts of the rules in zh-CN, zh-TW and English: a roster built in code raises every
//! rule and every form of its message, with names that share characters with the text (任,
//! 于, 和, 自) and one that looks English ("Catherine"); each alert must read in all three
//! languages with its names, titles and dates kept and nothing left of the catalog's syntax,
//! zh-TW without simplified fixed text and English without Chinese other than the names and
//! titles. zh-CN reads exactly as the rules wrote it before messages were data (issue 13).

use super::{EN, ZH_CN, ZH_TW};
use crate::sources::is_cjk;
use crate::{Arg, Msg, Tr};
use banzi_domain::codes::{Gender, Manner, Party, PostKind, PostLevel, UnitSystem};
use banzi_domain::message;
use banzi_domain::rules::sample::{RosterBuilder as B, d};
use banzi_domain::rules::{Alert, Facts, Params, evaluate};
use std::sync::Arc;

const AS_OF: &str = "2024-03-01";

/// A city whose alerts on [`AS_OF`] are of every rule and every form.
fn city() -> B {
    use PostKind::*;
    let mut b = B::new();
    // 财政局: 正职 reached (a name with 任 inside), 副职 anticipated (a name with 任 and 自), 派驻组长
    // reached; no member 42 or under, none from outside, all in one age band.
    b.unit("CZJ", "江川市财政局")
        .post("CZJ-1", "CZJ", "局长", Principal)
        .post("CZJ-2", "CZJ", "副局长", Deputy)
        .post("CZJ-3", "CZJ", "派驻纪检监察组组长", DisciplineLead);
    let zhang = b.cadre("王任重");
    let ren = b.cadre("任自强");
    let wang = b.cadre_full("王芳", Gender::Female, "1975-06-15", Party::Cpc, "", "");
    b.appt(&zhang, "CZJ-1", "2014-03-01", None, None)
        .appt(&ren, "CZJ-2", "2014-06-01", None, None)
        .appt(&wang, "CZJ-3", "2019-01-01", None, None);

    // 组织部 (a key system, must have a 党外 member), its team a 党组: 副职 of the team
    // reached and anticipated, a seat vacant beside a secondment, no woman.
    b.unit_full(
        "ZZB",
        "江川市委组织部",
        "市直单位",
        UnitSystem::Organization,
        true,
    )
    .post_full("ZZB-1", "ZZB", "党组", "副部长", Deputy, 1)
    .post_full("ZZB-2", "ZZB", "党组", "常务副部长", Deputy, 2);
    let li = b.cadre("李强");
    let zhao = b.cadre("赵敏");
    let gua = b.cadre("于挂职");
    b.appt(&li, "ZZB-1", "2010-05-01", None, None)
        .appt(&zhao, "ZZB-2", "2014-12-01", None, None)
        .appt(&gua, "ZZB-2", "2023-09-01", None, Some(Manner::Secondment));

    // 发展改革委: two portfolios (reached, anticipated); a post held beyond its seat by
    // two men reaching retirement (60 with no delay, reached; 60 and a month, ahead).
    b.unit("FGW", "江川市发展改革委")
        .post("FGW-1", "FGW", "副主任", Deputy)
        .post("FGW-2", "FGW", "主任", Principal);
    let sun = b.cadre("孙立");
    let zhou = b.cadre_full("周建", Gender::Male, "1965-01-15", Party::Cpc, "", "");
    let wu = b.cadre_full("吴刚", Gender::Male, "1964-02-10", Party::Cpc, "", "");
    b.appt(&sun, "FGW-1", "2019-07-01", None, None)
        .portfolio(&sun, "FGW-1", "财务", "2018-01-01", None)
        .portfolio(&sun, "FGW-1", "项目建设", "2019-07-01", None)
        .appt(&zhou, "FGW-2", "2020-01-01", None, None)
        .appt(&wu, "FGW-2", "2020-01-01", None, None);

    // 司法局 (brackets in its name): leaving-leadership ages by rank (reached, ahead); two
    // probations ending within the month, one of a name with 于; one field of expertise.
    b.unit("SFJ", "江川市司法局（市法制办）")
        .post("SFJ-1", "SFJ", "局长", Principal)
        .post("SFJ-2", "SFJ", "副局长", Deputy)
        .post("SFJ-3", "SFJ", "政治部主任", Deputy)
        .post("SFJ-4", "SFJ", "副局长（兼）", Deputy);
    let feng = b.cadre_full(
        "冯琳",
        Gender::Female,
        "1966-01-01",
        Party::Cpc,
        "法律",
        "正处级",
    );
    let chen = b.cadre_full(
        "陈刚",
        Gender::Male,
        "1969-06-01",
        Party::Cpc,
        "法律",
        "副处级",
    );
    let yu = b.cadre_full("李于飞", Gender::Male, "1980-01-01", Party::Cpc, "法律", "");
    let qian = b.cadre_full("钱进", Gender::Male, "1982-01-01", Party::Cpc, "法律", "");
    b.appt(&feng, "SFJ-1", "2020-01-01", None, None)
        .appt(&chen, "SFJ-2", "2020-01-01", None, None)
        .appt(&yu, "SFJ-3", "2023-03-15", None, Some(Manner::Appointed))
        .appt(
            &qian,
            "SFJ-4",
            "2023-03-20",
            None,
            Some(Manner::Competition),
        );

    // One level: 15 years in total at 正处级 across two units (reached, with an earlier post
    // of no 职务层次 left out), at 副处级 (ahead); the second post itself also reaches two
    // terms and its exchange.
    b.unit("SWJ", "江川市商务局")
        .post("SWJ-1", "SWJ", "局长", Principal)
        .unit("XZ", "江川市某镇")
        .post("XZ-1", "XZ", "镇长", Principal)
        .post("XZ-2", "XZ", "副镇长", Deputy)
        .unit("JTJ", "江川市交通局")
        .post("JTJ-1", "JTJ", "副局长", Deputy)
        .post("JTJ-2", "JTJ", "总工程师", Deputy)
        .post("JTJ-3", "JTJ", "派驻纪检监察组组长", DisciplineLead)
        .level("XZ-1", PostLevel::DivisionChief)
        .level("SWJ-1", PostLevel::DivisionChief)
        .level("XZ-2", PostLevel::DivisionDeputy)
        .level("JTJ-1", PostLevel::DivisionDeputy);
    let he = b.cadre("和平");
    let lu = b.cadre("卢自立");
    b.appt(&he, "JTJ-2", "2003-01-01", Some("2004-12-31"), None)
        .appt(&he, "XZ-1", "2005-01-01", Some("2015-01-01"), None)
        .appt(&he, "SWJ-1", "2015-01-02", None, None)
        .appt(&lu, "XZ-2", "2009-06-01", Some("2014-06-01"), None)
        .appt(&lu, "JTJ-1", "2014-06-02", None, None);
    // 交通局 also: a 副职 reached (a name that looks English, with "the" inside), a 派驻组长
    // ahead (乡科级, short of 学时).
    let catherine = b.cadre("Catherine");
    let xu = b.cadre_full("许于", Gender::Male, "1975-06-15", Party::Cpc, "", "正科级");
    b.appt(&catherine, "JTJ-2", "2012-01-01", None, None).appt(
        &xu,
        "JTJ-3",
        "2019-06-01",
        None,
        None,
    );
    b
}

fn params() -> Params {
    Params::from_pairs(&[("age.leave_by_rank", "正处级=58；副处级=55")]).expect("params")
}

fn alerts(b: &B) -> Vec<Alert> {
    evaluate(&Arc::new(Facts::new(&b.r)), &params(), d(AS_OF))
        .alerts
        .to_vec()
}

/// The text of an argument as it is shown in every language (a name, a title, a number);
/// a team (`rule-team`, the unit's name and the 班子名称) as zh-CN writes it.
fn text(a: Option<&Arg>) -> Option<String> {
    match a? {
        Arg::Text(s) => Some(s.to_string()),
        Arg::Int(n) => Some(n.to_string()),
        Arg::Msg(m) if m.id == "rule-team" => Some(crate::Tr::new(crate::Lang::ZhCn).msg(m)),
        _ => None,
    }
}

/// The texts of a message's arguments, those of the messages inside it included.
fn texts(m: &Msg) -> Vec<String> {
    let mut out = Vec::new();
    for (_, a) in &m.args {
        match a {
            Arg::Text(s) => out.push(s.to_string()),
            Arg::Msg(inner) => out.extend(texts(inner)),
            _ => {}
        }
    }
    out
}

/// Whether `m`'s argument `name` is `want`.
fn is(m: &Msg, name: &str, want: &str) -> bool {
    m.arg(name).is_some_and(|a| a.to_string() == want)
}

/// A form of a message: its rule, its id and what its arguments say.
type Form = (&'static str, &'static str, fn(&Msg) -> bool);

/// Every form of every rule's message, each of which the city must raise.
const FORMS: &[Form] = &[
    ("R-STRUCT-2", "rule-young", |m| is_team(m, "领导班子")),
    ("R-STRUCT-2", "rule-young", |m| is_team(m, "党组")),
    ("R-STRUCT-3", "rule-no-woman", |_| true),
    ("R-STRUCT-3", "rule-no-non-cpc", |_| true),
    ("R-STRUCT-4", "rule-seats", |m| is(m, "state", "over")),
    ("R-STRUCT-4", "rule-seats", |m| {
        is(m, "state", "vacant") && is(m, "seconded", "0")
    }),
    ("R-STRUCT-4", "rule-seats", |m| {
        is(m, "state", "vacant") && !is(m, "seconded", "0")
    }),
    ("R-STRUCT-5", "rule-outside", |_| true),
    ("R-STRUCT-6", "rule-same-field", |_| true),
    ("R-STRUCT-6", "rule-same-age", |_| true),
    ("R-EXCH-1", "rule-exch", |m| is(m, "reached", "yes")),
    ("R-EXCH-1", "rule-exch", |m| is(m, "reached", "no")),
    ("R-EXCH-2", "rule-exch-team", |m| is(m, "reached", "yes")),
    ("R-EXCH-2", "rule-exch-team", |m| is(m, "reached", "no")),
    ("R-EXCH-3", "rule-exch", |m| is(m, "reached", "yes")),
    ("R-EXCH-3", "rule-exch", |m| is(m, "reached", "no")),
    ("R-EXCH-4", "rule-exch", |m| is(m, "reached", "yes")),
    ("R-EXCH-4", "rule-exch", |m| is(m, "reached", "no")),
    ("R-EXCH-5", "rule-exch-portfolio", |m| {
        is(m, "reached", "yes")
    }),
    ("R-EXCH-5", "rule-exch-portfolio", |m| {
        is(m, "reached", "no")
    }),
    ("R-AGE-1", "rule-retire", |m| {
        is(m, "months", "0") && is(m, "reached", "yes")
    }),
    ("R-AGE-1", "rule-retire", |m| {
        !is(m, "months", "0") && is(m, "reached", "no")
    }),
    ("R-AGE-1", "rule-leave", |m| is(m, "reached", "yes")),
    ("R-AGE-1", "rule-leave", |m| is(m, "reached", "no")),
    ("R-PROB-1", "rule-probation", |m| is(m, "manner", "委任")),
    ("R-PROB-1", "rule-probation", |m| {
        is(m, "manner", "竞争上岗")
    }),
    ("R-TERM-1", "rule-two-terms", |m| is(m, "reached", "yes")),
    ("R-TERM-1", "rule-two-terms", |m| is(m, "reached", "no")),
    ("R-TERM-1", "rule-level-years", |m| {
        is(m, "reached", "yes") && !is(m, "unknown", "0")
    }),
    ("R-TERM-1", "rule-level-years", |m| {
        is(m, "reached", "no") && is(m, "unknown", "0")
    }),
    ("R-TRAIN-1", "rule-trainings", |_| true),
    ("R-TRAIN-1", "rule-county-hours", |_| true),
    ("R-TRAIN-1", "rule-township-hours", |_| true),
    ("R-TRAIN-2", "rule-secondments", |_| true),
];

fn is_team(m: &Msg, end: &str) -> bool {
    text(m.arg("team")).is_some_and(|t| t.ends_with(end))
}

/// What must be kept as it is in every language: names, titles, work and fields, and the
/// dates (a day `YYYY-MM-DD` in all three).
fn kept(m: &Msg) -> Vec<String> {
    let mut out = Vec::new();
    for (name, a) in &m.args {
        match a {
            Arg::Text(s) if ["name", "post", "team", "unit", "work", "field"].contains(name) => {
                out.push(s.to_string());
            }
            Arg::Date(day) => out.push(day.to_string()),
            Arg::Msg(inner) => out.extend(kept(inner)),
            _ => {}
        }
    }
    out
}

/// The text without what a translation keeps as it is (longest first).
fn without(kept: &[String], text: &str) -> String {
    let mut kept: Vec<&String> = kept.iter().filter(|s| !s.is_empty()).collect();
    kept.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = text.to_string();
    for s in kept {
        out = out.replace(s.as_str(), " ");
    }
    out
}

/// Simplified characters of the alerts' fixed text that zh-TW writes otherwise.
const SIMPLIFIED: &str = "于职满须应当计划龄岁个现员专业领为补轻干党单无数备连续两担务层荐\
                          试确认时参训挂锻炼标统额调驻纪检监组长岗导将级处";

/// Nothing of the catalog's syntax is left: no placeable, no missing entry.
fn whole(lang: &str, text: &str) {
    for mark in ["{", "}", "$", "⟨", "⟩"] {
        assert!(!text.contains(mark), "{lang}: {mark} left in {text}");
    }
}

/// R-STRUCT-2..6, R-EXCH-1..5, R-AGE-1, R-PROB-1, R-TERM-1, R-TRAIN-1..2: every form reads in
/// the three languages.
#[test]
fn every_alert_reads_in_three_languages() {
    let b = city();
    let all = alerts(&b);
    for (rule, id, says) in FORMS {
        assert!(
            all.iter()
                .any(|a| a.rule == *rule && a.message.id == *id && says(&a.message)),
            "no {rule} alert of the form {id} among:\n{}",
            all.iter()
                .map(|a| format!("{} {}", a.rule, a.message))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    for a in &all {
        let m = &a.message;
        assert!(
            FORMS.iter().any(|(r, id, _)| *r == a.rule && *id == m.id),
            "a form not listed: {} {m}",
            a.rule
        );
        let cn = ZH_CN.msg(m);
        let tw = ZH_TW.msg(m);
        let en = EN.msg(m);
        for (lang, t) in [("zh-CN", &cn), ("zh-TW", &tw), ("en", &en)] {
            whole(lang, t);
            for k in kept(m) {
                assert!(t.contains(&k), "{lang} lost {k}: {t}");
            }
            assert!(t.contains(a.rule), "{lang} does not cite {}: {t}", a.rule);
        }
        assert_ne!(tw, cn, "zh-TW is zh-CN: {cn}");
        let keep = kept(m);
        let rest = without(&keep, &tw);
        assert!(
            !rest.chars().any(|c| SIMPLIFIED.contains(c)),
            "zh-TW keeps simplified text: {tw}"
        );
        let rest = without(&keep, &en);
        assert!(!rest.chars().any(is_cjk), "en keeps Chinese: {en} ({rest})");
        if let Some(Arg::Month(due)) = m.arg("month") {
            let (y, mo) = (due.year(), due.month());
            assert!(cn.contains(&format!("{y:04}年{mo:02}月")), "{cn}");
            assert!(tw.contains(&format!("{y:04}年{mo:02}月")), "{tw}");
            assert!(en.contains(&format!("{y:04}-{mo:02}")), "{en}");
        }
    }
}

/// One alert's message, found by its rule and a name or title it holds.
fn find<'a>(all: &'a [Alert], rule: &str, holds: &str) -> &'a Msg {
    let a = all
        .iter()
        .find(|a| a.rule == rule && texts(&a.message).iter().any(|s| s.contains(holds)));
    &a.unwrap_or_else(|| panic!("no {rule} naming {holds}"))
        .message
}

/// The three wordings of a message.
fn three(m: &Msg) -> [String; 3] {
    [ZH_CN.msg(m), ZH_TW.msg(m), EN.msg(m)]
}

/// R-EXCH-1, R-EXCH-3, R-TERM-1, R-PROB-1, R-TRAIN-1, R-STRUCT-2, R-AGE-1: names and titles
/// that share characters with the text, or brackets, or English, are shown as they are.
#[test]
fn names_and_titles_sharing_characters_with_the_text_stay_whole() {
    let all = alerts(&city());
    // R-EXCH-3. 任自强: 任 and 自 are also the text after a name.
    assert_eq!(
        three(find(&all, "R-EXCH-3", "任自强")),
        [
            "任自强，现任江川市财政局副局长（副职）自2014-06-01起将于2024-06-01满10年，应当交流（R-EXCH-3）",
            "任自强，現任江川市财政局副局长（副職）自2014-06-01起將於2024-06-01滿10年，應當交流（R-EXCH-3）",
            "任自强, 江川市财政局副局长 (Deputy) since 2014-06-01, will reach 10 years in the \
             post on 2024-06-01: should then be exchanged (R-EXCH-3)",
        ]
    );
    // R-EXCH-1. 王任重: 任 inside a name is not the 任 of the text.
    assert_eq!(
        three(find(&all, "R-EXCH-1", "王任重")),
        [
            "王任重，现任江川市财政局局长（正职）自2014-03-01起已于2024-03-01满10年，须交流（R-EXCH-1）",
            "王任重，現任江川市财政局局长（正職）自2014-03-01起已於2024-03-01滿10年，須交流（R-EXCH-1）",
            "王任重, 江川市财政局局长 (Principal) since 2014-03-01, reached 10 years in the post \
             on 2024-03-01: must be exchanged (R-EXCH-1)",
        ]
    );
    // R-EXCH-3. An English-looking name: "the" of the name is not the text's.
    assert_eq!(
        EN.msg(find(&all, "R-EXCH-3", "Catherine")),
        "Catherine, 江川市交通局总工程师 (Deputy) since 2012-01-01, reached 10 years in the \
         post on 2022-01-01: should be exchanged (R-EXCH-3)"
    );
    // R-TERM-1, two terms.
    assert_eq!(
        three(find(&all, "R-TERM-1", "王任重")),
        [
            "王任重自2014-03-01起任江川市财政局局长，已于2024-03-01连续任职满两个任期（10年），\
             不再推荐、提名或者任命担任同一职务（R-TERM-1）",
            "王任重自2014-03-01起任江川市财政局局长，已於2024-03-01連續任職滿兩個任期（10年），\
             不再推薦、提名或者任命擔任同一職務（R-TERM-1）",
            "王任重, 江川市财政局局长 since 2014-03-01, completed two consecutive terms \
             (10 years) on 2024-03-01: not to be recommended, nominated or appointed to the \
             same post again (R-TERM-1)",
        ]
    );
    // R-TERM-1, one level. 卢自立 holds 自 (副处级: 2009-06-01 to 2014-06-01, then from
    // 2014-06-02).
    assert_eq!(
        three(find(&all, "R-TERM-1", "卢自立")),
        [
            "卢自立（现任江川市交通局副局长）自2009-06-01起担任副处级领导职务，累计将于2024-06-02满15年，\
             不再推荐、提名或者任命担任同层次领导职务（R-TERM-1）"
                .to_string(),
            "卢自立（現任江川市交通局副局长）自2009-06-01起擔任副處級領導職務，累計將於2024-06-02滿15年，\
             不再推薦、提名或者任命擔任同層次領導職務（R-TERM-1）"
                .to_string(),
            format!(
                "卢自立 (now 江川市交通局副局长) has held leadership posts at {} since \
                 2009-06-01, will reach 15 years in total on 2024-06-02: then not to be \
                 recommended, nominated or appointed to a leadership post of the same level \
                 again (R-TERM-1)",
                EN.v("副处级")
            ),
        ]
    );
    // R-TERM-1: an earlier post of no 职务层次 is left out, and said to be. 和平 holds 和.
    let [cn, tw, en] = three(find(&all, "R-TERM-1", "和平"));
    assert!(
        cn.ends_with("（R-TERM-1）；另有1段任职的职位未填职务层次，未计入"),
        "{cn}"
    );
    assert!(
        tw.ends_with("（R-TERM-1）；另有1段任職的職位未填職務層次，未計入"),
        "{tw}"
    );
    assert!(
        en.ends_with(
            "(R-TERM-1); 1 earlier appointment at a post with no level recorded was not counted"
        ),
        "{en}"
    );
    // R-PROB-1. 李于飞: 于 is also the text after the name.
    assert_eq!(
        three(find(&all, "R-PROB-1", "李于飞")),
        [
            "李于飞于2023-03-15以委任方式任江川市司法局（市法制办）政治部主任，试用期12个月，\
             将于2024-03-15期满，应及时考核确认（R-PROB-1）",
            "李于飞於2023-03-15以委任方式任江川市司法局（市法制办）政治部主任，試用期12個月，\
             將於2024-03-15期滿，應及時考核確認（R-PROB-1）",
            "李于飞, 江川市司法局（市法制办）政治部主任 since 2023-03-15 (Appointed): the \
             12-month probation ends on 2024-03-15; assess and confirm in time (R-PROB-1)",
        ]
    );
    // R-TRAIN-1. Brackets in the unit's name and the post's title.
    assert_eq!(
        three(find(&all, "R-TRAIN-1", "钱进")),
        [
            "钱进（江川市司法局（市法制办）副局长（兼））2023年参加专业化能力培训0次，少于每年1次（R-TRAIN-1）",
            "钱进（江川市司法局（市法制办）副局长（兼））2023年參加專業化能力培訓0次，少於每年1次（R-TRAIN-1）",
            "钱进 (江川市司法局（市法制办）副局长（兼）): 0 professional competence trainings \
             in 2023, fewer than 1 a year (R-TRAIN-1)",
        ]
    );
    // R-STRUCT-2. A team that is a 党组.
    assert_eq!(
        three(find(&all, "R-STRUCT-2", "党组")),
        [
            "截至2024-03-01，江川市委组织部党组无42岁及以下的年轻干部（R-STRUCT-2）",
            "截至2024-03-01，江川市委组织部党组無42歲及以下的年輕幹部（R-STRUCT-2）",
            "As of 2024-03-01, 江川市委组织部党组 has no young cadre aged 42 or under (R-STRUCT-2)",
        ]
    );
    // R-AGE-1: the vocabulary inside the message is translated, the month written per
    // language.
    assert_eq!(
        three(find(&all, "R-AGE-1", "周建")),
        [
            "周建（男，1965-01-15出生）任江川市发展改革委主任，法定退休年龄60岁1个月，\
             到龄年月2025年02月，将于2025-02-15到龄（R-AGE-1）",
            "周建（男，1965-01-15出生）任江川市发展改革委主任，法定退休年齡60歲1個月，\
             屆齡年月2025年02月，將於2025-02-15屆齡（R-AGE-1）",
            "周建 (Male, born 1965-01-15), 江川市发展改革委主任: statutory retirement age 60 \
             years 1 month, due in 2025-02, to be reached on 2025-02-15 (R-AGE-1)",
        ]
    );
}

/// zh-CN reads as each rule wrote it before messages were data (the sentences the rules'
/// tests compared, and the examples of DOMAIN.md and the rules' doc comments), for every
/// rule and case; the domain's tests check that the rules choose these messages.
#[test]
fn zh_cn_reads_as_the_rules_wrote_it() {
    let day = |s: &str| Arg::Date(d(s));
    let label = |l: &'static str| Arg::label(l);
    let yes = || Arg::from("yes");
    let no = || Arg::from("no");
    let cases: Vec<(Msg, &str)> = vec![
        (
            message!(
                "rule-young",
                as_of = day("2025-06-15"),
                team = "江川市商务局领导班子",
                age = 42
            ),
            "截至2025-06-15，江川市商务局领导班子无42岁及以下的年轻干部（R-STRUCT-2）",
        ),
        (
            message!(
                "rule-no-non-cpc",
                unit = "江川市教育局",
                as_of = day("2024-03-01")
            ),
            "江川市教育局为党外干部必配单位，截至2024-03-01班子成员中无党外干部（R-STRUCT-3）",
        ),
        (
            message!(
                "rule-no-woman",
                as_of = day("2024-03-01"),
                team = "江川市商务局领导班子"
            ),
            "截至2024-03-01，江川市商务局领导班子无女干部（R-STRUCT-3）",
        ),
        (
            message!(
                "rule-seats",
                as_of = day("2024-03-01"),
                post = "江川市商务局副局长",
                seats = 2,
                held = 3,
                seconded = 0,
                state = "over",
                n = 1,
            ),
            "截至2024-03-01，江川市商务局副局长职数2名，现任3名，超职数配备1名（R-STRUCT-4）",
        ),
        (
            message!(
                "rule-seats",
                as_of = day("2024-06-01"),
                post = "江川市商务局副局长",
                seats = 2,
                held = 1,
                seconded = 1,
                state = "vacant",
                n = 1,
            ),
            "截至2024-06-01，江川市商务局副局长职数2名，现任1名（另有挂职1名，不占职数），空缺1名（R-STRUCT-4）",
        ),
        (
            message!(
                "rule-outside",
                as_of = day("2024-02-29"),
                team = "江川市商务局领导班子",
                members = 4,
                outside = 1,
                share = "1/3",
            ),
            "截至2024-02-29，江川市商务局领导班子现有成员4名，其中系统外交流干部1名，低于1/3（R-STRUCT-5 额位制）",
        ),
        (
            message!(
                "rule-same-field",
                as_of = day("2025-02-28"),
                team = "江川市商务局领导班子",
                members = 2,
                field = "经济管理",
            ),
            "截至2025-02-28，江川市商务局领导班子2名成员专业领域均为经济管理，缺乏互补（R-STRUCT-6）",
        ),
        (
            message!(
                "rule-same-age",
                as_of = day("2025-02-28"),
                team = "江川市商务局领导班子",
                members = 2,
                from = 40,
                to = 44,
            ),
            "截至2025-02-28，江川市商务局领导班子2名成员年龄均在40至44岁之间，缺乏互补（R-STRUCT-6）",
        ),
        (
            message!(
                "rule-exch",
                name = "张伟",
                post = "江川市财政局局长",
                kind = label("正职"),
                since = day("2014-03-01"),
                reached = no(),
                due = day("2024-03-01"),
                years = 10,
                rule = "R-EXCH-1",
            ),
            "张伟，现任江川市财政局局长（正职）自2014-03-01起将于2024-03-01满10年，须交流（R-EXCH-1）",
        ),
        (
            message!(
                "rule-exch",
                name = "王芳",
                post = "江川市纪委监委派驻第一纪检监察组组长",
                kind = label("派驻纪检监察组组长"),
                since = day("2020-02-29"),
                reached = yes(),
                due = day("2025-02-28"),
                years = 5,
                rule = "R-EXCH-4",
            ),
            "王芳，现任江川市纪委监委派驻第一纪检监察组组长（派驻纪检监察组组长）自2020-02-29起已于\
             2025-02-28满5年，应当有计划交流（R-EXCH-4）",
        ),
        (
            message!(
                "rule-exch-team",
                name = "李强",
                post = "江川市委组织部副部长",
                kind = label("副职"),
                since = day("2010-05-01"),
                team = "江川市委组织部领导班子",
                reached = yes(),
                due = day("2020-05-01"),
                years = 10,
            ),
            "李强，现任江川市委组织部副部长（副职），自2010-05-01起在江川市委组织部领导班子连续任职，\
             已于2020-05-01满10年，应当交流（R-EXCH-2）",
        ),
        (
            message!(
                "rule-exch-portfolio",
                name = "赵敏",
                post = "江川市发展改革委副主任",
                since = day("2019-07-01"),
                work = "项目建设",
                reached = yes(),
                due = day("2024-07-01"),
                years = 5,
            ),
            "赵敏，现任江川市发展改革委副主任，自2019-07-01起分管项目建设，已于2024-07-01满5年，\
             应当调整分工（R-EXCH-5）",
        ),
        (
            message!(
                "rule-retire",
                name = "周建",
                gender = label("女"),
                birth = day("1966-05-20"),
                post = "江川市司法局局长",
                age = 60,
                months = 0,
                month = Arg::Month(d("2026-05-20")),
                reached = yes(),
                due = day("2026-05-20"),
            ),
            "周建（女，1966-05-20出生）任江川市司法局局长，法定退休年龄60岁，到龄年月2026年05月，\
             已于2026-05-20到龄（R-AGE-1）",
        ),
        (
            message!(
                "rule-leave",
                name = "周建",
                rank = label("正处级"),
                birth = day("1970-06-01"),
                post = "江川市司法局局长",
                age = 58,
                month = Arg::Month(d("2028-06-01")),
                reached = yes(),
                due = day("2028-06-01"),
            ),
            "周建（正处级，1970-06-01出生）任江川市司法局局长，退出领导岗位年龄58岁，到龄年月2028年06月，\
             已于2028-06-01到龄（R-AGE-1）",
        ),
        (
            message!(
                "rule-probation",
                name = "孙立",
                since = day("2023-06-15"),
                manner = label("委任"),
                post = "江川市水利局副局长",
                months = 12,
                due = day("2024-06-15"),
            ),
            "孙立于2023-06-15以委任方式任江川市水利局副局长，试用期12个月，将于2024-06-15期满，\
             应及时考核确认（R-PROB-1）",
        ),
        (
            message!(
                "rule-two-terms",
                name = "吴刚",
                since = day("2014-03-01"),
                post = "江川市文旅局局长",
                reached = yes(),
                due = day("2024-03-01"),
                years = 10,
            ),
            "吴刚自2014-03-01起任江川市文旅局局长，已于2024-03-01连续任职满两个任期（10年），\
             不再推荐、提名或者任命担任同一职务（R-TERM-1）",
        ),
        (
            message!(
                "rule-level-years",
                name = "郑和",
                post = "江川市林业局副局长",
                since = day("2005-01-01"),
                level = label("副处级"),
                reached = no(),
                due = day("2023-01-02"),
                years = 15,
                unknown = 1,
            ),
            "郑和（现任江川市林业局副局长）自2005-01-01起担任副处级领导职务，累计将于2023-01-02满15年，\
             不再推荐、提名或者任命担任同层次领导职务（R-TERM-1）；另有1段任职的职位未填职务层次，未计入",
        ),
        (
            message!(
                "rule-trainings",
                name = "冯琳",
                post = "江川市生态环境局局长",
                year = 2025,
                done = 0,
                need = 1,
            ),
            "冯琳（江川市生态环境局局长）2025年参加专业化能力培训0次，少于每年1次（R-TRAIN-1）",
        ),
        (
            message!(
                "rule-county-hours",
                name = "王于和",
                post = "江川县县长",
                from = 2021,
                to = 2025,
                hours = "549.9",
                years = 5,
                need = 550,
            ),
            "王于和（江川县县长，县处级以上）2021年至2025年参加培训累计549.9学时，少于5年550学时（R-TRAIN-1）",
        ),
        (
            message!(
                "rule-township-hours",
                name = "王于和",
                post = "江川县县长",
                year = 2025,
                hours = "89.5",
                need = 90,
            ),
            "王于和（江川县县长，乡科级）2025年参加培训89.5学时，少于每年90学时（R-TRAIN-1）",
        ),
        (
            message!(
                "rule-secondments",
                year = 2024,
                as_of = day("2024-05-31"),
                done = 1,
                target = 2,
            ),
            "2024年截至2024-05-31全市挂职锻炼1人次，低于年度目标2人次（R-TRAIN-2）",
        ),
    ];
    for (m, want) in &cases {
        assert_eq!(ZH_CN.msg(m), *want, "{m}");
        whole("zh-TW", &ZH_TW.msg(m));
        whole("en", &EN.msg(m));
    }
}

/// English counts with the number: one year, ten years; zh has one form.
#[test]
fn english_says_one_year_and_ten_years() {
    let exch = |years: i64| {
        message!(
            "rule-exch",
            name = "张伟",
            post = "江川市财政局局长",
            kind = Arg::label("正职"),
            since = Arg::Date(d("2023-03-01")),
            reached = "no",
            due = Arg::Date(d("2024-03-01")),
            years = years,
            rule = "R-EXCH-1",
        )
    };
    assert!(EN.msg(&exch(1)).contains("will reach 1 year in the post"));
    assert!(
        EN.msg(&exch(10))
            .contains("will reach 10 years in the post")
    );
    assert!(ZH_CN.msg(&exch(1)).contains("将于2024-03-01满1年，须交流"));
    let seats = |seats: i64, seconded: i64| {
        message!(
            "rule-seats",
            as_of = Arg::Date(d("2024-03-01")),
            post = "江川市商务局局长",
            seats = seats,
            held = 0,
            seconded = seconded,
            state = "vacant",
            n = seats,
        )
    };
    assert_eq!(
        EN.msg(&seats(1, 0)),
        "As of 2024-03-01, 江川市商务局局长: 1 authorised seat, 0 in post, 1 vacant (R-STRUCT-4)"
    );
    assert_eq!(
        EN.msg(&seats(2, 3)),
        "As of 2024-03-01, 江川市商务局局长: 2 authorised seats, 0 in post (3 more seconded \
         in, taking no seat), 2 vacant (R-STRUCT-4)"
    );
}

/// The team card's findings and the checks of the rule parameters read in the three
/// languages too.
#[test]
fn card_details_and_parameter_checks_read_in_three_languages() {
    let f = Facts::new(&city().r);
    let st = banzi_domain::rules::structure(&f, &params(), d(AS_OF));
    let mut ids = std::collections::BTreeSet::new();
    for t in &st.teams {
        for dim in &t.card.dimensions {
            ids.insert(dim.detail.id);
            let [cn, tw, en] = three(&dim.detail);
            whole("zh-CN", &cn);
            whole("zh-TW", &tw);
            whole("en", &en);
            assert_ne!(cn, tw, "{cn}");
            let keep: Vec<String> = text(dim.detail.arg("field")).into_iter().collect();
            assert!(
                !without(&keep, &en).chars().any(is_cjk),
                "en keeps Chinese: {en}"
            );
        }
    }
    for id in [
        "rule-card-youngest",
        "rule-card-women",
        "rule-card-non-cpc",
        "rule-card-seats",
        "rule-card-outside",
        "rule-card-same-field",
        "rule-card-same-age",
    ] {
        assert!(ids.contains(id), "no card says {id}: {ids:?}");
    }
    let seats = message!("rule-card-seats", seats = 3, held = 1, seconded = 1);
    assert_eq!(
        three(&seats),
        [
            "职数3名，现任1名（另有挂职1名，不占职数）",
            "職數3名，現任1名（另有掛職1名，不佔職數）",
            "3 seats, 1 in post (1 more seconded in, taking no seat)",
        ]
    );
    assert_eq!(
        ZH_CN.msg(&message!(
            "rule-card-seats",
            seats = 4,
            held = 3,
            seconded = 0
        )),
        "职数4名，现任3名"
    );

    let errors = Params::from_pairs(&[
        ("exch.principal_years", "十"),
        ("exch.deputy_years", "0"),
        ("no.such", "1"),
        ("struct.young_team_ratio", "3/2"),
        ("age.leave_by_rank", "正处级"),
        ("struct.outside_share", "一半"),
    ])
    .expect_err("bad values");
    let banzi_domain::DomainError::Invalid(fields) = errors else {
        panic!("{errors}")
    };
    let read = |tr: Tr| -> Vec<String> { fields.iter().map(|f| tr.msg(&f.message)).collect() };
    assert_eq!(
        read(ZH_CN),
        [
            "应为整数，“十”不是整数",
            "应在1到50年之间，“0”超出范围",
            "未知的规则参数“no.such”",
            "“3/2”应在0到1之间",
            "“正处级”应写成“职级=年龄”",
            "“一半”应写成分数（如 2/3）或百分数（如 50%）",
        ]
    );
    assert_eq!(
        read(EN),
        [
            "should be a whole number; “十” is not",
            "should be from 1 to 50 years; “0” is out of range",
            "Unknown rule parameter “no.such”",
            "“3/2” should be between 0 and 1",
            "“正处级” should read “rank=age”",
            "“一半” should be a fraction (such as 2/3) or a percentage (such as 50%)",
        ]
    );
    for m in read(ZH_TW) {
        whole("zh-TW", &m);
        assert!(!m.contains('应') && !m.contains('为'), "{m}");
    }
}
