//! 五公开 printed (R-SEL-11), read back with poppler: the result notice shows every ranked
//! name, the totals to two decimals and 并列 for a tie; the five notices come out one after
//! the other, each from a page of its own.

use crate::form_pdf::Printed;
use banzi_domain::competition::{
    Applicant, Competition, Post, Review, Score, Setup, Shortlist, five_notices, result_notice,
    score,
};
use banzi_domain::date::parse;
use banzi_domain::rules::Params;
use banzi_i18n::{Lang, Tr};
use banzi_io::form_pdf::FormFonts;
use banzi_io::render_notices;

const JUDGES: [&str; 5] = ["评委甲", "评委乙", "评委丙", "评委丁", "评委戊"];

fn applicant(name: &str, written: &str, interview: [&str; 5]) -> Applicant {
    let s = |t: &str| Score::parse(t, Score::HUNDRED).unwrap();
    Applicant {
        review: Review::Passed,
        written: Some(s(written)),
        interview: JUDGES
            .iter()
            .zip(interview)
            .map(|(j, v)| (j.to_string(), s(v)))
            .collect(),
        ..Applicant::new(name, 0)
    }
}

fn competition() -> Competition {
    let mut setup = Setup::new(
        "2026年市财政局科级干部竞争上岗",
        "中共示例市委组织部",
        vec![Post {
            title: "预算科科长".into(),
            places: 1,
        }],
        &Params::default(),
    );
    setup.conditions = vec!["具有大学本科以上学历".into(), "任副科级职务满2年".into()];
    setup.judges = JUDGES.map(String::from).to_vec();
    setup.shortlist = Shortlist::PerPlace(2);
    let mut failed = Applicant::new("赵敏", 0);
    failed.review = Review::Failed {
        reason: "任职年限不够".into(),
    };
    Competition {
        setup,
        applicants: vec![
            // 0.4 × 85.3 + 0.6 × 83.1 = 83.98 = 0.4 × 90.1 + 0.6 × 79.9 (interview means
            // after dropping 99 and 60): the two tie for first.
            applicant("张伟", "85.3", ["83.1", "99", "83.1", "60", "83.1"]),
            applicant("王芳", "90.1", ["79.9", "79.9", "99", "79.9", "60"]),
            applicant("李娜", "76.25", ["80", "81", "82", "83", "84"]),
            failed,
        ],
    }
}

#[test]
fn the_result_notice_shows_every_name_the_totals_and_the_tie() {
    let c = competition();
    let o = score(&c).expect("scored");
    let day = parse("2026-12-10").unwrap();
    let tr = Tr { lang: Lang::ZhCn };
    let pdf =
        render_notices(&tr, &[result_notice(&c, &o, day)], &FormFonts::default()).expect("printed");
    let text = Printed::new(&pdf, "competition-result").text();
    for name in ["张伟", "王芳", "李娜"] {
        assert!(text.contains(name), "{name} in {text}");
    }
    assert!(!text.contains("赵敏"), "not eligible, not ranked");
    // 李娜: 0.4 × 76.25 + 0.6 × 82 = 79.70.
    for total in ["83.98", "79.70", "85.30", "90.10", "83.10", "79.90"] {
        assert!(text.contains(total), "{total} in {text}");
    }
    assert_eq!(text.matches("1（并列）").count(), 2, "{text}");
    assert!(text.contains("2026年市财政局科级干部竞争上岗成绩公告"));
    assert!(text.contains("总成绩=笔试成绩×40%+面试成绩×60%"), "{text}");
    assert!(text.contains("进入考察"));
    assert!(text.contains("2026-12-10"));
}

#[test]
fn the_five_notices_each_start_a_page_in_the_readers_language() {
    let c = competition();
    let o = score(&c).expect("scored");
    let day = parse("2026-12-10").unwrap();
    let notices = five_notices(&c, &o, day);
    let tr = Tr { lang: Lang::ZhCn };
    let pdf = render_notices(&tr, &notices, &FormFonts::default()).expect("printed");
    let p = Printed::new(&pdf, "competition-five");
    assert_eq!(p.pages(), 5);
    let text = p.text();
    for t in [
        "职位公告",
        "报名条件",
        "工作程序",
        "资格审查结果",
        "成绩公告",
    ] {
        assert!(text.contains(t), "{t}");
    }
    assert!(text.contains("2.任副科级职务满2年"));
    assert!(text.contains("共有4人报名，经资格审查，3人符合报名条件，1人不符合。"));
    assert!(
        !text.contains("任职年限不够"),
        "a failed review's reason is not published"
    );
    assert!(text.contains("去掉1个最高分和1个最低分"));

    let en = Tr { lang: Lang::En };
    let pdf = render_notices(&en, &notices[4..], &FormFonts::default()).expect("printed");
    let text = Printed::new(&pdf, "competition-en").text();
    assert!(text.contains("1(tied)"), "{text}");
}

#[test]
fn a_character_no_font_has_is_refused_in_words() {
    let mut c = competition();
    c.setup.conditions[0] = "\u{10FFFD}".into();
    let day = parse("2026-12-10").unwrap();
    let tr = Tr { lang: Lang::ZhCn };
    let n = banzi_domain::competition::conditions_notice(&c.setup, day);
    let e = render_notices(&tr, &[n], &FormFonts::default()).expect_err("refused");
    assert_eq!(e.id, "competition-pdf-glyph-missing");
    assert!(tr.msg(&e).contains("U+10FFFD"), "{}", tr.msg(&e));
}

#[test]
fn a_long_result_flows_over_pages_with_its_header_on_each() {
    let mut c = competition();
    c.applicants.truncate(3);
    for i in 0..80 {
        let w = format!("{}.5", 60 + i % 30);
        c.applicants.push(applicant(
            &format!("人员{i}"),
            &w,
            ["70", "71", "72", "73", "74"],
        ));
    }
    let o = score(&c).expect("scored");
    let day = parse("2026-12-10").unwrap();
    let tr = Tr { lang: Lang::ZhCn };
    let pdf =
        render_notices(&tr, &[result_notice(&c, &o, day)], &FormFonts::default()).expect("printed");
    let p = Printed::new(&pdf, "competition-long");
    let pages = p.pages();
    assert!(pages >= 2, "{pages} pages");
    let text = p.text();
    assert_eq!(
        text.matches("笔试成绩").count(),
        pages + 1,
        "header on each page, and the rule line"
    );
    for i in 0..80 {
        assert!(text.contains(&format!("人员{i}")), "row {i}");
    }
}
