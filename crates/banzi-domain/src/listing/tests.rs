//! 名册: grouping by unit in the registry's order, ordering by post, the computed columns at
//! their boundaries (任现职时间 and 任同级时间 joined as M1 joins, 到龄年月 by R-AGE-1), and the
//! checks of a template.

use super::*;
use crate::codes::{Gender, Party};
use crate::date::parse;
use crate::id_number::synthesize;
use crate::pinyin_name::name_pinyin;
use crate::{DomainError, message};

fn d(s: &str) -> Date {
    parse(s).expect("date")
}

fn person(id: i64, name: &str, birth: &str, gender: Gender) -> Person {
    let b = d(birth);
    Person {
        id,
        pinyin: name_pinyin(name).0,
        cadre: Cadre {
            id_number: synthesize(320_102, b, id as u32, gender),
            name: name.into(),
            gender,
            ethnicity: "汉族".into(),
            birth_date: b,
            native_place: String::new(),
            party: Party::Cpc,
            party_joined: None,
            work_started: None,
            ft_education: None,
            ft_degree: None,
            ft_school: String::new(),
            pt_education: None,
            pt_degree: None,
            pt_school: String::new(),
            profession: String::new(),
            rank: String::new(),
        },
    }
}

fn post(
    code: &str,
    title: &str,
    kind: PostKind,
    level: Option<PostLevel>,
    unit: usize,
) -> PostInfo {
    PostInfo {
        code: code.into(),
        title: title.into(),
        kind,
        level,
        team: String::new(),
        unit,
    }
}

fn appt(cadre: i64, post: i64, start: &str, end: &str) -> Appt {
    Appt {
        cadre,
        post,
        start: d(start),
        end: (!end.is_empty()).then(|| d(end)),
        manner: None,
        doc_no: String::new(),
    }
}

/// 市教育局 is registered before 市财政局 (the registry's order, not the codes'): U2 first.
/// 财政局: 局长 (正处级, post 1), 副局长 ×3 (副处级, post 2), 调研员 (其他成员, post 3);
/// 教育局: 局长 (post 4, level unknown), 副局长 of another level (post 5, 副处级).
fn registry() -> Registry {
    use PostKind::*;
    use PostLevel::*;
    let units = vec![
        UnitInfo {
            code: "U2".into(),
            name: "市教育局".into(),
        },
        UnitInfo {
            code: "U1".into(),
            name: "市财政局".into(),
        },
    ];
    let posts = HashMap::from([
        (1, post("P1", "局长", Principal, Some(DivisionChief), 1)),
        (2, post("P2", "副局长", Deputy, Some(DivisionDeputy), 1)),
        (3, post("P3", "调研员", Member, None, 1)),
        (4, post("P4", "局长", Principal, None, 0)),
        (5, post("P5", "副局长", Deputy, Some(DivisionDeputy), 0)),
    ]);
    let people = vec![
        person(1, "张伟", "1980-05-20", Gender::Male),
        person(2, "李娜", "1985-03-08", Gender::Female),
        person(3, "王强", "1972-11-30", Gender::Male),
        person(4, "赵敏", "1990-07-01", Gender::Female),
        person(5, "曾华", "1978-01-15", Gender::Male),
        person(6, "安平", "1979-02-02", Gender::Male),
        person(7, "钱进", "1981-09-09", Gender::Male),
    ];
    let appointments = vec![
        // 张伟: 副局长 of 教育局 2012–2016, then 局长 of 财政局 since 2016.
        appt(1, 5, "2012-01-01", "2016-03-01"),
        appt(1, 1, "2016-03-01", ""),
        // 李娜: 副局长 since 2015, re-appointed the next day (one run).
        appt(2, 2, "2015-01-01", "2019-01-01"),
        appt(2, 2, "2019-01-02", ""),
        // 王强: 局长 of 教育局.
        appt(3, 4, "2012-06-01", ""),
        // 曾华: 副局长 since 2020 — after 李娜, though 曾 sorts before 李 only by ceng/zeng.
        appt(5, 2, "2020-05-01", ""),
        // 安平: 副局长 since 2020 too, the same day: by pinyin, 安 (an) before 曾 (zeng).
        appt(6, 2, "2020-05-01", ""),
        // 钱进: 调研员 of 财政局 and 副局长 of 教育局 at once.
        appt(7, 3, "2018-01-01", ""),
        appt(7, 5, "2019-01-01", ""),
    ];
    Registry {
        units,
        posts,
        people,
        appointments,
    }
}

fn cols(keys: &[&str]) -> Vec<&'static Column> {
    Template::columns(keys).expect("columns")
}

