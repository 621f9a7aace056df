//! The cross-sheet checks, whole and in chunks.

use super::*;
use crate::codes::{PostKind, UnitSystem};
use crate::date::parse as parse_date;
use crate::message;
use crate::msg::Msg;

fn at<T>(row: u32, value: T) -> Located<T> {
    Located { row, value }
}

/// `n` cadres with valid ID numbers, all different.
fn cadres(n: usize) -> Vec<Cadre> {
    let mut b = crate::rules::sample::RosterBuilder::new();
    for i in 0..n {
        b.cadre(&format!("干部{i}"));
    }
    b.r.cadres.into_iter().map(|c| c.value).collect()
}

fn appointment(c: &Cadre, post: &str, start: &str, end: Option<&str>) -> Appointment {
    Appointment {
        id_number: c.id_number.clone(),
        post_code: post.into(),
        start: parse_date(start).unwrap(),
        end: end.map(|e| parse_date(e).unwrap()),
        manner: None,
        doc_no: String::new(),
    }
}

/// A roster with one error of every cross-sheet kind.
fn flawed() -> Roster {
    let unit = |code: &str, parent: Option<&str>| Unit {
        code: code.into(),
        name: code.into(),
        parent_code: parent.map(Into::into),
        category: "市直单位".into(),
        platform: String::new(),
        system: UnitSystem::Other,
        non_cpc_required: false,
    };
    let post = |code: &str, unit: &str| Post {
        code: code.into(),
        unit_code: unit.into(),
        team: String::new(),
        title: "局长".into(),
        kind: PostKind::Principal,
        seats: 1,
        level: None,
    };
    let mut cadres = cadres(5);
    let outsider = cadres.pop().expect("five");
    Roster {
        units: vec![
            at(2, unit("A", None)),
            at(3, unit("B", Some("Z"))),
            at(4, unit("A", None)),
        ],
        posts: vec![
            at(2, post("P1", "A")),
            at(3, post("P2", "Q")),
            at(4, post("P1", "A")),
        ],
        cadres: cadres
            .iter()
            .enumerate()
            .map(|(i, c)| at(i as u32 + 2, c.clone()))
            .chain([at(6, cadres[0].clone())])
            .collect(),
        appointments: vec![
            at(
                2,
                appointment(&cadres[0], "P1", "2010-01-01", Some("2015-01-01")),
            ),
            at(3, appointment(&cadres[1], "P1", "2012-01-01", None)),
            at(4, appointment(&cadres[2], "PX", "2012-01-01", None)),
            at(5, appointment(&outsider, "P1", "2012-01-01", None)),
            at(6, appointment(&cadres[0], "P1", "2014-06-01", None)),
            at(7, appointment(&cadres[0], "KNOWN-POST", "2014-06-01", None)),
        ],
        portfolios: vec![],
        trainings: vec![],
    }
}

fn known() -> Known {
    Known {
        posts: ["KNOWN-POST".to_string()].into(),
        ..Known::default()
    }
}

#[test]
fn every_cross_sheet_error_is_found_with_its_place() {
    let errors: Vec<(String, u32, String, Msg)> = check(&flawed(), known())
        .into_iter()
        .map(|e| (e.sheet, e.row, e.column, e.message))
        .collect();
    let want = [
        (
            "单位",
            4,
            "单位编码",
            message!("roster-unit-code-repeated", code = "A", first = 2),
        ),
        (
            "单位",
            3,
            "上级单位编码",
            message!("reg-parent-missing", code = "Z"),
        ),
        (
            "职位",
            3,
            "单位编码",
            message!("reg-unit-missing", code = "Q"),
        ),
        (
            "职位",
            4,
            "职位编码",
            message!("roster-post-code-repeated", code = "P1", first = 2),
        ),
        (
            "干部",
            6,
            "身份证号",
            message!("roster-id-number-repeated", first = 2),
        ),
        (
            "任职",
            4,
            "职位编码",
            message!("reg-post-missing", code = "PX"),
        ),
        ("任职", 5, "身份证号", Msg::new("roster-not-in-cadres")),
        ("任职", 6, "任职开始", Msg::new("reg-overlap")),
    ];
    let want: Vec<(String, u32, String, Msg)> = want
        .into_iter()
        .map(|(s, r, c, m)| (s.to_string(), r, c.to_string(), m))
        .collect();
    assert_eq!(errors, want);
}

#[test]
fn a_row_error_reads_with_its_place() {
    let m = Msg::new("reg-required");
    let cell = err("干部", 3, "姓名", m.clone());
    assert_eq!(
        cell.msg(),
        message!(
            "roster-at-cell",
            sheet = "干部",
            row = 3,
            column = "姓名",
            message = m.clone()
        )
    );
    assert_eq!(
        err("干部", 3, "", m.clone()).msg(),
        message!(
            "roster-at-row",
            sheet = "干部",
            row = 3,
            message = m.clone()
        )
    );
    assert_eq!(
        err(FILE, 0, "", m.clone()).msg(),
        message!("roster-at-sheet", sheet = FILE, message = m)
    );
    assert_eq!(
        cell.to_string(),
        "roster-at-cell(sheet=干部, row=3, column=姓名, message=reg-required)"
    );
}

#[test]
fn a_roster_checked_in_chunks_finds_what_it_finds_whole() {
    let r = flawed();
    let whole = check(&r, known());
    let mut c = Checker::new(known());
    let mut chunked = c.units(&r.units);
    chunked.extend(c.posts(&r.posts));
    for part in r.cadres.chunks(2) {
        chunked.extend(c.part(&Part::Cadres(part.to_vec())));
    }
    for part in r.appointments.chunks(1) {
        chunked.extend(c.part(&Part::Appointments(part.to_vec())));
    }
    assert_eq!(chunked, whole);
}

