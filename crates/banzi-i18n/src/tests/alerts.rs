//! The alerts of the rules read in zh-TW and English: a roster built in code raises every
//! rule and every form of its message, and each alert must match a pattern of both
//! catalogs, keep its names, titles and dates, and leave no Chinese fixed text behind.

use super::{EN, ZH_TW};
use crate::sources::is_cjk;
use banzi_domain::codes::{Gender, Manner, Party, PostKind, UnitSystem};
use banzi_domain::roster::Roster;
use banzi_domain::rules::sample::{RosterBuilder as B, d};
use banzi_domain::rules::{Alert, Facts, Params, evaluate};
use std::sync::Arc;

/// Every name and title the roster writes into messages (the text a translation keeps as
/// it is): units and their teams, posts with their unit, cadres' names, fields and ranks,
/// and the work of portfolios.
fn data(r: &Roster) -> Vec<String> {
    let unit = |code: &str| {
        r.units
            .iter()
            .find(|u| u.value.code == code)
            .map_or(String::new(), |u| u.value.name.clone())
    };
    let mut out = Vec::new();
    for u in &r.units {
        out.push(u.value.name.clone());
        out.push(format!("{}领导班子", u.value.name));
    }
    for p in &r.posts {
        let name = unit(&p.value.unit_code);
        out.push(format!("{name}{}", p.value.title));
        if !p.value.team.is_empty() {
            out.push(format!("{name}{}", p.value.team));
        }
    }
    for c in &r.cadres {
        let c = &c.value;
        out.extend([c.name.clone(), c.profession.clone(), c.rank.clone()]);
    }
    out.extend(r.portfolios.iter().map(|f| f.value.work.clone()));
    out
}

/// The name of the cadre with ID number `id`.
fn name<'a>(r: &'a Roster, id: &str) -> &'a str {
    let c = r.cadres.iter().find(|c| c.value.id_number.as_str() == id);
    &c.expect("cadre").value.name
}

const AS_OF: &str = "2024-03-01";

/// A city whose alerts on [`AS_OF`] are of every rule and every form.
fn city() -> B {
    use PostKind::*;
    let mut b = B::new();
    // 财政局: 正职 reached (a name with 任 inside), 副职 anticipated (a name with 任 and 自), 派驻组长 reached; no
    // member 42 or under, none from outside, all in one age band.
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
    // reached and anticipated, a seat vacant, no woman.
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
        .level("XZ-1", banzi_domain::codes::PostLevel::DivisionChief)
        .level("SWJ-1", banzi_domain::codes::PostLevel::DivisionChief)
        .level("XZ-2", banzi_domain::codes::PostLevel::DivisionDeputy)
        .level("JTJ-1", banzi_domain::codes::PostLevel::DivisionDeputy);
    let he = b.cadre("何平");
    let lu = b.cadre("卢自立");
    b.appt(&he, "JTJ-2", "2003-01-01", Some("2004-12-31"), None)
        .appt(&he, "XZ-1", "2005-01-01", Some("2015-01-01"), None)
        .appt(&he, "SWJ-1", "2015-01-02", None, None)
        .appt(&lu, "XZ-2", "2009-06-01", Some("2014-06-01"), None)
        .appt(&lu, "JTJ-1", "2014-06-02", None, None);
    // 交通局 also: a 副职 reached, a 派驻组长 ahead (乡科级, short of 学时).
    let zheng = b.cadre("郑洁");
    let xu = b.cadre_full("许于", Gender::Male, "1975-06-15", Party::Cpc, "", "正科级");
    b.appt(&zheng, "JTJ-2", "2012-01-01", None, None)
        .appt(&xu, "JTJ-3", "2019-06-01", None, None);
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

/// Every `YYYY-MM-DD` in a text.
fn dates(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9))
        .filter(|&i| {
            b[i..i + 10].iter().enumerate().all(|(k, c)| match k {
                4 | 7 => *c == b'-',
                _ => c.is_ascii_digit(),
            })
        })
        .map(|i| &text[i..i + 10])
        .collect()
}

/// Every run of four digits starting with 1 or 2 (a year) in a text.
fn years(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3))
        .filter(|&i| {
            matches!(b[i], b'1' | b'2')
                && b[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        })
        .map(|i| &text[i..i + 4])
        .collect()
}

/// Simplified characters of the alerts' fixed text that zh-TW writes otherwise.
const SIMPLIFIED: &str = "于职满须应当计划龄岁个现员专业领为补轻干党单无数备连续两担务层荐\
                          试确认时参训挂锻炼标统额调驻纪检监组长岗导将级处";

