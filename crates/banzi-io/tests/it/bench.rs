//! The import benchmark: a 100,000-cadre workbook must import in at most 2× the time calamine
//! alone takes to read it. Run with
//! `cargo test --release -p banzi-io --test it -- --ignored --nocapture bench`.

use std::time::Instant;

use banzi_domain::codes::{Manner, Party, PostKind, TrainingKind, UnitSystem};
use banzi_domain::registry::{Appointment, Cadre, Post, Training, Unit};
use banzi_domain::roster::{Located, Roster};
use calamine::{Reader, Xlsx};

use crate::helpers::*;

pub fn big_roster(n: usize) -> Roster {
    let at = |i: usize| i as u32 + 2;
    let units: Vec<_> = (0..n / 200 + 1)
        .map(|i| Located {
            row: at(i),
            value: Unit {
                code: format!("U{i}"),
                name: format!("单位{i}"),
                parent_code: None,
                category: "市直单位".into(),
                platform: "综合".into(),
                system: UnitSystem::Other,
                non_cpc_required: false,
            },
        })
        .collect();
    let posts: Vec<_> = (0..n / 20 + 1)
        .map(|i| Located {
            row: at(i),
            value: Post {
                code: format!("P{i}"),
                unit_code: format!("U{}", i / 10),
                team: String::new(),
                title: "副局长".into(),
                kind: PostKind::Deputy,
                seats: 2,
                level: None,
            },
        })
        .collect();
    let full = full_roster().cadres[0].value.clone();
    let cadres: Vec<_> = (0..n)
        .map(|i| {
            let id = id(i);
            Located {
                row: at(i),
                value: Cadre {
                    gender: id.gender(),
                    birth_date: id.birth_date(),
                    party: if i % 7 == 0 {
                        Party::Masses
                    } else {
                        Party::Cpc
                    },
                    party_joined: None,
                    work_started: None,
                    id_number: id,
                    ..full.clone()
                },
            }
        })
        .collect();
    let appointments = (0..n)
        .map(|i| Located {
            row: at(i),
            value: Appointment {
                id_number: cadres[i].value.id_number.clone(),
                post_code: format!("P{}", i / 20),
                start: d("2018-03-01"),
                end: None,
                manner: Some(Manner::Appointed),
                doc_no: format!("宁委〔2018〕{i}号"),
            },
        })
        .collect();
    let trainings = (0..n)
        .map(|i| Located {
            row: at(i),
            value: Training {
                id_number: cadres[i].value.id_number.clone(),
                name: "中青年干部培训班".into(),
                kind: TrainingKind::Theory,
                start: d("2020-09-01"),
                end: Some(d("2020-09-30")),
                hours: Some(40.5),
            },
        })
        .collect();
    Roster {
        units,
        posts,
        cadres,
        appointments,
        portfolios: Vec::new(),
        trainings,
    }
}

fn calamine_alone(bytes: &[u8]) -> usize {
    let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut cells = 0;
    for name in x.sheet_names() {
        cells += x.worksheet_range(&name).unwrap().get_size().0;
    }
    cells
}

#[test]
#[ignore = "benchmark: run in release"]
fn bench_import_100k_cadres() {
    let r = big_roster(100_000);
    let t = Instant::now();
    let bytes = banzi_io::write_roster(&r, &|_| {}).unwrap();
    let write = t.elapsed();
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap()
    };
    let base = best(&|| {
        calamine_alone(&bytes);
    });
    let ours = best(&|| {
        let (back, _) = match read(&bytes) {
            Ok(r) => r,
            Err(e) => panic!("{} errors, first {:?}", e.len(), e.first()),
        };
        assert_eq!(back.cadres.len(), 100_000);
    });
    let ratio = ours.as_secs_f64() / base.as_secs_f64();
    println!(
        "{} MB; write {write:?}; calamine alone {base:?}; read_roster {ours:?}; ratio {ratio:.2}",
        bytes.len() >> 20
    );
    assert!(ratio <= 2.0, "import takes {ratio:.2}× calamine");
}
