//! A streaming read hands on exactly the rows a whole read returns, in sheet order and in
//! chunks, and nothing once the workbook has an error (R-SEC-4: the writer must not keep
//! any of it).

use banzi_domain::roster::{Feed, Part, Roster};
use banzi_io::roster_read::CHUNK;
use banzi_io::{read_roster_parts, spawn_reader, write_roster};

use crate::bench::big_roster;
use crate::helpers::*;

fn sheet_of(p: &Part) -> usize {
    match p {
        Part::Units(_) => 0,
        Part::Posts(_) => 1,
        Part::Cadres(_) => 2,
        Part::Appointments(_) => 3,
        Part::Portfolios(_) => 4,
        Part::Trainings(_) => 5,
    }
}

fn gather(parts: Vec<Part>) -> Roster {
    let mut r = Roster::default();
    for p in parts {
        match p {
            Part::Units(v) => r.units.extend(v),
            Part::Posts(v) => r.posts.extend(v),
            Part::Cadres(v) => r.cadres.extend(v),
            Part::Appointments(v) => r.appointments.extend(v),
            Part::Portfolios(v) => r.portfolios.extend(v),
            Part::Trainings(v) => r.trainings.extend(v),
        }
    }
    r
}

#[test]
fn parts_come_in_sheet_order_in_chunks_and_add_up_to_the_whole_read() {
    let n = CHUNK * 2 + 123;
    let bytes = write_roster(&big_roster(n), &|_| {}).unwrap();
    let (whole, _) = read(&bytes).unwrap();
    let mut parts = Vec::new();
    read_roster_parts(&bytes, &|_| {}, &mut |p| {
        parts.push(p);
        true
    })
    .unwrap();
    let order: Vec<usize> = parts.iter().map(sheet_of).collect();
    assert!(order.is_sorted(), "sheet order: {order:?}");
    // 单位 and 职位 whole; 干部 in two full chunks and the rest.
    assert_eq!(order.iter().filter(|s| **s == 0).count(), 1);
    assert_eq!(order.iter().filter(|s| **s == 1).count(), 1);
    let cadre_parts: Vec<usize> = parts
        .iter()
        .filter(|p| matches!(p, Part::Cadres(_)))
        .map(Part::len)
        .collect();
    assert_eq!(cadre_parts, [CHUNK, CHUNK, 123]);
    assert!(parts.iter().all(|p| !p.is_empty()));
    assert_eq!(gather(parts), whole);
}

#[test]
fn after_the_first_error_no_part_is_handed_on() {
    let mut r = full_roster();
    // A second cadre sheet row that parses is still not handed on once an earlier row failed.
    r.cadres[0].value.name = String::new();
    let bytes = write_roster(&r, &|_| {}).unwrap();
    let mut parts = Vec::new();
    let errors = read_roster_parts(&bytes, &|_| {}, &mut |p| {
        parts.push(p);
        true
    })
    .unwrap_err();
    assert_eq!(places(&errors), [("干部", 2, "姓名")]);
    let sheets: Vec<usize> = parts.iter().map(sheet_of).collect();
    assert_eq!(sheets, [0, 1], "only the sheets before the error");
}

#[test]
fn the_feed_ends_with_the_errors_of_the_read() {
    let mut r = full_roster();
    r.cadres[1].value.name = String::new();
    let bytes = write_roster(&r, &|_| {}).unwrap();
    let (mut rx, reader) = spawn_reader(bytes, |_| {});
    let mut last = None;
    while let Some(f) = rx.blocking_recv() {
        last = Some(f);
    }
    match last {
        Some(Feed::End(errors)) => assert_eq!(places(&errors), [("干部", 3, "姓名")]),
        other => panic!("expected the end with errors, got {other:?}"),
    }
    assert!(reader.join().unwrap().is_empty());

    let bytes = write_roster(&full_roster(), &|_| {}).unwrap();
    let (mut rx, reader) = spawn_reader(bytes, |_| {});
    let mut feeds = Vec::new();
    while let Some(f) = rx.blocking_recv() {
        feeds.push(f);
    }
    assert_eq!(feeds.last(), Some(&Feed::End(Vec::new())));
    assert_eq!(feeds.len(), 7, "six parts and the end");
    reader.join().unwrap();
}

#[test]
fn a_reader_whose_writer_went_away_stops() {
    let bytes = write_roster(&big_roster(CHUNK * 4), &|_| {}).unwrap();
    let (rx, reader) = spawn_reader(bytes, |_| {});
    drop(rx);
    // The thread ends rather than reading on for nobody (a cancelled read is an error, so
    // no notices come back).
    assert!(reader.join().unwrap().is_empty());
}
