//! The cross-sheet checks, whole and in chunks.

use super::*;
use crate::codes::{PostKind, UnitSystem};
use crate::date::parse_date;

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
    let errors: Vec<(String, u32, String)> = check(&flawed(), known())
        .into_iter()
        .map(|e| (e.sheet, e.row, e.column))
        .collect();
    let want = [
        ("单位", 4, "单位编码"),
        ("单位", 3, "上级单位编码"),
        ("职位", 3, "单位编码"),
        ("职位", 4, "职位编码"),
        ("干部", 6, "身份证号"),
        ("任职", 4, "职位编码"),
        ("任职", 5, "身份证号"),
        ("任职", 6, "任职开始"),
    ];
    let want: Vec<(String, u32, String)> = want
        .iter()
        .map(|(s, r, c)| (s.to_string(), *r, c.to_string()))
        .collect();
    assert_eq!(errors, want);
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
