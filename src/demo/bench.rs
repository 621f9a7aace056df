//! A large synthetic roster for the import benchmark.

use super::Rng;
use super::city::new_person;
use banzi_domain::codes::{Manner, PostKind, TrainingKind, UnitSystem};
use banzi_domain::date::Date;
use banzi_domain::id_number::synthesize;
use banzi_domain::registry::{Appointment, Post, Training, Unit};
use banzi_domain::roster::{Located, Roster};

/// A large synthetic roster for benchmarks: `n` cadres, one appointment and one training
/// each, 20 cadres to a post, 10 posts to a unit.
pub fn big_roster(n: usize) -> Roster {
    let mut rng = Rng::new(7);
    let start = Date::constant(2018, 3, 1);
    let mut r = Roster::default();
    let posts = n / 20 + 1;
    for u in 0..posts / 10 + 1 {
        r.units.push(Located {
            row: u as u32 + 2,
            value: Unit {
                code: format!("B{u:05}"),
                name: format!("基准单位{u}"),
                parent_code: None,
                category: "市直单位".into(),
                platform: "综合".into(),
                system: UnitSystem::Other,
                non_cpc_required: false,
            },
        });
    }
    for p in 0..posts {
        r.posts.push(Located {
            row: p as u32 + 2,
            value: Post {
                code: format!("B{:05}-P{p}", p / 10),
                unit_code: format!("B{:05}", p / 10),
                team: String::new(),
                title: "副局长".into(),
                kind: PostKind::Deputy,
                seats: 20,
                level: None,
            },
        });
    }
    for i in 0..n {
        let mut p = new_person(&mut rng, i as u32, start);
        p.cadre.id_number = synthesize(
            320_000 + (i / 500) as u32,
            p.cadre.birth_date,
            (i % 500) as u32,
            p.cadre.gender,
        );
        let post = i / 20;
        r.appointments.push(Located {
            row: i as u32 + 2,
            value: Appointment {
                id_number: p.cadre.id_number.clone(),
                post_code: format!("B{:05}-P{post}", post / 10),
                start,
                end: None,
                manner: Some(Manner::Appointed),
                doc_no: format!("江委〔2018〕{i}号"),
            },
        });
        r.trainings.push(Located {
            row: i as u32 + 2,
            value: Training {
                id_number: p.cadre.id_number.clone(),
                name: "中青年干部培训班".into(),
                kind: TrainingKind::Theory,
                start,
                end: None,
                hours: Some(40.0),
            },
        });
        r.cadres.push(Located {
            row: i as u32 + 2,
            value: p.cadre,
        });
    }
    r
}