fn text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Label(s) => s.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::Month(m) => m.to_string(),
        Cell::Int(n) => n.to_string(),
    }
}

/// Each group as (unit name, [first cell of each row]).
fn names(l: &Listing) -> Vec<(String, Vec<String>)> {
    l.groups
        .iter()
        .map(|g| {
            (
                g.unit.as_ref().map_or("-".into(), |u| u.name.clone()),
                g.rows.iter().map(|r| text(&r.cells[0])).collect(),
            )
        })
        .collect()
}

fn listing(keys: &[&str], as_of: &str) -> Listing {
    build(&registry(), &cols(keys), d(as_of), &Params::default(), None)
}

#[test]
fn units_in_the_registry_order_principals_first_then_by_start_then_pinyin() {
    let l = listing(&["name", "post"], "2026-11-21");
    assert_eq!(
        names(&l),
        [
            (
                "市教育局".to_string(),
                vec!["王强".to_string(), "钱进".into()]
            ),
            (
                "市财政局".into(),
                vec![
                    "张伟".into(),
                    "李娜".into(),
                    "安平".into(),
                    "曾华".into(),
                    "钱进".into()
                ]
            ),
            ("-".into(), vec!["赵敏".into()]),
        ]
    );
    // 钱进 is in each unit once, with the post he holds there.
    let qian: Vec<String> = l
        .groups
        .iter()
        .flat_map(|g| g.rows.iter().filter(|r| r.cadre == 7))
        .map(|r| text(&r.cells[1]))
        .collect();
    assert_eq!(qian, ["副局长", "调研员"]);
    assert_eq!(l.rows(), 8);
}

#[test]
fn a_past_day_lists_what_was_held_then() {
    // On 2015-06-01 张伟 was 副局长 of 教育局; 李娜 副局长 of 财政局; 曾华, 安平 and 钱进 held nothing.
    let l = listing(&["name", "post_kind"], "2015-06-01");
    assert_eq!(
        names(&l),
        [
            (
                "市教育局".to_string(),
                vec!["王强".to_string(), "张伟".into()]
            ),
            ("市财政局".into(), vec!["李娜".into()]),
            (
                "-".into(),
                vec!["安平".into(), "钱进".into(), "曾华".into(), "赵敏".into()]
            ),
        ]
    );
}

#[test]
fn tenure_in_post_joins_a_re_appointment_within_the_gap() {
    let l = listing(&["name", "tenure_start", "appointed"], "2026-11-21");
    let li = l.groups[1]
        .rows
        .iter()
        .find(|r| r.cadre == 2)
        .expect("李娜");
    // One day between the two appointments: one run from 2015-01.
    assert_eq!(text(&li.cells[1]), "2015.01");
    // The appointment in force started in 2019.
    assert_eq!(text(&li.cells[2]), "2019-01-02");
    // A gap longer than the parameter starts the clock again.
    let p = Params {
        join_gap_days: 0,
        ..Params::default()
    };
    let l = build(
        &registry(),
        &cols(&["name", "tenure_start"]),
        d("2026-11-21"),
        &p,
        None,
    );
    let li = l.groups[1]
        .rows
        .iter()
        .find(|r| r.cadre == 2)
        .expect("李娜");
    assert_eq!(text(&li.cells[1]), "2019.01");
}

#[test]
fn same_level_time_runs_across_posts_of_one_level_and_is_blank_when_the_level_is_unknown() {
    let l = listing(&["name", "level_start", "tenure_start"], "2026-11-21");
    let row = |g: usize, id: i64| {
        l.groups[g]
            .rows
            .iter()
            .find(|r| r.cadre == id)
            .map(|r| r.cells.iter().map(text).collect::<Vec<_>>())
            .expect("row")
    };
    // 张伟 moved from a 副处级 post to a 正处级 one: 任同级时间 is that move.
    assert_eq!(row(1, 1), ["张伟", "2016.03", "2016.03"]);
    // 钱进 (教育局): 副局长 副处级 since 2019 — his 调研员 post has no level and does not count.
    assert_eq!(row(0, 7), ["钱进", "2019.01", "2019.01"]);
    // 王强's 局长 post has no 职务层次: no 任同级时间.
    assert_eq!(row(0, 3), ["王强", "", "2012.06"]);
    // A cadre moving between two posts of one level keeps one run.
    let mut reg = registry();
    reg.appointments.retain(|a| a.cadre != 5);
    reg.appointments
        .push(appt(5, 5, "2017-01-01", "2020-04-20"));
    reg.appointments.push(appt(5, 2, "2020-05-01", ""));
    let l = build(
        &reg,
        &cols(&["name", "level_start", "tenure_start"]),
        d("2026-11-21"),
        &Params::default(),
        None,
    );
    let zeng = l.groups[1]
        .rows
        .iter()
        .find(|r| r.cadre == 5)
        .expect("曾华");
    assert_eq!(
        zeng.cells.iter().map(text).collect::<Vec<_>>(),
        ["曾华", "2017.01", "2020.05"]
    );
}