/// The text without the names and titles of the roster (longest first).
fn without_data(b: &B, text: &str) -> String {
    let all = data(&b.r);
    let mut data: Vec<&String> = all.iter().filter(|s| !s.is_empty()).collect();
    data.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = text.to_string();
    for s in data {
        out = out.replace(s.as_str(), " ");
    }
    out
}

/// (rule, what its Chinese message says): each must be raised at least once.
const FORMS: &[(&str, &[&str])] = &[
    ("R-STRUCT-2", &["领导班子无"]),
    ("R-STRUCT-2", &["党组无"]),
    ("R-STRUCT-3", &["无女干部"]),
    ("R-STRUCT-3", &["必配单位"]),
    ("R-STRUCT-4", &["超职数配备"]),
    ("R-STRUCT-4", &["空缺"]),
    ("R-STRUCT-4", &["另有挂职", "空缺"]),
    ("R-STRUCT-5", &["系统外交流"]),
    ("R-STRUCT-6", &["专业领域均为"]),
    ("R-STRUCT-6", &["年龄均在"]),
    ("R-EXCH-1", &["已于"]),
    ("R-EXCH-1", &["将于"]),
    ("R-EXCH-2", &["已于"]),
    ("R-EXCH-2", &["将于"]),
    ("R-EXCH-3", &["已于"]),
    ("R-EXCH-3", &["将于"]),
    ("R-EXCH-4", &["已于"]),
    ("R-EXCH-4", &["将于"]),
    ("R-EXCH-5", &["已于"]),
    ("R-EXCH-5", &["将于"]),
    ("R-AGE-1", &["法定退休", "岁，", "已于"]),
    ("R-AGE-1", &["法定退休", "个月", "将于"]),
    ("R-AGE-1", &["退出领导岗位", "已于"]),
    ("R-AGE-1", &["退出领导岗位", "将于"]),
    ("R-PROB-1", &["以委任方式"]),
    ("R-PROB-1", &["以竞争上岗方式"]),
    ("R-TERM-1", &["两个任期", "已于"]),
    ("R-TERM-1", &["两个任期", "将于"]),
    ("R-TERM-1", &["同层次", "已于"]),
    ("R-TERM-1", &["同层次", "将于"]),
    ("R-TERM-1", &["同层次", "未填职务层次"]),
    ("R-TRAIN-1", &["专业化能力培训"]),
    ("R-TRAIN-1", &["县处级以上", "学时"]),
    ("R-TRAIN-1", &["乡科级", "学时"]),
    ("R-TRAIN-2", &["挂职锻炼"]),
];

