//! A streaming read hands on exactly the rows a whole read returns, in sheet order and in
//! chunks; after an error it still hands rows on, to be checked, but first says so with the
//! keys of the refused rows (R-SEC-4: the writer must not keep any of it, and the user sees
//! every error at once).

use banzi_domain::roster::{Feed, Key, Located, Part, Roster};
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

/// The parts of a feed that has no refusals.
fn only_parts(feeds: Vec<Feed>) -> Vec<Part> {
    feeds
        .into_iter()
        .map(|f| match f {
            Feed::Part(p) => p,
            other => panic!("expected a part, got {other:?}"),
        })
        .collect()
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
    let mut feeds = Vec::new();
    read_roster_parts(&bytes, &|_| {}, &mut |p| {
        feeds.push(p);
        true
    })
    .unwrap();
    let parts = only_parts(feeds);
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

/// What a streaming read of `r`'s workbook, which has errors, hands on, and its errors.
fn refused_feed(r: &Roster) -> (Vec<Feed>, Vec<banzi_domain::roster::RowError>) {
    let bytes = write_roster(r, &|_| {}).unwrap();
    let mut feeds = Vec::new();
    let errors = read_roster_parts(&bytes, &|_| {}, &mut |p| {
        feeds.push(p);
        true
    })
    .unwrap_err();
    (feeds, errors)
}

#[test]
fn after_an_error_parts_still_come_after_a_refusal_with_the_refused_keys() {
    let mut r = full_roster();
    // The first cadre's row is refused for its blank name; his ID number is still readable,
    // so his appointment can refer to him.
    r.cadres[0].value.name = String::new();
    let refused = r.cadres[0].value.id_number.clone();
    let (mut feeds, errors) = refused_feed(&r);
    assert_eq!(places(&errors), [("干部", 2, "姓名")]);
    let Some(Feed::Refused(keys)) = feeds.get(2) else {
        panic!("the refusal comes before the cadres' part: {feeds:#?}")
    };
    assert_eq!(
        keys,
        &[Located {
            row: 2,
            value: Key::Cadre(refused)
        }]
    );
    feeds.remove(2);
    let parts = only_parts(feeds);
    assert_eq!(
        parts.iter().map(sheet_of).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4, 5],
        "every sheet is still handed on, to be checked"
    );
    let Part::Cadres(cadres) = &parts[2] else {
        panic!("cadres")
    };
    assert_eq!(
        cadres.iter().map(|c| c.row).collect::<Vec<_>>(),
        [3],
        "not the refused row"
    );
}

#[test]
fn a_refusal_without_a_readable_key_still_stops_the_writer() {
    let mut r = full_roster();
    // An appointment row has no key others refer to; a unit row with a bad code has none
    // that can be read.
    r.appointments[1].value.doc_no = "号".repeat(201);
    r.units[1].value.code = "坏 编码".into();
    let (feeds, errors) = refused_feed(&r);
    assert_eq!(
        places(&errors),
        [("单位", 3, "单位编码"), ("任职", 3, "任免文号")]
    );
    let kinds: Vec<String> = feeds
        .iter()
        .map(|f| match f {
            Feed::Refused(k) => format!("refused {}", k.len()),
            Feed::Part(p) => format!("part {}", sheet_of(p)),
            Feed::End(_) => "end".into(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "refused 0",
            "part 0",
            "part 1",
            "part 2",
            "refused 0",
            "part 3",
            "part 4",
            "part 5"
        ]
    );
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
        Some(Feed::End(errors)) => {
            assert_eq!(places(&errors.into_list()), [("干部", 3, "姓名")])
        }
        other => panic!("expected the end with errors, got {other:?}"),
    }
    assert!(reader.join().unwrap().is_empty());

    let bytes = write_roster(&full_roster(), &|_| {}).unwrap();
    let (mut rx, reader) = spawn_reader(bytes, |_| {});
    let mut feeds = Vec::new();
    while let Some(f) = rx.blocking_recv() {
        feeds.push(f);
    }
    assert_eq!(feeds.last(), Some(&Feed::End(Default::default())));
    assert_eq!(feeds.len(), 7, "six parts and the end");
    reader.join().unwrap();
}

#[test]
fn a_reader_whose_writer_went_away_stops() {
    let bytes = write_roster(&big_roster(CHUNK * 4), &|_| {}).unwrap();
    // The reader's first progress (row 1,000 of 职位, before any chunked sheet) waits
    // until the writer has gone away; every progress after it is recorded.
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Mutex::new(Some(wait));
    let after = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = after.clone();
    let (rx, reader) = spawn_reader(bytes, move |p| {
        if let Some(w) = wait.lock().unwrap().take() {
            w.recv().unwrap();
        } else {
            seen.lock().unwrap().push((p.sheet, p.done));
        }
    });
    drop(rx);
    go.send(()).unwrap();
    // A cancelled read is an error, so no notices come back.
    assert!(reader.join().unwrap().is_empty());
    // The thread ends at its next hand-on rather than reading on for nobody: at most one
    // chunk's progress (a progress every 1,000 rows), where the roster has 20,000 cadres
    // and their appointments still to read.
    let after = after.lock().unwrap();
    assert!(
        after.len() <= CHUNK / 1000,
        "read on after the writer went away: {after:?}"
    );
}