#[test]
fn retirement_month_follows_rank_group_and_gender() {
    // R-AGE-1: 李娜 (female, 1985-03) holds a 副处级 post: 县处级, 60 without the delay.
    let l = listing(&["name", "retire_month", "age"], "2026-11-21");
    let li = l.groups[1]
        .rows
        .iter()
        .find(|r| r.cadre == 2)
        .expect("李娜");
    assert_eq!(text(&li.cells[1]), "2045.03");
    assert_eq!(text(&li.cells[2]), "41");
    // 赵敏 (female, 1990-07) holds nothing: below 县处级, 55 with the delay of 36 months.
    let zhao = &l.groups[2].rows[0];
    assert_eq!(text(&zhao.cells[1]), "2048.07");
    // 王强 (male, 1972-11-30): 60 → 2032-11, delayed ⌊(2032-11 − 2025-01)/4⌋+1 = 24 months.
    let wang = &l.groups[0].rows[0];
    assert_eq!(text(&wang.cells[1]), "2034.11");
    // Age on the day before and on the birthday.
    let before = listing(&["name", "age"], "2026-11-29");
    let on = listing(&["name", "age"], "2026-11-30");
    assert_eq!(text(&before.groups[0].rows[0].cells[1]), "53");
    assert_eq!(text(&on.groups[0].rows[0].cells[1]), "54");
}

#[test]
fn a_liaison_gets_its_own_unit_only() {
    let l = build(
        &registry(),
        &cols(&["name"]),
        d("2026-11-21"),
        &Params::default(),
        Some("U2"),
    );
    assert_eq!(
        names(&l),
        [(
            "市教育局".to_string(),
            vec!["王强".to_string(), "钱进".into()]
        )]
    );
}

#[test]
fn every_column_has_a_unique_key_and_an_id_of_its_own() {
    let mut keys: Vec<&str> = COLUMNS.iter().map(|c| c.key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), COLUMNS.len());
    for c in COLUMNS {
        assert_eq!(c.header, format!("listing-col-{}", c.key));
    }
    // Every field of the registry's 干部 sheet is a column.
    for (key, _) in crate::registry::CADRE_FIELDS {
        assert!(column(key).is_some(), "{key}");
    }
    for key in DEFAULT_COLUMNS {
        assert!(column(key).is_some(), "{key}");
    }
    // Every column gives a value on every row.
    let all: Vec<&str> = COLUMNS.iter().map(|c| c.key).collect();
    let l = listing(&all, "2026-11-21");
    assert!(
        l.groups
            .iter()
            .all(|g| g.rows.iter().all(|r| r.cells.len() == all.len()))
    );
}

fn invalid(r: Result<Template, DomainError>) -> Vec<(String, crate::Msg)> {
    match r {
        Err(DomainError::Invalid(v)) => v.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn a_template_needs_a_name_and_known_columns_each_once() {
    let t = Template::parse(" 班子成员名册 ", &["name", "age", "post"]).expect("ok");
    assert_eq!(t.name, "班子成员名册");
    assert_eq!(t.keys(), ["name", "age", "post"]);
    assert_eq!(
        invalid(Template::parse("  ", &["name"])),
        [(
            "模板名称".to_string(),
            crate::Msg::new("listing-name-required")
        )]
    );
    let long = "名".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(
        invalid(Template::parse(&long, &["name"])),
        [(
            "模板名称".to_string(),
            message!("listing-name-too-long", max = MAX_NAME_CHARS)
        )]
    );
    assert!(Template::parse(&"名".repeat(MAX_NAME_CHARS), &["name"]).is_ok());
    let none: [&str; 0] = [];
    assert_eq!(
        invalid(Template::parse("x", &none)),
        [("列".to_string(), crate::Msg::new("listing-columns-empty"))]
    );
    assert_eq!(
        invalid(Template::parse("x", &["name", "salary"])),
        [(
            "列".to_string(),
            message!("listing-column-unknown", key = "salary")
        )]
    );
    assert_eq!(
        invalid(Template::parse("", &["age", "name", "age"])),
        [
            (
                "模板名称".to_string(),
                crate::Msg::new("listing-name-required")
            ),
            (
                "列".to_string(),
                message!(
                    "listing-column-twice",
                    column = crate::Msg::new("listing-col-age")
                )
            ),
        ]
    );
}