#[test]
fn every_alert_reads_in_zh_tw_and_english() {
    let b = city();
    let all = alerts(&b);
    for (rule, says) in FORMS {
        assert!(
            all.iter()
                .any(|a| a.rule == *rule && says.iter().all(|s| a.message.contains(s))),
            "no {rule} alert saying {says:?} among:\n{}",
            all.iter()
                .map(|a| a.message.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    for a in &all {
        let cn = &a.message;
        let tw = ZH_TW.m(cn);
        let en = EN.m(cn);
        assert_ne!(&tw, cn, "zh-TW: no pattern");
        assert_ne!(&en, cn, "en: no pattern");
        let mut kept: Vec<&str> = dates(cn);
        if kept.is_empty() {
            // R-TRAIN-1 judges a calendar year: the year, then, is what must be kept.
            kept = years(cn);
        }
        assert!(!kept.is_empty(), "no date: {cn}");
        if let Some(id) = &a.cadre {
            kept.push(name(&b.r, id));
        }
        for k in kept {
            assert!(tw.contains(k), "zh-TW lost {k}: {tw}");
            assert!(en.contains(k), "en lost {k}: {en}");
        }
        let rest = without_data(&b, &tw);
        assert!(
            !rest.chars().any(|c| SIMPLIFIED.contains(c)),
            "zh-TW keeps simplified text: {tw}"
        );
        let rest = without_data(&b, &en);
        assert!(!rest.chars().any(is_cjk), "en keeps Chinese: {en} ({rest})");
        assert!(en.contains(a.rule), "{en}");
    }
}

/// One alert's message, found by what it says.
fn message<'a>(all: &'a [Alert], rule: &str, says: &str) -> &'a str {
    let a = all
        .iter()
        .find(|a| a.rule == rule && a.message.contains(says));
    &a.unwrap_or_else(|| panic!("no {rule} with {says}")).message
}

#[test]
fn names_and_titles_sharing_characters_with_the_text_split_right() {
    let b = city();
    let all = alerts(&b);
    // 任自强: 任 and 自 are also the text after a name.
    let exch = message(&all, "R-EXCH-3", "任自强");
    assert_eq!(
        exch,
        "任自强，现任江川市财政局副局长（副职）自2014-06-01起将于2024-06-01满10年，应当交流（R-EXCH-3）"
    );
    assert_eq!(
        EN.m(exch),
        "任自强, 江川市财政局副局长 (Deputy) since 2014-06-01, will reach 10 years in the post \
         on 2024-06-01: should then be exchanged (R-EXCH-3)"
    );
    assert_eq!(
        ZH_TW.m(exch),
        "任自强，現任江川市财政局副局长（副職）自2014-06-01起將於2024-06-01滿10年，應當交流（R-EXCH-3）"
    );
    // 王任重: 任 inside a name is not the 任 of the text.
    let exch = message(&all, "R-EXCH-1", "王任重");
    assert_eq!(
        EN.m(exch),
        "王任重, 江川市财政局局长 (Principal) since 2014-03-01, reached 10 years in the post \
         on 2024-03-01: must be exchanged (R-EXCH-1)"
    );
    assert_eq!(
        ZH_TW.m(exch),
        "王任重，現任江川市财政局局长（正職）自2014-03-01起已於2024-03-01滿10年，須交流（R-EXCH-1）"
    );
    let term = message(&all, "R-TERM-1", "王任重");
    assert_eq!(
        EN.m(term),
        "王任重, 江川市财政局局长 since 2014-03-01, completed two consecutive terms \
         (10 years) on 2024-03-01: not to be recommended, nominated or appointed to the \
         same post again (R-TERM-1)"
    );
    assert_eq!(
        ZH_TW.m(term),
        "王任重自2014-03-01起任江川市财政局局长，已於2024-03-01連續任職滿兩個任期（10年），\
         不再推薦、提名或者任命擔任同一職務（R-TERM-1）"
    );
    // 卢自立 holds 自 (one level, 副处级: 2009-06-01 to 2014-06-01, then from 2014-06-02).
    let level = message(&all, "R-TERM-1", "卢自立（");
    assert_eq!(
        level,
        "卢自立（现任江川市交通局副局长）自2009-06-01起担任副处级领导职务，累计将于2024-06-02满15年，\
         不再推荐、提名或者任命担任同层次领导职务（R-TERM-1）"
    );
    assert_eq!(
        EN.m(level),
        format!(
            "卢自立 (now 江川市交通局副局长) has held {} leadership posts since 2009-06-01, will \
             reach 15 years in total on 2024-06-02: then not to be recommended, nominated or \
             appointed to a leadership post of the same level again (R-TERM-1)",
            EN.v("副处级")
        )
    );
    // An earlier post of no 职务层次 is left out, and said to be.
    let left_out = message(&all, "R-TERM-1", "何平（");
    assert!(
        EN.m(left_out).ends_with(
            "(R-TERM-1); 1 earlier appointment(s) at posts with no level recorded were not counted"
        ),
        "{}",
        EN.m(left_out)
    );
    // 李于飞: 于 is also the text after the name.
    let prob = message(&all, "R-PROB-1", "李于飞");
    assert_eq!(
        EN.m(prob),
        "李于飞, 江川市司法局（市法制办）政治部主任 since 2023-03-15 (Appointed): the 12-month \
         probation ends on 2024-03-15; assess and confirm in time (R-PROB-1)"
    );
    assert_eq!(
        ZH_TW.m(prob),
        "李于飞於2023-03-15以委任方式任江川市司法局（市法制办）政治部主任，試用期12個月，\
         將於2024-03-15期滿，應及時考核確認（R-PROB-1）"
    );
    // Brackets in the unit's name and the post's title.
    let train = message(&all, "R-TRAIN-1", "钱进");
    assert_eq!(
        EN.m(train),
        "钱进 (江川市司法局（市法制办）副局长（兼）): 0 professional competence training(s) in \
         2023, fewer than 1 a year (R-TRAIN-1)"
    );
    // A team that is a 党组, and the vocabulary inside the messages.
    let young = message(&all, "R-STRUCT-2", "党组");
    assert_eq!(
        EN.m(young),
        "As of 2024-03-01, 江川市委组织部党组 has no young cadre aged 42 or under (R-STRUCT-2)"
    );
    let age = message(&all, "R-AGE-1", "周建");
    assert_eq!(
        EN.m(age),
        "周建 (Male, born 1965-01-15), 江川市发展改革委主任: statutory retirement age 60 years \
         1 month(s), due in 2025-02, to be reached on 2025-02-15 (R-AGE-1)"
    );
    assert_eq!(
        ZH_TW.m(age),
        "周建（男，1965-01-15出生）任江川市发展改革委主任，法定退休年齡60歲1個月，\
         屆齡年月2025年02月，將於2025-02-15屆齡（R-AGE-1）"
    );
}
