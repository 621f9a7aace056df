//! A workbook of benchmark size reads back correctly. Run with
//! `cargo test --release -p banzi-io --test it -- --ignored bench`; how fast it reads is
//! `cargo bench --bench import`'s to say.

use banzi_domain::codes::{Manner, Party, PostKind, TrainingKind, UnitSystem};
use banzi_domain::registry::{Appointment, Cadre, Post, Training, Unit};
use banzi_domain::roster::{Located, Roster};

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

/// A 100,000-cadre workbook (11 MB) reads back whole: every row, every value. Its speed
/// against calamine is the benchmark's (`cargo bench --bench import`), never a test's.
#[test]
#[ignore = "slow in a debug build: run in release"]
fn bench_import_100k_cadres() {
    let r = big_roster(100_000);
    let bytes = banzi_io::write_roster(&r, &|_| {}).unwrap();
    let (back, notices) = match read(&bytes) {
        Ok(r) => r,
        Err(e) => panic!("{} errors, first {:?}", e.len(), e.first()),
    };
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.cadres.len(), 100_000);
    assert_eq!(back.appointments.len(), 100_000);
    assert_eq!(back.trainings.len(), 100_000);
    assert_eq!(values(&back), values(&r));
}