/// The keys of rows a reader refused for their own errors: a unit, a post and a cadre.
fn refusals() -> Vec<Located<Key>> {
    let refused = cadres(6).pop().expect("six");
    vec![
        at(5, Key::Unit("RU".into())),
        at(5, Key::Post("RP".into())),
        at(7, Key::Cadre(refused.id_number)),
    ]
}

#[test]
fn rows_that_refer_to_a_refused_row_are_not_reported_again() {
    let keys = refusals();
    let Key::Cadre(refused) = keys[2].value.clone() else {
        panic!("cadre")
    };
    let cadre = Cadre {
        id_number: refused,
        ..cadres(1).remove(0)
    };
    let unit = Unit {
        code: "CHILD".into(),
        name: "下级".into(),
        parent_code: Some("RU".into()),
        category: "市直单位".into(),
        platform: String::new(),
        system: UnitSystem::Other,
        non_cpc_required: false,
    };
    let post = Post {
        code: "P1".into(),
        unit_code: "RU".into(),
        team: String::new(),
        title: "局长".into(),
        kind: PostKind::Principal,
        seats: 1,
        level: None,
    };
    let mut c = Checker::new(Known::default());
    // As a streaming read sends them: the refusals before the parts after them.
    let mut found = c.refused(&keys[..1]);
    found.extend(c.units(&[at(2, unit)]));
    found.extend(c.refused(&keys[1..2]));
    found.extend(c.posts(&[at(2, post)]));
    found.extend(c.refused(&keys[2..]));
    found.extend(c.cadres(&[]));
    found.extend(c.appointments(&[
        at(2, appointment(&cadre, "RP", "2020-01-01", None)),
        at(3, appointment(&cadre, "P1", "2020-01-01", None)),
        // Its own error stands: the same cadre twice on one post at once.
        at(4, appointment(&cadre, "RP", "2021-01-01", None)),
    ]));
    found.extend(c.portfolios(&[at(
        2,
        Portfolio {
            id_number: cadre.id_number.clone(),
            post_code: "RP".into(),
            work: "财务".into(),
            start: parse_date("2020-01-01").unwrap(),
            end: None,
        },
    )]));
    let places: Vec<(&str, u32, &str)> = found
        .iter()
        .map(|e| (e.sheet.as_str(), e.row, e.column.as_str()))
        .collect();
    assert_eq!(places, [("任职", 4, "任职开始")], "{found:#?}");
}

fn rows_and_messages(errors: &[RowError]) -> Vec<(u32, Msg)> {
    errors.iter().map(|e| (e.row, e.message.clone())).collect()
}

fn repeats() -> Vec<(u32, Msg)> {
    let m = message!("roster-id-number-repeated", first = 3);
    vec![(7, m.clone()), (9, m)]
}

#[test]
fn a_refused_row_still_repeats_a_key_whichever_of_the_two_comes_first() {
    let keys = refusals();
    let Key::Cadre(id) = keys[2].value.clone() else {
        panic!("cadre")
    };
    let cadre = |row: u32| {
        at(
            row,
            Cadre {
                id_number: id.clone(),
                ..cadres(1).remove(0)
            },
        )
    };
    // The refused row 7 comes in before the part holding row 3 and row 9.
    let mut c = Checker::new(Known::default());
    let mut found = c.refused(&keys[2..]);
    found.extend(c.cadres(&[cadre(3), cadre(9)]));
    assert_eq!(rows_and_messages(&found), repeats());
    // Whole and in sheet order, the same two rows are the repeats.
    let mut c = Checker::new(Known::default());
    let mut found = c.cadres(&[cadre(3)]);
    found.extend(c.refused(&keys[2..]));
    found.extend(c.cadres(&[cadre(9)]));
    assert_eq!(rows_and_messages(&found), repeats());
}

#[test]
fn every_error_is_listed_by_sheet_and_row_up_to_the_cap() {
    let e = |sheet: &str, row: u32| err(sheet, row, "", Msg::new("x"));
    let mut read: RowErrors = [e("培训", 2), e("干部", 9), e("干部", 3)]
        .into_iter()
        .collect();
    let checked: RowErrors = [e("任职", 4), e(FILE, 0), e("单位", 2)]
        .into_iter()
        .collect();
    read.append(checked);
    assert_eq!(read.len(), 6);
    let list = read.into_list();
    assert_eq!(
        list.iter()
            .map(|x| (x.sheet.as_str(), x.row))
            .collect::<Vec<_>>(),
        [
            (FILE, 0),
            ("单位", 2),
            ("干部", 3),
            ("干部", 9),
            ("任职", 4),
            ("培训", 2)
        ]
    );

    let mut many: RowErrors = (0..MAX_ERRORS as u32 + 5)
        .map(|r| e("干部", r + 2))
        .collect();
    let more: RowErrors = (0..3).map(|r| e("任职", r + 2)).collect();
    many.append(more);
    assert_eq!(many.len(), MAX_ERRORS + 8);
    let list = many.into_list();
    assert_eq!(list.len(), MAX_ERRORS + 1);
    let last = list.last().expect("the line");
    assert_eq!(
        (last.sheet.as_str(), last.row, &last.message),
        (FILE, 0, &message!("roster-errors-more", count = 8))
    );
}
